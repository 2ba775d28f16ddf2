import EnrollmentCase

/// Checks a published placement against the rules of its mechanism, so that anyone holding
/// the inputs can confirm the result (the `verify` command).
///
/// Conditions checked, for every mechanism:
/// - every student appears at most once, and every index is in range;
/// - every student is seated at a school on their own list;
/// - no school has more students than seats.
///
/// For deferred acceptance, stability:
/// - *no justified envy*: no student prefers (lists higher than their result, or lists at all
///   if unplaced) a school that holds someone with a worse `(tier, tieRank)` there;
/// - *no waste*: no student prefers a school that has an empty seat.
/// Several matchings can be stable; deferred acceptance gives the student-optimal one. That a
/// stable matching is also the one the mechanism gives is confirmed by recomputing it with
/// `Mechanism.match` and comparing, which `verify` does besides this audit.
///
/// For immediate acceptance, the round-by-round rule: the matching is recomputed by the
/// published rule and compared student by student (the rule has exactly one outcome).
public enum MatchingAudit {
    /// Audits placements given as `(student, school)` rows (as read from a result file);
    /// students not named are unplaced. With `groups`, the instance is expanded into them and
    /// the rows name groups.
    /// - Returns: every violation found, structural ones first, then by school and student.
    /// - Complexity: O(n + c + rows).
    package static func audit(
        placements: [(student: Int, school: Int)], in instance: MatchingInstance, mechanism: Mechanism, groups: SeatGroups? = nil
    ) -> [MatchingViolation] {
        var violations: [MatchingViolation] = []
        var schools = [Int?](repeating: nil, count: instance.studentCount)
        for (student, school) in placements {
            guard student >= 0, student < instance.studentCount else {
                violations.append(.unknownStudent(student: student))
                continue
            }
            guard school >= 0, school < instance.schoolCount else {
                violations.append(.unknownSchool(student: student, school: school))
                continue
            }
            guard schools[student] == nil else {
                violations.append(.placedMoreThanOnce(student: student))
                continue
            }
            schools[student] = school
        }
        return violations + audit(Matching(schools: schools, in: instance), in: instance, mechanism: mechanism, groups: groups)
    }

    /// Audits a matching (with `groups`, one on an instance expanded into them).
    /// - Precondition: `matching.studentCount == instance.studentCount`, schools in range.
    /// - Returns: every violation found: students seated off their list, then schools over
    ///   capacity, then the mechanism's own conditions, by student.
    /// - Complexity: O(n + c) for deferred acceptance; that of `ImmediateAcceptance.match` for
    ///   immediate acceptance.
    public static func audit(
        _ matching: Matching, in instance: MatchingInstance, mechanism: Mechanism, groups: SeatGroups? = nil
    ) -> [MatchingViolation] {
        precondition(matching.studentCount == instance.studentCount, "one entry per student")
        var violations: [MatchingViolation] = []
        for i in 0..<instance.studentCount {
            if let s = matching.school(of: i), matching.choiceRank(of: i) == nil {
                violations.append(.schoolNotListed(student: i, school: s))
            }
        }
        let occupancy = matching.occupancy(schoolCount: instance.schoolCount)
        for (s, seated) in occupancy.enumerated() where seated > Int(instance.capacities[s]) {
            violations.append(.overCapacity(school: s, seated: seated, capacity: Int(instance.capacities[s])))
        }
        switch mechanism {
        case .deferredAcceptance:
            violations += stabilityViolations(matching, in: instance, occupancy: occupancy)
        case .immediateAcceptance:
            let expected = mechanism.match(instance, groups: groups)
            for i in 0..<instance.studentCount where expected.schoolIndices[i] != matching.schoolIndices[i] {
                violations.append(.roundRuleBroken(
                    student: i, expected: expected.school(of: i), actual: matching.school(of: i)))
            }
        }
        return violations
    }

    /// Justified envy and waste, per student in index order.
    private static func stabilityViolations(
        _ matching: Matching, in instance: MatchingInstance, occupancy: [Int]
    ) -> [MatchingViolation] {
        let m = instance.schoolCount
        var worstKey = [UInt64](repeating: 0, count: m)
        var worstStudent = [Int](repeating: -1, count: m)
        for i in 0..<instance.studentCount {
            guard let s = matching.school(of: i), let rank = matching.choiceRank(of: i) else { continue }
            let key = instance.priorityKey(choice: instance.choiceRange(of: i).lowerBound + rank - 1, student: i)
            if worstStudent[s] < 0 || key > worstKey[s] {
                worstKey[s] = key
                worstStudent[s] = i
            }
        }
        var violations: [MatchingViolation] = []
        for i in 0..<instance.studentCount {
            let range = instance.choiceRange(of: i)
            let preferred = matching.choiceRank(of: i).map { range.prefix($0 - 1) } ?? range[...]
            for c in preferred {
                let s = Int(instance.choiceSchools[c])
                if occupancy[s] < Int(instance.capacities[s]) {
                    violations.append(.wastedSeat(student: i, school: s))
                } else if worstStudent[s] >= 0, worstKey[s] > instance.priorityKey(choice: c, student: i) {
                    violations.append(.justifiedEnvy(student: i, school: s, heldStudent: worstStudent[s]))
                }
            }
        }
        return violations
    }
}

/// One way a placement breaks its mechanism's rules. Students and schools are named by
/// index; the caller maps them to `student_id` and `school_id`.
public enum MatchingViolation: Hashable, Sendable, CustomStringConvertible {
    /// A row names a student index outside the instance.
    case unknownStudent(student: Int)
    /// A row names a school index outside the instance.
    case unknownSchool(student: Int, school: Int)
    /// The student is placed in more than one row (the first is kept).
    case placedMoreThanOnce(student: Int)
    /// The student is seated at a school they did not list.
    case schoolNotListed(student: Int, school: Int)
    /// The school seats more students than it has seats.
    case overCapacity(school: Int, seated: Int, capacity: Int)
    /// The student prefers `school`, which holds `heldStudent`, whose `(tier, tieRank)` there
    /// is worse than the student's (the worst such holder is named).
    case justifiedEnvy(student: Int, school: Int, heldStudent: Int)
    /// The student prefers `school`, which has an empty seat.
    case wastedSeat(student: Int, school: Int)
    /// The round-by-round rule of immediate acceptance places the student elsewhere.
    case roundRuleBroken(student: Int, expected: Int?, actual: Int?)

    public var description: String {
        func name(_ school: Int?) -> String { school.map { "school #\($0)" } ?? "no school" }
        switch self {
        case let .unknownStudent(student):
            return "student #\(student) is not among the students of the case"
        case let .unknownSchool(student, school):
            return "student #\(student) is placed at school #\(school), which is not among the schools of the case"
        case let .placedMoreThanOnce(student):
            return "student #\(student) is placed more than once"
        case let .schoolNotListed(student, school):
            return "student #\(student) is placed at school #\(school), which is not on their list"
        case let .overCapacity(school, seated, capacity):
            return "school #\(school) seats \(seated) students but has \(capacity) seats"
        case let .justifiedEnvy(student, school, held):
            return "student #\(student) prefers school #\(school), which admitted student #\(held) with a worse priority there"
        case let .wastedSeat(student, school):
            return "student #\(student) prefers school #\(school), which has an empty seat"
        case let .roundRuleBroken(student, expected, actual):
            return "student #\(student) is at \(name(actual)), but the round-by-round rule places them at \(name(expected))"
        }
    }
}
