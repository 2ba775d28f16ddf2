import EnrollmentIO
import EnrollmentCase

/// Why head teachers cannot be drawn.
public enum HeadTeacherDrawError: Error, Hashable, Sendable, CustomStringConvertible {
    case duplicateTeacher(String)
    case tooFewTeachers(teachers: Int, classes: Int)
    /// Whatever the draw, these classes (1-based) cannot all get a teacher whose own child
    /// is not in the class.
    case noValidAssignment(classes: [Int])

    public var description: String {
        switch self {
        case let .duplicateTeacher(id):
            return "teacher_id \(id) appears more than once; list each teacher once"
        case let .tooFewTeachers(teachers, classes):
            return "\(teachers) teachers for \(classes) classes; every class needs a head teacher"
        case let .noValidAssignment(classes):
            return "classes \(classes.map(String.init).joined(separator: ", ")) cannot each get a head teacher whose own child is not in the class; add teachers"
        }
    }
}

/// The head-teacher draw (班主任抽签) of one school, from the draw `head-teachers/<school_id>`.
///
/// Rule: teachers are sorted by teacher_id and shuffled by the draw (`RandomDraw.shuffle`).
/// Classes 1, 2, …, k in turn each get the first teacher in the shuffled order who has no class
/// yet, whose own children are not in the class, and whose taking it still leaves a valid
/// teacher for every later class (a bipartite matching check). So a teacher's own child is
/// never in that teacher's class, and the draw fails only when no valid assignment exists.
/// Teachers beyond the number of classes get none: they are the last in the shuffled order
/// among those not needed.
public enum HeadTeacherDraw {
    /// Draws a head teacher for each class.
    /// - Parameters:
    ///   - teachers: the school's candidate teachers.
    ///   - classes: the student_ids of each class, class 1 first.
    /// - Returns: the teacher_id of each class, class 1 first.
    /// - Complexity: O(k · T) matching checks of O(k · T) each in the usual case, for k
    ///   classes and T teachers (worst case O(k² · T²) per check).
    public static func assign(teachers: [HeadTeacher], classes: [[String]],
                              draw: inout some RandomDraw) throws(HeadTeacherDrawError) -> [String] {
        var seen = Set<String>()
        for t in teachers where !seen.insert(t.teacherID).inserted { throw .duplicateTeacher(t.teacherID) }
        guard teachers.count >= classes.count else { throw .tooFewTeachers(teachers: teachers.count, classes: classes.count) }
        var order = teachers.sorted { $0.teacherID < $1.teacherID }
        draw.shuffle(&order)
        let members = classes.map(Set.init)
        let allowed = members.map { ids in order.indices.filter { order[$0].childStudentIDs.isDisjoint(with: ids) } }
        let initial = unmatchedClasses(allowed, from: 0, taken: [])
        guard initial.isEmpty else { throw .noValidAssignment(classes: initial.map { $0 + 1 }) }
        var taken = Set<Int>()
        var result: [String] = []
        for c in classes.indices {
            for t in allowed[c] where !taken.contains(t) {
                if unmatchedClasses(allowed, from: c + 1, taken: taken.union([t])).isEmpty {
                    taken.insert(t)
                    result.append(order[t].teacherID)
                    break
                }
            }
        }
        return result
    }

    /// The classes from `from` on left without a teacher by a maximum matching (Kuhn's
    /// augmenting paths) that avoids the teachers in `taken`.
    private static func unmatchedClasses(_ allowed: [[Int]], from: Int, taken: Set<Int>) -> [Int] {
        var classOfTeacher: [Int: Int] = [:]
        func augment(_ c: Int, _ visited: inout Set<Int>) -> Bool {
            for t in allowed[c] where !taken.contains(t) && !visited.contains(t) {
                visited.insert(t)
                if let other = classOfTeacher[t] {
                    if !augment(other, &visited) { continue }
                }
                classOfTeacher[t] = c
                return true
            }
            return false
        }
        var unmatched: [Int] = []
        for c in from..<allowed.count {
            var visited = Set<Int>()
            if !augment(c, &visited) { unmatched.append(c) }
        }
        return unmatched
    }
}
