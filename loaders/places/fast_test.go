package places

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/internal/booktest"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// TestBoundary checks boundary against the list of characters it stood
// for.
func TestBoundary(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		want := r == 0 || strings.ContainsRune("、，。；：“”‘’（）()《》！？,;:!? ", r)
		if boundary(r) != want {
			t.Fatalf("boundary(%U) = %v", r, !want)
		}
	}
	if boundary(utf8.RuneError) || boundary(-1) {
		t.Fatal("boundary of an invalid rune")
	}
}

// orgTailRef is orgTail as first written: one strings.Index a suffix.
func orgTailRef(text string, end int) bool {
	if strings.HasPrefix(text[end:], "（") {
		if k := strings.Index(text[end:], "）"); k > 0 && k < 24 {
			end += k + len("）")
		}
	}
	run := text[end : end+hanRun(text, end, 16)]
	if run == "" {
		return false
	}
	if strings.ContainsRune("东南西北中境", runeAt(run, 0)) {
		return false
	}
	for _, s := range orgSuffixes {
		i := strings.Index(run, s)
		if i < 0 {
			continue
		}
		pre := strings.ReplaceAll(run[:i], "有限", "")
		if !textnorm.ContainsAny(pre, orgVerbs...) {
			return true
		}
	}
	return false
}

// TestOrgTail checks orgTail against orgTailRef at every rune of the
// yearbook's text.
func TestOrgTail(t *testing.T) {
	text := yearbookText(t)
	for i := range text {
		if got, want := orgTail(text, i), orgTailRef(text, i); got != want {
			t.Fatalf("orgTail at %d (%q) = %v, want %v", i, text[i:min(len(text), i+60)], got, want)
		}
	}
	for _, s := range []string{"有限公司", "有公司", "举办有限公司", "凉州区人民法院", "（武威）国际陆港", "北部林场"} {
		for i := range s {
			if orgTail(s, i) != orgTailRef(s, i) {
				t.Errorf("orgTail(%q, %d)", s, i)
			}
		}
	}
}

// TestChains checks that chains yields the runs of touching hits in
// order, leaves out those an organization's name goes on from, and stops
// when the loop does.
func TestChains(t *testing.T) {
	text := "凉州区永昌镇白洪村，凉州区人民法院和古浪县、民勤县"
	var hits []hit
	end := 0 // where the last hit ends
	for _, name := range []string{"凉州区", "永昌镇", "白洪村", "凉州区", "古浪县", "民勤县"} {
		i := end + strings.Index(text[end:], name)
		end = i + len(name)
		hits = append(hits, hit{start: i, end: end, name: name})
	}
	var got [][]string
	for chain := range chains(text, hits) {
		var names []string
		for _, h := range chain {
			names = append(names, h.name)
		}
		got = append(got, names)
	}
	want := [][]string{{"凉州区", "永昌镇", "白洪村"}, {"古浪县"}, {"民勤县"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("chains = %q, want %q", got, want)
	}
	n := 0
	for range chains(text, hits) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("a loop that breaks at once ran %d times", n)
	}
}

// yearbookText returns the raw text of the vendored yearbook; a missing
// one is a failure, not a skip.
func yearbookText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(booktest.Path())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSiteTypeOf checks siteTypeOf against the walk of the suffix lists
// it shortcuts, on every run of one to eight runes of the yearbook.
func TestSiteTypeOf(t *testing.T) {
	ref := func(name string) string {
		switch {
		case textnorm.HasAnySuffix(name, otherSuffixes...):
			return Other
		case textnorm.HasAnySuffix(name, siteSuffixes...):
			return Site
		case textnorm.HasAnySuffix(name, naturalSuffixes...):
			return Natural
		}
		return ""
	}
	text := yearbookText(t)
	if len(text) > 200000 {
		text = text[:200000]
	}
	for i := range text {
		j := i
		for n := 0; n < 8 && j < len(text); n++ {
			_, size := utf8.DecodeRuneInString(text[j:])
			j += size
			if got, want := siteTypeOf(text[i:j]), ref(text[i:j]); got != want {
				t.Fatalf("siteTypeOf(%q) = %q, want %q", text[i:j], got, want)
			}
		}
	}
	for _, s := range typedSuffixes {
		if siteTypeOf("某"+s) != ref("某"+s) {
			t.Errorf("siteTypeOf(某%s)", s)
		}
	}
}

// TestSiteGuards checks that the tests discoverSites makes before its
// regexps let every match through: on each line of the yearbook and on
// lines joined in pairs, a match of reRoute holds an →, a match of
// reSightList one of sightListWords, and a match of reCounted passes
// mayCount.
func TestSiteGuards(t *testing.T) {
	lines := strings.Split(yearbookText(t), "\n")
	lines = append(lines, "有大靖河、古浪河等8条河流", "5 条水系 10 条河流", "三座水库", "八个湖泊", "武威→凉州→民勤", "雷台汉墓等景点", "天梯山等名胜古迹", "沙漠等旅游景区")
	for i, l := range lines {
		if i+1 < len(lines) {
			l += lines[i+1]
		}
		if reRoute.MatchString(l) && !strings.Contains(l, "→") {
			t.Fatalf("route without →: %q", l)
		}
		if reSightList.MatchString(l) && !anyOccurs(newFormSet(sightListWords).all(l)) {
			t.Fatalf("sight list without its words: %q", l)
		}
		if reCounted.MatchString(l) && !mayCount(l) {
			t.Fatalf("mayCount(%q) = false, but reCounted matches", l)
		}
	}
}

// TestFormSet checks formSet.all against a loop of strings.Index for
// each form, on the yearbook's lines.
func TestFormSet(t *testing.T) {
	forms := []string{"武威", "武威市", "凉州", "凉州区", "县", "河流域", "→", "a", "aa", "\xe6", "。"}
	set := newFormSet(forms)
	for _, l := range append(strings.Split(yearbookText(t), "\n"), "aaa武威市武威", "\xe6\xe6a") {
		got := set.all(l)
		for j, w := range forms {
			var want []int
			for off := 0; ; {
				k := strings.Index(l[off:], w)
				if k < 0 {
					break
				}
				want = append(want, off+k)
				off += k + len(w)
			}
			if !slices.Equal(got[j], want) {
				t.Fatalf("all(%q)[%q] = %v, want %v", l, w, got[j], want)
			}
		}
	}
}

// TestBuilderIndexes checks, on the state Extract reaches on the yearbook,
// the indexes the builder keeps against the walks they replace: lookup,
// lookupEnd, countyOfTitle and countyWordCounts.
func TestBuilderIndexes(t *testing.T) {
	raw := yearbookText(t)
	lines, _, err := decode.Lines("wuwei-2024.txt", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	d := segment.Parse("wuwei-2024.txt", lines)
	b := newBuilder(d, "y", d.Running())
	b.admin()
	b.discoverTowns()
	b.discoverVillages()
	b.discoverSites()
	b.mentions()
	lookupRef := func(form string) *kg.Entity {
		k := textnorm.Key(form)
		if e := b.byKey[k]; e != nil {
			return e
		}
		for _, e := range b.ents {
			for _, a := range e.Aliases {
				if textnorm.Key(a) == k {
					return e
				}
			}
		}
		return nil
	}
	lookupEndRef := func(text string, end int) bool {
		for _, e := range b.ents {
			if level(typeOf(e)) == 0 {
				continue
			}
			for _, f := range append([]string{e.Name}, e.Aliases...) {
				if strings.HasSuffix(text[:end], f) && adminType(f) != "" {
					return true
				}
			}
		}
		return false
	}
	countyRef := func(title string) *kg.Entity {
		k := textnorm.Key(title)
		for _, c := range b.counties {
			if c.Key == k {
				return c
			}
			for _, a := range c.Aliases {
				if textnorm.Key(a) == k {
					return c
				}
			}
		}
		return nil
	}
	var forms []string
	for _, e := range b.ents {
		forms = append(forms, e.Name, e.Name+"镇", e.Name+"乡", e.Key)
		for _, a := range e.Aliases {
			forms = append(forms, a, a+"县", " "+a)
		}
	}
	for _, f := range forms {
		if b.lookup(f) != lookupRef(f) {
			t.Fatalf("lookup(%q)", f)
		}
		if b.countyOfTitle(f) != countyRef(f) {
			t.Fatalf("countyOfTitle(%q)", f)
		}
		for end := 0; end <= len(f); end++ {
			if b.lookupEnd(f, end) != lookupEndRef(f, end) {
				t.Fatalf("lookupEnd(%q, %d)", f, end)
			}
		}
	}
	for _, p := range b.texts {
		// Where bareCounties asks: after each 县.
		for off := 0; ; {
			k := strings.Index(p.Text[off:], "县")
			if k < 0 {
				break
			}
			off += k + len("县")
			if b.lookupEnd(p.Text, off) != lookupEndRef(p.Text, off) {
				t.Fatalf("lookupEnd at %d of %q", off, p.Text)
			}
		}
	}
	for _, stem := range []string{"景泰", "积石山", "古浪", "天祝", "民勤", "永登", "武威", "凉州"} {
		b.words = nil
		n, nw := b.countyWordCounts(stem)
		b.words = nil
		if n != b.wordCount(stem) || nw != b.wordCount(stem+"县") {
			t.Errorf("countyWordCounts(%s) = %d, %d; want %d, %d", stem, n, nw, b.wordCount(stem), b.wordCount(stem+"县"))
		}
	}
}

// TestNational checks national's table against the walk of the national
// data it replaces, on every form of that data.
func TestNational(t *testing.T) {
	ref := func(form string) (string, string, []string, bool) {
		for n, fs := range naturals {
			if form == n || containsString(fs, form) {
				return n, Natural, fs, true
			}
		}
		for _, p := range provinces {
			short, bare := shortForms(p)
			if form == p || form == short || form == bare {
				return p, Province, []string{short, bare}, true
			}
		}
		if containsString(countryData, form) {
			return form, Other, nil, true
		}
		for _, c := range prefectures {
			short, bare := shortForms(c)
			if form == c || form == short || form == bare {
				return c, City, []string{short, bare}, true
			}
		}
		return "", "", nil, false
	}
	forms := []string{"", "武威", "凉州", "不是地名"}
	for _, v := range nationalPlaces() {
		forms = append(forms, v.name)
		forms = append(forms, v.forms...)
	}
	for _, f := range forms {
		n1, t1, f1, ok1 := national(f)
		n2, t2, f2, ok2 := ref(f)
		if n1 != n2 || t1 != t2 || !slices.Equal(f1, f2) || ok1 != ok2 {
			t.Errorf("national(%q) = %q %q %q %v, want %q %q %q %v", f, n1, t1, f1, ok1, n2, t2, f2, ok2)
		}
	}
}

// mayCount reports whether s may hold a match of reCounted: one of its
// nouns right after one of its measure words and a numeral.
func mayCount(s string) bool { return countedAt(s, countedNounSet.all(s)) }

// TestHasField checks hasField against slices.Contains(strings.Fields(s),
// w) on each line of the yearbook and on cases of spaces, ends and broken
// UTF-8 around the word.
func TestHasField(t *testing.T) {
	lines := []string{"", "全市", " 全市", "全市 ", "项目\u3000全市\u3000凉州区", "全市人口", "2023年全市", "a全市 b", "\t全市\n",
		"\xe3全市 ", "\xe3\x80\x80全市", "全市\xe3\x80", "全市全市 全市", "全全市 "}
	lines = append(lines, strings.Split(yearbookText(t), "\n")...)
	for _, s := range lines {
		if got, want := hasField(s, "全市"), slices.Contains(strings.Fields(s), "全市"); got != want {
			t.Fatalf("hasField(%q) = %v, want %v", s, got, want)
		}
	}
}
