package segment

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yearbookkg/kg/loaders/textnorm"
)

// doubledRef is the specification of mayBeDoubled: the runes of the key,
// not none, are one sequence written twice, which does not start with a
// digit, a parenthesis or %.
func doubledRef(s string) bool {
	k := []rune(textnorm.Key(s))
	return len(k) > 0 && len(k)%2 == 0 && slices.Equal(k[:len(k)/2], k[len(k)/2:]) && !strings.ContainsRune("0123456789()%", k[0])
}

// TestMayBeDoubled holds mayBeDoubled to doubledRef on the sample lines
// and on every string of up to five pieces of the runes and bytes the key
// drops, folds or keeps.
func TestMayBeDoubled(t *testing.T) {
	doubled := 0
	check := func(s string) {
		if got, want := mayBeDoubled(s), doubledRef(s); got != want {
			t.Fatalf("mayBeDoubled(%q) = %v, want %v", s, got, want)
		} else if want {
			doubled++
		}
	}
	eachSample(t, []string{" ", "\u3000", "\uFFFD", "\xe4\xb8", "\xad", "中", "国", "a", "A", "Ａ", "１", "1", "（"}, 5, check)
	if doubled < 1000 {
		t.Errorf("only %d doubled strings: the check checks little", doubled)
	}
}

// TestBarePage holds barePage to the fields of the pages of every index
// entry of the sample lines and of made-up ones.
func TestBarePage(t *testing.T) {
	bare := 0
	lines := append(sampleLines(t), "大事记\u300045", "大事记\u3000\u300045a", "大事记\u300045\u30007", "名\u3000\u3000\u300012b", "名\u30001\u3000\u30002a")
	for _, s := range lines {
		_, pages, ok := indexEntry(strings.TrimLeft(strings.TrimRight(s, " "), " "))
		if !ok {
			continue
		}
		fields := strings.Fields(strings.ReplaceAll(pages, "\u3000", " "))
		want := len(fields) == 1 && !strings.ContainsAny(fields[0], "ab")
		if page, got := barePage(pages); got != want || want && page != fields[0] {
			t.Fatalf("barePage(%q) = %q, %v; want %q", pages, page, got, fields)
		}
		if want {
			bare++
		}
	}
	if bare < 30 {
		t.Errorf("only %d bare pages: the check checks little", bare)
	}
}

// rePageChapter is the specification of pageChapter.
var rePageChapter = regexp.MustCompile(`^\s?(\d{1,3})\s*(\S.*)$`)

// TestPageChapter holds pageChapter to rePageChapter on the sample lines
// and on every string of up to five pieces of digits, spaces and text.
func TestPageChapter(t *testing.T) {
	matched := 0
	check := func(s string) {
		num, chapter, ok := pageChapter(s)
		m := rePageChapter.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (num != m[1] || chapter != m[2]) {
			t.Fatalf("pageChapter(%q) = %q, %q, %v; want %q", s, num, chapter, ok, m)
		}
		if ok {
			matched++
		}
	}
	eachSample(t, []string{"1", "2", " ", "\t", "\n", "\v", "\u3000", "章", "a", "\xff"}, 5, check)
	if matched < 1000 {
		t.Errorf("only %d matches: the check checks little", matched)
	}
}

// TestPassageInPlace holds the passages taken in place from the cleaned
// text to those built line by line, for the text of every topic and
// section of the fixtures and the yearbook, and for the topics' text cut
// at every byte of the start of its first line.
func TestPassageInPlace(t *testing.T) {
	cuts := 0
	for _, pf := range parseFixtures(t) {
		d, bare := pf.d, pf.bare
		check := func(from, to, col int) {
			got, want := d.Passage(from, to, col), bare.Passage(from, to, col)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: Passage(%d, %d, %d) = %+v, want %+v", pf.file, from, to, col, got, want)
			}
		}
		for _, p := range d.Parts {
			for _, s := range p.Sections {
				check(s.Start, s.End, 0)
				for _, tp := range s.Topics {
					text := d.Line(tp.TextStart).Text
					for col := 0; col <= min(len(text), 40)+1; col++ {
						check(tp.TextStart, tp.End, col)
						if _, ok := d.cleanCut(tp.TextStart, tp.TextStart, col); ok && col > 0 && col < len(text) {
							cuts++
						}
					}
				}
			}
		}
	}
	if cuts < 1000 {
		t.Errorf("only %d lines cut in place: the check checks little", cuts)
	}
}

// reCredit is the specification of credit.
var reCredit = regexp.MustCompile(`(摄|供图)\s*[）)]\s*$`)

// TestCredit holds credit to reCredit on the sample lines and on every
// string of up to five pieces of a credit's parts.
func TestCredit(t *testing.T) {
	matched := 0
	check := func(s string) {
		if got, want := credit(s), reCredit.MatchString(s); got != want {
			t.Fatalf("credit(%q) = %v, want %v", s, got, want)
		} else if want {
			matched++
		}
	}
	eachSample(t, []string{"摄", "供图", "图", "）", ")", " ", "\n", "\u3000", "（", "王"}, 5, check)
	if matched < 1000 {
		t.Errorf("only %d credits: the check checks little", matched)
	}
}

// TestMayOpen holds mayOpen to the checks it goes before, mayBeAuthor and
// afterSpace with （, on the sample lines and on every string of up to
// four pieces of their parts.
func TestMayOpen(t *testing.T) {
	check := func(s string) {
		if (mayBeAuthor(s) || afterSpace(s, "（")) && !mayOpen(s) {
			t.Fatalf("mayOpen(%q) = false, but the author checks hold", s)
		}
	}
	eachSample(t, []string{"（", "）", "[", "]", " ", "\t", "\n", "\u3000", "市", "a"}, 4, check)
}
