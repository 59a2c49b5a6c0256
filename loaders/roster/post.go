package roster

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/textnorm"
)

// titleEnds returns every position after p where a title sequence that
// starts at p can end: a lexicon title, optionally followed by a
// parenthesized title naming the same post under the unit's other plate
// (校长（院长）, 主任（总编辑）), then optionally a joiner and another title.
//
// The titles that start at p are found in one walk of the lexicon
// (titleLens), not looked up one length at a time.
func titleEnds(r []rune, p int) []int {
	var out []int
	lens := titleLens(r[p:])
	for n := 1; n <= maxTitleLen && p+n <= len(r); n++ {
		if lens&(1<<n) == 0 {
			continue
		}
		q := p + n
		ends := []int{q}
		if q < len(r) && r[q] == '（' {
			if c := closeParen(r, q); c > q+1 && isTitleSeq(r[q+1:c]) {
				ends = append(ends, c+1)
			}
		}
		for _, e := range ends {
			out = append(out, e)
			if e+1 < len(r) && isJoiner(r[e]) {
				out = append(out, titleEnds(r, e+1)...)
			}
		}
	}
	return out
}

// isJoiner reports whether r is one of titleJoiners.
func isJoiner(r rune) bool {
	for _, j := range titleJoiners {
		if j == r {
			return true
		}
	}
	return false
}

// isTitleSeq reports whether all of r is a title sequence.
func isTitleSeq(r []rune) bool {
	for _, e := range titleEnds(r, 0) {
		if e == len(r) {
			return true
		}
	}
	return false
}

// isTitle reports whether s, spaces ignored, is a roster title or a
// sequence of titles (书　记, 党组书记、局长, 校　长（院　长）).
func isTitle(s string) bool { return isTitleSeq(squeeze(s).r) }

// splitTitle finds where the title at the start of q ends and the name slot
// begins. Of the possible ends it takes the longest that leaves a name slot
// (nothing, a parenthesis, or a Han character that is not a joiner) and,
// when there is a choice, one where the source has a space: in
// 主　任　党　红 the title is 主任, not 主任党. It returns 0 when q does
// not start with a title.
func splitTitle(q seq) int {
	best, bestGap := 0, false
	for _, e := range titleEnds(q.r, 0) {
		if e < len(q.r) && !(q.r[e] == '（' || textnorm.IsHan(q.r[e]) && !isJoiner(q.r[e])) {
			continue
		}
		gap := q.boundary(e)
		switch {
		case gap && !bestGap, gap == bestGap && e > best:
			best, bestGap = e, gap
		}
	}
	return best
}

// suffixTitle returns the longest title that ends s and leaves a unit of at
// least two characters before it (凉州区委书记 → 书记), or "".
func suffixTitle(s string) string {
	r := []rune(s)
	for n := min(maxTitleLen, len(r)-2); n >= 2; n-- {
		if isTitleWord(r[len(r)-n:]) {
			return string(r[len(r)-n:])
		}
	}
	return ""
}

// holder is one occupant of a post as the roster writes it: a name with
// the notes in parentheses after it, or a vacancy.
type holder struct {
	name   string
	off    int // byte offset of the name in the text it was read from
	notes  notes
	vacant bool
}

// chunk is a run of text between spaces, with its parentheses kept whole.
type chunk struct {
	core  string   // the text before the first parenthesis
	paren []string // the contents of the parentheses after it
	off   int
	junk  string // text after the parentheses
}

// chunks splits s at spaces outside parentheses. A chunk's core is
// gathered in one buffer, on the stack for the short cores of names and
// titles, and made a string once, at the chunk's end.
func chunks(s string) []chunk {
	var out []chunk
	var cur *chunk
	var buf [64]byte
	core := buf[:0]
	end := func() {
		if cur != nil {
			cur.core = string(core)
			core = core[:0]
		}
	}
	depth, start := 0, -1
	var paren strings.Builder
	for i, r := range s {
		f := fold(r)
		switch {
		case depth == 0 && (textnorm.IsSpace(r) || r == '…'):
			end()
			cur = nil
			continue
		case cur == nil:
			out = append(out, chunk{off: i})
			cur = &out[len(out)-1]
		}
		switch {
		case f == '（':
			if depth > 0 {
				paren.WriteRune(f)
			}
			depth++
			start = i
		case f == '）' && depth > 0:
			depth--
			if depth == 0 {
				cur.paren = append(cur.paren, compact(paren.String()))
				paren.Reset()
			} else {
				paren.WriteRune(f)
			}
		case depth > 0:
			paren.WriteRune(r)
		case len(cur.paren) > 0:
			cur.junk += string(r)
		default:
			core = utf8.AppendRune(core, f)
		}
	}
	end()
	if depth > 0 && cur != nil {
		cur.junk += s[start:]
	}
	return out
}

// readHolders reads the name slot s of a post line (after the title). A
// name spread over several chunks (周　勇, 蒋 建 国) is put together; several
// full names on one line (朱斯炜　关维斌) are several holders. Parenthesized
// titles with no name before them (the （总编辑） of 主任（总编辑）) are
// returned as alt, and anything that is neither name nor note as junk.
func readHolders(s string) (hs []holder, alt []string, junk string) {
	cs := chunks(s)
	singles := len(cs) > 1
	for _, c := range cs {
		if runeLen(c.core) > 1 || c.core == "" && len(c.paren) == 0 {
			singles = false
		}
	}
	// A name spread one character a chunk: join all the chunks into one.
	if singles {
		h := holder{off: cs[0].off}
		var ps []string
		for _, c := range cs {
			h.name += c.core
			ps = append(ps, c.paren...)
			junk += c.junk
		}
		h.notes = parseNotes(ps)
		return []holder{h}, nil, junk
	}
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		junk += c.junk
		if c.core == "" {
			n := parseNotes(c.paren)
			switch {
			case n.vacant:
				hs = append(hs, holder{vacant: true, off: c.off})
			case len(hs) > 0:
				hs[len(hs)-1].notes.merge(n)
			case len(n.titles) > 0 && len(n.other) == 0:
				alt = append(alt, n.titles...)
			default:
				junk += "（" + strings.Join(c.paren, "）（") + "）"
			}
			continue
		}
		h := holder{name: c.core, off: c.off}
		ps := c.paren
		// 周　勇（侗族）: a one-character chunk followed by another.
		if runeLen(c.core) == 1 && len(c.paren) == 0 && i+1 < len(cs) && runeLen(cs[i+1].core) == 1 {
			i++
			h.name += cs[i].core
			ps = cs[i].paren
			junk += cs[i].junk
		}
		h.notes = parseNotes(ps)
		if len(h.notes.titles) > 0 {
			// A title in parentheses after a name is no part of the name.
			h.notes.other = append(h.notes.other, h.notes.titles...)
			h.notes.titles = nil
		}
		hs = append(hs, h)
	}
	return hs, alt, junk
}

// notes are the facts in the parentheses after a name.
type notes struct {
	gender, ethnicity string
	start, end        string // YYYY-MM (or YYYY)
	concurrent        bool
	vacant            bool
	titles            []string // items that are titles (总编辑)
	other             []string // everything else, as written
}

func (n *notes) merge(m notes) {
	if n.gender == "" {
		n.gender = m.gender
	}
	if n.ethnicity == "" {
		n.ethnicity = m.ethnicity
	}
	if n.start == "" {
		n.start = m.start
	}
	if n.end == "" {
		n.end = m.end
	}
	n.concurrent = n.concurrent || m.concurrent
	n.vacant = n.vacant || m.vacant
	n.titles = append(n.titles, m.titles...)
	n.other = append(n.other, m.other...)
}

var (
	startWords = []string{"任", "到任", "任职", "起", "上任", "当选", "选任", "提任", "聘任", "挂职"}
	endWords   = []string{"免", "免职", "离任", "卸任", "止", "调离", "退休", "辞职", "离职", "去世", "逝世", "病逝", "撤销"}
)

// noteSeps separate the items of a note.
var noteSeps = []string{"，", "、", "；", ",", ";"}

// splitNote splits a note at noteSeps, keeping empty items, as a split
// at the regexp [，、；,;] would.
func splitNote(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		for _, sep := range noteSeps {
			if strings.HasPrefix(p[i:], sep) {
				out = append(out, p[start:i])
				start = i + len(sep)
				i = start - 1
				break
			}
		}
	}
	return append(out, p[start:])
}

// noteDate is a date that opens a note item (2023年5月任): its year, its
// month ("" when not written), and the rest of the item after the date
// and its day, if written.
type noteDate struct {
	year, month, rest string
}

// readNoteDate returns the date that opens the note item it, and whether
// it opens with one: the submatches of the regexp
// ^(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?(.*)$ (reDate of
// TestReadNoteDate), read straight from the item. The month and the day
// are taken when written, as the regexp's greedy groups take them, and
// the rest is anything without a line break (what its . matches).
func readNoteDate(it string) (noteDate, bool) {
	if len(it) < len("0000年") || !strings.HasPrefix(it[4:], "年") || !textnorm.AllDigits(it[:4]) {
		return noteDate{}, false
	}
	d := noteDate{year: it[:4], rest: it[len("0000年"):]}
	if n := digitsBefore(d.rest, "月"); n > 0 {
		d.month, d.rest = d.rest[:n], d.rest[n+len("月"):]
	}
	if n := digitsBefore(d.rest, "日"); n > 0 {
		d.rest = d.rest[n+len("日"):]
	}
	if strings.Contains(d.rest, "\n") {
		return noteDate{}, false
	}
	return d, true
}

// digitsBefore returns how many ASCII digits, one or two, open s followed
// by unit, or 0. Two digits are never one and the unit: the second digit
// is not the unit.
func digitsBefore(s, unit string) int {
	n := 0
	for n < 2 && n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 && strings.HasPrefix(s[n:], unit) {
		return n
	}
	return 0
}

// parseNotes reads the contents of a name's parentheses: sex, ethnicity,
// appointment and removal dates, 兼 (a concurrent post), 空缺 (a vacancy);
// other notes (挂职, 主持日常工作, 原职务随机构撤销自行免除) are kept as
// written.
func parseNotes(ps []string) notes {
	var n notes
	for _, p := range ps {
		p = compact(p)
		items := splitNote(p)
		if isTitleSeq([]rune(p)) {
			items = []string{p} // 党组书记、主任 is one title note, not two
		}
		for _, it := range items {
			date, dated := readNoteDate(it) // a date starts with digits: no case before it holds one
			switch {
			case it == "":
			case it == "女" || it == "男":
				n.gender = it
			case isEthnicity(it):
				n.ethnicity = it
			case it == "兼" || it == "兼职" || it == "兼任":
				n.concurrent = true
			case it == "空缺" || it == "缺" || it == "暂缺" || it == "待配" || it == "待定":
				n.vacant = true
			case dated:
				d := date.year
				if date.month != "" {
					d += "-" + pad2(date.month)
				}
				switch {
				case slices.Contains(endWords, date.rest):
					n.end = d
				case slices.Contains(startWords, date.rest):
					n.start = d
				default:
					n.other = append(n.other, it)
				}
			case isTitleSeq([]rune(it)):
				n.titles = append(n.titles, it)
			default:
				n.other = append(n.other, it)
			}
		}
	}
	return n
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// plausibleName reports whether s can be a personal name: two or three Han
// characters after a common surname, three or four after a compound one, or
// — for a person whose note gives an ethnicity, whose name may have no Han
// surname (扎西才让) — two to eight Han characters, possibly with ·. Words
// that end like units or titles (常委会, 人民团体) are refused.
func plausibleName(s string, ethnic bool) bool {
	r := []rune(s)
	n := len(r)
	if n < 2 || n > 10 || notNames[s] {
		return false
	}
	for i, c := range r {
		if !textnorm.IsHan(c) && !(c == '·' && ethnic && i > 0 && i < n-1) {
			return false
		}
	}
	if strings.ContainsRune("局部委会院办处室所站队馆校厂场司区县市省镇乡村", r[n-1]) {
		return false
	}
	for i := 0; i+1 < n; i++ {
		if isTitleWord(r[i:]) {
			return false
		}
	}
	switch {
	case n >= 3 && n <= 4 && compound[string(r[:2])]:
		return true
	case n <= 3 && surname[r[0]]:
		return true
	case ethnic && n <= 8:
		return true
	}
	return false
}

// looseName reports whether s, standing where the roster puts a name, can
// be one although its surname is not in the lexicon: two or three Han
// characters that are not a title, a unit or a vacancy word.
func looseName(s string) bool {
	r := []rune(s)
	if len(r) < 2 || len(r) > 3 || !allHan(s) || notNames[s] {
		return false
	}
	return plausibleName(string(surnameProbe)+string(r[1:]), false) && !isTitleWord(r)
}

// surnameProbe stands in for an unknown surname in looseName, so that the
// rest of plausibleName's checks (unit and title endings) still apply.
const surnameProbe = '王'

// notNames are words that stand in the name slot of a roster without
// being names.
var notNames = map[string]bool{"空缺": true, "暂缺": true, "待定": true, "待配": true, "同上": true, "兼任": true, "兼职": true, "挂职": true, "主持": true}

var compound = map[string]bool{}

func init() {
	for _, s := range compoundSurnames {
		compound[s] = true
	}
}
