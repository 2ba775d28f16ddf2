/// The `late-arrivals` step (`enroll classes … --late FILE`): pupils placed after the classes
/// were formed (vacancy promotions, transfers) each join the smallest class of their school
/// that keeps every rule (`ClassFormation.placeLateArrivals`); the first class lists are never
/// rewritten. Round n writes `<level>/late-arrivals-<n>.csv` (student_id, school_id, class_no)
/// for that round's pupils, after re-forming the classes and re-placing rounds 1…n−1 in order.
///
/// Options: `level`, `encoding`, `round`, and `late`: every round's pupils as
/// `student_id@school_id` joined by `;`, rounds joined by `|` — so `verify` repeats the step from
/// the manifest alone. Ties among classes are drawn from the stream `late-arrivals/<school_id>/<round>`.
extension RunStepKind {
    public static let lateArrivals = RunStepKind(name: "late-arrivals", perform: { input in
        let (level, rounds) = try LateArrivalStep.options(input)
        let c = try input.loadCase()
        let placed = try LateArrivalStep.place(c, level: level, rounds: rounds, seed: input.seed)
        var w = CSVWriter(header: ["student_id", "school_id", "class_no"])
        for row in placed.last ?? [] { w.append([row.studentID, row.schoolID, String(row.classNumber)]) }
        return RunStepOutput(inputs: c.files, outputs: [("\(level.rawValue)/late-arrivals-\(rounds.count).csv", w.bytes)],
                             draws: Set(rounds.last?.map { "late-arrivals/\($0.schoolID)/\(rounds.count)" } ?? []).sorted(),
                             counts: ["late_arrivals": placed.last?.count ?? 0])
    }, invariants: LateArrivalStep.invariants)
}

/// The computation of the `late-arrivals` step.
public enum LateArrivalStep {
    /// One late arrival and where they went.
    public struct Placed: Hashable, Sendable {
        public var studentID: String
        public var schoolID: String
        public var classNumber: Int
    }

    static func options(_ input: RunStepInput) throws -> (SchoolLevel, [[(studentID: String, schoolID: String)]]) {
        var levelOnly = input
        levelOnly.options = input.options.filter { $0.key == "level" || $0.key == "encoding" }
        let level = try levelOnly.level(step: "late-arrivals")
        for key in input.options.keys.sorted() where !["level", "encoding", "late", "round"].contains(key) {
            throw RunStepError.unknownOption(step: "late-arrivals", option: key)
        }
        let rounds = (input.options["late"] ?? "").split(separator: "|", omittingEmptySubsequences: false).map { round in
            round.split(separator: ";").compactMap { item -> (studentID: String, schoolID: String)? in
                let parts = item.split(separator: "@")
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            }
        }
        guard String(rounds.count) == input.options["round"] else {
            throw RunStepError.invalidOption(step: "late-arrivals", option: "round", value: input.options["round"] ?? "", expected: "the number of rounds in `late`")
        }
        return (level, rounds)
    }

    /// The round's file lists every late arrival of the round exactly once, at their school.
    @Sendable static func invariants(_ input: RunStepInput, _ output: RunStepOutput) -> [String] {
        guard let (level, rounds) = try? options(input), let round = rounds.last,
              let bytes = output.output("\(level.rawValue)/late-arrivals-\(rounds.count).csv"),
              let table = CSVReader.parse(bytes, file: "late-arrivals.csv").table else { return ["the late arrivals cannot be read"] }
        let listed = (0..<table.count).map { "\(table[$0, 0])@\(table[$0, 1])" }
        return listed.sorted() == round.map { "\($0.studentID)@\($0.schoolID)" }.sorted() ? []
            : ["late-arrivals: the file does not place every late arrival of the round exactly once, at their school"]
    }

    /// Re-forms the classes of `level`, then places each round's late arrivals in turn.
    /// - Returns: each round's placements, in `student_id` order.
    public static func place(_ c: AdmissionCase, level: SchoolLevel, rounds: [[(studentID: String, schoolID: String)]],
                             seed: String) throws -> [[Placed]] {
        let placement = try PlacementStep.run(c, level: level, seed: seed).run
        let (results, _) = try ClassesStep.run(c, level: level, placed: ClassesStep.placed(placement), seed: seed, teachers: nil)
        var applicants: [String: Applicant] = [:]
        for a in c.applicants(level) { applicants[a.id] = a }
        var classes: [String: [[ClassPupil]]] = [:]
        for r in results {
            let pupils = ClassesStep.classPupils(r.classes.classes.flatMap(\.studentIDs).compactMap { applicants[$0] }, school: r.school.id, seed: seed)
            var byID: [String: ClassPupil] = [:]
            for p in pupils { byID[p.studentID] = p }
            classes[r.school.id] = r.classes.classes.map { $0.studentIDs.compactMap { byID[$0] } }
        }
        var output: [[Placed]] = []
        for (n, round) in rounds.enumerated() {
            var placedThisRound: [Placed] = []
            for school in Set(round.map(\.schoolID)).sorted() {
                guard let s = c.schools(level).first(where: { $0.id == school }), var current = classes[school] else {
                    throw LateArrivalError.unknownSchool(school)
                }
                let ids = round.filter { $0.schoolID == school }.map(\.studentID)
                if let missing = ids.first(where: { applicants[$0] == nil }) { throw LateArrivalError.unknownStudent(missing) }
                let late = ClassesStep.classPupils(ids.compactMap { applicants[$0] }, school: school, seed: seed)
                var draw = LotteryStream(seed: seed, draw: "late-arrivals/\(school)/\(n + 1)")
                let classOf = try ClassFormation.placeLateArrivals(late, into: current, policy: ClassesStep.formationPolicy(c.policy, level: level, school: s), draw: &draw)
                for pupil in late {
                    let number = classOf[pupil.studentID]!
                    current[number - 1].append(pupil)
                    placedThisRound.append(Placed(studentID: pupil.studentID, schoolID: school, classNumber: number))
                }
                classes[school] = current
            }
            output.append(placedThisRound.sorted { $0.studentID < $1.studentID })
        }
        return output
    }
}

/// Why late arrivals cannot be placed.
public enum LateArrivalError: Error, CustomStringConvertible {
    case unknownSchool(String)
    case unknownStudent(String)

    public var description: String {
        switch self {
        case .unknownSchool(let id): return "late arrivals: '\(id)' is not a school of this level with classes"
        case .unknownStudent(let id): return "late arrivals: '\(id)' is not an applicant of this level"
        }
    }
}
