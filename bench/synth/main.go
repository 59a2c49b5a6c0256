// Command synth derives synthetic yearbooks from a real one, for the scale
// benchmarks: yearbook i covers year Y+i and speaks of other people and
// other places, so that loading many of them grows the graph the way a
// series of yearbooks would, instead of reloading the same entities.
//
//	synth -yearbook data/wuwei-2024.txt -n 20 -out DIR    writes DIR/synth-<i>-<edition>.txt
//
// Yearbook 0 is the original, byte for byte (its IDs are the ones the
// representative queries ask for). For i ≥ 1, deterministically from the
// seed and i:
//
//   - years shift by i: four-digit years 2010–2030 (2023 年, 2023.12,
//     2022—2025), the spaced year of the page banners (2 0 2 4) and years in
//     Chinese numerals (二〇二三年); other numbers stay;
//   - people are renamed: each surname and each last character of a given
//     name is swapped through a permutation of those the yearbook uses, so
//     that no two people of a yearbook share a new name (the mapping is a
//     bijection) while a few names recur across yearbooks by chance, as
//     they would;
//   - places are renamed in their distinctive part: the city and its
//     districts and counties everywhere (so 凉州区 and the 凉州区人民医院
//     of the same yearbook still match), towns, villages, communities and
//     sites in their first two characters; their new parts are drawn from a
//     pool of characters as pairs that never occur in the original text.
//     Organizations named after a place are renamed with it; others
//     (市委办公室) stay, and so merge across yearbooks as a city's offices do.
//
// The names come from the original's extraction (loaders.Extract).
package main

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	yearbook := fs.String("yearbook", "data/wuwei-2024.txt", "the real yearbook to derive from")
	n := fs.Int("n", 20, "number of yearbooks to write (0 is the original)")
	seed := fs.Uint64("seed", 1, "seed of the renaming")
	out := fs.String("out", "", "directory to write to (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || *n < 1 || *n > 200 {
		return errors.New("usage: synth -out DIR [-n 1..200] [-yearbook FILE] [-seed N]")
	}
	src, err := os.ReadFile(*yearbook)
	if err != nil {
		return err
	}
	res, err := loaders.Extract(*yearbook, src)
	if err != nil {
		return err
	}
	base := newSource(string(src), res.Graph, res.Doc.City, res.Doc.Year)
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for i := range *n {
		text, stats := base.derive(*seed, i)
		name := filepath.Join(*out, fmt.Sprintf("synth-%d-%d.txt", i, base.year+1+i))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			return err
		}
		fmt.Printf("%s: %d bytes, years +%d, %d people and %d place names renamed, %d replacements\n",
			filepath.Base(name), len(text), i, stats.people, stats.places, stats.replaced)
	}
	return nil
}

// source is the original yearbook and what the renaming needs of it.
type source struct {
	text    string
	year    int               // the year it covers
	people  []string          // names of people
	tokens  []string          // distinctive parts replaced wherever they occur (city, districts, counties)
	places  map[string]string // other place names → their distinctive prefix
	bigrams map[string]bool   // every pair of runes of the text, so new names are new
	pool    []rune
}

// localTypes are the kinds of place renamed: the city's own divisions and
// sites. Provinces, other cities, rivers and countries keep their names.
var localTypes = map[string]bool{"TOWN": true, "TOWNSHIP": true, "SUBDISTRICT": true, "VILLAGE": true, "COMMUNITY": true, "SITE": true}

// countySuffixes end the names of districts and counties, longest first.
var countySuffixes = []string{"藏族自治县", "裕固族自治县", "自治县", "县", "区", "旗"}

// numerals and structural characters must not be renamed: they carry
// dates, ordinals and the kinds of units the extractors read.
const unsafe = "〇零一二三四五六七八九十百千万两第市县区镇乡村街道社委局办会院校所站中心部党政人民国省年月日"

// namePool are the characters new place parts are made of: common in
// place names, none of them a numeral, a suffix or part of a title.
const namePool = "岚岑峻崇嵩巍峦岱屿澜澄沁湘沅濠汀溪泓涵淇漪潼瀚琳瑶璋珩琦瑾璐琪珂瑜翠霁霖雯霏曦晗昀晟旻暄枫桦楠榕樟桐梓柘槐棠芷茗菡蓉薇苒蔚莘蘅鹭鸿鹤雁骐骏麟烨焕熙煦韶蕴翊翎珺芃滢淼坤垣埕堃"

func newSource(text string, g *kg.Graph, city string, year int) *source {
	s := &source{text: text, year: year, places: map[string]string{}, bigrams: map[string]bool{}, pool: []rune(namePool)}
	rs := []rune(text)
	for i := 0; i+1 < len(rs); i++ {
		s.bigrams[string(rs[i:i+2])] = true
	}
	seen := map[string]bool{}
	if utf8Len(city) >= 2 {
		s.tokens = append(s.tokens, city)
	}
	for _, e := range g.Entities {
		switch e.Kind {
		case kg.Person:
			if n := utf8Len(e.Name); n >= 2 && n <= 4 && !seen[e.Name] {
				seen[e.Name] = true
				s.people = append(s.people, e.Name)
			}
		case kg.Place:
			switch t := e.Props["placeType"]; {
			case t == "DISTRICT" || t == "COUNTY":
				for _, suf := range countySuffixes {
					if tok, ok := strings.CutSuffix(e.Name, suf); ok {
						if utf8Len(tok) >= 2 && safe(tok) && !slices.Contains(s.tokens, tok) {
							s.tokens = append(s.tokens, tok)
						}
						break
					}
				}
			case localTypes[t]:
				if r := []rune(e.Name); len(r) >= 3 && safe(string(r[:2])) {
					s.places[e.Name] = string(r[:2])
				}
			}
		}
	}
	// A place whose name holds a token is renamed through the token.
	for name := range s.places {
		for _, tok := range s.tokens {
			if strings.Contains(name, tok) {
				delete(s.places, name)
				break
			}
		}
	}
	slices.Sort(s.people)
	slices.Sort(s.tokens)
	return s
}

func utf8Len(s string) int { return len([]rune(s)) }

func safe(s string) bool { return !strings.ContainsAny(s, unsafe) }

type stats struct{ people, places, replaced int }

// derive returns yearbook i.
func (s *source) derive(seed uint64, i int) (string, stats) {
	if i == 0 {
		return s.text, stats{}
	}
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	t := &trie{}
	st := stats{people: len(s.people)}

	// People: permute surnames and last characters among those in use.
	var firsts, lasts []rune
	for _, p := range s.people {
		r := []rune(p)
		if !slices.Contains(firsts, r[0]) {
			firsts = append(firsts, r[0])
		}
		if !slices.Contains(lasts, r[len(r)-1]) {
			lasts = append(lasts, r[len(r)-1])
		}
	}
	slices.Sort(firsts)
	slices.Sort(lasts)
	first, last := permutation(rng, firsts), permutation(rng, lasts)
	for _, p := range s.people {
		r := []rune(p)
		n := slices.Clone(r)
		n[0], n[len(n)-1] = first[r[0]], last[r[len(r)-1]]
		t.add(r, n)
	}

	// Places: a new distinctive part for each token and prefix.
	used := map[string]bool{}
	fresh := func(old string) []rune {
		for range 10000 {
			n := make([]rune, utf8Len(old))
			for k := range n {
				n[k] = s.pool[rng.IntN(len(s.pool))]
			}
			ok := !used[string(n)]
			for k := 0; ok && k+1 < len(n); k++ {
				ok = !s.bigrams[string(n[k:k+2])]
			}
			if ok {
				used[string(n)] = true
				return n
			}
		}
		panic("synth: the name pool is exhausted")
	}
	for _, tok := range s.tokens {
		t.add([]rune(tok), fresh(tok))
		st.places++
	}
	prefixes := map[string][]rune{}
	var names []string
	for name := range s.places {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := s.places[name]
		if prefixes[p] == nil {
			prefixes[p] = fresh(p)
		}
		r := []rune(name)
		t.add(r, append(slices.Clone(prefixes[p]), r[2:]...))
		st.places++
	}
	text, n := t.replace(s.text)
	st.replaced = n
	return shiftYears(text, i), st
}

// permutation maps each of xs to another of xs, as a shuffled bijection.
func permutation(rng *rand.Rand, xs []rune) map[rune]rune {
	ys := slices.Clone(xs)
	rng.Shuffle(len(ys), func(i, j int) { ys[i], ys[j] = ys[j], ys[i] })
	m := make(map[rune]rune, len(xs))
	for i, x := range xs {
		m[x] = ys[i]
	}
	return m
}

// trie maps names to replacements of the same length. Matching skips
// spaces between the characters of a name (周　勇 is 周勇) and keeps them,
// and line breaks too: the PDF conversion wraps a name across lines (王,
// a blank line, 国斌主持会议), the extractor joins the lines again, and a
// name left whole there would carry one yearbook's person into every
// synthetic one. A photo caption between the two halves (决定马, the
// caption, 秀兰为…) is skipped as well, since the extractor cuts it out.
type trie struct {
	next map[rune]*trie
	repl []rune
}

func (t *trie) add(name, repl []rune) {
	for _, r := range name {
		if t.next == nil {
			t.next = map[rune]*trie{}
		}
		if t.next[r] == nil {
			t.next[r] = &trie{}
		}
		t = t.next[r]
	}
	t.repl = repl
}

func space(r rune) bool { return r == ' ' || r == '\u3000' || r == '\n' || r == '\r' }

// replace replaces the longest name starting at each position, left to
// right, and returns the text and the number of replacements.
func (t *trie) replace(text string) (string, int) {
	rs := []rune(text)
	n := t.replaceRunes(rs)
	return string(rs), n
}

// replaceRunes replaces names in rs in place. The captions a name was
// matched across are searched on their own afterwards, as the scan
// resumes after the name.
func (t *trie) replaceRunes(rs []rune) int {
	n := 0
	for i := 0; i < len(rs); {
		node := t
		var at, best []int
		var repl []rune
		var skipped [][2]int // captions skipped inside the match
		for j := i; j < len(rs); j++ {
			if j > i && space(rs[j]) {
				if rs[j] == '\n' {
					if end := skipCaption(rs, j); end > j {
						skipped = append(skipped, [2]int{j + 1, end})
						j = end
					}
				}
				continue
			}
			node = node.next[rs[j]]
			if node == nil {
				break
			}
			at = append(at, j)
			if node.repl != nil {
				best, repl = slices.Clone(at), node.repl
			}
		}
		if best == nil {
			i++
			continue
		}
		for k, j := range best {
			rs[j] = repl[k]
		}
		n++
		i = best[len(best)-1] + 1
		for _, c := range skipped {
			if c[1] < i {
				n += t.replaceRunes(rs[c[0]:c[1]])
			}
		}
	}
	return n
}

// skipCaption returns the end of the photo caption that starts on the
// line after the line break at nl (图 8　…, up to its credit: …摄）or
// 供图）, within a few lines), or nl when no caption starts there.
func skipCaption(rs []rune, nl int) int {
	k := nl + 1
	for k < len(rs) && (rs[k] == ' ' || rs[k] == '\u3000') {
		k++
	}
	if k+1 >= len(rs) || rs[k] != '图' {
		return nl
	}
	d := k + 1
	for d < len(rs) && rs[d] == ' ' {
		d++
	}
	if d >= len(rs) || rs[d] < '0' || rs[d] > '9' {
		return nl
	}
	end := nl
	for lines := 0; lines < 8; lines++ {
		next := slices.Index(rs[end+1:], '\n')
		if next < 0 {
			return nl
		}
		line := string(rs[end+1 : end+1+next])
		end += 1 + next
		if strings.HasSuffix(strings.TrimSpace(line), "摄）") || strings.HasSuffix(strings.TrimSpace(line), "供图）") {
			return end
		}
	}
	return nl
}

var (
	reSpacedYear = regexp.MustCompile(`(?m)^(\s*)2 0 (\d) (\d)(\s*)$`)
	reHanYear    = regexp.MustCompile(`二〇([一二三])([〇一二三四五六七八九])年`)
	hanDigits    = []rune("〇一二三四五六七八九")
)

// shiftYears adds by to the years of text: four-digit numbers 2010–2030
// standing alone, the banners' spaced years and years in Chinese numerals.
func shiftYears(text string, by int) string {
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			b.WriteByte(text[i])
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		y, _ := strconv.Atoi(text[i:j])
		if j-i == 4 && y >= 2010 && y <= 2030 {
			b.WriteString(strconv.Itoa(y + by))
		} else {
			b.WriteString(text[i:j])
		}
		i = j
	}
	text = reSpacedYear.ReplaceAllStringFunc(b.String(), func(m string) string {
		sub := reSpacedYear.FindStringSubmatch(m)
		y, _ := strconv.Atoi("20" + sub[2] + sub[3])
		d := strconv.Itoa(y + by)
		return sub[1] + strings.Join(strings.Split(d, ""), " ") + sub[4]
	})
	return reHanYear.ReplaceAllStringFunc(text, func(m string) string {
		r := []rune(m)
		y := 2000 + 10*slices.Index(hanDigits, r[2]) + slices.Index(hanDigits, r[3]) + by
		var out []rune
		for _, c := range strconv.Itoa(y) {
			out = append(out, hanDigits[c-'0'])
		}
		return string(out) + "年"
	})
}
