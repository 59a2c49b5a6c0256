package prose

import (
	"regexp"
	"slices"
	"testing"

	"github.com/yearbookkg/kg/loaders/segment"
)

// reEntryDate is the specification of lastEntryDate; only the tests run
// it.
var reEntryDate = regexp.MustCompile(`(?:^|。|会议|】)(?:(20\d\d)年)?(\d{1,2})月(\d{1,2})日`)

// TestLastEntryDate holds lastEntryDate to the last match of reEntryDate
// on the running text of the vendored yearbook, cut after every tenth of
// its sentences as entryDate cuts it (the regexp reads each cut text
// whole), and on made-up texts.
func TestLastEntryDate(t *testing.T) {
	d, err := segment.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "4月8日", "2023年4月8日。", "。4月8日", "】12月31日", "第十次会议4月8日，", "会议会议1月2日", "。。1月2日",
		"4月8日。5月9日", "。2023年1月", "。月1日", "会议123月4日", "x4月8日", "会议2022年1月1日会议2023年13月1日", "】2023年1月1日"}
	for _, st := range d.Running() {
		texts = append(texts, st.Text)
	}
	found := 0
	for _, s := range texts {
		cuts := []int{len(s)}
		for i, k := 0, 0; i+3 <= len(s); i++ {
			if segment.SentenceEndAt(s, i) {
				if k%10 == 0 {
					cuts = append(cuts, i+3)
				}
				k++
			}
		}
		for _, end := range cuts {
			var want []int
			if ms := reEntryDate.FindAllStringSubmatchIndex(s[:end], -1); len(ms) > 0 {
				want = ms[len(ms)-1]
				found++
			}
			if got := lastEntryDate(s[:end]); !slices.Equal(got, want) {
				t.Fatalf("lastEntryDate(%.60q…) = %v, want %v", s[max(0, end-60):end], got, want)
			}
		}
	}
	if found < 50 {
		t.Errorf("only %d dates found: the check checks little", found)
	}
}
