package neo4jstore

import (
	"strings"
	"testing"
)

// FuzzLuceneQuery checks the search sanitiser: whatever the input, the
// query is one quoted phrase in which every Lucene operator character is
// escaped, so user input can never become query syntax.
func FuzzLuceneQuery(f *testing.F) {
	for _, s := range []string{"谢宏杰", `"`, `\`, "*", "~", "a OR b", "})", "//", `"}) MATCH (n) DETACH DELETE n //`, "凉州区 AND NOT 民勤"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := luceneQuery(s)
		if !strings.HasPrefix(q, `"`) || !strings.HasSuffix(q, `"`) || len(q) < 2 {
			t.Fatalf("not a phrase: %q", q)
		}
		inner := q[1 : len(q)-1]
		for i := 0; i < len(inner); i++ {
			c := inner[i]
			if c == '\\' {
				i++ // the escaped character
				if i >= len(inner) {
					t.Fatalf("dangling escape in %q", q)
				}
				continue
			}
			if strings.IndexByte(`+-&|!(){}[]^"~*?:/`, c) >= 0 {
				t.Fatalf("unescaped %q in %q", c, q)
			}
		}
	})
}
