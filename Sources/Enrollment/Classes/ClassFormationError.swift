/// Why classes cannot be formed (or a late arrival cannot be placed). Reported before any
/// class is produced; every case names the student ids involved, sorted.
package enum ClassFormationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The policy itself is unusable (cap of 56 or more, no classes, weight below 1, …).
    case invalidPolicy(String)
    /// The same student_id appears twice.
    case duplicateStudent(String)
    /// Two pupils have the same lottery rank.
    case duplicateLotteryRank(Int, [String])
    /// A together_with or apart_from request names a student who is not in this school.
    case unknownStudent(referencedBy: String, unknown: String)
    /// Pupils that must share a class (together_with, twins) are also to be kept apart.
    case togetherAndApart([String])
    /// A group that must share a class is larger (in weighted places) than a class.
    case groupLargerThanClass([String], weight: Int, cap: Int)
    /// A group that must share a class holds more disabled pupils than a class may.
    case groupExceedsDisabledLimit([String], disabled: Int, limit: Int)
    /// More pupils must be mutually apart than there are classes.
    case apartGroupLargerThanClassCount([String], classCount: Int)
    /// The pupils do not fit in the classes under the size cap.
    case tooManyPupils(weight: Int, classCount: Int, cap: Int)
    /// The disabled pupils do not fit in the classes under the per-class limit.
    case tooManyDisabled(count: Int, classCount: Int, limit: Int)
    /// The together/apart requests of these pupils cannot all hold with the class sizes.
    case constraintsUnsatisfiable([String])
    /// No class can take this pupil without breaking a rule.
    case noClassFor(String)
    /// A late arrival's together_with partners are already in different classes.
    case partnersInDifferentClasses([String])

    package var description: String {
        func list(_ ids: [String]) -> String { ids.joined(separator: ", ") }
        switch self {
        case let .invalidPolicy(why):
            return "class formation policy: \(why)"
        case let .duplicateStudent(id):
            return "student_id \(id) appears more than once; each pupil must be listed once"
        case let .duplicateLotteryRank(rank, ids):
            return "students \(list(ids)) share lottery rank \(rank); ranks of the class draw must be distinct"
        case let .unknownStudent(by, unknown):
            return "student_id \(by) names \(unknown) in together_with/apart_from, but \(unknown) is not a pupil of this school; correct or remove the request"
        case let .togetherAndApart(ids):
            return "students \(list(ids)) must share a class (together_with or twins) and also be kept apart; remove one of the requests"
        case let .groupLargerThanClass(ids, weight, cap):
            return "students \(list(ids)) must share a class but take \(weight) places, more than the class size cap \(cap); split the together_with requests"
        case let .groupExceedsDisabledLimit(ids, disabled, limit):
            return "students \(list(ids)) must share a class but include \(disabled) disabled pupils, more than the limit of \(limit) per class"
        case let .apartGroupLargerThanClassCount(ids, classCount):
            return "students \(list(ids)) must all be in different classes, but there are only \(classCount) classes; remove some apart_from requests"
        case let .tooManyPupils(weight, classCount, cap):
            return "\(weight) places are needed but \(classCount) classes of at most \(cap) hold \(classCount * cap); add classes"
        case let .tooManyDisabled(count, classCount, limit):
            return "\(count) disabled pupils but \(classCount) classes of at most \(limit) disabled pupils each; add classes or raise the limit"
        case let .constraintsUnsatisfiable(ids):
            return "the together_with/apart_from requests of students \(list(ids)) cannot all hold with the class sizes; relax some of them"
        case let .noClassFor(id):
            return "no class can take student_id \(id) without exceeding the size cap, the disabled limit or an apart_from request"
        case let .partnersInDifferentClasses(ids):
            return "students \(list(ids)) must share a class but those already placed are in different classes"
        }
    }
}
