// Package decode turns the bytes of a yearbook file into lines of UTF-8
// text, and refuses files that are not text at all with one clear error.
//
// Yearbooks converted on Chinese Windows machines often arrive in GB18030
// (a superset of GBK); they are decoded rather than refused, because the
// text is otherwise the same.
package decode

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

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
	s := string(b)
	s = strings.TrimSuffix(s, "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimSuffix(l, "\r")
		if len(l) > MaxLineBytes {
			return nil, "", &Error{File: file, Line: i + 1, Reason: fmt.Sprintf("line of %d bytes (max %d): not a yearbook text", len(l), MaxLineBytes)}
		}
		lines[i] = l
	}
	return lines, enc, nil
}

// validUTF8 is utf8.Valid(b), faster on Chinese text: ASCII and a
// three-byte rune led by E1–EC or EE–EF, which take any continuation
// bytes (nearly every Chinese character and punctuation mark), are
// checked in line, and only other runes are left to utf8.Valid. TestValidUTF8 holds it to
// utf8.Valid.
func validUTF8(b []byte) bool {
	i := 0
	for i+2 < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c-0xE1 <= 0xEF-0xE1 && c != 0xED && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		// Up to the next three-byte rune: ASCII and the rest, to utf8.
		j := i + 1
		for j < len(b) && b[j]&0xF0 != 0xE0 {
			j++
		}
		if !utf8.Valid(b[i:j]) {
			break
		}
		i = j
	}
	return utf8.Valid(b[i:])
}

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
