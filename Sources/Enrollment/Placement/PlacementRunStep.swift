/// The `place` step of a run (`enroll place`): options `level` and `encoding`; outputs the
/// files of `PlacementStep` under `<level>/`.
extension RunStepKind {
    public static let placement = RunStepKind(name: "place", perform: { input in
        let level = try input.level(step: "place")
        let c = try input.loadCase()
        let (run, files) = try PlacementStep.run(c, level: level, seed: input.seed)
        return RunStepOutput(inputs: c.files, outputs: files.map { (name: $0.path, bytes: $0.bytes) },
                             draws: [run.draw],
                             counts: Dictionary(uniqueKeysWithValues: PlacementStep.counts(run)))
    }, invariants: PlacementStep.invariants)
}

extension PlacementStep {
    /// The guarantees `verify` checks on a placement's published files: every applicant of the
    /// level exactly once; no school above capacity; and, against `ranks.csv` (`MatchingAudit`),
    /// for deferred acceptance stability — no applicant prefers a school that admitted someone
    /// with a worse (tier, lottery number) there, and no seat is left empty at a school an
    /// applicant ranked above their result — or, for immediate acceptance, the published
    /// round-by-round rule.
    @Sendable public static func invariants(_ input: RunStepInput, _ output: RunStepOutput) -> [String] {
        guard let level = try? input.level(step: "place"), let c = try? input.loadCase() else { return ["the case or the options cannot be read"] }
        func table(_ name: String) -> CSVTable? {
            output.output("\(level.rawValue)/\(name)").flatMap { CSVReader.parse($0, file: name).table }
        }
        guard let placements = table("placements.csv"), let ranks = table("ranks.csv") else { return ["the placement files cannot be read"] }
        let schools = c.schools(level).sorted { $0.id < $1.id }
        var schoolIndex: [String: Int] = [:]
        for (k, s) in schools.enumerated() { schoolIndex[s.id] = k }
        var problems: [String] = []
        var students: [String: Int] = [:]
        var seated = [Int](repeating: 0, count: schools.count)
        var admitted: [(student: Int, school: Int)] = []
        for row in 0..<placements.count {
            let (id, school, status) = (placements[row, 0], placements[row, 1], placements[row, 2])
            guard students[id] == nil else { problems.append("placements.csv: \(id) appears twice"); continue }
            students[id] = row
            if let k = schoolIndex[school] {
                seated[k] += 1
                if status == "admitted" { admitted.append((row, k)) }
            }
        }
        let expected = Set(c.applicants(level).map(\.id))
        if Set(students.keys) != expected { problems.append("placements.csv does not list every applicant of the level exactly once") }
        for (k, s) in schools.enumerated() where seated[k] > s.capacity {
            problems.append("placements.csv: \(s.id) seats \(seated[k]) applicants for \(s.capacity) places")
        }
        guard problems.isEmpty else { return problems }
        var preferences = [[Int]](repeating: [], count: placements.count), tiers = preferences
        var numbers = [LotteryOrder?](repeating: nil, count: placements.count)
        for row in 0..<ranks.count {
            guard let student = students[ranks[row, 0]], let school = schoolIndex[ranks[row, 1]], let tier = Int(ranks[row, 3]),
                  let number = LotteryNumber(hex: ranks[row, 4]) else { return ["ranks.csv:\(ranks.line(ofRow: row)): unreadable row"] }
            preferences[student].append(school)
            tiers[student].append(tier)
            numbers[student] = LotteryOrder(number: number, studentID: ranks[row, 0])
        }
        let keys = (0..<placements.count).map { numbers[$0] ?? LotteryOrder(number: LotteryNumber(seed: input.seed, draw: "\(level.rawValue)-placement", studentID: placements[$0, 0]), studentID: placements[$0, 0]) }
        guard let instance = try? MatchingInstance(capacities: schools.map(\.capacity), preferences: preferences, tiers: tiers,
                                                   tieRanks: MatchingInstance.tieRanks(sortedBy: keys).map(Int.init)) else {
            return ["ranks.csv does not form a valid instance"]
        }
        let rule = c.policy.mechanism == .deferredAcceptance ? "stability" : "round-by-round rule"
        return MatchingAudit.audit(placements: admitted, in: instance, mechanism: c.policy.mechanism).map { "\(rule): \($0)" }
    }
}
