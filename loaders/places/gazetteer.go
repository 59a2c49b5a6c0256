package places

import "strings"

// This file holds the only place names the package knows before reading a
// yearbook: national data that is the same for every Chinese city yearbook
// (provinces and their prefecture-level divisions, the 56 ethnic groups that
// name autonomous counties, and the country's great natural features). A
// yearbook's own counties, towns and villages are always read from its text.

// provinceData lists each province-level division with its prefecture-level
// divisions, one province a line: "province|city city …". Autonomous
// prefectures (…自治州) and leagues (…盟) are prefecture level too.
const provinceData = `
北京市|
天津市|
上海市|
重庆市|
河北省|石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市
山西省|太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市
内蒙古自治区|呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟 锡林郭勒盟 阿拉善盟
辽宁省|沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市
吉林省|长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州
黑龙江省|哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 大兴安岭地区
江苏省|南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市
浙江省|杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市
安徽省|合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市
福建省|福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市
江西省|南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市
山东省|济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市
河南省|郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 南阳市 商丘市 信阳市 周口市 驻马店市
湖北省|武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市 恩施土家族苗族自治州
湖南省|长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 湘西土家族苗族自治州
广东省|广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市 梅州市 汕尾市 河源市 阳江市 清远市 东莞市 中山市 潮州市 揭阳市 云浮市
广西壮族自治区|南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市
海南省|海口市 三亚市 三沙市 儋州市
四川省|成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 广安市 达州市 雅安市 巴中市 资阳市 阿坝藏族羌族自治州 甘孜藏族自治州 凉山彝族自治州
贵州省|贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州 黔东南苗族侗族自治州 黔南布依族苗族自治州
云南省|昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市 楚雄彝族自治州 红河哈尼族彝族自治州 文山壮族苗族自治州 西双版纳傣族自治州 大理白族自治州 德宏傣族景颇族自治州 怒江傈僳族自治州 迪庆藏族自治州
西藏自治区|拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市 阿里地区
陕西省|西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市
甘肃省|兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市 临夏回族自治州 甘南藏族自治州
青海省|西宁市 海东市 海北藏族自治州 黄南藏族自治州 海南藏族自治州 果洛藏族自治州 玉树藏族自治州 海西蒙古族藏族自治州
宁夏回族自治区|银川市 石嘴山市 吴忠市 固原市 中卫市
新疆维吾尔自治区|乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州 博尔塔拉蒙古自治州 巴音郭楞蒙古自治州 阿克苏地区 克孜勒苏柯尔克孜自治州 喀什地区 和田地区 伊犁哈萨克自治州 塔城地区 阿勒泰地区
台湾省|
香港特别行政区|
澳门特别行政区|
`

// ethnicGroups are the 56 officially recognised ethnic groups, longest
// first, used to reduce an autonomous county's name to its short forms
// (天祝藏族自治县 → 天祝县, 天祝) and to recognise such names.
var ethnicGroups = strings.Fields(`
鄂温克族 鄂伦春族 柯尔克孜族 哈萨克族 维吾尔族 塔吉克族 乌孜别克族 俄罗斯族 塔塔尔族 达斡尔族 毛南族 仫佬族 布依族 东乡族 保安族 撒拉族 裕固族 傈僳族 景颇族 德昂族 普米族 基诺族 独龙族 门巴族 珞巴族 赫哲族 高山族 土家族 蒙古族 朝鲜族 仡佬族 阿昌族 拉祜族 布朗族 哈尼族
汉族 藏族 回族 苗族 彝族 壮族 满族 侗族 瑶族 白族 傣族 黎族 畲族 佤族 水族 纳西族 羌族 土族 锡伯族 怒族 京族 蒙族`)

// naturalData lists natural features of national renown, each with extra
// forms after "|": mountains, plateaus, deserts, rivers and corridors that
// yearbooks of any north-western city mention without a locating prefix.
const naturalData = `
黄河|
长江|
黄土高原|
青藏高原|
内蒙古高原|
云贵高原|
河西走廊|
祁连山|祁连山区 祁连山脉
天山|
昆仑山|
阿尔金山|
贺兰山|
六盘山|
秦岭|
乌鞘岭|
腾格里沙漠|腾格里
巴丹吉林沙漠|巴丹吉林
塔克拉玛干沙漠|塔克拉玛干
库布齐沙漠|
毛乌素沙地|毛乌素沙漠
柴达木盆地|
塔里木盆地|
准噶尔盆地|
四川盆地|
青海湖|
`

// countryData lists foreign countries a Chinese yearbook names as partners,
// origins and destinations of trade (typed OTHER: outside the tree).
var countryData = strings.Fields(`
哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦 塔吉克斯坦 土库曼斯坦 俄罗斯 蒙古国 巴基斯坦 阿富汗 伊朗 印度 尼泊尔 孟加拉国
日本 韩国 朝鲜 越南 老挝 泰国 缅甸 柬埔寨 马来西亚 新加坡 印度尼西亚 菲律宾 美国 加拿大 墨西哥 巴西 阿根廷 智利 秘鲁
英国 法国 德国 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 瑞典 挪威 芬兰 丹麦 波兰 奥地利 捷克 匈牙利 希腊 土耳其
白俄罗斯 乌克兰 格鲁吉亚 阿塞拜疆 亚美尼亚 沙特阿拉伯 阿联酋 以色列 埃及 南非 尼日利亚 肯尼亚 埃塞俄比亚 澳大利亚 新西兰`)

// provinceOf and the other tables below are built once from the data.
var (
	provinces   []string              // full names of province-level divisions
	provinceOf  = map[string]string{} // prefecture full name → province full name
	prefectures []string
	naturals    = map[string][]string{} // natural feature → extra forms
)

func init() {
	for _, line := range strings.Split(provinceData, "\n") {
		prov, cities, ok := strings.Cut(strings.TrimSpace(line), "|")
		if !ok {
			continue
		}
		provinces = append(provinces, prov)
		for _, c := range strings.Fields(cities) {
			prefectures = append(prefectures, c)
			provinceOf[c] = prov
		}
	}
	for _, line := range strings.Split(naturalData, "\n") {
		name, forms, ok := strings.Cut(strings.TrimSpace(line), "|")
		if !ok {
			continue
		}
		naturals[name] = strings.Fields(forms)
	}
}

// Suffixes of administrative units, by the type they give.
var adminSuffix = []struct {
	suffix string
	typ    string
}{
	{"特别行政区", Province}, {"自治区", Province}, {"省", Province},
	{"自治州", City}, {"地区", City}, {"盟", City},
	{"自治县", County}, {"自治旗", County}, {"旗", County}, {"县", County}, {"区", District},
	{"街道办事处", Subdistrict}, {"街道", Subdistrict},
	{"镇", Town}, {"乡", Township},
	{"社区", Community}, {"村", Village},
}

// siteSuffixes end the names of man-made places worth a visit; the names
// are recognised only where the text bounds them (a topic title, a tour
// route, a list of 景点, a county prefix).
var siteSuffixes = []string{
	"工业园区", "工业集中区", "经济开发区", "高新技术产业开发区", "开发区", "产业园区", "物流园区",
	"国家湿地公园", "湿地公园", "森林公园", "沙漠公园", "文化公园", "公园",
	"旅游区", "度假区", "度假村", "风景区", "景区", "景点",
	"石窟", "遗址", "古城", "汉墓", "墓群", "古墓", "故居", "长城",
	"寺", "塔", "庙", "堡", "城", "巷", "广场", "帐篷城", "街区", "古镇", "村寨",
}

// parkSuffixes end the names of industrial parks, which are named after
// their place (古浪工业集中区): the place is part of the name.
var parkSuffixes = []string{"工业园区", "工业集中区", "经济开发区", "高新技术产业开发区", "开发区", "产业园区", "物流园区"}

// otherSuffixes end the names of small areas of no standard type
// (黄花滩移民区).
var otherSuffixes = []string{"移民区", "移民安置区", "生态建设指挥部"}

// naturalSuffixes end the names of natural places.
var naturalSuffixes = []string{
	"沙漠", "沙地", "戈壁", "草原", "湿地", "水库", "冰川", "峡谷", "盆地", "高原", "走廊",
	"山脉", "山", "岭", "峰", "峡", "沟", "河", "湖", "海", "泉", "滩", "湾", "洼",
}

// orgSuffixes end organization names. A place name followed closely by one
// is the first word of an organization (凉州区人民法院), not a mention of
// the place; and a site candidate ending in one is an institution.
var orgSuffixes = []string{
	"局", "厅", "委", "部", "署", "院", "站", "中心", "馆", "厂", "公司", "集团", "学校", "中学", "小学", "大学", "学院", "幼儿园",
	"医院", "银行", "政府", "人大", "政协", "法院", "检察院", "委员会", "联合会", "协会", "商会", "学会", "工会", "合作社",
	"林场", "农场", "工作室", "陆港", "港", "人民代表大会", "领导小组", "牧业", "乳业", "药业", "实业", "置业", "营业部", "支行", "分行", "公路段", "指挥部", "管委会", "妇联", "侨联", "文联", "科协",
	"残联", "工商联", "报社", "电视台", "办公室", "管理处", "研究所", "派出所", "事务所", "大队", "支队", "中队",
}

// notSiteSuffixes end names that a list of 景点 may hold but that are
// institutions (museums, schools, bases) or roads rather than places.
var notSiteSuffixes = []string{
	"馆", "院", "中心", "基地", "公司", "学校", "局", "站", "合作社", "公路", "路", "线",
}
