package roster

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/internal/booktest"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// TestContainsJoined checks containsJoined against strings.Contains of the
// joined strings, on every split of the words and around them.
func TestContainsJoined(t *testing.T) {
	words := []string{"名录", "主要负责人"}
	texts := []string{"", "名", "录", "主要负", "责人名录", "武威市组织机构及主要负责人名录", "主要负责人", "名录名", "x名录y", "主要负责", "\xe5"}
	for _, w := range words {
		for j := 0; j <= len(w); j++ {
			texts = append(texts, w[:j], w[j:], "前"+w[:j], w[j:]+"后")
		}
	}
	for _, a := range texts {
		for _, b := range texts {
			for _, w := range words {
				if got, want := containsJoined(a, b, w), strings.Contains(a+b, w); got != want {
					t.Errorf("containsJoined(%q, %q, %q) = %v", a, b, w, got)
				}
			}
		}
	}
}

// reCountyBody is the specification of countyBody; only the tests run it.
var reCountyBody = regexp.MustCompile(`^(\p{Han}{1,8}[县区旗])(委|人大常委会|政府|政协)$`)

// TestCountyBody checks countyBody against reCountyBody on made-up names
// and on every piece of the yearbook's lines between spaces and colons.
func TestCountyBody(t *testing.T) {
	names := []string{"", "委", "区委", "凉州区委", "凉州区人大常委会", "古浪县政府", "天祝藏族自治县政协", "民勤县委员会", "市委", "凉州区委组织部",
		"一二三四五六七八区委", "一二三四五六七八九区委", "A区委", "凉州区\xff委", "凉州x区政府", "阿拉善左旗政府", "区政府", "县县委"}
	for _, l := range booktest.Lines(t) {
		names = append(names, strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '\u3000' || r == '：' })...)
	}
	matched := 0
	for _, s := range names {
		place, body := countyBody(s)
		m := reCountyBody.FindStringSubmatch(s)
		if m == nil {
			if body != "" {
				t.Fatalf("countyBody(%q) = %q, %q; want none", s, place, body)
			}
			continue
		}
		matched++
		if place != m[1] || body != m[2] {
			t.Fatalf("countyBody(%q) = %q, %q; want %q, %q", s, place, body, m[1], m[2])
		}
	}
	if matched < 5 {
		t.Errorf("only %d county bodies: the check checks little", matched)
	}
}

// TestSplitNote checks splitNote against a split at the regexp it replaces.
func TestSplitNote(t *testing.T) {
	re := regexp.MustCompile(`[，、；,;]`)
	notes := []string{"", "，", "女", "女，藏族", "2023年2月任；兼", ",;、", "a,,b", "\xef\xbc，", "男、回族、2023年5月免", "；女"}
	for _, l := range booktest.Lines(t) {
		if i := strings.Index(l, "（"); i >= 0 {
			notes = append(notes, l[i:])
		}
	}
	for _, s := range notes {
		if got, want := splitNote(s), re.Split(s, -1); !slices.Equal(got, want) {
			t.Fatalf("splitNote(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestPunct checks colon and openParens, which read bytes, against
// readings of the decoded runes.
func TestPunct(t *testing.T) {
	colonRef := func(s string) (int, int) {
		depth := 0
		for i, r := range s {
			switch fold(r) {
			case '（':
				depth++
			case '）':
				depth = max(depth-1, 0)
			case '：':
				if depth == 0 {
					return i, utf8.RuneLen(r)
				}
			}
		}
		return -1, 0
	}
	openRef := func(s string) int {
		depth := 0
		for _, r := range s {
			switch fold(r) {
			case '（':
				depth++
			case '）':
				depth = max(depth-1, 0)
			}
		}
		return depth
	}
	texts := append([]string{"", "：", ":", "（：）：", "(a:b):c", "\xef\xbc", "\xef\xbc\x88", "\xe8（", "\xef（：", "）)：", "ab\xef\xbc\x9a"}, booktest.Lines(t)...)
	for _, s := range texts {
		gi, gw := colon(s)
		if wi, ww := colonRef(s); gi != wi || gw != ww {
			t.Fatalf("colon(%q) = %d, %d; want %d, %d", s, gi, gw, wi, ww)
		}
		if got, want := openParens(s), openRef(s); got != want {
			t.Fatalf("openParens(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestParensAfter checks that the parentheses a joined line leaves open
// are counted piece by piece as over the whole: each line of the book
// joined to the next, and a few pieces with parentheses split between them.
func TestParensAfter(t *testing.T) {
	texts := append([]string{"（", "a)", "）（", "(（", "））", ":）"}, booktest.Lines(t)...)
	for i := 0; i+1 < len(texts); i++ {
		a, b := texts[i], texts[i+1]
		if got, want := parensAfter(openParens(a), b), openParens(a+b); got != want {
			t.Fatalf("parensAfter(openParens(%q), %q) = %d, want %d", a, b, got, want)
		}
	}
}

// TestTitleLens checks titleLens and isTitleWord against the set of
// every prefix + modifier + base, on the strings the yearbook's lines
// start at each of their characters.
func TestTitleLens(t *testing.T) {
	titles := map[string]bool{}
	longest := 0
	for _, b := range titleBases {
		for _, m := range titleModifiers {
			for _, p := range titlePrefixes {
				titles[p+m+b] = true
				longest = max(longest, utf8.RuneCountInString(p+m+b))
			}
		}
	}
	if longest != maxTitleLen {
		t.Errorf("maxTitleLen = %d, want %d", maxTitleLen, longest)
	}
	texts := []string{"", "书记", "党组书记、局长", "常务副市长张三", "党委副书记", "副", "党组", "机关党委常务副监事会主席", "主任委员会"}
	for ti := range titles {
		texts = append(texts, ti, ti+"张", "副"+ti)
	}
	texts = append(texts, booktest.Lines(t)...)
	for _, s := range texts {
		r := []rune(s)
		for i := range r {
			lens := titleLens(r[i:])
			for n := 1; n <= len(r)-i && n <= longest+1; n++ {
				want := titles[string(r[i:i+n])]
				if got := lens&(1<<n) != 0; got != want {
					t.Fatalf("titleLens(%q) has %d: %v, want %v", string(r[i:]), n, got, want)
				}
				if got := isTitleWord(r[i : i+n]); got != want {
					t.Fatalf("isTitleWord(%q) = %v, want %v", string(r[i:i+n]), got, want)
				}
			}
		}
	}
}

// TestMayHoldTitle checks that a line mayHoldTitle rules out has a key
// with a character rosterTitle refuses, and so can be no part of a title.
func TestMayHoldTitle(t *testing.T) {
	lines := append([]string{"组织机构名录", "名录：", "名录１", "名录，", "名录。", "名录;", "\xef\xbc", "２０２３年名录"}, booktest.Lines(t)...)
	for _, s := range lines {
		if !mayHoldTitle(s) && !strings.ContainsAny(textnorm.Key(s), "0123456789：:，,。；;") {
			t.Fatalf("mayHoldTitle(%q) = false, but its key %q may be part of a title", s, textnorm.Key(s))
		}
	}
	if !mayHoldTitle("武威市组织机构及主要负责人名录") {
		t.Error("mayHoldTitle rules out a title")
	}
}

// TestUnitNote checks unitNote against the regexp it replaces, on made-up
// notes and on the text of every parenthesis of the yearbook's lines.
func TestUnitNote(t *testing.T) {
	re := regexp.MustCompile(`\d{4}年|撤销|整合|组建|更名|成立|合并|加挂|挂牌|划转|划入`)
	notes := []string{"", "年", "2023年", "023年", "x2023年", "2023 年", "２０２３年", "12345年", "年2023年", "于2023年2月撤销", "挂牌", "加挂牌子", "市档案局", "划", "划入"}
	for _, l := range booktest.Lines(t) {
		for _, p := range strings.Split(l, "（")[1:] {
			notes = append(notes, p)
		}
	}
	matched := 0
	for _, s := range notes {
		want := re.MatchString(s)
		if got := unitNote(s); got != want {
			t.Fatalf("unitNote(%q) = %v, want %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 5 {
		t.Errorf("only %d unit notes: the check checks little", matched)
	}
}

// reDate is the specification of readNoteDate; only the tests run it.
var reDate = regexp.MustCompile(`^(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?(.*)$`)

// TestReadNoteDate checks readNoteDate against reDate on made-up items
// and on every item of the notes of the yearbook's lines.
func TestReadNoteDate(t *testing.T) {
	items := []string{"", "年", "2023年", "023年", "2023年任", "2023年5月任", "2023年12月免", "2023年123月", "2023年1月5日任", "2023年1月55日",
		"2023年1月555日", "2023年5日", "2023年5", "2023年5月\n任", "2023年\xff", "２０２３年", "2023 年5月", "2023年5月5月", "12345年", "a2023年"}
	for _, l := range booktest.Lines(t) {
		if i := strings.Index(l, "（"); i >= 0 {
			items = append(items, splitNote(compact(l[i:]))...)
		}
	}
	matched := 0
	for _, it := range items {
		d, ok := readNoteDate(it)
		m := reDate.FindStringSubmatch(it)
		if m == nil {
			if ok {
				t.Fatalf("readNoteDate(%q) = %+v, want none", it, d)
			}
			continue
		}
		matched++
		if want := (noteDate{m[1], m[2], m[4]}); !ok || d != want {
			t.Fatalf("readNoteDate(%q) = %+v, %v; want %+v", it, d, ok, want)
		}
	}
	if matched < 10 {
		t.Errorf("only %d dated items: the check checks little", matched)
	}
}

// TestQuoteOfLine checks what logicalLines relies on to quote a logical
// line of one raw line as segment cleaned it: the cleaned content of a
// line without … is the cleaned line.
func TestQuoteOfLine(t *testing.T) {
	lines := append([]string{"", "　", "　　主任　王某", "  2023 年", "\u2002\u3000局长：李某\u3000", "\t张三", "\u00a0\u3000a b"}, booktest.Lines(t)...)
	for _, l := range lines {
		if strings.Contains(l, "…") {
			continue
		}
		c, _, _ := indentation(l)
		if c != "" && textnorm.Clean(c) != textnorm.Clean(l) {
			t.Fatalf("Clean of the content of %q = %q, of the line %q", l, textnorm.Clean(c), textnorm.Clean(l))
		}
	}
}
