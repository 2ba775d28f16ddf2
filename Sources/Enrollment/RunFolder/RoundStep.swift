import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentVocabulary

/// A step of an admission round, with the options that determine its outputs: what a drawing
/// command runs, what `manifest.json` records of it, and what `enroll verify` repeats.
///
/// A step is a pure function of the case, these options, the seed and the recorded outputs of
/// the steps it depends on: `classes` and `vacancies` start from the level's recorded
/// `placement`, `lateArrivals` from the level's recorded `classes` and earlier rounds — never
/// from a re-derivation of them.
public enum RoundStep: Hashable, Sendable {
    /// Every applicant's lottery number in the draw `<level>-placement` (`enroll lottery`).
    case lottery(level: SchoolLevel)
    /// The placement of a level (`enroll place`): zoning, tiers, lottery, mechanism, reassignment;
    /// with `ring`, the start number and interval of a ring draw in place of the lottery (a
    /// level the policy lists in `ring_draw_levels`); with `schoolRings`, the ring draws of the
    /// level's schools the policy draws by rings of their own (`ring_draw_schools`), by `school_id`.
    case placement(level: SchoolLevel, ring: RingDraw?, schoolRings: [SchoolRingDraw] = [])
    /// Balanced classes at every school of a level, and the head-teacher draw (`enroll classes`).
    case classes(level: SchoolLevel)
    /// Pupils placed after the classes were formed (`enroll classes --late`): every round so
    /// far, in order; the step writes the last round's file.
    case lateArrivals(level: SchoolLevel, rounds: [[LateArrival]])
    /// Seats declined after the draw, promoted down the waitlists (`enroll vacancies`): each
    /// round's `student_id`s, in order; the step writes the last round's file.
    case vacancies(level: SchoolLevel, rounds: [[String]])
    /// The high-school quotas and the open round (`enroll quota`).
    case quota
    /// The second round of a level (`enroll second-round`): its applicants placed over the seats
    /// the first round and its vacancy rounds (`vacancies`, the withdrawals of each, as the
    /// vacancies step records them; empty for none) leave, under the round's own seed, its files
    /// hashing to `commitment`.
    case secondRound(level: SchoolLevel, seed: String, commitment: SHA256Digest, vacancies: [[String]])

    /// Whether this recorded step is the step `needed` that a later step reads files of: the
    /// same step, or a placement of the same level whatever its ring draw (a later step starts
    /// from the level's recorded placement, however it was drawn).
    package func stands(for needed: RoundStep) -> Bool {
        if case .placement(let recorded, _, _) = self, case .placement(let wanted, _, _) = needed { return recorded == wanted }
        return self == needed
    }

    /// The step's name in the manifest (the command's name).
    package var kind: String {
        switch self {
        case .lottery: return "lottery"
        case .placement: return "place"
        case .classes: return "classes"
        case .lateArrivals: return "late-arrivals"
        case .vacancies: return "vacancies"
        case .quota: return "quota"
        case .secondRound: return "second-round"
        }
    }

    /// The level the step concerns; nil for the quota step.
    package var level: SchoolLevel? {
        switch self {
        case .lottery(let level), .placement(let level, _, _), .classes(let level), .lateArrivals(let level, _), .vacancies(let level, _),
             .secondRound(let level, _, _, _):
            return level
        case .quota:
            return nil
        }
    }

    /// The number of the round a late-arrivals or vacancies step writes; nil for other steps.
    package var round: Int? {
        switch self {
        case .lateArrivals(_, let rounds): return rounds.count
        case .vacancies(_, let rounds): return rounds.count
        default: return nil
        }
    }

    /// The step and what tells it apart, as messages and `enroll verify` name it:
    /// `place (level junior)`, `vacancies (level junior, round 2)`, `quota`.
    package var label: String {
        let shown = [level.map { "level \($0.rawValue)" }, round.map { "round \($0)" }].compactMap { $0 }
        return kind + (shown.isEmpty ? "" : " (" + shown.joined(separator: ", ") + ")")
    }

    /// Whether the step reads the case file `name` (and so records it among its inputs): every
    /// step reads the case's own files; only a second round also reads those of `second-round/`,
    /// which come after the first round.
    package func reads(caseFile name: String) -> Bool {
        if case .secondRound = self { return true }
        return !name.hasPrefix(SecondRound.folder + "/")
    }

    /// Every step kind's name, for messages.
    package static let kinds = ["lottery", "place", "classes", "late-arrivals", "vacancies", "quota", "second-round"]
}

extension RoundStep {
    /// The options as `manifest.json` records them: an object, keys in byte order —
    /// `level` (text), `rounds` (an array per round: of `student_id`s for vacancies, of
    /// `{"school_id", "student_id"}` objects for late arrivals), `round_seed` and
    /// `round_commitment` (hex) and, after vacancy rounds, `vacancy_rounds` (as `rounds`) for a
    /// second round — plus `encoding` when the case's
    /// CSV files were read with a declared one.
    package func options(encoding: TextEncoding?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let encoding { members.append(("encoding", .string(encoding.rawValue))) }
        if let level { members.append(("level", .string(level.rawValue))) }
        switch self {
        case .lateArrivals(_, let rounds):
            members.append(("rounds", .array(rounds.map { round in .array(round.map(\.json)) })))
        case .vacancies(_, let rounds):
            members.append(("rounds", .array(rounds.map { round in .array(round.map(JSONValue.string)) })))
        case let .secondRound(_, seed, commitment, vacancies):
            members.append(("round_commitment", .string(commitment.hex)))
            members.append(("round_seed", .string(seed)))
            if !vacancies.isEmpty { members.append(("vacancy_rounds", .array(vacancies.map { round in .array(round.map(JSONValue.string)) }))) }
        case let .placement(_, ring, schoolRings):
            if let ring {
                members.append(("ring_interval", .integer(ring.interval)))
                members.append(("ring_start", .integer(ring.start)))
            }
            if !schoolRings.isEmpty {
                members.append(("ring_schools", .object(schoolRings.map { r in
                    (r.schoolID, .object([("interval", .integer(r.draw.interval)), ("start", .integer(r.draw.start))]))
                })))
            }
        case .lottery, .classes, .quota:
            break
        }
        return .object(members)
    }

    /// Reads a step of kind `kind` and its `options` object (as `options(encoding:)` writes them).
    /// - Throws: a `Diagnostic` at the first unknown kind, missing, unknown or malformed option.
    package static func read(kind: String, options: JSONValue, file: String) throws(Diagnostic) -> (step: RoundStep, encoding: TextEncoding?) {
        guard let at = kinds.firstIndex(of: kind) else {
            throw Diagnostic(options.location(in: file), "\"\(kind)\" is not a step this enroll knows (\(kinds.joined(separator: ", ")))")
        }
        let takesLevel = kind != "quota", takesRounds = kind == "late-arrivals" || kind == "vacancies", isSecondRound = kind == "second-round"
        let takesRing = kind == "place"
        let r = try JSONObjectReader(options, file: file, what: "the options of a \(kind) step",
                                     known: ["encoding"] + (takesLevel ? ["level"] : []) + (takesRounds ? ["rounds"] : [])
                                         + (isSecondRound ? ["round_commitment", "round_seed", "vacancy_rounds"] : [])
                                         + (takesRing ? ["ring_interval", "ring_schools", "ring_start"] : []))
        var encoding: TextEncoding?
        if let v = r.optional("encoding") {
            guard let e = TextEncoding(rawValue: try JSONObjectReader.string(v, file: file, key: "encoding")) else {
                throw Diagnostic(v.location(in: file), "\"encoding\" must be \"utf-8\" or \"gb18030\"")
            }
            encoding = e
        }
        guard takesLevel else { return (.quota, encoding) }
        let levelValue = try r.required("level")
        guard let level = SchoolLevel(rawValue: try JSONObjectReader.string(levelValue, file: file, key: "level")), level != .high else {
            throw Diagnostic(levelValue.location(in: file), "\"level\" must be \"primary\" or \"junior\"")
        }
        switch kinds[at] {
        case "lottery": return (.lottery(level: level), encoding)
        case "place":
            func number(_ v: JSONValue, _ key: String) throws(Diagnostic) -> Int {
                guard case .number(let x, _) = v.kind, x >= 1, x <= 1e9, x == x.rounded() else {
                    throw Diagnostic(v.location(in: file), "\"\(key)\" must be a whole number from 1")
                }
                return Int(x)
            }
            var schoolRings: [SchoolRingDraw] = []
            if let rings = r.optional("ring_schools") {
                guard case .object(let members) = rings.kind else {
                    throw Diagnostic(rings.location(in: file), "\"ring_schools\" must be an object such as {\"J03\": {\"interval\": 5, \"start\": 17}}")
                }
                for m in members {
                    let draw = try JSONObjectReader(m.value, file: file, what: "the ring draw of \(m.key)", known: ["interval", "start"])
                    guard schoolRings.last.map({ $0.schoolID < m.key }) ?? true else {
                        throw Diagnostic(SourceLocation(file: file, line: m.line, column: m.column), "\"ring_schools\" lists its schools once each, in byte order")
                    }
                    schoolRings.append(SchoolRingDraw(schoolID: m.key, draw: RingDraw(start: try number(try draw.required("start"), "start"),
                                                                                     interval: try number(try draw.required("interval"), "interval"))))
                }
            }
            let (start, interval) = (r.optional("ring_start"), r.optional("ring_interval"))
            guard let start, let interval else {
                if let given = start ?? interval {
                    throw Diagnostic(given.location(in: file), "a ring draw records both \"ring_start\" and \"ring_interval\"")
                }
                return (.placement(level: level, ring: nil, schoolRings: schoolRings), encoding)
            }
            return (.placement(level: level, ring: RingDraw(start: try number(start, "ring_start"), interval: try number(interval, "ring_interval")),
                               schoolRings: schoolRings), encoding)
        case "classes": return (.classes(level: level), encoding)
        case "second-round":
            let (seedValue, commitmentValue) = (try r.required("round_seed"), try r.required("round_commitment"))
            let seed = try JSONObjectReader.string(seedValue, file: file, key: "round_seed")
            guard Manifest.isSeed(seed) else { throw Diagnostic(seedValue.location(in: file), "\"round_seed\" must be 64 lowercase hex digits") }
            guard let commitment = SHA256Digest(hex: try JSONObjectReader.string(commitmentValue, file: file, key: "round_commitment")) else {
                throw Diagnostic(commitmentValue.location(in: file), "\"round_commitment\" must be 64 hex digits")
            }
            let vacancies = try (r.optional("vacancy_rounds").map { value throws(Diagnostic) in try Self.array(value, file: file) } ?? [])
                .map { (round: JSONValue) throws(Diagnostic) -> [String] in
                    try Self.array(round, file: file).map { (item: JSONValue) throws(Diagnostic) in try JSONObjectReader.string(item, file: file, key: "vacancy_rounds") }
                }
            return (.secondRound(level: level, seed: seed, commitment: commitment, vacancies: vacancies), encoding)
        case "late-arrivals":
            let rounds = try r.array("rounds").map { (round: JSONValue) throws(Diagnostic) -> [LateArrival] in
                try Self.array(round, file: file).map { (item: JSONValue) throws(Diagnostic) in try LateArrival(item, file: file) }
            }
            return (.lateArrivals(level: level, rounds: try Self.nonEmpty(rounds, r, file: file)), encoding)
        default:
            let rounds = try r.array("rounds").map { (round: JSONValue) throws(Diagnostic) -> [String] in
                try Self.array(round, file: file).map { (item: JSONValue) throws(Diagnostic) in try JSONObjectReader.string(item, file: file, key: "rounds") }
            }
            return (.vacancies(level: level, rounds: try Self.nonEmpty(rounds, r, file: file)), encoding)
        }
    }

    /// The elements of `value`, which must be an array.
    private static func array(_ value: JSONValue, file: String) throws(Diagnostic) -> [JSONValue] {
        guard case .array(let elements) = value.kind else {
            throw Diagnostic(value.location(in: file), "each round must be an array, not \(value.kindName)")
        }
        return elements
    }

    /// `rounds`, which must hold at least one round.
    private static func nonEmpty<T>(_ rounds: [T], _ r: JSONObjectReader, file: String) throws(Diagnostic) -> [T] {
        guard !rounds.isEmpty else { throw Diagnostic(r.value.location(in: file), "\"rounds\" must hold at least one round") }
        return rounds
    }
}
