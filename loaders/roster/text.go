package roster

import (
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/textnorm"
)

// seq is a stretch of roster text with its spaces removed, remembering for
// each rune where it stood in the source text and whether a space came
// before it. Titles and names are matched on the runes; the spaces are kept
// as a hint, because one U+3000 both pads a title (主　任) and separates the
// title from the name (主　任　谢宏杰).
type seq struct {
	r   []rune
	pos []int32 // the byte offset of r[i] in the source text; ^offset when a space came before r[i]
}

// squeeze builds the seq of s: spaces, U+FFFD and the continuation mark …
// dropped, full-width digits and letters folded, ASCII punctuation that the
// roster writes both ways mapped to the full-width form.
//
// The runes and their positions share one array, sized once for every
// rune of s: squeeze runs for every roster line and piece of one, and
// its tables were most of the roster's allocations.
func squeeze(s string) seq {
	n := utf8.RuneCountInString(s)
	buf := make([]int32, 2*n)
	q := seq{r: buf[:0:n], pos: buf[n:n]}
	space := false
	for i, r := range s {
		if squeezed(r) {
			space = true
			continue
		}
		p := int32(i)
		if space {
			p = ^p
		}
		q.r = append(q.r, fold(r))
		q.pos = append(q.pos, p)
		space = false
	}
	return q
}

// off returns the byte offset of r[i] in the source text.
func (q seq) off(i int) int {
	if p := q.pos[i]; p < 0 {
		return int(^p)
	}
	return int(q.pos[i])
}

// sub returns the runes of q[i:j] as a string.
func (q seq) sub(i, j int) string { return string(q.r[i:j]) }

// boundary reports whether position i of q falls where the source had a
// space, or at an end.
func (q seq) boundary(i int) bool { return i <= 0 || i >= len(q.r) || q.pos[i] < 0 }

// fold maps full-width digits and letters to ASCII and ASCII parentheses,
// colon and comma to their full-width forms.
func fold(r rune) rune {
	switch {
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return r - 0xFEE0
	case r == '(':
		return '（'
	case r == ')':
		return '）'
	case r == ':':
		return '：'
	case r == ',':
		return '，'
	}
	return r
}

// compact returns s as shown to users: spaces and continuation marks
// removed, digits folded, parentheses and colons full-width.
//
// It writes the runes squeeze keeps straight into one string; a text
// it leaves as it is (most unit names and notes) is returned itself.
func compact(s string) string {
	if compacted(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !squeezed(r) {
			b.WriteRune(fold(r))
		}
	}
	return b.String()
}

// compacted reports whether compact leaves s as it is: it drops and
// folds no rune of s.
func compacted(s string) bool {
	for _, r := range s {
		if squeezed(r) || fold(r) != r {
			return false
		}
	}
	return true
}

// squeezed reports whether squeeze drops r.
func squeezed(r rune) bool { return textnorm.IsSpace(r) || r == '…' || r == utf8.RuneError }

// closeParen returns the index of the ） that closes the （ at r[i], or -1.
func closeParen(r []rune, i int) int {
	depth := 0
	for j := i; j < len(r); j++ {
		switch r[j] {
		case '（':
			depth++
		case '）':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// openParens returns how many full- or half-width parentheses s leaves
// open.
func openParens(s string) int { return parensAfter(0, s) }

// parensAfter returns how many parentheses are open after s when depth
// are open before it: the open parentheses of a + b are those of b after
// those of a, so that a line joined from several is read once, piece by
// piece, instead of once a piece added.
func parensAfter(depth int, s string) int {
	for i := 0; i < len(s); i++ {
		p, _ := punctAt(s, i)
		depth = nesting(depth, p)
	}
	return depth
}

// nesting returns how many parentheses are open after the punctuation p
// (punctAt) when depth are open before it: a ） that closes none is
// passed over.
func nesting(depth int, p rune) int {
	switch p {
	case '（':
		return depth + 1
	case '）':
		return max(depth-1, 0)
	}
	return depth
}

// colon returns the byte index of the first colon of s outside
// parentheses, and its width, or -1.
func colon(s string) (int, int) {
	depth := 0
	for i := 0; i < len(s); i++ {
		p, w := punctAt(s, i)
		if p == '：' && depth == 0 {
			return i, w
		}
		depth = nesting(depth, p)
	}
	return -1, 0
}

// punctAt returns the parenthesis or colon at byte i of s, folded to its
// full-width form, and its width, or 0. The full-width forms start with
// a lead byte, which no rune holds inside it, so openParens and colon
// read bytes instead of decoding the runes of the (mostly Chinese) text.
func punctAt(s string, i int) (rune, int) {
	switch s[i] {
	case '(':
		return '（', 1
	case ')':
		return '）', 1
	case ':':
		return '：', 1
	case 0xEF: // （ ） ： are EF BC 88, EF BC 89, EF BC 9A
		if i+2 < len(s) && s[i+1] == 0xBC {
			switch s[i+2] {
			case 0x88:
				return '（', 3
			case 0x89:
				return '）', 3
			case 0x9A:
				return '：', 3
			}
		}
	}
	return 0, 0
}

func allHan(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !textnorm.IsHan(r) {
			return false
		}
	}
	return true
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
