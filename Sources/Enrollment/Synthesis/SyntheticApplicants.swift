import EnrollmentCase
import EnrollmentEngines
import EnrollmentVocabulary

/// The people of a synthetic county: applicants at both levels and graduates, with the
/// mixes a county sees (residence ties, care groups, twins, siblings, stated choices).
extension SyntheticCountyBuilder {
    /// About `p.applicants` applicants of `level`: the map cells' in cell order, homes spread
    /// around each cell's centre, then the address zones', with an address and a home near the
    /// centre of the cell they lie in.
    func applicants(_ level: SchoolLevel) -> [Applicant] {
        var random = LotteryStream(seed: p.seed, draw: "synth/applicants/\(level.rawValue)")
        // The months a migrant family has held its residence permit come from a stream of their
        // own, so that adding them left every other value of a county as it was.
        var months = LotteryStream(seed: p.seed, draw: "synth/permit-months/\(level.rawValue)")
        let levelCode = level == .primary ? "01" : "07"
        let idWidth = max(4, String(p.applicants * 11 / 10).count)
        let firstBirth = CalendarDate(year: Self.intakeYear - (level == .primary ? 7 : 13), month: 9, day: 1)!
        var result: [Applicant] = []
        result.reserveCapacity(p.applicants + p.applicants / 50)
        func nextID() -> String {
            let n = String(result.count + 1)
            return "2026" + levelCode + String(repeating: "0", count: max(0, idWidth - n.count)) + n
        }
        let cells = cellApplicants.count
        let cap = Policy().classSizeCap[level] ?? Int.max
        let seats = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.capacity) })
        /// An `apart_from` request is only given where the pair's school forms two classes or
        /// more; at a one-class school it could never hold and class formation would refuse it.
        func hasTwoClasses(_ school: String) -> Bool { (seats[school] ?? 0) > cap }
        let ratio = level == .primary ? 1.0 : Double(p.juniorApplicants ?? p.applicants) / Double(p.applicants)
        for z in 0..<(cells + addressZones.count) {
            let addressZone = z < cells ? nil : addressZones[z - cells]
            let home = addressZone?.hostCell ?? z
            let (i, j) = cell(home)
            let people = addressZone?.applicants ?? cellApplicants[z]
            let zoneSchool = addressZone?.school ?? primaryOfCell[z]
            let junior = juniorZoneSchools[juniorZoneOfCell[home]]
            let separable = (level == .primary ? [zoneSchool] : junior + privateJuniorSchools).allSatisfy(hasTwoClasses)
            for _ in 0..<Int((Double(people) * ratio).rounded()) {
                let address = addressZone?.address(random: &random)
                let spot = addressZone == nil
                    ? mesh.point(i, j, u: (random.unit() + random.unit()) / 2, v: (random.unit() + random.unit()) / 2)
                    : mesh.point(i, j, u: 0.35 + 0.3 * random.unit(), v: 0.35 + 0.3 * random.unit())
                let gender: Gender = random.chance(0.515) ? .male : .female
                let birth = SyntheticPeople.date(from: firstBirth, plusUpTo: 366, random: &random)
                let residence = Self.residence(random.unit())
                var categories: [String] = []
                if residence == .residencePermit || (residence == .other && random.chance(0.3)) { categories.append("migrant") }
                if categories.isEmpty, random.chance(0.04) { categories.append("left_behind") }
                if random.chance(0.015) { categories.append("disabled") }
                if random.chance(0.01) { categories.append("military") }
                let surname = random.pick(SyntheticPeople.surnames)
                var a = Applicant(id: nextID(), name: SyntheticPeople.name(surname: surname, random: &random), gender: gender,
                                  birthDate: birth, longitude: spot.lon, latitude: spot.lat, address: address,
                                  residence: residence, categories: categories)
                if Self.ageWindow.ageOutsideWindow(bornOn: birth, level: level) != nil {
                    a.ageException = Self.earlyEntry
                }
                if residence == .residencePermit {
                    a.permitMonths = Self.permitMonthsRequired + months.nextInt(below: 109)
                }
                if random.chance(0.85) {
                    a.idNumber = SyntheticPeople.idNumber(birth: birth, gender: gender, serial: result.count)
                }
                switch level {
                case .primary:
                    if random.chance(0.06) { a.siblingSchool = zoneSchool }
                case .junior, .high:
                    let r = random.unit()
                    a.primarySchool = r < 0.86 ? zoneSchool : r < 0.96 ? random.pick(primaryOfCell) : nil
                    if random.chance(0.05) { a.siblingSchool = random.pick(junior) }
                    var choices: [String] = []
                    if !privateJuniorSchools.isEmpty, random.chance(0.12) { choices.append(random.pick(privateJuniorSchools)) }
                    if junior.count > 1, random.chance(0.6) {
                        var order = junior
                        random.shuffle(&order)
                        choices += order
                    }
                    a.choices = choices
                    a.score = Self.score(random: &random, low: 60, high: 100)
                    a.subjectScores = [SubjectScore(subject: "chinese", score: Self.score(random: &random, low: 55, high: 100)),
                                       SubjectScore(subject: "math", score: Self.score(random: &random, low: 50, high: 100))]
                }
                if let previous = result.last, previous.twinGroup == nil {
                    if random.chance(0.003) {
                        if separable { a.apartFrom = [previous.id] }
                    } else if random.chance(0.002) {
                        a.togetherWith = [previous.id]
                    }
                }
                result.append(a)
                if random.chance(0.01) {
                    var twin = a
                    twin.id = nextID()
                    twin.gender = random.chance(0.5) ? .male : .female
                    twin.name = SyntheticPeople.name(surname: surname, random: &random)
                    twin.idNumber = a.idNumber.map { _ in SyntheticPeople.idNumber(birth: birth, gender: twin.gender, serial: result.count) }
                    twin.apartFrom = []
                    twin.togetherWith = []
                    let group = "T" + a.id
                    result[result.count - 1].twinGroup = group
                    twin.twinGroup = group
                    result.append(twin)
                }
            }
        }
        return result
    }

    /// The intake year of a synthetic county: primary applicants are six on 31 August of it,
    /// junior applicants eleven or twelve.
    static let intakeYear = 2026

    /// The age window of a synthetic county's policy (the default, in `intakeYear`).
    static let ageWindow = AgeWindow(intakeYear: intakeYear)

    /// The `age_exception` of a synthetic applicant born after the window (a junior applicant
    /// who entered primary school at five): early entry the bureau approved.
    static let earlyEntry = "提前入学，县教育局批准"

    /// The months a residence permit must have been held for the `residence_permit` tier in a
    /// synthetic county's policy; every synthetic migrant family has held one 6 to 114 months.
    static let permitMonthsRequired = 6

    /// About `p.applicants` junior-school graduates with leaving-exam scores and choices of high schools.
    func graduates() -> [Graduate] {
        var random = LotteryStream(seed: p.seed, draw: "synth/graduates")
        let juniors = schools.filter { $0.level == .junior }
        let highs = schools.filter { $0.level == .high }
        let quality = Set(highs.filter(\.quality).map(\.id))
        let totalSeats = juniors.reduce(0) { $0 + $1.capacity }
        let total = p.graduates ?? p.applicants
        let idWidth = max(4, String(total).count)
        var result: [Graduate] = []
        result.reserveCapacity(total)
        for school in juniors {
            let count = Int((Double(school.capacity) / Double(totalSeats) * Double(total)).rounded())
            for _ in 0..<count {
                let n = String(result.count + 1)
                let id = "202609" + String(repeating: "0", count: max(0, idWidth - n.count)) + n
                let score = Self.score(random: &random, low: 300, high: 700)
                let fraction = Double(score.hundredths) / 70_000
                let subjects = ["chinese", "math", "english"].map {
                    SubjectScore(subject: $0, score: Score(hundredths: Int((fraction * 120 * (0.9 + 0.2 * random.unit())).rounded()) * 100))
                }
                var picked: [String] = []
                for _ in 0..<(1 + random.nextInt(below: min(3, highs.count))) {
                    var id = random.pick(highs).id
                    while picked.contains(id) { id = random.pick(highs).id }
                    picked.append(id)
                }
                let choices = picked.filter(quality.contains) + picked.filter { !quality.contains($0) }
                result.append(Graduate(id: id, name: SyntheticPeople.name(surname: random.pick(SyntheticPeople.surnames), random: &random),
                                       juniorSchool: school.id, score: score, choices: choices,
                                       eligible: random.chance(0.92), categories: random.chance(0.01) ? ["military"] : [],
                                       subjectScores: subjects))
            }
        }
        return result
    }

    /// Head-teacher candidates: per primary and junior school, one more than its classes at
    /// the policy's default caps; every fifth teacher is a parent of an applicant who lists
    /// or lives by the school.
    func teachers(primary: [Applicant], junior: [Applicant]) -> [(school: String, teacher: String, children: [String])] {
        var random = LotteryStream(seed: p.seed, draw: "synth/teachers")
        var pupils: [String: [String]] = [:]
        for a in primary { if let s = a.siblingSchool { pupils[s, default: []].append(a.id) } }
        for a in junior { if let s = a.choices.first ?? a.siblingSchool { pupils[s, default: []].append(a.id) } }
        var result: [(school: String, teacher: String, children: [String])] = []
        for school in schools.filter({ $0.level != .high }).sorted(by: { $0.id < $1.id }) {
            let cap = school.level == .primary ? 45 : 50
            let count = (school.capacity + cap - 1) / cap + 1
            for k in 1...count {
                let candidates = pupils[school.id] ?? []
                let child = k % 5 == 1 && !candidates.isEmpty ? [random.pick(candidates)] : []
                result.append((school.id, "\(school.id)-T\(k < 10 ? "0" : "")\(k)", child))
            }
        }
        return result
    }

    /// A residence tie in the mix a county sees: 55 % 房户一致, 15 % 户籍, 12 % 房产, 13 % 居住证, 5 % other.
    static func residence(_ u: Double) -> ResidenceTie {
        switch u {
        case ..<0.55: return .hukouAndProperty
        case ..<0.70: return .hukou
        case ..<0.82: return .property
        case ..<0.95: return .residencePermit
        default: return .other
        }
    }

    /// A bell-shaped score between `low` and `high` (the mean of four uniforms), in half points.
    static func score(random: inout LotteryStream, low: Double, high: Double) -> Score {
        let u = (random.unit() + random.unit() + random.unit() + random.unit()) / 4
        return Score(hundredths: Int(((low + u * (high - low)) * 2).rounded()) * 50)
    }
}
