package main

import "testing"

func TestShiftYears(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"year before 年", "（2023 年 8 月 4 日）", "（2025 年 8 月 4 日）"},
		{"year and month", "主任医师 2023.12", "主任医师 2025.12"},
		{"plan period", "规划（2021—2025 年）", "规划（2023—2027 年）"},
		{"spaced banner", "B\n\n2 0 2 4\n\n49大事记", "B\n\n2 0 2 6\n\n49大事记"},
		{"Chinese numerals", "二〇二三年", "二〇二五年"},
		{"quantity below the years", "库容 2000 万立方米", "库容 2000 万立方米"},
		{"long number", "地 31966 平方千米，编号 120230", "地 31966 平方千米，编号 120230"},
		{"history stays", "1950 年建成", "1950 年建成"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shiftYears(tt.in, 2); got != tt.want {
				t.Errorf("shiftYears(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTrieReplace(t *testing.T) {
	tr := &trie{}
	tr.add([]rune("周勇"), []rune("吴勇"))
	tr.add([]rune("周勇军"), []rune("吴勇华"))
	tr.add([]rune("凉州"), []rune("岚澄"))
	tests := []struct {
		name, in, want string
		n              int
	}{
		{"name", "局长周勇主持", "局长吴勇主持", 1},
		{"spaces inside a name are kept", "主任：周　勇（兼）", "主任：吴　勇（兼）", 1},
		{"a name wrapped across lines", "市委书记周\n\n勇主持会议", "市委书记吴\n\n勇主持会议", 1},
		{"a name wrapped around a photo caption", "决定周\n\n图 8　2024 年 4 月 16 日，会议召开 （张志华　摄）\n 勇为代理市长", "决定吴\n\n图 8　2024 年 4 月 16 日，会议召开 （张志华　摄）\n 勇为代理市长", 1},
		{"names inside the caption a name wraps around", "决定周\n图 8　凉州会议 （张志华　摄）\n勇为", "决定吴\n图 8　岚澄会议 （张志华　摄）\n勇为", 2},
		{"a figure number is not a caption", "决定周\n图表\n勇为", "决定周\n图表\n勇为", 0},
		{"longest name wins", "周勇军同志", "吴勇华同志", 1},
		{"place part inside a longer name", "凉州区人民医院在凉州", "岚澄区人民医院在岚澄", 2},
		{"no match", "周报", "周报", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := tr.replace(tt.in)
			if got != tt.want || n != tt.n {
				t.Errorf("replace(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
			}
		})
	}
}
