package prose

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/yearbookkg/kg/loaders/internal/booktest"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// TestTableMarkLead checks that tableMarkLead passes every line the
// regexp it guards matches, on the lines of the vendored yearbook and on
// made-up ones.
func TestTableMarkLead(t *testing.T) {
	lines := []string{"表1", " 表 2", "\u3000续表12", "续表", "续 表1", "表", "表１２", "\t表3", "附表1", "表1 ", "x表1"}
	lines = append(lines, booktest.Lines(t)...)
	matched := 0
	for _, l := range lines {
		if reTableMark.MatchString(textnorm.TrimSpace(l)) {
			matched++
			if !tableMarkLead(l) {
				t.Errorf("tableMarkLead(%q) = false, but the regexp matches", l)
			}
		}
	}
	if matched < 10 {
		t.Errorf("the regexp matched only %d lines: the check checks little", matched)
	}
}

// TestLastKeyRune holds lastKeyRune to the last rune of textnorm.Key on
// the lines of the vendored yearbook and on made-up ones: spaces, U+FFFD,
// bytes that are not UTF-8 and full widths at the end.
func TestLastKeyRune(t *testing.T) {
	lines := []string{"", " ", "\ufffd", "名录", "名录 ", "名录\u3000\t", "名录\ufffd", "名录\xbd\x95", "\xe5\xbd", "\xe5名录",
		"名录\xe5", "录\xf0\x9f\x98", "ａ", "名录（", "x\u00a0", "名\u2002录\u2003", "\xe4\xb8"}
	lines = append(lines, booktest.Lines(t)...)
	for _, l := range lines {
		want := rune(-1)
		if k := textnorm.Key(l); k != "" {
			want, _ = utf8.DecodeLastRuneInString(k)
		}
		if got := lastKeyRune(l); got != want {
			t.Fatalf("lastKeyRune(%q) = %q, want %q", l, got, want)
		}
	}
}

// TestProvinceWindow checks that provinceNames finds in the key of
// provinceWindow(s) what it finds in the key of s, on the lines of the
// vendored yearbook and on made-up ones.
func TestProvinceWindow(t *testing.T) {
	lines := []string{"", "省", "甘肃省", "甘 肃省", "甘\ufffd肃\u3000省", "\xe7甘肃省", "在甘肃省和青海省", "省省甘肃省",
		"肃省甘肃省", "甘肃　省", "Ａ肃省", "x甘肃省y", "甘肃省省", "\xbd肃省", "甘\xe8肃省"}
	lines = append(lines, booktest.Lines(t)...)
	found := 0
	for _, l := range lines {
		got, want := provinceNames(textnorm.Key(provinceWindow(l))), provinceNames(textnorm.Key(l))
		if !slices.Equal(got, want) {
			t.Fatalf("provinceNames of the key of provinceWindow(%q) = %q, want %q", l, got, want)
		}
		found += len(want)
	}
	if found < 100 {
		t.Errorf("only %d names found: the check checks little", found)
	}
}

// TestTrimLeftSpace holds trimLeftSpace to strings.TrimLeftFunc on the
// lines of the vendored yearbook and on made-up ones.
func TestTrimLeftSpace(t *testing.T) {
	lines := []string{"", " ", "\u3000\u3000表", " \t\r\u2002\u2003\u00a0x", "\xe3\x80", "\xe3\x80\x80\x80", "\u00a0\xa0"}
	lines = append(lines, booktest.Lines(t)...)
	trimmed := 0
	for _, l := range lines {
		got, want := trimLeftSpace(l), strings.TrimLeftFunc(l, textnorm.IsSpace)
		if got != want {
			t.Fatalf("trimLeftSpace(%q) = %q, want %q", l, got, want)
		}
		if got != l {
			trimmed++
		}
	}
	if trimmed < 100 {
		t.Errorf("only %d lines trimmed: the check checks little", trimmed)
	}
}

// provinceNames returns what appendProvinceNames appends for s.
func provinceNames(s string) []string { return appendProvinceNames(nil, s) }

// TestProvinceNames holds appendProvinceNames to reProvince on every line of
// the vendored yearbook that holds 省, cleaned and raw, and on made-up
// runs of 省.
func TestProvinceNames(t *testing.T) {
	lines := []string{"", "省", "甘肃省", "甘肃省省", "省省省", "省省省省省省", "a甘肃省", "甘a肃省", "甘肃\xff省", "全省甘肃省", "甘肃省甘肃省"}
	for _, l := range booktest.Lines(t) {
		if strings.Contains(l, "省") {
			lines = append(lines, l, textnorm.Key(l))
		}
	}
	sameAsRegexp(t, "provinceNames", lines, reProvince, 100, provinceNames, func(s string) string { return s })
}

// sameAsRegexp checks the hand-written matcher got against the regexp re
// it stands for: on each of lines, got returns of(the first group) of
// every match of re, in order; and the matches number at least min, as a
// check that finds nothing checks little.
func sameAsRegexp[T comparable](t *testing.T, name string, lines []string, re *regexp.Regexp, min int, got func(string) []T, of func(string) T) {
	t.Helper()
	found := 0
	for _, l := range lines {
		var want []T
		for _, m := range re.FindAllStringSubmatch(l, -1) {
			want = append(want, of(m[1]))
		}
		g := got(l)
		if !slices.Equal(g, want) {
			t.Fatalf("%s(%q) = %v, want %v", name, l, g, want)
		}
		found += len(g)
	}
	if found < min {
		t.Errorf("%s: only %d matches: the check checks little", name, found)
	}
}

// reProvince is the specification of appendProvinceNames; only the tests
// run it.
var reProvince = regexp.MustCompile(`(\p{Han}{2})省`)

// TestPassageOfMarkedLines holds lines.passage to segment's Passage on a
// copy of the document whose marked lines are no longer Body, as prepare
// once made: the same text and the same line at every offset, for every
// range of lines in a sliding window of the vendored yearbook.
func TestPassageOfMarkedLines(t *testing.T) {
	d, err := segment.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	ls := prepare(d)
	dd := *d
	dd.Lines = slices.Clone(d.Lines)
	marked := 0
	for n := 1; n <= len(dd.Lines); n++ {
		if ls.skip[n] {
			dd.Line(n).Kind = skipped
			marked++
		}
	}
	if marked < 100 {
		t.Fatalf("only %d lines marked: the check checks little", marked)
	}
	multi := 0
	for from := 1; from <= len(d.Lines); from += 7 {
		for _, to := range []int{from - 1, from, from + 3, from + 40} {
			for _, col := range []int{0, 3} {
				got, want := ls.passage(from, to, col), dd.Passage(from, to, col)
				if got.Text != want.Text {
					t.Fatalf("passage(%d, %d, %d) = %.60q…, want %.60q…", from, to, col, got.Text, want.Text)
				}
				if len(got.runs) > 1 {
					multi++
				}
				for off := 0; off <= len(got.Text); off++ {
					if g, w := got.Line(off), want.Line(off); g != w {
						t.Fatalf("passage(%d, %d, %d).Line(%d) = %d, want %d", from, to, col, off, g, w)
					}
				}
			}
		}
	}
	if multi < 30 {
		t.Errorf("only %d passages of several runs: the check checks little", multi)
	}
}

// TestPassagesOfRunning holds the passages prose reads with the running
// text of segment to those it joins alone, on the vendored yearbook: the
// same chunks, texts and lines at every offset. It also checks that the
// running text spares most of the copying: most of the text read is a
// stretch of a running passage, not of prose's own buffer.
func TestPassagesOfRunning(t *testing.T) {
	d, err := segment.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	alone := (&extractor{d: d, ls: prepare(d)}).passages()
	x := &extractor{d: d, ls: prepare(d), running: runningText{all: d.Running()}}
	shared := x.passages()
	if len(shared) != len(alone) {
		t.Fatalf("%d passages with the running text, %d without", len(shared), len(alone))
	}
	inRunning, total := 0, 0
	for i, p := range shared {
		q := alone[i]
		if p.lines != q.lines || p.p.Text != q.p.Text {
			t.Fatalf("passage %d (lines %d–%d) differs with the running text", i, p.lines.from, p.lines.last)
		}
		for off := 0; off <= len(p.p.Text); off += 5 {
			if g, w := p.p.Line(off), q.p.Line(off); g != w {
				t.Fatalf("passage %d: Line(%d) = %d, want %d", i, off, g, w)
			}
		}
		total += len(p.p.Text)
		if p.src != nil && within(p.p.Text, p.src.Text) {
			inRunning += len(p.p.Text)
		}
	}
	if inRunning < total*3/4 {
		t.Errorf("only %d of %d bytes of text are stretches of running passages", inRunning, total)
	}
}

// TestWrittenBoundsJoin checks that written bounds the bytes join writes
// to its buffer, chunk by chunk, with the running text and without, on
// the vendored yearbook: joinAll sizes the buffer by it once, for all.
func TestWrittenBoundsJoin(t *testing.T) {
	d, err := segment.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, running := range [][]segment.Stretch{nil, d.Running()} {
		x := &extractor{d: d, ls: prepare(d), running: runningText{all: running}}
		ps := x.passages()
		count, heads := 0, 0
		for _, p := range ps {
			count += p.lines.count
		}
		j := newJoins(len(ps), count)
		for _, p := range ps {
			before := j.b.Len()
			x.ls.join(j, p.lines, p.src)
			if got, bound := j.b.Len()-before, x.ls.written(p.lines, p.src); got > bound {
				t.Fatalf("running %t: join wrote %d bytes of lines %d–%d, written bounds them by %d", running != nil, got, p.lines.from, p.lines.last, bound)
			}
			if _, ok := x.ls.head(p.lines); ok {
				heads++
			}
		}
		if heads < 100 {
			t.Errorf("running %t: only %d chunks start inside a line: the check checks little", running != nil, heads)
		}
	}
}

// within reports whether the bytes of s lie in those of outer.
func within(s, outer string) bool {
	p, o := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(outer)))
	return p >= o && p+uintptr(len(s)) <= o+uintptr(len(outer))
}
