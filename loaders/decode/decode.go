// Package decode turns the bytes of a yearbook file into lines of UTF-8
// text, and refuses files that are not text at all with one clear error.
//
// Yearbooks converted on Chinese Windows machines often arrive in GB18030
// (a superset of GBK); they are decoded rather than refused, because the
// text is otherwise the same.
package decode

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encoding names the encoding a file was decoded from.
type Encoding string

// The encodings Lines accepts.
const (
	UTF8    Encoding = "UTF-8"
	GB18030 Encoding = "GB18030"
)

// MaxFileBytes bounds a yearbook file: a yearbook is a few megabytes of
// text, so a file past this size is refused before it is read.
const MaxFileBytes = 64 << 20

// MaxLineBytes bounds one line: a yearbook line is a column of ~20
// characters, so a line of a megabyte means the file is not one.
const MaxLineBytes = 64 << 10

// Error is a fatal decoding error, naming the file and, where there is one,
// the line.
type Error struct {
	File   string
	Line   int
	Reason string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Reason)
}

// Lines decodes b and splits it into lines (without their line ends; CRLF
// is accepted). A UTF-8 BOM is dropped. It fails on an empty file, on
// binary content (NUL bytes), on text that is neither valid UTF-8 nor
// GB18030, and on lines longer than MaxLineBytes.
//
// The lines of a UTF-8 file are pieces of b itself, not of a copy: b must
// not be changed while they are in use. A yearbook is read once into a
// buffer that nothing writes again, and its lines live through the whole
// extraction, so a copy would only double the memory it takes.
func Lines(file string, b []byte) ([]string, Encoding, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, "", &Error{File: file, Reason: "empty file"}
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return nil, "", &Error{File: file, Line: 1 + bytes.Count(b[:i], []byte("\n")), Reason: "binary content (NUL byte): not a text file"}
	}
	enc := UTF8
	if validUTF8(b) {
		// valid as it is
	} else if t := trimPartialRune(b); validUTF8(t) {
		// A file cut off in the middle of a character (an interrupted
		// copy) keeps every complete line; the caller reports Truncated.
		b = t
	} else {
		if line := firstInvalidLine(b); gbLooksValid(b) {
			d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
			if err != nil {
				return nil, "", &Error{File: file, Line: line, Reason: "neither UTF-8 nor GB18030: " + err.Error()}
			}
			b, enc = d, GB18030
		} else {
			return nil, "", &Error{File: file, Line: line, Reason: "invalid UTF-8 (and not GB18030 either)"}
		}
	}
	lines, err := split(file, strings.TrimSuffix(unsafe.String(unsafe.SliceData(b), len(b)), "\n")) // see Lines' doc
	if err != nil {
		return nil, "", err
	}
	return lines, enc, nil
}

// split is strings.Split(s, "\n") with a CR dropped from the end of each
// line, in one pass: a line is found by a search for its line feed, and
// checked against MaxLineBytes as it is cut. The lines are counted first,
// and each is set in place.
//
// An empty line is left as the zero string, whose pointer is nil, not set
// to an empty piece of s, which points into s: a book's lines live through
// the whole extraction, a third to a half of them are blank, and the
// garbage collector passes over a nil pointer at once.
func split(file, s string) ([]string, error) {
	lines := make([]string, strings.Count(s, "\n")+1)
	for n := range lines {
		l := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			l, s = s[:i], s[i+1:]
		}
		l = strings.TrimSuffix(l, "\r")
		if len(l) > MaxLineBytes {
			return nil, &Error{File: file, Line: n + 1, Reason: fmt.Sprintf("line of %d bytes (max %d): not a yearbook text", len(l), MaxLineBytes)}
		}
		if l != "" { // see split's doc
			lines[n] = l
		}
	}
	return lines, nil
}

// validUTF8 is utf8.Valid(b), faster on Chinese text. It reads eight
// bytes at a time: a run of ASCII is passed up to its end in the word;
// four three-byte runes led by E1–EC or EE–EF, which take any
// continuation bytes (nearly every Chinese character and punctuation
// mark), are passed at once (fourRunes), else two or one of them. Other
// runes, up to the next byte that may lead a three-byte rune, are left to
// utf8.Valid: such a byte never continues a rune, so no rune straddles
// the cut. TestValidUTF8 holds it to utf8.Valid.
func validUTF8(b []byte) bool {
	i := 0
	for len(b)-i >= 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		switch {
		case w&0x80 == 0:
			if high := w & 0x8080808080808080; high == 0 {
				i += 8
			} else {
				i += bits.TrailingZeros64(high) >> 3 // up to the first byte not ASCII
			}
		case len(b)-i >= 12 && fourRunes(b[i:]):
			// The rest of a run of Chinese text, in a tight loop.
			for i += 12; len(b)-i >= 12 && fourRunes(b[i:]); i += 12 {
			}
		case lead3[byte(w)] && w&0xC0C0_00C0C000 == 0x8080_0080_8000 && lead3[byte(w>>24)]:
			i += 6
		case lead3[byte(w)] && w&0xC0C000 == 0x808000:
			i += 3
		default:
			j := i + 1
			for j < len(b) && b[j]&0xF0 != 0xE0 {
				j++
			}
			if !utf8.Valid(b[i:j]) {
				return false
			}
			i = j
		}
	}
	return utf8.Valid(b[i:])
}

// fourRunes reports whether the first twelve bytes of b (len(b) >= 12)
// are four three-byte runes led by E1–EC or EE–EF (lead3), with the word
// operations of a few runes' checks on two reads, w of the first eight
// bytes and v of the last eight: the bytes are matched against the
// pattern of leads (1110xxxx) and continuation bytes (10xxxxxx), then the
// low halves of the four leads, gathered into one word, are each checked
// to be neither 0 (E0) nor D (ED) by adding F to them and to their xor
// with D: bit 4 of a sum is set when the half is not 0.
func fourRunes(b []byte) bool {
	const (
		lows  = 0x000F_0000_0F00_0F0F // the low halves of the leads in lead
		bit4  = 0x0010_0000_1000_1010
		edLow = 0x000D_0000_0D00_0D0D
	)
	w, v := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[4:12])
	if w&0xC0F0_C0C0_F0C0_C0F0 != 0x80E0_8080_E080_80E0 || v&0xC0C0_F0C0_0000_0000 != 0x8080_E080_0000_0000 {
		return false
	}
	// The leads are bytes 0, 3 and 6 of w and byte 5 of v, moved to byte 1.
	lead := w&0x000F_0000_0F00_000F | (v>>32)&0x0F00
	return (lead+lows)&((lead^edLow)+lows)&bit4 == bit4
}

// lead3 marks the bytes E1–EC and EE–EF, which lead a three-byte rune with
// any two continuation bytes.
var lead3 = func() (t [256]bool) {
	for c := 0xE1; c <= 0xEF; c++ {
		t[c] = c != 0xED
	}
	return t
}()

// trimPartialRune drops an incomplete UTF-8 sequence at the very end of b.
func trimPartialRune(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

// Truncated reports whether b ends in the middle of a UTF-8 character or
// without a final line end: the signs of a file cut off while copied.
func Truncated(b []byte) bool {
	return len(b) > 0 && (b[len(b)-1] != '\n' || len(trimPartialRune(b)) != len(b))
}

// firstInvalidLine returns the 1-based line of the first invalid UTF-8 byte.
func firstInvalidLine(b []byte) int {
	line := 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += n
	}
	return line
}

// gbLooksValid reports whether b is well-formed GB18030: every byte ≥ 0x80
// starts a two- or four-byte sequence of the standard's ranges.
func gbLooksValid(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			i++
		case c >= 0x81 && c <= 0xfe && i+1 < len(b):
			c2 := b[i+1]
			switch {
			case c2 >= 0x40 && c2 <= 0xfe && c2 != 0x7f:
				i += 2
			case c2 >= 0x30 && c2 <= 0x39 && i+3 < len(b) && b[i+2] >= 0x81 && b[i+2] <= 0xfe && b[i+3] >= 0x30 && b[i+3] <= 0x39:
				i += 4
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}
