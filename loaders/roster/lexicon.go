package roster

import (
	"strings"
	"unicode/utf8"
)

// The title lexicon. A roster title is an optional organ prefix (党组 of
// 党组书记), an optional rank modifier (常务副 of 常务副局长) and a base
// title; titles are joined by 、 or 兼 (党组书记、局长; 党工委书记兼管委会主任).
// The lexicon is data about Chinese official titles in general, not about
// one yearbook.
var (
	titleBases = strings.Fields(`
		书记 主任 主席 局长 部长 校长 院长 所长 站长 馆长 团长 队长 支队长 大队长 中队长
		政委 政治委员 检察长 市长 区长 县长 镇长 乡长 州长 盟长 旗长 秘书长 常委 委员 主委
		会长 理事长 董事长 总经理 经理 场长 厂长 指挥 总指挥 指挥长 社长 总编辑 主编 总编
		处长 科长 行长 组长 庭长 台长 园长 司令员 参谋长 主任委员 监事长 监事会主席
		总工程师 总会计师 总经济师 总农艺师 总畜牧师 总规划师 总监 首席代表 干事
		巡视员 调研员 督学 总督学 关长 段长 主任医师 专员 所长 分局长 执行董事`)
	titleModifiers = []string{"", "副", "常务副", "常务", "执行", "第一", "专职副", "驻会副", "执行副", "代", "代理"}
	titlePrefixes  = []string{"", "党组", "党委", "党工委", "党总支", "党支部", "分党组", "管委会", "纪委", "纪工委",
		"监委", "团委", "董事会", "监事会", "机关党委"}
)

// titleJoiners join two titles of one post line.
const titleJoiners = "、兼及"

// The lexicon is matched as the product it is, prefix × modifier × base,
// rather than as the twelve thousand strings of the product: making them
// was most of the cost of loading the package, and titleLens walks the
// three short lists for about the cost of looking up one string made for
// the purpose.
var (
	titlePrefixRunes   = runesOf(titlePrefixes)
	titleModifierRunes = runesOf(titleModifiers)
	titleBaseRunes     = map[rune][][]rune{} // the bases by their first character
	titleFirsts        = map[rune]bool{}     // the characters a title can start with
	maxTitleLen        int                   // in characters
)

func init() {
	maxBase := 0
	for _, b := range titleBases {
		r := []rune(b)
		titleBaseRunes[r[0]] = append(titleBaseRunes[r[0]], r)
		titleFirsts[r[0]] = true
		maxBase = max(maxBase, len(r))
	}
	for _, r := range append(titlePrefixRunes, titleModifierRunes...) {
		if len(r) > 0 {
			titleFirsts[r[0]] = true
		}
	}
	maxTitleLen = longest(titlePrefixRunes) + longest(titleModifierRunes) + maxBase
}

// titleLens returns the lengths n, as the bits 1<<n, for which r[:n] is a
// title of the lexicon.
func titleLens(r []rune) uint64 {
	if len(r) == 0 || !titleFirsts[r[0]] {
		return 0 // most places: no title starts there
	}
	var lens uint64
	for _, p := range titlePrefixRunes {
		if !hasRunes(r, p) {
			continue
		}
		rp := r[len(p):]
		for _, m := range titleModifierRunes {
			if !hasRunes(rp, m) || len(rp) == len(m) {
				continue
			}
			rm := rp[len(m):]
			for _, b := range titleBaseRunes[rm[0]] {
				if hasRunes(rm, b) {
					lens |= 1 << (len(p) + len(m) + len(b))
				}
			}
		}
	}
	return lens
}

// isTitleWord reports whether all of r is one title of the lexicon.
func isTitleWord(r []rune) bool {
	return len(r) <= maxTitleLen && titleLens(r)&(1<<len(r)) != 0
}

// hasRunes reports whether r starts with p.
func hasRunes(r, p []rune) bool {
	if len(p) > len(r) {
		return false
	}
	for i, c := range p {
		if r[i] != c {
			return false
		}
	}
	return true
}

func runesOf(ss []string) [][]rune {
	out := make([][]rune, len(ss))
	for i, s := range ss {
		out[i] = []rune(s)
	}
	return out
}

func longest(rs [][]rune) int {
	n := 0
	for _, r := range rs {
		n = max(n, len(r))
	}
	return n
}

// Surnames. A person in the name slot of a roster must have one, or carry an
// ethnicity note (Tibetan and Mongolian names have no Han surname). The
// single surnames are those of the 百家姓 plus common modern and regional
// ones (付, 肖, 闫, and the Hui and Dongxiang surnames of the northwest:
// 冶, 撒, 喇, 妥, 马 …).
var (
	singleSurnames = []rune(`赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎` +
		`鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹` +
		`姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆` +
		`高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠` +
		`甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙` +
		`叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴鬱胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂` +
		`濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东` +
		`欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公` +
		`付肖闫岳帅缑亢况有琴晋楚法汝鄢涂钦归海佘佴伯赏墨哈谯笪年爱阳佟商牟佘伍达银代母买冶尕旦才朵候占覃邸苟豆把` +
		`妥喇撒保鲜仝火铁拜锁虎来揣线蔺问种旷练郄展楼雒脱拓敏纳巨漆令芦仵丑寸操隋粟揭沐刀郇兰栗泮庹同战`)
	compoundSurnames = strings.Fields(`欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离
		端木 独孤 南宫 西门 万俟 呼延 完颜 申屠 太史 赫连 澹台 公冶 宗政 濮阳 淳于 单于 拓跋 百里 东郭 闻人 司空 左丘 第五`)
	surname = map[rune]bool{}
)

func init() {
	for _, r := range singleSurnames {
		surname[r] = true
	}
}

// orgSuffixes end the names of units. A parenthesis at the end of a unit
// whose items all end so names the same unit's other plate (an alias).
var orgSuffixes = strings.Fields(`局 办 会 院 中心 室 委 部 站 所 队 处 科 团 馆 校 社 组 厂 场 司 区 台 庭 行 署 盟 联 党 社 学会 协会 商会 集团 公司`)

// Abbreviations of organ names: a long form and its usual short form.
var abbreviations = [][2]string{
	{"人民代表大会常务委员会", "人大常委会"},
	{"人民代表大会", "人大"},
	{"人民政府", "政府"},
}

// partyShort gives the short forms of the democratic parties' names.
var partyShort = [][2]string{
	{"中国国民党革命委员会", "民革"},
	{"中国民主同盟", "民盟"},
	{"中国民主建国会", "民建"},
	{"中国民主促进会", "民进"},
	{"中国农工民主党", "农工党"},
	{"中国致公党", "致公党"},
	{"台湾民主自治同盟", "台盟"},
}

// isEthnicity reports whether a note item names an ethnicity (藏族, 东乡族).
func isEthnicity(s string) bool {
	n := utf8.RuneCountInString(s)
	return strings.HasSuffix(s, "族") && n >= 2 && n <= 6 && allHan(s)
}
