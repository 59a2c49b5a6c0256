package kg_test

import (
	"testing"

	"github.com/yearbookkg/kg"
)

func TestRefID(t *testing.T) {
	tests := []struct {
		name string
		ref  kg.Ref
		want string // IDs stay the same across versions: stored graphs and clients hold them
	}{
		{"person", kg.Ref{Kind: kg.Person, Key: "柳鹏"}, "per_e3wwhdbq6qsxvfwj"},
		{"project", kg.Ref{Kind: kg.Project, Key: "柳鹏"}, "prj_2ddai3txolvfdjaq"},
		{"place", kg.Ref{Kind: kg.Place, Key: "凉州区"}, "plc_u6vwbpbjzbr5dbpv"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := tt.ref.ID()
			if id != tt.want {
				t.Fatalf("ID = %s, want %s", id, tt.want)
			}
			if got := kg.KindOfID(id); got != tt.ref.Kind {
				t.Errorf("KindOfID(%s) = %q, want %q", id, got, tt.ref.Kind)
			}
			if seen[id] {
				t.Errorf("ID %s collides", id)
			}
			seen[id] = true
		})
	}
	for _, bad := range []string{"", "x", "per_", "zzz_abcdefghijklmnop", "per_abcdefghijklmnopq"} {
		if k := kg.KindOfID(bad); k != "" {
			t.Errorf("KindOfID(%q) = %q, want empty", bad, k)
		}
	}
}

func TestErrorCode(t *testing.T) {
	if got := kg.ErrorCode(kg.Errorf(kg.ENOTFOUND, "no %s", "x")); got != kg.ENOTFOUND {
		t.Errorf("got %q", got)
	}
	if got := kg.ErrorMessage(errPlain{}); got != "internal error" {
		t.Errorf("got %q", got)
	}
	if kg.ErrorCode(nil) != "" {
		t.Error("nil error has a code")
	}
}

type errPlain struct{}

func (errPlain) Error() string { return "secret detail" }
