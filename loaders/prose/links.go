package prose

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// posts records the posts a person's mention states: each title of the
// chain before the name (市委副书记、市长马秀兰) whose organization is
// clear, and the posts of an appointment (马秀兰任中共武威市委委员、常委、
// 副书记) or a removal, dated when the text dates them.
func (x *extractor) posts(person int, sp mention.Span, src at, ps passage) {
	x.postChain(person, sp.Props["titles"], src, nil)
	if post := sp.Props["appointed"]; post != "" {
		x.postChain(person, post, src, map[string]string{"start": x.date(ps, src)})
	}
	if post := sp.Props["removed"]; post != "" {
		x.postChain(person, post, src, map[string]string{"end": x.date(ps, src)})
	}
}

// postChain relates person to the organization of each title of a chain
// joined by 、. A bare head (常委, 行长) takes the organization of the
// title before it in the chain (甘肃银行党委书记、董事长).
func (x *extractor) postChain(person int, chain string, src at, extra map[string]string) {
	prev := ""
	for _, t := range mention.SplitTitles(chain) {
		org, head := mention.SplitTitle(t)
		name, written := x.postOrg(org, head, prev)
		if org != "" {
			prev = org
		}
		if name == "" {
			continue
		}
		held := x.mention(kg.Organization, key(name), name, src)
		if written != "" && key(written) != key(name) {
			e := x.ents.at(held)
			if !contains(e.Aliases, written) {
				e.Aliases = append(e.Aliases, written)
			}
		}
		props := map[string]string{"title": head, "source": "text"}
		for k, v := range extra {
			if v != "" {
				props[k] = v
			}
		}
		x.relate(kg.HeldPosition, person, held, props, src)
	}
}

// postOrg returns the organization a title's head implies, in its full
// form (市委 → 中共武威市委员会, 市长 → 武威市人民政府), and the form the
// title wrote it in; "" when the organization is not clear. prev is the
// organization of the previous title of the chain.
func (x *extractor) postOrg(org, head, prev string) (name, written string) {
	city, prov := x.seats.city, x.seats.province
	k := key(org)
	mayor := slices.Contains([]string{"市长", "副市长", "代市长", "代理市长", "常务副市长"}, head)
	governor := slices.Contains([]string{"省长", "副省长", "代省长", "代理省长", "常务副省长"}, head)
	switch {
	case k == "" || k == city || k == x.city:
		switch {
		case mayor && x.city != "":
			return city + "人民政府", ""
		case governor && x.province != "":
			return prov + "人民政府", ""
		case k == "" && prev != "":
			return x.postOrg(prev, head, "")
		}
		return "", ""
	case k == prov || k == x.province:
		if governor {
			return prov + "人民政府", org
		}
		return "", ""
	}
	party := strings.TrimPrefix(strings.TrimPrefix(k, "中国共产党"), "中共")
	if name, ok := x.seats.of(party, k); ok {
		return name, org
	}
	// A county's or district's committee: 凉州区委 → 中共凉州区委员会.
	// (A key is valid UTF-8: its bytes cut as its runes do.)
	if county, ok := strings.CutSuffix(party, "委"); ok && utf8.RuneCountInString(county) > 2 && !strings.ContainsRune(party, '部') {
		if r, _ := utf8.DecodeLastRuneInString(county); strings.ContainsRune("县区市州旗", r) {
			return "中共" + county + "委员会", org
		}
	}
	// Otherwise the organization as written, if it is one.
	if x.isOrg(org) {
		return org, ""
	}
	return "", ""
}

// seats are the written forms of the leading bodies of a city and its
// province (市委, 武威市委, 市政府, 省人大…), each with the full name it
// stands for, made once for postOrg: matching a title against forms
// built anew from the city's name cost a dozen concatenations a title.
type seats struct {
	city, province string          // the names with 市 and 省: 武威市, 甘肃省 (市, 省 when unknown)
	party          map[string]seat // forms of the party's committees, without the party's name (市委)
	body           map[string]seat // forms of the other bodies, keyed whole (市政府)
}

// seat is the full name of a body with the rank of the form's test in
// postOrg's order: the city's party committee, the city's other bodies,
// the province's committee, the province's other bodies. A form of two
// tests is the earlier's.
type seat struct {
	name string
	rank int
}

// newSeats returns the seats of city (武威) and province (甘肃), either
// of which may be "".
func newSeats(city, province string) seats {
	s := seats{party: map[string]seat{}, body: map[string]seat{}}
	add := func(m map[string]seat, rank int, name string, forms ...string) {
		for _, f := range forms {
			if _, ok := m[f]; !ok {
				m[f] = seat{name, rank}
			}
		}
	}
	s.city, s.province = city+"市", province+"省"
	if city != "" {
		c := s.city
		add(s.party, 0, "中共"+c+"委员会", "市委", c+"委", c+"委员会")
		add(s.body, 1, c+"人民政府", "市政府", c+"政府", c+"人民政府")
		add(s.body, 1, c+"人民代表大会常务委员会", "市人大常委会", "市人大", c+"人大常委会", c+"人民代表大会常务委员会")
		add(s.body, 1, "中国人民政治协商会议"+c+"委员会", "市政协", c+"政协", "政协"+c+"委员会", "中国人民政治协商会议"+c+"委员会")
		add(s.body, 1, "中共"+c+"纪律检查委员会", "市纪委", "市纪委监委", c+"纪委", "中共"+c+"纪委")
		add(s.body, 1, c+"监察委员会", "市监委", c+"监委")
	}
	if province != "" {
		p := s.province
		add(s.party, 2, "中共"+p+"委员会", "省委", p+"委", p+"委员会")
		add(s.body, 3, p+"人民政府", "省政府", p+"政府", p+"人民政府")
		add(s.body, 3, p+"人民代表大会常务委员会", "省人大常委会", "省人大", p+"人大常委会")
		add(s.body, 3, "中国人民政治协商会议"+p+"委员会", "省政协", p+"政协")
	}
	return s
}

// of returns the full name of the body a title's organization names:
// party is its key without the party's name, k its whole key.
func (s seats) of(party, k string) (string, bool) {
	p, inParty := s.party[party]
	b, inBody := s.body[k]
	switch {
	case inParty && (!inBody || p.rank < b.rank):
		return p.name, true
	case inBody:
		return b.name, true
	}
	return "", false
}

// isOrg reports whether the finder reads s, on its own, as one
// organization.
func (x *extractor) isOrg(s string) bool {
	for _, sp := range x.find(s) {
		if sp.Kind == kg.Organization && sp.Start == 0 && sp.End == len(s) {
			return true
		}
	}
	return false
}

// find runs the finder on a short text, with a cache: the same names come
// back many times.
func (x *extractor) find(s string) []mention.Span {
	if x.cache == nil {
		x.cache = map[string][]mention.Span{}
	}
	if sp, ok := x.cache[s]; ok {
		return sp
	}
	sp := x.f.Find(s)
	x.cache[s] = sp
	return sp
}

// orgPrefixes are the words an organization's name may carry before the
// place it sits in (中共武威市委办公室, 共青团甘肃省委).
var orgPrefixes = []string{"中国共产党", "中共", "共青团", "中国人民政治协商会议", "政协"}

// orgPlace relates an organization to the place its name starts with
// (凉州区人民医院 → 凉州区), to the city when it is named for the city
// (市委, 市发展改革委), or to the county of the passage's headings when it
// is named for the county in the county's own pages (县委, 区人民医院).
func (x *extractor) orgPlace(org int, name string, src at, area *mention.Span) {
	if pl, ok := x.leadingPlace(name); ok {
		pl := x.mention(kg.Place, pl.Key, pl.Name, src, placeProp(pl))
		x.relate(kg.LocatedIn, org, pl, nil, src)
		return
	}
	if area != nil && (strings.HasPrefix(name, "县") && area.Type == "COUNTY" || strings.HasPrefix(name, "区") && area.Type == "DISTRICT") && !textnorm.HasAnyPrefix(name, "县域", "县级", "区域", "区级") {
		pl := x.mention(kg.Place, area.Key, area.Name, src, placeProp(*area))
		x.relate(kg.LocatedIn, org, pl, nil, src)
		return
	}
	if strings.HasPrefix(name, "市") && !strings.HasPrefix(name, "市场") {
		if pl, ok := x.cityPlace(); ok {
			pl := x.mention(kg.Place, pl.Key, pl.Name, src, placeProp(pl))
			x.relate(kg.LocatedIn, org, pl, nil, src)
		}
	}
}

// leadingPlace returns the longest place an organization's name starts
// with, after a party or front prefix. Each prefix of the name is given
// to the finder on its own, because in the whole name the organization's
// span covers the place's.
//
// An organization is named many times, and its prefixes are tried once:
// the answer is kept per name, as a pointer (nil: no place), which keeps
// the map's entries small as it grows.
func (x *extractor) leadingPlace(name string) (mention.Span, bool) {
	pl, seen := x.leading[name]
	if !seen {
		if sp, ok := x.findLeadingPlace(name); ok {
			pl = new(mention.Span) // not &sp: sp would escape, an allocation for every name
			*pl = sp
		}
		if x.leading == nil {
			x.leading = map[string]*mention.Span{}
		}
		x.leading[name] = pl
	}
	if pl == nil {
		return mention.Span{}, false
	}
	return *pl, true
}

// foundSpan is a span found, or not (ok false), kept for a name.
type foundSpan struct {
	sp mention.Span
	ok bool
}

// findLeadingPlace is leadingPlace, without the memo.
func (x *extractor) findLeadingPlace(name string) (mention.Span, bool) {
	rest, skip := name, 0
	for _, p := range orgPrefixes {
		if strings.HasPrefix(name, p) {
			rest, skip = name[len(p):], len(p)
			break
		}
	}
	// The prefixes of 2 to 11 runes, tried from the longest: the first
	// that is a place is the answer.
	var ends [10]int
	k, n := 0, 0
	for i := range rest {
		if n++; n >= 3 && n <= 12 {
			ends[k], k = i, k+1
		}
	}
	tries := ends[:k]
	if z := x.places; z != nil {
		var buf [16]int
		tries = keepAmong(tries, z.PlacePrefixes(buf[:0], rest))
	}
	for k := len(tries) - 1; k >= 0; k-- {
		prefix := rest[:tries[k]]
		var best mention.Span
		found := false
		for _, sp := range x.find(prefix) {
			if sp.Kind == kg.Place && sp.Start == 0 && sp.End == len(prefix) {
				best, found = sp, true
			}
		}
		if found {
			best.Start += skip
			best.End += skip
			return best, true
		}
	}
	return mention.Span{}, false
}

// keepAmong keeps, in place, the ends that are among lens: the prefixes
// of a name the gazetteer reads as whole places
// (places.Gazetteer.PlacePrefixes), the only ones in which the pipeline's
// finders can find a place covering the prefix (placeFinder).
func keepAmong(ends, lens []int) []int {
	out := ends[:0]
	for _, e := range ends {
		if slices.Contains(lens, e) {
			out = append(out, e)
		}
	}
	return out
}

// placeFinder returns the member of f that finds places, when f is the
// pipeline's pair of a gazetteer and mention.NewFinder's finder, and nil
// otherwise. Finders keeps some of its members' spans as they are, and
// NewFinder's finder returns no PLACE spans: a prefix in which the
// gazetteer finds no place covering it is none for f either, and
// leadingPlace asks f, with its name finder, only of the few prefixes the
// gazetteer reads as places (places.Gazetteer.PlacePrefixes, all of a
// name's at once).
func placeFinder(f mention.Finder) *places.Gazetteer {
	fs, ok := f.(mention.Finders)
	if !ok {
		return nil
	}
	var z *places.Gazetteer
	for _, m := range fs {
		if g, ok := m.(*places.Gazetteer); ok && z == nil {
			z = g
		} else if !mention.FindsNoPlaces(m) {
			return nil
		}
	}
	return z
}

// cityPlace returns the place span of the yearbook's city, as the places
// finder keys it, found once.
func (x *extractor) cityPlace() (mention.Span, bool) {
	if x.cityPl == nil {
		x.cityPl = &foundSpan{}
		if x.city != "" {
			for _, sp := range x.find(x.city + "市") {
				if sp.Kind == kg.Place {
					*x.cityPl = foundSpan{sp, true}
					break
				}
			}
		}
	}
	return x.cityPl.sp, x.cityPl.ok
}

var (
	reFullDate  = regexp.MustCompile(`(20\d\d)年(\d{1,2})月(\d{1,2})日`)
	reMonthDay  = regexp.MustCompile(`(?:^|[^0-9年])(\d{1,2})月(\d{1,2})日`)
	reChronDay  = regexp.MustCompile(`^\s?(\d{1,2})\s?日(?:至\s?\d{1,2}\s?月\s?\d{1,2}\s?日)?\x{3000}|^\s?(\d{1,2})\s?至\s?\d{1,2}\s?日\x{3000}`)
	reChronSame = regexp.MustCompile(`^\s?同\s?日\x{3000}`)
	reChronMon  = regexp.MustCompile(`^\s?(\d{1,2})\s?月\s*$`)
)

// date returns the date of a statement as an ISO date, or "": in a
// chronicle the date of the entry the line belongs to; elsewhere a date
// written in the sentence.
func (x *extractor) date(ps passage, src at) string {
	if ps.chronicle {
		if d := x.chronicleDate(src.Line); d != "" {
			return d
		}
	}
	if m := reFullDate.FindStringSubmatch(src.Quote); m != nil {
		return isoDate(m[1], m[2], m[3])
	}
	if m := reMonthDay.FindStringSubmatch(src.Quote); m != nil && x.d.Year > 0 {
		return isoDate(strconv.Itoa(x.d.Year), m[1], m[2])
	}
	return x.entryDate(ps.p, src.Quote)
}

// entryDate returns the date that opens the entry a sentence belongs to:
// the last date before it in the passage written at the passage's start,
// after a sentence or after a meeting's name (第十次会议4月8日，…).
func (x *extractor) entryDate(p *text, quote string) string {
	at := strings.Index(p.Text, quote)
	if at < 0 || x.d.Year == 0 {
		return ""
	}
	m := lastEntryDate(p.Text[:at+len(quote)])
	if m == nil {
		return ""
	}
	year := strconv.Itoa(x.d.Year)
	if m[2] >= 0 {
		year = p.Text[m[2]:m[3]]
	}
	return isoDate(year, p.Text[m[4]:m[5]], p.Text[m[6]:m[7]])
}

// reDateAt is a date as an entry opens with it: 4月8日, 2023年4月8日.
var reDateAt = regexp.MustCompile(`^(?:(20\d\d)年)?(\d{1,2})月(\d{1,2})日`)

// lastEntryDate returns the submatch indices of the last match in s of
// (?:^|。|会议|】)(?:(20\d\d)年)?(\d{1,2})月(\d{1,2})日, as
// FindAllStringSubmatchIndex gives them, or nil. A match holds no 。, 】
// nor 会 after its start, so no match hides the start of another: the
// last match is the one at the last start (a mark, or the start of s)
// where a date follows. The marks are searched back from the end, and
// the regexp is run only where a digit follows one, instead of over all
// of s: the passage runs to thousands of bytes before the sentence.
func lastEntryDate(s string) []int {
	for end := len(s); ; {
		at, n := lastEntryMark(s[:end])
		if at < 0 {
			at, n = 0, 0 // ^
		}
		if d := at + n; d < len(s) && s[d] >= '0' && s[d] <= '9' {
			if m := reDateAt.FindStringSubmatchIndex(s[d:]); m != nil {
				for k := range m {
					if m[k] >= 0 {
						m[k] += d
					}
				}
				m[0] = at
				return m
			}
		}
		if at == 0 {
			return nil
		}
		end = at
	}
}

// lastEntryMark returns the offset and length of the last 。, 】 or 会议
// in s, or -1 and 0.
func lastEntryMark(s string) (int, int) {
	for i := len(s) - 3; i >= 0; i-- {
		switch s[i] {
		case 0xE3: // 。 U+3002, 】 U+3011
			if s[i+1] == 0x80 && (s[i+2] == 0x82 || s[i+2] == 0x91) {
				return i, 3
			}
		case 0xE4: // 会 U+4F1A
			if strings.HasPrefix(s[i:], "会议") {
				return i, len("会议")
			}
		}
	}
	return -1, 0
}

// chronicleDate reads back from line n to the entry's day marker (16 日　,
// 同日　) and the month marker above it.
func (x *extractor) chronicleDate(n int) string {
	day := ""
	for k := n; k >= 1 && k > n-400; k-- {
		if x.ls.kind(k) == segment.Blank {
			continue
		}
		raw := x.d.Line(k).Raw
		if day == "" {
			if m := reChronDay.FindStringSubmatch(raw); m != nil {
				day = m[1] + m[2]
				continue
			}
			if reChronSame.MatchString(raw) {
				continue
			}
		}
		if m := reChronMon.FindStringSubmatch(raw); m != nil && day != "" && x.d.Year > 0 {
			return isoDate(strconv.Itoa(x.d.Year), m[1], day)
		}
	}
	return ""
}

func isoDate(y, m, d string) string {
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > 31 {
		return ""
	}
	return fmt.Sprintf("%s-%02d-%02d", y, mi, di)
}
