package textnorm_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/yearbookkg/kg/loaders/internal/booktest"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

func TestKey(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ideographic space in a name", "周　勇", "周勇"},
		{"spread characters", "蒋 建 国", "蒋建国"},
		{"full-width digits", "表１", "表1"},
		{"full-width parentheses fold", "市委办公室（市档案局）", "市委办公室(市档案局)"},
		{"en space and replacement char", "景\u2002瀚\uFFFD", "景瀚"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textnorm.Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"spaces around numbers", "2023 年 8 月 4 日", "2023年8月4日"},
		{"spread chronicle line", "同 日　 中 共 武 威 市 委 办 公 室", "同日中共武威市委办公室"},
		{"table cells keep their separator", "可支配收入 37535 6.5 17266 8.6", "可支配收入37535 6.5 17266 8.6"},
		{"full-width letters fold, punctuation stays", "Ｘ光机（台）", "X光机（台）"},
		{"credit separator", "搬迁项目\uFFFD （徐燕　戴声桥　摄）", "搬迁项目（徐燕戴声桥摄）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textnorm.Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDoubled(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{" 中 国 共 产 党 武 威 市 委 员 会中 国 共 产 党 武 威 市 委 员 会", "中国共产党武威市委员会", true},
		{" 专  记专  记", "专记", true},
		{"法 　 治法 　 治", "法治", true},
		{"组织工作", "", false},
		{"哈哈", "", false},
	}
	for _, tt := range tests {
		got, ok := textnorm.Doubled(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Doubled(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestKeyMatchesWidthFold checks the hand-written fold of Key against
// golang.org/x/text/width on every line of the vendored yearbook.
func TestKeyMatchesWidthFold(t *testing.T) {
	b, err := os.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(b), "\n") {
		want := strings.Map(func(r rune) rune {
			if textnorm.IsSpace(r) || r == '\uFFFD' {
				return -1
			}
			return r
		}, width.Fold.String(line))
		if got := textnorm.Key(line); got != want {
			t.Fatalf("line %d: Key = %q, width.Fold gives %q", i+1, got, want)
		}
	}
}

// TestAppendClean checks AppendClean against textnorm.Clean on every line
// of the vendored yearbook and the fixtures, and on the damage Clean undoes.
func TestAppendClean(t *testing.T) {
	lines := append(booktest.Lines(t), "2023 年", "37535 6.5", "a  b", "a \uFFFD b", "a\uFFFD b", "1 \xff 2", "Ｘ光机", "２０２３", "ａ ｂ", "Ａ　１", "（）", "景\u2002瀚", "\uFFFD", "a\xffb", "\xe5\x87", "\t", "a\r", "\u00a0", "＃１", "% 5", ". 5", "5 .", "x\u3000y", "中 国", "a 中", " a", "a ")
	for _, s := range lines {
		var b strings.Builder
		textnorm.AppendClean(&b, s)
		if want := referenceClean(s); b.String() != want {
			t.Fatalf("AppendClean(%q) = %q, want %q", s, b.String(), want)
		}
	}
}

// TestAppendCleanExhaustive checks AppendClean against textnorm.Clean on
// every string of up to five pieces from the runes Clean treats apart.
func TestAppendCleanExhaustive(t *testing.T) {
	var walk func(pieces []string, s string, depth, max int)
	walk = func(pieces []string, s string, depth, max int) {
		var b strings.Builder
		textnorm.AppendClean(&b, s)
		if want := referenceClean(s); b.String() != want {
			t.Fatalf("AppendClean(%q) = %q, want %q", s, b.String(), want)
		}
		if depth == max {
			return
		}
		for _, p := range pieces {
			walk(pieces, s+p, depth+1, max)
		}
	}
	walk([]string{" ", "\t", "\u3000", "\u00a0", "\uFFFD", "\xff", "a", "1", ".", "%", "-", "中", "Ｘ", "５", "，"}, "", 0, 5)
	walk([]string{" ", "\u2002", "\u2003", "\r", "\n", "\xe4\xb8", "\xed\xa0\x80", "한", "\ue000", "ｚ", "Ａ", "０", "a", "9", "中", "\u3000"}, "", 0, 4)
}

// TestLongRuns checks Clean and Key against their references on every
// string of up to five pieces that make runs long enough for the
// eight-byte reads of skipKept and keyRun, at every alignment, around
// the runes they stop at.
func TestLongRuns(t *testing.T) {
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		var b strings.Builder
		textnorm.AppendClean(&b, s)
		if want := referenceClean(s); b.String() != want {
			t.Fatalf("AppendClean(%q) = %q, want %q", s, b.String(), want)
		}
		if got, want := textnorm.Key(s), referenceKey(s); got != want {
			t.Fatalf("Key(%q) = %q, want %q", s, got, want)
		}
		if depth == 5 {
			return
		}
		for _, p := range []string{"中文", "中文字", "，。", "\u3000", "\uFFFD", "５", "（", "\uff5f", "\xe4\xb8", "\xef\xbc", " ", "a", "\u2003"} {
			walk(s+p, depth+1)
		}
	}
	walk("", 0)
}

// referenceClean is Clean written the plain way, rune by rune: the oracle
// AppendClean's faster loop is checked against.
func referenceClean(s string) string {
	var b strings.Builder
	pendingSpace := false
	var prev rune
	for _, r := range s {
		if textnorm.IsSpace(r) {
			pendingSpace = true
			continue
		}
		if r == utf8.RuneError {
			continue
		}
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			r -= 0xFEE0
		}
		if pendingSpace && refAlnum(prev) && refAlnum(r) {
			b.WriteByte(' ')
		}
		pendingSpace = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func refAlnum(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '%')
}

func TestNumber(t *testing.T) {
	tests := map[string]int{"49": 49, "四十九": 49, "十二": 12, "十": 10, "一百零五": 105, "两": 2, "二十": 20, "五": 5, "": 0, "届": 0, "十届": 0}
	for in, want := range tests {
		if got := textnorm.Number(in); got != want {
			t.Errorf("Number(%q) = %d, want %d", in, got, want)
		}
	}
}

// referenceKey is Key as first written: one pass over the runes to ask
// whether the key is s itself, and one to build it.
func referenceKey(s string) string {
	return strings.Map(func(r rune) rune {
		if textnorm.IsSpace(r) || r == utf8.RuneError {
			return -1
		}
		return textnorm.FoldWidth(r)
	}, s)
}

// TestKeyExhaustive checks Key against referenceKey on every string of
// up to four pieces from the runes and broken bytes Key treats apart,
// and on every line of the vendored yearbook.
func TestKeyExhaustive(t *testing.T) {
	check := func(s string) {
		if got, want := textnorm.Key(s), referenceKey(s); got != want {
			t.Fatalf("Key(%q) = %q, want %q", s, got, want)
		}
	}
	for _, l := range booktest.Lines(t) {
		check(l)
	}
	var walk func(pieces []string, s string, depth int)
	walk = func(pieces []string, s string, depth int) {
		check(s)
		if depth == 4 {
			return
		}
		for _, p := range pieces {
			walk(pieces, s+p, depth+1)
		}
	}
	walk([]string{" ", "\t", "\r", "\n", "\u3000", "\u2002", "\u2003", "\u00a0", "\uFFFD", "\xff", "\xe4\xb8", "\xed\xa0\x80", "\xec\xbf\xbf", "\xe4\x80\x80", "a", "中", "Ｘ", "５", "\uff5f", "한", "\ue000"}, "", 0)
}

// TestTrimRightSpace holds TrimRightSpace to strings.TrimRightFunc on every
// line of the yearbook and on every string of up to four pieces of spaces,
// their broken bytes and other runes.
func TestTrimRightSpace(t *testing.T) {
	check := func(s string) {
		if got, want := textnorm.TrimRightSpace(s), strings.TrimRightFunc(s, textnorm.IsSpace); got != want {
			t.Fatalf("TrimRightSpace(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range booktest.Lines(t) {
		check(s)
	}
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		check(s)
		if depth == 4 {
			return
		}
		for _, p := range []string{" ", "\t", "\r", "\n", "\u3000", "\u2002", "\u2003", "\u00a0", "\x80", "\xa0", "\xc2", "\xe3", "\xe3\x80", "\xe2\x80", "中", "a", "\u2001"} {
			walk(s+p, depth+1)
		}
	}
	walk("", 0)
}

// TestAppendCleanEnds checks that AppendCleanEnds writes what AppendClean
// does, after text already written, and notes the offsets of exactly the
// sentence ends (。；！？) in what it wrote.
func TestAppendCleanEnds(t *testing.T) {
	lines := append(booktest.Lines(t), "甲。乙；丙！丁？", "。", "a 。 b", "\xe3\x80。", "。\xe3\x80", "中中中中中中。中中中中；", "Ａ！１？", "\uFFFD。", "\u3000。\u3000", "，、：")
	for _, s := range lines {
		var b strings.Builder
		b.WriteString("前。")
		ends := textnorm.AppendCleanEnds(&b, s, []int32{0})
		if want := "前。" + referenceClean(s); b.String() != want {
			t.Fatalf("AppendCleanEnds(%q) wrote %q, want %q", s, b.String(), want)
		}
		want := []int32{0}
		out := b.String()
		for i := len("前。"); i+3 <= len(out); i++ {
			switch out[i : i+3] {
			case "。", "；", "！", "？":
				want = append(want, int32(i))
			}
		}
		if !slices.Equal(ends, want) {
			t.Fatalf("AppendCleanEnds(%q) ends = %v, want %v", s, ends, want)
		}
	}
}

func TestAllDigits(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{{"", true}, {"2023", true}, {"0", true}, {"20a3", false}, {"２０２３", false}, {"2023年", false}, {" 1", false}, {"/", false}, {":", false}} {
		if got := textnorm.AllDigits(c.s); got != c.want {
			t.Errorf("AllDigits(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestContainsAny(t *testing.T) {
	for _, tt := range []struct {
		s     string
		words []string
		want  bool
	}{
		{"会议于5月召开，", []string{"，", "；"}, true},
		{"会议于5月召开", []string{"，", "；"}, false},
		{"国家级示范区", []string{"省级", "国家级"}, true},
		{"示范区", nil, false},
	} {
		if got := textnorm.ContainsAny(tt.s, tt.words...); got != tt.want {
			t.Errorf("ContainsAny(%q, %q) = %v, want %v", tt.s, tt.words, got, tt.want)
		}
	}
}

func TestHasAnyPrefixSuffix(t *testing.T) {
	for _, tt := range []struct {
		s            string
		words        []string
		prefix, suff bool
	}{
		{"凉州区人民法院", []string{"古浪县", "凉州区"}, true, false},
		{"武威市凉州区", []string{"古浪县", "凉州区"}, false, true},
		{"凉州区", []string{"凉州区"}, true, true},
		{"凉州", []string{"凉州区"}, false, false},
		{"，会议", []string{"，", "。"}, true, false},
		{"示范区", nil, false, false},
		{"", []string{"区"}, false, false},
		{"区", []string{""}, true, true},
	} {
		if got := textnorm.HasAnyPrefix(tt.s, tt.words...); got != tt.prefix {
			t.Errorf("HasAnyPrefix(%q, %q) = %v, want %v", tt.s, tt.words, got, tt.prefix)
		}
		if got := textnorm.HasAnySuffix(tt.s, tt.words...); got != tt.suff {
			t.Errorf("HasAnySuffix(%q, %q) = %v, want %v", tt.s, tt.words, got, tt.suff)
		}
	}
}
