/// Text folding shared by every reader of Chinese input: CSV fields, applicant addresses and
/// zone tables typed by different clerks on different machines must compare equal when they
/// mean the same thing.
///
/// Every function here is pure, locale-free and total (it never fails), and runs in O(n) in
/// the number of Unicode scalars of its input.
package enum TextNormalization {
    /// Folds full-width ASCII forms to their ASCII counterparts: `０`–`９`, `Ａ`–`Ｚ`, `ａ`–`ｚ`,
    /// full-width punctuation (`（`, `）`, `；`, `，`, `－`, `～`, …, U+FF01–U+FF5E) and the
    /// ideographic space U+3000 (to an ASCII space). Nothing else changes.
    package static func foldWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map(foldWidth)))
    }

    /// Replaces every dash and tilde variant (`—`, `–`, `―`, `‐`, `‑`, `‒`, `−`, `﹘`, `﹣`, `－`,
    /// `~`, `～`, `〜`) by the ASCII hyphen-minus `-`, and a run of them (`——`) by a single `-`.
    ///
    /// `至` and `到` are not touched here: they are ordinary characters in names (至善路);
    /// ``normalizedAddress(_:)`` folds them where they stand between numbers.
    package static func foldDashes(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let folded = isDash(scalar) ? hyphen : scalar
            if folded == hyphen, out.last == hyphen { continue }
            out.append(folded)
        }
        return String(out)
    }

    /// Maps traditional Chinese characters to simplified ones, character by character.
    ///
    /// Coverage: a fixed table of 755 characters chosen for addresses and names (each pair
    /// checked against OpenCC's `t2s` conversion): administrative and place words (縣, 鄉, 鎮,
    /// 區, 莊, 灣, 嶺, 橋, 號, 樓, 棟, 層, 門, 組, 單, 雙), common surnames whose traditional form
    /// differs (陳, 張, 劉, 黃, 趙, 吳, 鄭, 楊, 葉, 羅, …), province and city names (廣, 貴, 遼,
    /// 陝, 贛, 閩, 粵, 瀋, 廈, …), and frequent words of street and compound names (陽, 東,
    /// 園, 華, 興, 豐, 寶, 麗, 龍, 鳳, 灣, 濱, …). It is not a full converter (OpenCC knows
    /// about 2,700 single characters). Characters outside the table pass unchanged, so a rare traditional
    /// character in a name stays traditional and two spellings of it will not compare equal.
    /// Only one-to-one mappings are included: characters whose simplified form depends on the
    /// word (乾 → 干/乾, 著 → 着/著, 於 → 于/於, 瞭 → 了/瞭) are left unchanged.
    package static func simplified(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map(simplified)))
    }

    /// The form a free-text field of a CSV file is compared in: full-width folded, simplified,
    /// with leading and trailing white space removed. Inner spaces and dashes are kept.
    package static func normalizedField(_ text: String) -> String {
        let scalars = simplified(foldWidth(text)).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// The form an address (or a street, compound or village name in a zone table) is matched
    /// in:
    /// 1. full-width forms folded to ASCII (``foldWidth(_:)``),
    /// 2. traditional characters simplified (``simplified(_:)``),
    /// 3. dash variants folded to `-` (``foldDashes(_:)``),
    /// 4. `至` and `到` folded to `-` where they stand between a number (digits, Chinese
    ///    numerals, or a number followed by `号`/`组`) and a following number:
    ///    `1至4组` → `1-4组`, `1号到99号` → `1号-99号`, but `至善路` stays,
    /// 5. all white space removed and ASCII letters upper-cased (`12a` → `12A`).
    ///
    /// Idempotent: `normalizedAddress(normalizedAddress(s)) == normalizedAddress(s)`.
    package static func normalizedAddress(_ text: String) -> String {
        String(String.UnicodeScalarView(normalizedAddressScalars(text)))
    }

    /// ``normalizedAddress(_:)`` as an array of scalars, the form the address matcher scans.
    package static func normalizedAddressScalars(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for raw in text.unicodeScalars {
            if raw.value >= 0x4E00, raw.value <= 0x9FFF {
                out.append(simplified(raw))
                continue
            }
            var scalar = foldWidth(raw)
            if scalar.isASCII {
                let value = scalar.value
                if value == 0x20 || (0x09...0x0D).contains(value) { continue }
                if value >= 0x61, value <= 0x7A { scalar = Unicode.Scalar(UInt8(value - 0x20)) }
            } else if scalar.properties.isWhitespace {
                continue
            }
            if isDash(scalar) {
                if out.last == hyphen { continue }
                scalar = hyphen
            }
            out.append(scalar)
        }
        foldRangeWords(&out)
        return out
    }

    // MARK: - Scalars

    private static let hyphen: Unicode.Scalar = "-"

    private static func foldWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000: " "
        default: scalar
        }
    }

    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x7E, 0x2010...0x2015, 0x2212, 0x301C, 0xFE58, 0xFE63, 0xFF0D, 0xFF5E: true
        default: false
        }
    }

    private static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0x4E00, scalar.value <= 0x9FFF else { return scalar }
        let target = simplificationTable[Int(scalar.value - 0x4E00)]
        return target == 0 ? scalar : Unicode.Scalar(target)!
    }

    /// Folds 至/到 to `-` between numbers (step 4 of ``normalizedAddress(_:)``).
    private static func foldRangeWords(_ scalars: inout [Unicode.Scalar]) {
        guard scalars.count >= 3 else { return }
        for i in 1..<(scalars.count - 1) where scalars[i] == "至" || scalars[i] == "到" {
            var before = scalars[i - 1]
            if (before == "号" || before == "组"), i >= 2 { before = scalars[i - 2] }
            if ChineseNumeral.isNumeral(before), ChineseNumeral.isNumeral(scalars[i + 1]) { scalars[i] = hyphen }
        }
    }

    /// Traditional → simplified, as pairs of characters (traditional first), sorted by the
    /// traditional character's code point. All lie in the CJK Unified Ideographs block.
    package static let simplificationPairs: [(traditional: Unicode.Scalar, simplified: Unicode.Scalar)] = {
        let pairs = [
        "來来倉仓個个們们倫伦偉伟側侧傑杰備备傳传僅仅僑侨價价儀仪億亿優优內内兩两劉刘動动務务勝胜勞劳勢势勵励匯汇區区協协厙厍厲厉",
        "參参吳吴呂吕問问喬乔單单噸吨嚴严國国圍围園园圓圆圖图團团堅坚堯尧報报場场塊块塢坞塵尘墊垫墳坟墾垦壇坛壓压壘垒壞坏壢坜壩坝",
        "壯壮壺壶壽寿夢梦奪夺奮奋婁娄婦妇媽妈嬰婴孫孙學学實实寧宁審审寫写寬宽寶宝將将專专尋寻對对導导屆届層层屬属岡冈島岛峽峡崑昆",
        "崗岗崙仑崢峥嵐岚嶗崂嶧峄嶸嵘嶺岭嶼屿嶽岳巒峦巔巅巖岩帥帅師师帳帐幣币幫帮幹干廂厢廈厦廚厨廟庙廠厂廢废廣广廬庐廳厅張张強强",
        "彈弹彌弥彎弯後后徑径從从復复徵征愛爱慶庆憲宪憶忆應应懷怀戰战戶户揚扬換换撫抚擁拥擇择擔担據据擴扩攝摄敗败敵敌數数斷断時时",
        "晉晋暢畅曆历曉晓書书會会東东條条棗枣棟栋棲栖楊杨楨桢業业極极榮荣構构槍枪樁桩樂乐樓楼標标樞枢樹树橋桥機机橫横檔档檢检檯台",
        "櫃柜櫻樱欄栏權权欒栾欽钦歐欧歡欢歲岁歷历歸归殘残殼壳氣气沖冲涇泾涼凉淵渊淺浅減减渦涡測测渾浑湊凑湞浈湧涌湯汤溈沩溝沟溫温",
        "溼湿滄沧滅灭滎荥滙汇滬沪滷卤滸浒滻浐滿满漁渔漢汉漣涟漲涨潁颍潔洁潛潜潤润潯浔潰溃澀涩澇涝澗涧澤泽澱淀濁浊濕湿濘泞濟济濤涛",
        "濰潍濱滨濺溅瀉泻瀋沈瀏浏瀘泸瀟潇瀾澜灃沣灑洒灕漓灘滩灝灏灣湾灤滦為为烏乌無无煙烟煥焕熱热燈灯燒烧營营燦灿爐炉爛烂爭争爺爷",
        "爾尔牆墙牽牵猶犹獅狮獎奖獨独獲获現现琿珲瑣琐瑪玛環环璽玺瓊琼產产畝亩畢毕畫画當当疊叠療疗癒愈發发皚皑皺皱盞盏盡尽監监盤盘",
        "盧卢眥眦眾众睜睁矯矫碩硕確确碼码磚砖礎础礦矿祕秘祿禄禍祸禎祯禦御禪禅禮礼稅税種种稱称穀谷穎颖穩稳窪洼窮穷窯窑竄窜竪竖競竞",
        "筆笔範范築筑簡简簽签籃篮籌筹籬篱粵粤糞粪糧粮紀纪約约紅红純纯紙纸級级紡纺細细紹绍組组結结絕绝給给統统絲丝經经綜综綠绿綢绸",
        "維维網网綿绵緊紧緒绪線线緣缘練练縣县縮缩縱纵總总績绩織织繡绣繩绳繪绘續续纖纤羅罗羥羟義义習习翹翘聖圣聞闻聯联聰聪聲声聳耸",
        "聶聂職职聽听肅肃脈脉腦脑腸肠膽胆臉脸臨临臺台與与興兴舉举舊旧艦舰艱艰荊荆莊庄莖茎莧苋華华萊莱萬万葉叶葦苇葷荤蒼苍蓆席蓋盖",
        "蓮莲蔔卜蔣蒋蔥葱蔭荫蕎荞蕩荡蕪芜蕭萧薈荟薊蓟薑姜藍蓝藝艺藥药藺蔺蘄蕲蘆芦蘇苏蘊蕴蘋苹蘭兰蘿萝處处虛虚虜虏號号蝦虾螢萤蟲虫",
        "蠶蚕衆众衛卫衝冲裏里補补裝装裡里製制複复襪袜見见規规覓觅視视親亲覺觉覽览觀观訂订計计訊讯討讨訓训託托記记訪访設设許许診诊",
        "評评詞词試试詩诗話话語语誠诚說说課课調调談谈請请論论諸诸謀谋講讲謝谢證证識识譚谭譯译議议護护變变讓让豈岂豐丰豬猪貝贝負负",
        "財财貢贡貧贫貨货販贩貳贰貴贵買买貸贷費费貿贸賀贺資资賈贾賓宾賞赏賢贤賣卖質质賴赖購购賽赛贊赞贛赣趕赶趙赵趨趋跡迹踐践躍跃",
        "車车軌轨軍军軒轩軟软較较載载輔辅輕轻輛辆輝辉輪轮輯辑轄辖轉转辦办辭辞農农迴回這这連连週周進进運运過过達达遙遥遜逊遠远適适",
        "遷迁選选遺遗遼辽邁迈還还邊边郵邮鄆郓鄉乡鄒邹鄔邬鄖郧鄧邓鄭郑鄰邻鄲郸鄴邺鄺邝酈郦醫医醬酱釀酿釋释釘钉針针鈴铃鉛铅銀银銅铜",
        "銘铭銷销鋁铝鋒锋鋪铺鋼钢錄录錢钱錦锦錫锡鍋锅鍛锻鍾钟鎂镁鎊镑鎖锁鎮镇鏈链鏡镜鐘钟鐵铁鑄铸長长門门閃闪閆闫閉闭開开閑闲間间",
        "閔闵閘闸閣阁閩闽閬阆閱阅閻阎闆板闊阔闖闯關关陝陕陣阵陰阴陳陈陸陆陽阳隊队階阶隕陨際际隨随險险隱隐隴陇雋隽雙双雛雏雜杂雞鸡",
        "離离難难雲云電电霧雾靂雳靈灵靜静韋韦韓韩韻韵響响頁页頂顶項项順顺須须頌颂預预頓顿頗颇領领頤颐頭头頻频顆颗題题顏颜願愿顧顾",
        "顯显風风颯飒颱台飄飘飛飞飯饭飲饮餅饼養养餘余館馆馬马馮冯駐驻駕驾駿骏騎骑騰腾騷骚驅驱驕骄驗验驛驿體体髮发鬆松鬥斗鬧闹魚鱼",
        "魯鲁鮑鲍鮮鲜鯉鲤鯨鲸鳥鸟鳳凤鳴鸣鴨鸭鴻鸿鵝鹅鵬鹏鶯莺鶴鹤鷹鹰鸚鹦鹹咸鹼碱鹽盐麗丽麥麦麵面麼么黃黄點点黨党黴霉齊齐齋斋齒齿",
        "齡龄龍龙龐庞龔龚龜龟",
        ].joined()
        let scalars = Array(pairs.unicodeScalars)
        return stride(from: 0, to: scalars.count, by: 2).map { (scalars[$0], scalars[$0 + 1]) }
    }()

    /// ``simplificationPairs`` as a direct lookup over U+4E00–U+9FFF (0 = unchanged), so that
    /// simplifying a character is one array read.
    private static let simplificationTable: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x9FFF - 0x4E00 + 1)
        for (traditional, simplified) in simplificationPairs {
            table[Int(traditional.value - 0x4E00)] = UInt16(simplified.value)
        }
        return table
    }()
}
