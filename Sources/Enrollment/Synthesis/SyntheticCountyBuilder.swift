import EnrollmentCase
import EnrollmentEngines
import EnrollmentZones

/// The steps of `SyntheticCounty`'s generation, in a fixed order (zones and schools, then
/// primary applicants, junior applicants, graduates), each drawing from its own named
/// stream so that one step's size never shifts another step's random choices.
///
/// The map: a `ZoneMesh` of primary zones, one school each, whose populations follow a
/// density that is highest in the middle of the county (from about a quarter to twice the
/// mean); address-list zones inside some of them; junior zones that are blocks of primary
/// zones (`CellBlock.partition`), each sized for the intakes drawn for its one to three
/// schools, so that a primary school feeds a junior school of its own junior zone.
struct SyntheticCountyBuilder {
    typealias Zone = SyntheticCounty.Zone
    let p: SyntheticCounty.Parameters
    let mesh: ZoneMesh
    var schools: [School] = []
    var zones: [Zone] = []
    /// Expected primary applicants of each map cell (row-major: cell z is column z % columns,
    /// row z / columns), its school, and its junior zone.
    var cellApplicants: [Int] = []
    var primaryOfCell: [String] = []
    var juniorZoneOfCell: [Int] = []
    /// The schools of each junior zone (one to three).
    var juniorZoneSchools: [[String]] = []
    var privateJuniorSchools: [String] = []
    var addressZones: [SyntheticAddressZone] = []
    /// The boarding primary school's places held for left-behind children.
    var reservedSeats: [ReservedSeats] = []
    let idWidth: Int

    static let placeNames = ["城关", "东关", "西关", "南街", "北街", "新华", "人民", "和平", "建设", "文化", "光明", "育才",
                             "实验", "红旗", "胜利", "朝阳", "向阳", "凤凰", "龙泉", "柳林", "桥头", "河西", "河东", "杏花"]
    /// Places a junior class holds (the policy's default cap) and the largest primary intake.
    static let juniorClass = 50
    static let largestPrimaryIntake = 450

    init(_ p: SyntheticCounty.Parameters) {
        self.p = p
        var geometry = LotteryStream(seed: p.seed, draw: "synth/geometry")
        mesh = ZoneMesh(columns: p.primaryColumns, rows: p.primaryRows, west: p.west, south: p.south, east: p.east, north: p.north,
                        segments: 4, random: &geometry)
        let cells = p.primaryColumns * p.primaryRows
        let address = min(p.addressZones, cells, SyntheticAddressZone.mostZones)
        let junior = min(p.juniorZones, cells)
        idWidth = max(2, String(max(cells + address, 3 * junior + p.privateJuniorSchools, p.qualityHighSchools + p.ordinaryHighSchools)).count)
        makePopulation(addressZones: address, random: &geometry)
        makeJuniorZones(junior, random: &geometry)
        makePrimarySchools(random: &geometry)
        makeJuniorCapacities(random: &geometry)
        makeBoardingAndPurchasedPlaces()
        makeHighSchools(random: &geometry)
    }

    func code(_ prefix: String, _ n: Int) -> String {
        let digits = String(n)
        return prefix + String(repeating: "0", count: max(0, idWidth - digits.count)) + digits
    }

    func name(_ n: Int, _ suffix: String) -> String {
        let names = Self.placeNames
        return names[n % names.count] + (n >= names.count ? String(n / names.count + 1) : "") + suffix
    }

    /// The column and row of map cell `z`.
    func cell(_ z: Int) -> (i: Int, j: Int) {
        (z % p.primaryColumns, z / p.primaryColumns)
    }

    /// A point well inside map cell `z` (u, v drawn in 0.3…0.7).
    func site(_ z: Int, random: inout LotteryStream) -> ZoneMesh.Point {
        let (i, j) = cell(z)
        return mesh.point(i, j, u: 0.3 + 0.4 * random.unit(), v: 0.3 + 0.4 * random.unit())
    }

    /// The address-list zones and their applicants, then the map cells': the remaining
    /// applicants shared by a density (0.35 + 1.45 b²) × (0.75…1.25), b = max(0, 1 − d²/0.3)
    /// for d the cell centre's distance from the county's middle, in units of the county's
    /// sides, none above 405 (90 % of the largest primary intake) where the total allows. The
    /// old town lies in the middle cell, the other address zones in cells drawn.
    mutating func makePopulation(addressZones count: Int, random: inout LotteryStream) {
        let (columns, rows) = (p.primaryColumns, p.primaryRows)
        let cells = columns * rows
        let middle = rows / 2 * columns + columns / 2
        var hosts = Array(0..<cells).filter { $0 != middle }
        random.shuffle(&hosts)
        hosts = [middle] + hosts.prefix(count - 1).sorted()
        let each = Double(p.applicants) / Double(cells + count)
        for (n, host) in hosts.enumerated() {
            addressZones.append(SyntheticAddressZone(zone: code("PZ", cells + n + 1), school: code("P", cells + n + 1), hostCell: host,
                                                     hostZone: code("PZ", host + 1), number: n,
                                                     applicants: max(10, Int((each * (0.8 + 0.4 * random.unit())).rounded()))))
        }
        let density = (0..<cells).map { z -> Double in
            let (i, j) = cell(z)
            let x = (Double(i) + 0.5) / Double(columns) - 0.5, y = (Double(j) + 0.5) / Double(rows) - 0.5
            let b = max(0, 1 - (x * x + y * y) / 0.3)
            return (0.35 + 1.45 * b * b) * (0.75 + 0.5 * random.unit())
        }
        let rest = Double(max(cells, p.applicants - addressZones.reduce(0) { $0 + $1.applicants }))
        cellApplicants = Self.share(rest, by: density, atMost: 0.9 * Double(Self.largestPrimaryIntake)).map { max(1, Int($0.rounded())) }
    }

    /// `total` shared in proportion to `weights`, no share above `most` where the total allows
    /// (at most 80 % of `most` on average): what a capped share would exceed goes to the others,
    /// in proportion again, until none exceeds.
    static func share(_ total: Double, by weights: [Double], atMost most: Double) -> [Double] {
        var shares = weights.map { $0 / weights.reduce(0, +) * total }
        guard total <= 0.8 * most * Double(weights.count) else { return shares }
        var capped = [Bool](repeating: false, count: weights.count)
        while shares.indices.contains(where: { !capped[$0] && shares[$0] > most }) {
            for k in shares.indices where shares[k] > most { capped[k] = true }
            let free = total - Double(capped.filter { $0 }.count) * most
            let weight = weights.indices.filter { !capped[$0] }.reduce(0.0) { $0 + weights[$1] }
            shares = weights.indices.map { capped[$0] ? most : weights[$0] / weight * free }
        }
        return shares
    }

    /// Junior zones: the intakes of their schools are drawn (3–15 classes, one school in
    /// sixteen 16–20), `p.multiSchoolZones` zones drawn to hold two schools (three, one time in
    /// four), then the map is cut into blocks of primary zones whose populations follow the
    /// zones' total intakes. Each school stands in a cell of its zone.
    mutating func makeJuniorZones(_ count: Int, random: inout LotteryStream) {
        var multi = Array(0..<count)
        random.shuffle(&multi)
        let multiZones = Set(multi.prefix(min(p.multiSchoolZones, count)))
        let intakes = (0..<count).map { k -> [Double] in
            (0..<(multiZones.contains(k) ? (random.chance(0.25) ? 3 : 2) : 1)).map { _ in
                let classes = random.chance(1.0 / 16) ? 16 + random.nextInt(below: 5) : 3 + Int(6.5 * (random.unit() + random.unit()))
                return Double(classes * Self.juniorClass) * (0.9 + 0.1 * random.unit())
            }
        }
        var weight = cellApplicants
        for zone in addressZones { weight[zone.hostCell] += zone.applicants }
        let blocks = CellBlock.partition(CellBlock(west: 0, south: 0, east: p.primaryColumns, north: p.primaryRows),
                                         targets: intakes.map { $0.reduce(0, +) },
                                         cellWidth: (p.east - p.west) / Double(p.primaryColumns),
                                         cellHeight: (p.north - p.south) / Double(p.primaryRows)) { i, j in
            Double(weight[j * p.primaryColumns + i])
        }
        juniorZoneOfCell = [Int](repeating: 0, count: p.primaryColumns * p.primaryRows)
        var number = 0
        for (k, block) in blocks.enumerated() {
            let cells = (block.south..<block.north).flatMap { j in (block.west..<block.east).map { j * p.primaryColumns + $0 } }
            for z in cells { juniorZoneOfCell[z] = k }
            var ids: [String] = []
            // The capacity is the school's drawn intake for now (makeJuniorCapacities).
            for intake in intakes[k] {
                number += 1
                ids.append(code("J", number))
                let spot = site(random.pick(cells), random: &random)
                schools.append(School(id: ids.last!, name: name(number - 1, "中学"), level: .junior, capacity: Int(intake.rounded()),
                                      longitude: spot.lon, latitude: spot.lat))
            }
            juniorZoneSchools.append(ids)
            zones.append(Zone(id: code("JZ", k + 1), level: .junior, schools: ids, polygons: [[mesh.ring(block)]]))
        }
        for n in 0..<p.privateJuniorSchools {
            number += 1
            privateJuniorSchools.append(code("J", number))
            let spot = site(random.nextInt(below: cellApplicants.count), random: &random)
            schools.append(School(id: code("J", number), name: name(n + 3, "外国语学校"), level: .junior, sector: .private,
                                  capacity: 1, longitude: spot.lon, latitude: spot.lat))
        }
    }

    /// One zone and school per map cell, plus the address zones' schools. The middle cell's
    /// west neighbour has an enclave (a hole) that belongs to the middle cell, whose zone is
    /// therefore in two parts. A primary school feeds a junior school of its junior zone;
    /// its intake is its zone's applicants × 0.9…1.2, at most 450 (10 classes of 45).
    mutating func makePrimarySchools(random: inout LotteryStream) {
        let (columns, rows) = (p.primaryColumns, p.primaryRows)
        let cells = columns * rows
        var polygons: [[[[ZoneMesh.Point]]]] = (0..<cells).map { z in [[mesh.ring(cell(z).i, cell(z).j)]] }
        if columns >= 3, rows >= 2 {
            let host = rows / 2 * columns + columns / 2 - 1
            let enclave = mesh.enclave(cell(host).i, cell(host).j)
            polygons[host][0].append(enclave)
            polygons[host + 1].append([enclave])
        }
        func intake(_ applicants: Int, _ share: Double) -> Int {
            max(min(10, applicants), min(Self.largestPrimaryIntake, Int((Double(applicants) * share).rounded())))
        }
        for z in 0..<cells {
            let id = code("P", z + 1)
            primaryOfCell.append(id)
            let spot = site(z, random: &random)
            let feeds = juniorZoneSchools[juniorZoneOfCell[z]]
            schools.append(School(id: id, name: name(z, "小学"), level: .primary, capacity: intake(cellApplicants[z], 0.9 + 0.3 * random.unit()),
                                  longitude: spot.lon, latitude: spot.lat, feeds: feeds[z % feeds.count]))
            zones.append(Zone(id: code("PZ", z + 1), level: .primary, schools: [id], polygons: polygons[z]))
        }
        for zone in addressZones {
            let spot = site(zone.hostCell, random: &random)
            let names = ["实验小学", "第一实验小学", "第二实验小学"]
            schools.append(School(id: zone.school, name: zone.number < names.count ? names[zone.number] : zone.root + "小学", level: .primary,
                                  capacity: intake(zone.applicants, 0.95 + 0.2 * random.unit()),
                                  longitude: spot.lon, latitude: spot.lat, feeds: juniorZoneSchools[juniorZoneOfCell[zone.hostCell]][0]))
        }
    }

    /// Junior capacities: a zone's junior applicants × 0.89…1.09, shared among its schools in
    /// proportion to their drawn intakes; the private schools share about 7 % of the junior
    /// applicants, each 0.6…1.4 of an equal share.
    mutating func makeJuniorCapacities(random: inout LotteryStream) {
        let ratio = Double(p.juniorApplicants ?? p.applicants) / Double(p.applicants)
        var population = [Double](repeating: 0, count: juniorZoneSchools.count)
        for (z, applicants) in cellApplicants.enumerated() { population[juniorZoneOfCell[z]] += Double(applicants) * ratio }
        for zone in addressZones { population[juniorZoneOfCell[zone.hostCell]] += Double(zone.applicants) * ratio }
        let index = Dictionary(uniqueKeysWithValues: schools.indices.map { (schools[$0].id, $0) })
        for (k, members) in juniorZoneSchools.enumerated() {
            let drawn = members.reduce(0) { $0 + schools[index[$1]!].capacity }
            for id in members {
                let share = Double(schools[index[id]!].capacity) / Double(drawn)
                schools[index[id]!].capacity = max(10, Int((population[k] * share * (0.89 + 0.2 * random.unit())).rounded()))
            }
        }
        let weights = privateJuniorSchools.map { _ in 0.6 + 0.8 * random.unit() }
        let seats = Double(p.juniorApplicants ?? p.applicants) * 0.07
        for (id, w) in zip(privateJuniorSchools, weights) {
            schools[index[id]!].capacity = max(10, Int((seats * w / weights.reduce(0, +)).rounded()))
        }
    }

    /// The smallest map-cell primary school (the first such by id), a rural one, boards, and
    /// holds a tenth of its places (at least 2) for left-behind children (留守儿童); each private
    /// junior school has a fifth of its places bought by the government for migrant children.
    /// Nothing is drawn: the county's other values are as without them.
    mutating func makeBoardingAndPurchasedPlaces() {
        let cellSchools = Set(primaryOfCell)
        if let k = schools.indices.filter({ cellSchools.contains(schools[$0].id) }).min(by: { (schools[$0].capacity, $0) < (schools[$1].capacity, $1) }) {
            schools[k].boarding = true
            reservedSeats = [ReservedSeats(school: schools[k].id, category: "left_behind", seats: max(2, schools[k].capacity / 10))]
        }
        let privates = Set(privateJuniorSchools)
        for k in schools.indices where privates.contains(schools[k].id) { schools[k].purchasedPlaces = schools[k].capacity / 5 }
        makeLocales()
    }

    /// Each primary and junior school's locale: a map cell's school is urban where its cell
    /// holds at least 1.2 times the mean applicants, town from 0.6 times, else rural; the
    /// address-list zones' schools (the old town) and the private schools are urban; a public
    /// junior school takes the locale of the first primary school that feeds it.
    mutating func makeLocales() {
        let mean = Double(cellApplicants.reduce(0, +)) / Double(max(1, cellApplicants.count))
        var locale: [String: School.Locale] = [:]
        for (z, id) in primaryOfCell.enumerated() {
            let density = Double(cellApplicants[z]) / mean
            locale[id] = density >= 1.2 ? .urban : density >= 0.6 ? .town : .rural
        }
        for zone in addressZones { locale[zone.school] = .urban }
        for id in privateJuniorSchools { locale[id] = .urban }
        for school in schools.sorted(by: { $0.id < $1.id }) where school.level == .primary {
            if let fed = school.feeds, locale[fed] == nil { locale[fed] = locale[school.id] }
        }
        for k in schools.indices where schools[k].level != .high { schools[k].locale = locale[schools[k].id] }
    }

    mutating func makeHighSchools(random: inout LotteryStream) {
        let plan = Double(p.graduates ?? p.applicants) * 0.55
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
