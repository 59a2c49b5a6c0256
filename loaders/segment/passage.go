package segment

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Passage is running text rejoined from body lines: hard line breaks and
// page breaks removed, spread characters closed up (textnorm.Clean), and
// artefacts (banners, captions, headers) left out. It remembers which raw
// line each byte came from, so a match in the text maps back to its line.
type Passage struct {
	Text  string
	Start int     // the first line
	offs  []int32 // offs[i] is the byte offset in Text where line lines[i] begins
	lines []int32
	// ends holds the offsets in Text of its sentence ends (。；！？) in
	// order, found when the passage is built; nil in a Passage built by
	// hand, whose Sentence walks the text instead.
	ends []int32
}

// Passage joins the body lines from..to (inclusive). col is a byte offset
// in the first line's Text where the passage begins (after a 【title】).
//
// It also lists the passage's sentence ends for Sentence. The text is
// valid UTF-8 (textnorm.Clean drops every byte that is not), so its ends
// are exactly those of its lines: the ends of a line cleaned whole are
// copied from the Document's, shifted to where the line starts in the
// passage, and only a line cleaned anew (the first, cut at col, or any
// line of a Document built by hand) is searched.
//
// Most passages are not copied at all: where no line between their body
// lines has any cleaned text (a heading, a caption, a banner), their
// lines follow one another in the text Parse cleaned, and the passage is
// that stretch of it (inPlace).
func (d *Document) Passage(from, to, col int) *Passage {
	p := &Passage{}
	d.passage(p, from, to, col, nil)
	return p
}

// passage fills p with Passage(from, to, col), its tables taken from
// arena.
func (d *Document) passage(p *Passage, from, to, col int, arena *ints) {
	p.Start = from
	cached := d.cleanEnd != nil && d.endsFrom != nil
	// Size the text and the tables first: cleaning only shortens a
	// line, and drops no sentence end.
	lines, size, ends := 0, 0, 0
	first, last := 0, 0 // the first and last body lines
	ls := d.Lines[:max(0, min(to, len(d.Lines)))]
	for n := from; n <= len(ls); n++ {
		if ls[n-1].Kind != Body {
			continue
		}
		if lines == 0 {
			first = n
		}
		last = n
		lines++
		if cached {
			size += int(d.cleanEnd[n] - d.cleanEnd[n-1])
			ends += int(d.endsFrom[n] - d.endsFrom[n-1])
		} else {
			size += len(ls[n-1].Text)
		}
	}
	// The body lines follow one another in d.clean when the lines
	// between them add no cleaned text: when the stretch of d.clean
	// from the first to the last is as long as their cleaned texts.
	follow := cached && lines > 0 && size == int(d.cleanEnd[last]-d.cleanEnd[first-1])
	if lines > 0 {
		// One array for the three tables: a passage is made for every
		// topic and stretch of text, by each extractor.
		all := arena.take(2*lines + ends)
		p.offs, p.lines, p.ends = all[:0:lines], all[lines:lines:2*lines], all[2*lines:2*lines:2*lines+ends]
	}
	if follow {
		if cut, ok := d.cleanCut(first, from, col); ok {
			d.inPlace(p, first, last, int(d.cleanEnd[first-1])+cut)
			return
		}
	}
	var b strings.Builder
	b.Grow(size)
	for n := from; n <= to && n <= len(d.Lines); n++ {
		l := d.Line(n)
		if l.Kind != Body {
			continue
		}
		t := l.Text
		if n == from && col > 0 && col <= len(t) {
			t = t[col:]
		}
		start := b.Len()
		p.offs = append(p.offs, int32(start))
		p.lines = append(p.lines, int32(n))
		switch {
		case len(t) == len(l.Text) && cached:
			b.WriteString(d.clean[d.cleanEnd[n-1]:d.cleanEnd[n]]) // CleanLine(n)
			if e, z := d.endsFrom[n-1], d.endsFrom[n]; e < z {
				shift := int32(start) - d.cleanEnd[n-1]
				for ; e < z; e++ {
					p.ends = append(p.ends, d.ends[e]+shift)
				}
			}
		default:
			p.ends = textnorm.AppendCleanEnds(&b, t, p.ends)
		}
	}
	p.Text = b.String()
}

// ints hands out arrays of int32 from larger ones, for the tables of the
// passages of Running: a few allocations instead of one a passage.
type ints struct{ free []int32 }

// take returns an array of n int32 from a, or a new one if a is nil.
func (a *ints) take(n int) []int32 {
	if a == nil {
		return make([]int32, n)
	}
	if len(a.free) < n {
		a.free = make([]int32, max(n, 1<<14))
	}
	s := a.free[:n:n]
	a.free = a.free[n:]
	return s
}

// cleanCut returns where in the cleaned text of line n, the first body
// line of a passage from line from cut at col, the passage starts, if
// that can be told without cleaning the line anew. Clean(t[col:]) is the
// end of Clean(t) when t[:col] ends with a rune Clean keeps as written and
// after which it takes up again as it starts (the runes U+3001–U+9FFF:
// Chinese punctuation such as 】, and characters); that rune, written
// k times in t[:col], ends its k-th copy in the cleaned line, since
// Clean keeps every such rune and makes none.
func (d *Document) cleanCut(n, from, col int) (int, bool) {
	t := d.Line(n).Text
	line := d.clean[d.cleanEnd[n-1]:d.cleanEnd[n]]
	switch {
	case n != from || col <= 0 || col > len(t):
		return 0, true // not cut
	case col == len(t):
		return len(line), true
	}
	r, size := utf8.DecodeLastRuneInString(t[:col])
	if r <= 0x3000 || r > 0x9FFF {
		return 0, false
	}
	w := t[col-size : col]
	cut := 0
	for k := strings.Count(t[:col], w); k > 0; k-- {
		i := strings.Index(line[cut:], w)
		if i < 0 {
			return 0, false
		}
		cut += i + len(w)
	}
	return cut, true
}

// inPlace fills p, the passage of the body lines first..last whose
// cleaned texts follow one another in d.clean, as the stretch of d.clean
// from base, in line first, to the end of line last. The lines between
// them add no cleaned text, so no sentence end either: the passage's ends
// are those of d.ends from line first's to line last's, less those before
// base.
func (d *Document) inPlace(p *Passage, first, last, base int) {
	ls := d.Lines[:last]
	for n := first; n <= last; n++ {
		if ls[n-1].Kind == Body {
			p.offs = append(p.offs, int32(max(int(d.cleanEnd[n-1]), base)-base))
			p.lines = append(p.lines, int32(n))
		}
	}
	for _, e := range d.ends[d.endsFrom[first-1]:d.endsFrom[last]] {
		if int(e) >= base {
			p.ends = append(p.ends, e-int32(base))
		}
	}
	p.Text = d.clean[base:d.cleanEnd[last]]
}

// TopicText returns the passage of a topic's text, after its 【title】.
func (d *Document) TopicText(t *Topic) *Passage { return d.Passage(t.TextStart, t.End, t.TextCol) }

// Line returns the raw line number the byte at offset off of Text came
// from.
func (p *Passage) Line(off int) int {
	i := sort.Search(len(p.offs), func(i int) bool { return int(p.offs[i]) > off }) - 1
	if i < 0 {
		return p.Start
	}
	return int(p.lines[i])
}

// Sentence returns the sentence of Text around byte offset off: from the
// end of the previous sentence (。；！？) to the end of this one. It is the
// quote of a fact's provenance.
//
// Every Source asks for one, so it compares bytes instead of decoding
// runes. The four ends are three-byte characters, and no character of
// valid or invalid UTF-8 that a rune-by-rune walk would decode can straddle
// one, so the walk stops exactly where the bytes of an end stand.
func (p *Passage) Sentence(off int) string {
	if p.ends != nil {
		return p.sentence(off)
	}
	text := p.Text
	start := 0
	for i := off; i >= 3; i-- {
		if SentenceEndAt(text, i-3) {
			start = i
			break
		}
	}
	end := len(text)
	for i := off; i+3 <= len(text); i++ {
		if SentenceEndAt(text, i) {
			end = i + 3
			break
		}
	}
	return text[start:end]
}

// sentence is Sentence by a binary search of the passage's sentence ends:
// the sentence starts after the last end that finishes by off, and
// finishes with the first end at or after off.
func (p *Passage) sentence(off int) string {
	ends := p.ends
	lo, hi := 0, len(ends) // the first end at or after off-2
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); int(ends[m])+3 <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	start := 0
	if lo > 0 {
		start = int(ends[lo-1]) + 3
	}
	for lo < len(ends) && int(ends[lo]) < off {
		lo++ // an end that off falls inside
	}
	end := len(p.Text)
	if lo < len(ends) {
		end = int(ends[lo]) + 3
	}
	return p.Text[start:end]
}

// SentenceEndAt reports whether the UTF-8 bytes of a sentence end (。；！？)
// stand at s[i:] (i+3 <= len(s)). Splitters of running text compare these
// bytes instead of decoding runes: the four ends are three-byte
// characters, and no rune a range loop decodes, from valid or broken
// UTF-8, can straddle one.
func SentenceEndAt(s string, i int) bool {
	switch s[i] {
	case 0xE3: // 。 U+3002
		return s[i+1] == 0x80 && s[i+2] == 0x82
	case 0xEF: // ；！？ U+FF1B U+FF01 U+FF1F
		c := s[i+2]
		return s[i+1] == 0xBC && (c == 0x9B || c == 0x81 || c == 0x9F)
	}
	return false
}

// Source returns the provenance of the text at byte offset off: its line,
// page, section path and sentence, in yearbook yb.
func (d *Document) Source(yb string, p *Passage, off int) kg.Source {
	n := p.Line(off)
	return d.Quote(yb, n, p.Sentence(off))
}

// Quote returns the provenance of line n quoting quote: for extractors
// that find the sentence to quote themselves.
func (d *Document) Quote(yb string, n int, quote string) kg.Source {
	return kg.Source{Yearbook: yb, Page: d.Line(n).Page, Section: d.Path(n), Line: n, Quote: quote}
}

// LineSource returns the provenance of a whole raw line n, quoting it
// cleaned; used by extractors that read structured lines (rosters, tables).
func (d *Document) LineSource(yb string, n int) kg.Source {
	return d.Quote(yb, n, d.CleanLine(n))
}

// CleanLine returns textnorm.Clean of the Text of line n, cleaned once by
// Parse.
func (d *Document) CleanLine(n int) string {
	if d.cleanEnd == nil {
		return textnorm.Clean(d.Line(n).Text)
	}
	return d.clean[d.cleanEnd[n-1]:d.cleanEnd[n]]
}

// LinesWith returns, in order, the numbers of the lines whose Text holds
// the rune r: a rune textnorm.Clean keeps as it is and makes from no
// other (not a space, U+FFFD, an ASCII letter or digit or their full
// widths), such as a Chinese character. Clean keeps every such rune of a
// line, so the lines are found by one search of the text Parse cleaned,
// instead of a search a line.
func (d *Document) LinesWith(r rune) []int {
	w := string(r)
	var out []int
	if d.cleanEnd == nil {
		for i := range d.Lines {
			if strings.Contains(d.Lines[i].Text, w) {
				out = append(out, i+1)
			}
		}
		return out
	}
	// The cleaned lines are valid UTF-8: the bytes of r found in them are
	// the rune r, and lie within one line.
	for off := 0; ; {
		i := textnorm.Index(d.clean[off:], w)
		if i < 0 {
			return out
		}
		// Line n holds clean[cleanEnd[n-1]:cleanEnd[n]].
		n, _ := slices.BinarySearch(d.cleanEnd, int32(off+i+len(w)))
		out = append(out, n)
		off = int(d.cleanEnd[n])
	}
}

// Stretch is a passage of running text with the part, section and topic
// it lies in.
type Stretch struct {
	*Passage
	Part    *Part
	Section *Section
	Topic   *Topic // nil for a section's text outside its topics
}

// Running returns the running text of the yearbook but its index, in
// order: each topic's text, and each stretch of a section's text outside
// its topics. A stretch may be empty.
//
// Building it joins and cleans the whole book, and several extractors
// read all of it, so the pipeline builds it once and hands it to each.
// It is not kept in the Document because extractors also read copies of
// the Document whose lines are marked differently (prose skips tables),
// and a cache would be shared with those copies.
//
// The stretches and their passages are held in two arrays, sized for the
// most stretches the sections can have, and the passages' tables in a
// few more (ints): a few allocations, not one or more for each of some
// thousand stretches.
func (d *Document) Running() []Stretch {
	most := 0
	for _, pt := range d.Parts {
		for _, s := range pt.Sections {
			most += 2*len(s.Topics) + 1
		}
	}
	out := make([]Stretch, 0, most)
	passages := make([]Passage, 0, most)
	var tables ints
	passage := func(from, to, col int) *Passage {
		passages = append(passages, Passage{})
		p := &passages[len(passages)-1]
		d.passage(p, from, to, col, &tables)
		return p
	}
	for _, pt := range d.Parts {
		if strings.Contains(pt.Title, "索引") {
			continue
		}
		for _, s := range pt.Sections {
			start := s.Start
			for _, t := range s.Topics {
				if t.Start > start {
					out = append(out, Stretch{Passage: passage(start, t.Start-1, 0), Part: pt, Section: s})
				}
				out = append(out, Stretch{Passage: passage(t.TextStart, t.End, t.TextCol), Part: pt, Section: s, Topic: t})
				start = t.End + 1
			}
			if start <= s.End {
				out = append(out, Stretch{Passage: passage(start, s.End, 0), Part: pt, Section: s})
			}
		}
	}
	return out
}
