/// The `classes` step of a run (`enroll classes`): options `level` and `encoding`. It
/// starts from the level's placement — recomputed from the case and seed, so it is the very
/// placement the run's `place` step published — and writes the files of `ClassesStep`.
extension RunStepKind {
    public static let classes = RunStepKind(name: "classes", perform: { input in
        let level = try input.level(step: "classes")
        let c = try input.loadCase()
        let placement = try PlacementStep.run(c, level: level, seed: input.seed).run
        let (results, files) = try ClassesStep.run(c, level: level, placed: ClassesStep.placed(placement), seed: input.seed, teachers: c.teachers)
        let schools = results.map(\.school.id)
        return RunStepOutput(inputs: c.files, outputs: files.map { (name: $0.path, bytes: $0.bytes) },
                             draws: schools.map { "classes/\($0)" } + (c.teachers == nil ? [] : schools.map { "head-teachers/\($0)" }),
                             counts: ["schools": results.count, "classes": results.reduce(0) { $0 + $1.classes.classCount },
                                      "pupils": results.reduce(0) { $0 + $1.classes.classOf.count }])
    }, invariants: ClassesStep.invariants)
}

extension ClassesStep {
    /// `(student_id, school_id)` of every applicant a placement seated.
    public static func placed(_ run: PlacementRun) -> [(studentID: String, schoolID: String)] {
        run.placements.compactMap { p in p.schoolID.map { (studentID: p.studentID, schoolID: $0) } }
    }

    /// The guarantees `verify` checks on `classes.csv`: every placed applicant in exactly one
    /// class of their school; no class above the size cap (a disabled pupil counting the
    /// policy's weight) or 56; `together_with` in one class and `apart_from` in different
    /// classes, among pupils of the same school.
    @Sendable public static func invariants(_ input: RunStepInput, _ output: RunStepOutput) -> [String] {
        guard let level = try? input.level(step: "classes"), let c = try? input.loadCase(),
              let placement = try? PlacementStep.run(c, level: level, seed: input.seed).run else { return ["the case or the options cannot be read"] }
        guard let bytes = output.output("\(level.rawValue)/classes.csv"), let table = CSVReader.parse(bytes, file: "classes.csv").table else {
            return ["classes.csv cannot be read"]
        }
        var classOf: [String: (school: String, number: String)] = [:]
        var problems: [String] = []
        for row in 0..<table.count {
            if classOf.updateValue((table[row, 1], table[row, 2]), forKey: table[row, 0]) != nil { problems.append("classes.csv: \(table[row, 0]) is in two classes") }
        }
        let placed = placed(placement)
        if placed.count != classOf.count || placed.contains(where: { classOf[$0.studentID]?.school != $0.schoolID }) {
            problems.append("classes.csv does not hold every placed applicant exactly once, at their school")
        }
        var applicants: [String: Applicant] = [:]
        for a in c.applicants(level) { applicants[a.id] = a }
        let cap = min(c.policy.classSizeCap[level] ?? 55, ClassFormationPolicy.oversizedClass - 1)
        var weights: [String: Int] = [:]
        for (id, place) in classOf {
            weights["\(place.school)/\(place.number)", default: 0] += applicants[id]?.has(ClassFormationPolicy.disabledTag) == true ? c.policy.disabledWeight : 1
            for other in applicants[id]?.togetherWith ?? [] where classOf[other].map({ $0.school == place.school && $0.number != place.number }) == true {
                problems.append("classes.csv: \(id) and \(other) asked to be together but are not")
            }
            for other in applicants[id]?.apartFrom ?? [] where classOf[other].map({ $0.school == place.school && $0.number == place.number }) == true {
                problems.append("classes.csv: \(id) and \(other) asked to be apart but share a class")
            }
        }
        for (key, weight) in weights.sorted(by: { $0.key < $1.key }) where weight > cap {
            problems.append("classes.csv: class \(key) holds \(weight) places, above the cap of \(cap)")
        }
        return problems
    }
}
