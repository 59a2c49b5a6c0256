package mention_test

import (
	"bufio"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
)

// spanCase is one case of testdata/spans.txt.
type spanCase struct {
	name  string
	known []mention.Name
	text  string
	want  []string // "KIND name", in text order
	props map[string]map[string]string
	line  int
}

// readCases reads the cases of a spans file (format in its header).
func readCases(t *testing.T, path string) []spanCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open cases: %v", err)
	}
	defer f.Close()
	var cases []spanCase
	var cur *spanCase
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("%s:%d: no key", path, n)
		}
		val = strings.TrimSpace(val)
		switch key {
		case "case":
			cases = append(cases, spanCase{name: val, props: map[string]map[string]string{}, line: n})
			cur = &cases[len(cases)-1]
		case "known":
			kind, names, _ := strings.Cut(val, " ")
			all := strings.Split(names, "|")
			cur.known = append(cur.known, mention.Name{Kind: kg.Kind(kind), Key: all[0], Name: all[0], Aliases: all[1:]})
		case "text":
			cur.text = val
		case "want":
			if val == "" {
				continue
			}
			fields := strings.Fields(val)
			w := fields[0] + " " + fields[1]
			cur.want = append(cur.want, w)
			for _, kv := range fields[2:] {
				k, v, _ := strings.Cut(kv, "=")
				if cur.props[w] == nil {
					cur.props[w] = map[string]string{}
				}
				cur.props[w][k] = v
			}
		default:
			t.Fatalf("%s:%d: unknown key %q", path, n, key)
		}
	}
	return cases
}

func TestFinder(t *testing.T) {
	for _, c := range readCases(t, "testdata/spans.txt") {
		t.Run(c.name, func(t *testing.T) {
			f := mention.NewFinder(c.known, "武威")
			spans := f.Find(c.text)
			var got []string
			seen := map[string]mention.Span{}
			for _, s := range spans {
				if s.Kind == kg.Place {
					continue
				}
				if c.text[s.Start:s.End] != s.Name {
					t.Errorf("span %q at %d-%d does not match the text %q", s.Name, s.Start, s.End, c.text[s.Start:s.End])
				}
				w := string(s.Kind) + " " + s.Name
				got = append(got, w)
				if _, ok := seen[w]; !ok || len(c.props[w]) > 0 && s.Props != nil {
					if _, ok := seen[w]; !ok || checkProps(s, c.props[w]) == "" {
						seen[w] = s
					}
				}
			}
			if g, w := sorted(got), sorted(c.want); strings.Join(g, "\n") != strings.Join(w, "\n") {
				t.Errorf("line %d: spans of %q\n got: %v\nwant: %v", c.line, c.text, got, c.want)
			}
			for w, props := range c.props {
				s, ok := seen[w]
				if !ok {
					continue
				}
				if msg := checkProps(s, props); msg != "" {
					t.Errorf("line %d: %s: %s", c.line, w, msg)
				}
			}
		})
	}
}

// checkProps compares the title and props of a span with the wanted ones.
func checkProps(s mention.Span, want map[string]string) string {
	for k, v := range want {
		got := s.Props[k]
		switch k {
		case "title":
			got = s.Title
		case "key":
			got = s.Key
		}
		if got != v {
			return k + " = " + got + ", want " + v
		}
	}
	return ""
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

func TestSplitTitle(t *testing.T) {
	for _, c := range []struct{ title, org, head string }{
		{"省委统战部部长", "省委统战部", "部长"},
		{"市长", "", "市长"},
		{"市委副书记", "市委", "副书记"},
		{"甘肃银行党委书记", "甘肃银行", "党委书记"},
		{"中国工程院院士", "中国工程院", "院士"},
		{"常务副市长", "", "常务副市长"},
		{"武威市妇联发展部副部长", "武威市妇联", "发展部副部长"},
		{"市委组织部副部长", "市委组织部", "副部长"},
		{"市政府办公室副主任", "市政府办公室", "副主任"},
	} {
		org, head := mention.SplitTitle(c.title)
		if org != c.org || head != c.head {
			t.Errorf("SplitTitle(%q) = %q, %q; want %q, %q", c.title, org, head, c.org, c.head)
		}
	}
}
