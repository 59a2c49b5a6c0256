package resolve

import (
	"regexp"
	"testing"

	"github.com/yearbookkg/kg/loaders/internal/booktest"
)

// reTerm is the specification of dropTerms; only the tests run it.
var reTerm = regexp.MustCompile(`第?[一二三四五六七八九十]+届`)

// TestDropTerms checks dropTerms against the regexp it replaces, on
// made-up names and on the lines of the yearbook.
func TestDropTerms(t *testing.T) {
	cases := []string{"", "届", "第届", "五届", "第五届", "第第五届", "中国共产党武威市第五届委员会", "市五届人大常委会", "五届五届", "第十二届第三次",
		"二届届", "第五届、六届", "\xe4五届", "五\xb8\x80届", "a第一届b", "第一届\xff", "届五", "第二十届届中"}
	cases = append(cases, booktest.Lines(t)...)
	booktest.SameAsDrop(t, "dropTerms", reTerm, cases, 10, dropTerms)
}
