import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines

/// The steps of `SyntheticCounty`'s generation, in a fixed order (zones and schools, then
/// primary applicants, junior applicants, graduates), each drawing from its own named
/// stream so that one step's size never shifts another step's random choices.
package struct SyntheticCountyBuilder {
    package typealias Zone = SyntheticCounty.Zone
    package let p: SyntheticCounty.Parameters
    package let mesh: ZoneMesh
    package var schools: [School] = []
    package var zones: [Zone] = []
    /// The schools of each junior zone (two in a multi-school zone).
    package var juniorZoneSchools: [[String]] = []
    package var privateJuniorSchools: [String] = []
    /// Primary school id of each mesh cell, and the expected applicants in it.
    package var primaryOfCell: [String] = []
    package var perCell: [Int] = []
    /// The old town: a zone published as an address list (`zone-rules.csv`), its school,
    /// its rules (rows in `ZoneRule.columns` order) and how many applicants live there.
    package var addressZone: (zone: String, school: String, rules: [[String]], applicants: Int)?
    package let idWidth: Int

    package static let placeNames = ["城关", "东关", "西关", "南街", "北街", "新华", "人民", "和平", "建设", "文化", "光明", "育才",
                             "实验", "红旗", "胜利", "朝阳", "向阳", "凤凰", "龙泉", "柳林", "桥头", "河西", "河东", "杏花"]

    package init(_ p: SyntheticCounty.Parameters) {
        self.p = p
        var geometry = LotteryStream(seed: p.seed, draw: "synth/geometry")
        mesh = ZoneMesh(columns: p.primaryColumns, rows: p.primaryRows, west: p.west, south: p.south, east: p.east, north: p.north,
                        segments: 4, random: &geometry)
        let juniorMesh = ZoneMesh(columns: p.juniorZones, rows: 1, west: p.west, south: p.south, east: p.east, north: p.north,
                                  segments: 8, random: &geometry)
        let cells = p.primaryColumns * p.primaryRows
        idWidth = max(2, String(max(cells, 2 * p.juniorZones + p.privateJuniorSchools)).count)
        makeJuniorSchools(juniorMesh, random: &geometry)
        makePrimarySchools(random: &geometry)
        makeAddressZone(random: &geometry)
        makeHighSchools(random: &geometry)
    }

    package func code(_ prefix: String, _ n: Int) -> String {
        let digits = String(n)
        return prefix + String(repeating: "0", count: max(0, idWidth - digits.count)) + digits
    }

    package func name(_ n: Int, _ suffix: String) -> String {
        let names = Self.placeNames
        return names[n % names.count] + (n >= names.count ? String(n / names.count + 1) : "") + suffix
    }

    /// The junior zone a longitude falls in (junior zones are a single row of cells).
    package func juniorZone(lon: Double) -> Int {
        min(p.juniorZones - 1, max(0, Int((lon - p.west) / (p.east - p.west) * Double(p.juniorZones))))
    }

    package mutating func makeJuniorSchools(_ juniorMesh: ZoneMesh, random: inout LotteryStream) {
        var count = 0
        for k in 0..<p.juniorZones {
            let multi = k >= p.juniorZones - p.multiSchoolZones
            var ids: [String] = []
            for _ in 0..<(multi ? 2 : 1) {
                count += 1
                ids.append(code("J", count))
                let site = juniorMesh.point(k, 0, u: 0.25 + 0.5 * random.unit(), v: 0.25 + 0.5 * random.unit())
                schools.append(School(id: ids.last!, name: name(count - 1, "中学"), level: .junior, capacity: 1,
                                      longitude: site.lon, latitude: site.lat))
            }
            juniorZoneSchools.append(ids)
            zones.append(Zone(id: code("JZ", k + 1), level: .junior, schools: ids, polygons: [[juniorMesh.ring(k, 0)]]))
        }
        for n in 0..<p.privateJuniorSchools {
            count += 1
            privateJuniorSchools.append(code("J", count))
            let site = juniorMesh.point(n % p.juniorZones, 0, u: 0.5, v: 0.5)
            schools.append(School(id: code("J", count), name: name(count + 3, "外国语学校"), level: .junior, sector: .private,
                                  capacity: 1, longitude: site.lon, latitude: site.lat))
        }
    }

    /// One zone per mesh cell; the cell at (1, 1) has an enclave (a hole) that belongs to
    /// its east neighbour, whose zone is therefore in two parts.
    package mutating func makePrimarySchools(random: inout LotteryStream) {
        let cells = p.primaryColumns * p.primaryRows
        var polygons: [[[[(lon: Double, lat: Double)]]]] = (0..<cells).map { z in
            [[mesh.ring(z % p.primaryColumns, z / p.primaryColumns)]]
        }
        if p.primaryColumns >= 3, p.primaryRows >= 2 {
            let host = p.primaryColumns + 1
            let enclave = [(0.40, 0.40), (0.55, 0.40), (0.55, 0.55), (0.40, 0.55), (0.40, 0.40)].map { mesh.point(1, 1, u: $0.0, v: $0.1) }
            polygons[host][0].append(enclave)
            polygons[host + 1].append([enclave])
        }
        let weights = (0..<cells).map { _ in 0.5 + random.unit() }
        let total = weights.reduce(0, +)
        perCell = weights.map { Int(($0 / total * Double(p.applicants)).rounded()) }
        for z in 0..<cells {
            let id = code("P", z + 1)
            primaryOfCell.append(id)
            let site = mesh.point(z % p.primaryColumns, z / p.primaryColumns, u: 0.3 + 0.4 * random.unit(), v: 0.3 + 0.4 * random.unit())
            let zoneSchools = juniorZoneSchools[juniorZone(lon: site.lon)]
            let capacity = max(20, Int((Double(perCell[z]) * (0.9 + 0.3 * random.unit())).rounded()))
            schools.append(School(id: id, name: name(z, "小学"), level: .primary, capacity: capacity,
                                  longitude: site.lon, latitude: site.lat, feeds: zoneSchools[z % zoneSchools.count]))
            zones.append(Zone(id: code("PZ", z + 1), level: .primary, schools: [id], polygons: polygons[z]))
        }
        // Junior capacities follow the primary population of each junior zone, 6 % above it
        // overall, unevenly split inside multi-school zones; private schools take about 7 %.
        var zonePopulation = Array(repeating: 0, count: p.juniorZones)
        for z in 0..<cells {
            zonePopulation[juniorZone(lon: mesh.point(z % p.primaryColumns, z / p.primaryColumns, u: 0.5, v: 0.5).lon)] += perCell[z]
        }
        let privateSeats = max(10, p.applicants * 7 / 100 / max(1, p.privateJuniorSchools))
        for k in schools.indices where schools[k].level == .junior {
            if schools[k].sector == .private {
                schools[k].capacity = privateSeats
                continue
            }
            let zone = juniorZoneSchools.firstIndex { $0.contains(schools[k].id) }!
            let members = juniorZoneSchools[zone]
            let share = members.count == 1 ? 1.0 : (members.first == schools[k].id ? 0.42 : 0.58)
            let seats = Double(zonePopulation[zone]) * 0.99 * share * (0.9 + 0.2 * random.unit())
            schools[k].capacity = max(20, Int(seats.rounded()))
        }
    }

    /// The old town's streets, compound and village, zoned by a published address list; one
    /// number range of 人民路 is carved out for the neighbouring map zone (an exception).
    package mutating func makeAddressZone(random: inout LotteryStream) {
        let cells = p.primaryColumns * p.primaryRows
        let zone = code("PZ", cells + 1), school = code("P", cells + 1)
        let neighbour = code("PZ", 1)
        let rules = [
            [zone, "street", "人民路", "1", "99", "", "单号", "", "", "", "", "", ""],
            [zone, "street", "人民路", "2", "98", "", "双号", "", "50", "", "", "", ""],
            [neighbour, "street", "人民路", "", "", "", "", "50", "", "", "", "", ""],
            [zone, "street", "解放路", "", "", "1-63号", "", "", "", "", "", "", ""],
            [zone, "street", "和平街", "", "", "", "", "", "", "", "", "", ""],
            [zone, "compound", "", "", "", "", "", "", "", "阳光花园", "阳光花园一期;阳光苑", "", ""],
            [zone, "village", "", "", "", "", "", "", "", "", "", "李家村", "1-4"],
        ]
        let applicants = max(10, p.applicants / (cells + 1))
        let site = mesh.point(p.primaryColumns / 2, p.primaryRows / 2, u: 0.5, v: 0.5)
        let feeds = juniorZoneSchools[juniorZone(lon: site.lon)]
        schools.append(School(id: school, name: "实验小学", level: .primary,
                              capacity: max(20, Int((Double(applicants) * (0.95 + 0.2 * random.unit())).rounded())),
                              longitude: site.lon, latitude: site.lat, feeds: feeds[0]))
        addressZone = (zone, school, rules, applicants)
    }

    /// An old-town address and the home's coordinates near the town centre; about one in fifty
    /// is one a clerk must review (no house number, or a number no rule covers).
    package func oldTownAddress(random: inout LotteryStream) -> (address: String, lon: Double, lat: Double) {
        let centre = mesh.point(p.primaryColumns / 2, p.primaryRows / 2, u: 0.35 + 0.3 * random.unit(), v: 0.35 + 0.3 * random.unit())
        let address: String
        switch random.nextInt(below: 200) {
        case 0, 1: address = "人民路"
        case 2, 3: address = "解放路\(64 + random.nextInt(below: 30))号"
        case 4..<60: address = "人民路\(1 + random.nextInt(below: 99))号"
        case 60..<100: address = "解放路\(1 + random.nextInt(below: 63))号"
        case 100..<130: address = "和平街\(1 + random.nextInt(below: 40))号" + (random.chance(0.2) ? "之一" : "")
        case 130..<170: address = "阳光花园\(1 + random.nextInt(below: 12))栋\(1 + random.nextInt(below: 3))单元\(1 + random.nextInt(below: 6))0\(1 + random.nextInt(below: 4))"
        default: address = "李家村\(1 + random.nextInt(below: 4))组"
        }
        return (address, centre.lon, centre.lat)
    }

    package mutating func makeHighSchools(random: inout LotteryStream) {
        let plan = Double(p.applicants) * 0.55
        let quality = p.qualityHighSchools, ordinary = p.ordinaryHighSchools
        for n in 0..<(quality + ordinary) {
            let isQuality = n < quality
            let seats = plan * (isQuality ? 0.6 / Double(quality) : 0.4 / Double(ordinary)) * (0.85 + 0.3 * random.unit())
            let lon = p.west + (0.2 + 0.6 * random.unit()) * (p.east - p.west)
            let lat = p.south + (0.2 + 0.6 * random.unit()) * (p.north - p.south)
            schools.append(School(id: code("H", n + 1), name: name(n, isQuality ? "第一高级中学" : "高级中学"), level: .high,
                                  capacity: max(10, Int(seats.rounded())), longitude: ZoneMesh.round(lon), latitude: ZoneMesh.round(lat),
                                  quality: isQuality))
        }
    }
}
