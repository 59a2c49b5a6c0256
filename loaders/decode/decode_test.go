package decode_test

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/yearbookkg/kg/loaders/decode"
)

func TestLines(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String("【概况】　武威市地处甘肃省中部\n")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		in       string
		want     []string
		enc      decode.Encoding
		errLine  int
		errMatch string
	}{
		{name: "utf-8 with crlf and bom", in: "\ufeff第一行\r\n\r\n第二行\n", want: []string{"第一行", "", "第二行"}, enc: decode.UTF8},
		{name: "gb18030", in: gb, want: []string{"【概况】　武威市地处甘肃省中部"}, enc: decode.GB18030},
		{name: "empty", in: " \n\n", errMatch: "empty file"},
		{name: "binary", in: "ab\ncd\x00ef", errLine: 2, errMatch: "binary"},
		{name: "invalid bytes", in: "好\n\xff\xff\xff\n", errLine: 2, errMatch: "invalid UTF-8"},
		{name: "huge line", in: "a\n" + strings.Repeat("字", decode.MaxLineBytes), errLine: 2, errMatch: "line of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := decode.Lines("f.txt", []byte(tt.in))
			if tt.errMatch != "" {
				var de *decode.Error
				if !errors.As(err, &de) || !strings.Contains(err.Error(), tt.errMatch) || de.Line != tt.errLine || de.File != "f.txt" {
					t.Fatalf("err = %v, want %q at line %d", err, tt.errMatch, tt.errLine)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.enc || strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q (%s), want %q (%s)", got, enc, tt.want, tt.enc)
			}
		})
	}
}
