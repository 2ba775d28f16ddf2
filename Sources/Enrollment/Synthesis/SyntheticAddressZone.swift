import EnrollmentEngines

/// A primary zone of a synthetic county published as an address list (`zone-rules.csv`)
/// rather than drawn on the map: an old town or a compact neighbourhood, whose applicants have
/// an address (and coordinates inside the map cell that hosts it).
///
/// The first is the county's old town, with the rules the sample county documents (人民路
/// odd numbers 1–99 and even 2–98 except 50, which belongs to the map zone around it; 解放路
/// 1–63号; the whole of 和平街; the compound 阳光花园 with its aliases; groups 1–4 of 李家村).
/// Every other one has streets, a compound and a village named from its own **root** (建设路,
/// 建设街, 建设花园 alias 建设小区, 建设村; then 建设文化路 …), so no two zones' rules can
/// conflict. About one address in fifty is one a clerk must review (no
/// house number, or a number no rule covers).
struct SyntheticAddressZone {
    let zone: String
    let school: String
    /// The map cell (row-major index) the zone lies in, and the map zone around it.
    let hostCell: Int
    let hostZone: String
    /// The zone's number among the address zones (0: the old town).
    let number: Int
    /// Expected primary applicants.
    let applicants: Int

    static let roots = ["建设", "文化", "光明", "育才", "红旗", "胜利", "朝阳", "向阳", "凤凰", "龙泉", "柳林", "桥头", "杏花", "幸福",
                        "长江", "黄河", "嵩山", "金水", "农业", "政通", "工人", "青年", "友谊", "团结", "东风", "前进", "新华", "中原"]

    /// The most address zones with names of their own: each root alone, then with another
    /// root (建设文化).
    static let mostZones = 1 + roots.count * roots.count

    /// The name stem of zone `number` (1 ..< `mostZones`). Stems carry no numerals (an address
    /// reader may take them for a house or group number) and no direction words ("胜利东村"
    /// reads as the east part of the compound 胜利花园): no stem is another followed by a word
    /// that may follow a name.
    var root: String {
        let n = number - 1, roots = Self.roots, r = roots.count
        if n < r { return roots[n] }
        let q = n - r
        return roots[q % r] + roots[(q % r + 1 + q / r) % r]
    }

    /// The name of the zone in `zones.csv`.
    var name: String { number == 0 ? "老城区" : root + "片区" }

    /// The rows of `zone-rules.csv` (columns `ZoneRule.columns`).
    var rules: [[String]] {
        func row(_ kind: String, street: String = "", from: String = "", to: String = "", range: String = "", parity: String = "",
                 numbers: String = "", except: String = "", compound: String = "", aliases: String = "", village: String = "",
                 groups: String = "") -> [String] {
            [zone, kind, street, from, to, range, parity, numbers, except, compound, aliases, village, groups]
        }
        guard number > 0 else {
            return [row("street", street: "人民路", from: "1", to: "99", parity: "单号"),
                    row("street", street: "人民路", from: "2", to: "98", parity: "双号", except: "50"),
                    [hostZone] + row("street", street: "人民路", numbers: "50").dropFirst(),
                    row("street", street: "解放路", range: "1-63号"),
                    row("street", street: "和平街"),
                    row("compound", compound: "阳光花园", aliases: "阳光花园一期;阳光苑"),
                    row("village", village: "李家村", groups: "1-4")]
        }
        return [row("street", street: root + "路", from: "1", to: "199", parity: "单号"),
                row("street", street: root + "路", from: "2", to: "120", parity: "双号"),
                row("street", street: root + "街"),
                row("compound", compound: root + "花园", aliases: root + "小区"),
                row("village", village: root + "村", groups: "1-5")]
    }

    /// An address in the zone, drawn from `random`.
    func address(random: inout LotteryStream) -> String {
        let pick = random.nextInt(below: 200)
        guard number > 0 else {
            switch pick {
            case 0, 1: return "人民路"
            case 2, 3: return "解放路\(64 + random.nextInt(below: 30))号"
            case 4..<60: return "人民路\(1 + random.nextInt(below: 99))号"
            case 60..<100: return "解放路\(1 + random.nextInt(below: 63))号"
            case 100..<130: return "和平街\(1 + random.nextInt(below: 40))号" + (random.chance(0.2) ? "之一" : "")
            case 130..<170:
                return "阳光花园\(1 + random.nextInt(below: 12))栋\(1 + random.nextInt(below: 3))单元\(1 + random.nextInt(below: 6))0\(1 + random.nextInt(below: 4))"
            default: return "李家村\(1 + random.nextInt(below: 4))组"
            }
        }
        let root = self.root
        switch pick {
        case 0, 1: return root + "路"
        case 2, 3: return root + "路\(122 + 2 * random.nextInt(below: 20))号"
        case 4..<60:
            let odd = random.chance(0.5)
            return root + "路\(odd ? 1 + 2 * random.nextInt(below: 100) : 2 + 2 * random.nextInt(below: 60))号"
        case 60..<100: return root + "街\(1 + random.nextInt(below: 80))号" + (random.chance(0.2) ? "之一" : "")
        case 100..<150:
            let name = random.chance(0.8) ? root + "花园" : root + "小区"
            return name + "\(1 + random.nextInt(below: 16))栋\(1 + random.nextInt(below: 3))单元\(1 + random.nextInt(below: 6))0\(1 + random.nextInt(below: 4))"
        default: return root + "村\(1 + random.nextInt(below: 5))组"
        }
    }
}
