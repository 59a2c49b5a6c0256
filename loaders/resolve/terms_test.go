package resolve

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// reTerm is the specification of dropTerms; only the tests run it.
var reTerm = regexp.MustCompile(`第?[一二三四五六七八九十]+届`)

// TestDropTerms checks dropTerms against the regexp it replaces, on
// made-up names and on the lines of the yearbook.
func TestDropTerms(t *testing.T) {
	cases := []string{"", "届", "第届", "五届", "第五届", "第第五届", "中国共产党武威市第五届委员会", "市五届人大常委会", "五届五届", "第十二届第三次",
		"二届届", "第五届、六届", "\xe4五届", "五\xb8\x80届", "a第一届b", "第一届\xff", "届五", "第二十届届中"}
	if b, err := os.ReadFile("../../data/wuwei-2024.txt"); err == nil {
		cases = append(cases, strings.Split(string(b), "\n")...)
	}
	matched := 0
	for _, s := range cases {
		want := reTerm.ReplaceAllString(s, "")
		if want != s {
			matched++
		}
		if got := dropTerms(s); got != want {
			t.Fatalf("dropTerms(%q) = %q, want %q", s, got, want)
		}
	}
	if matched < 10 {
		t.Errorf("only %d names with a term: the check checks little", matched)
	}
}
