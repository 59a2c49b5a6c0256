package events

import "testing"

func TestChronicleName(t *testing.T) {
	tests := []struct{ name, desc, want string }{
		{"meeting before 召开", "全市领导干部会议召开，省委决定：王国斌同志任中共武威市委书记。", "全市领导干部会议"},
		{"happening before 在…举办", "第二十二届中国绿色食品博览会暨第十五届中国国际有机食品博览会在安徽合肥举办，武威市5家企业获奖。", "第二十二届中国绿色食品博览会暨第十五届中国国际有机食品博览会"},
		{"object of 召开", "武威市召开大力弘扬八步沙“六老汉”新时代愚公精神加快生态文明建设座谈会。", "大力弘扬八步沙“六老汉”新时代愚公精神加快生态文明建设座谈会"},
		{"short object takes the clause", "省人社厅在武威市人社大厦举行授牌仪式，为…授牌。", "省人社厅在武威市人社大厦举行授牌仪式"},
		{"a body is no happening", "甘肃省总工会举行第五届“陇原工匠”发布仪式，…。", "第五届“陇原工匠”发布仪式"},
		{"quoted name alone", "“癸卯年祭孔大典”在武威文庙举行，整个仪式…。", "癸卯年祭孔大典"},
		{"a quote that only modifies", "蒋建国带领调研组到武威市开展“加强宣传教育”专题调研。", "蒋建国带领调研组到武威市开展“加强宣传教育”专题调研"},
		{"organizer dropped", "由中国文联、中国曲协及省文联联合主办的第八届全国道德模范故事汇基层巡演走进武威，进一步…。", "第八届全国道德模范故事汇基层巡演"},
		{"leading clause of time skipped", "甘肃省“三北”工程攻坚战首批重点项目开工活动后，武威市在古浪县举行“三北”工程攻坚战首批重点项目开工仪式。", "“三北”工程攻坚战首批重点项目开工仪式"},
		{"meeting that decided", "甘肃省第十四届人民代表大会常务委员会第四次会议审查批准《武威市城市绿化条例》。", "甘肃省第十四届人民代表大会常务委员会第四次会议"},
		{"concluded happening", "武威市首届房地产展销会圆满完成。现场签订购房合同408份。", "武威市首届房地产展销会"},
		{"no happening: first clause, clipped", "市委书记柳鹏，市委副书记、市长王国斌赴省景电水资源利用中心衔接工作。", "市委书记柳鹏，市委副书记、市长王国斌赴省景电水资源利用中心…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := chronicleName(tt.desc); got != tt.want {
				t.Errorf("chronicleName = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMeetingSig(t *testing.T) {
	tests := []struct{ a, b string }{
		{"中国共产党武威市第五届委员会第七次全体会议", "市委五届七次全体会议"},
		{"武威市第五届人民代表大会常务委员会第十二次会议", "市五届人大常委会第十二次会议"},
		{"五届市委第五十五次常委会会议", "五届市委五十五次常委会会议"},
		{"政协武威市第五届委员会常务委员会第七次会议", "中国人民政治协商会议武威市第五届委员会常务委员会第七次会议"},
	}
	for _, tt := range tests {
		a, b := meetingSig(tt.a, "武威"), meetingSig(tt.b, "武威")
		if a == "" || a != b {
			t.Errorf("meetingSig(%s) = %q, meetingSig(%s) = %q: want equal", tt.a, a, tt.b, b)
		}
	}
	differ := [][2]string{
		{"市委五届七次全体会议", "五届市委七十五次常委会会议"},
		{"武威市第五届人民代表大会常务委员会第四次会议", "甘肃省第十四届人民代表大会常务委员会第四次会议"},
		{"市人大常委会第十二次主任会议", "市五届人大常委会第十二次会议"},
	}
	for _, d := range differ {
		if a, b := meetingSig(d[0], "武威"), meetingSig(d[1], "武威"); a == b {
			t.Errorf("meetingSig(%s) = meetingSig(%s) = %q: want different", d[0], d[1], a)
		}
	}
	if s := meetingSig("市委经济工作会议", "武威"); s != "" {
		t.Errorf("unnumbered meeting has signature %q", s)
	}
}

func TestDateSpan(t *testing.T) {
	tests := []struct {
		in         string
		start, end string
		ok         bool
	}{
		{"1月3日，", "2023-01-03", "", true},
		{"8月28—29日，", "2023-08-28", "2023-08-29", true},
		{"2024年1月13至16日，", "2024-01-13", "2024-01-16", true},
		{"11月5日至11日举办", "2023-11-05", "2023-11-11", true},
		{"3月31日至4月2日", "2023-03-31", "2023-04-02", true},
		{"12月28日至1月3日", "2023-12-28", "2024-01-03", true},
		{"2月30日", "", "", false},
		{"2月26至29日", "", "", false},
	}
	for _, tt := range tests {
		ds, _, err := fullDate(tt.in, 2023)
		if (err == nil) != tt.ok || ds.Start != tt.start || ds.End != tt.end {
			t.Errorf("fullDate(%q) = %+v, %v; want %s..%s ok=%v", tt.in, ds, err, tt.start, tt.end, tt.ok)
		}
	}
}
