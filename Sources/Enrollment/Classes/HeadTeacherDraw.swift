import EnrollmentCase

/// Why head teachers cannot be drawn.
package enum HeadTeacherDrawError: Error, Hashable, Sendable, CustomStringConvertible {
    case duplicateTeacher(String)
    case tooFewTeachers(teachers: Int, classes: Int)
    /// Whatever the draw, these classes (1-based) cannot all get a teacher whose own child
    /// is not in the class.
    case noValidAssignment(classes: [Int])

    package var description: String {
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
package enum HeadTeacherDraw {
    /// Draws a head teacher for each class.
    ///
    /// Method: a matching of every class not yet served to a valid teacher with no class is
    /// kept throughout (Kuhn's augmenting paths). A candidate teacher for class c is checked by
    /// giving c that teacher and, if the matching had given the teacher to a later class c′,
    /// looking for one augmenting path from c′ (with c's matched teacher free again): the later
    /// classes can all be served exactly when one exists. The first candidate usually passes.
    /// - Parameters:
    ///   - teachers: the school's candidate teachers.
    ///   - classes: the student_ids of each class, class 1 first.
    /// - Returns: the teacher_id of each class, class 1 first.
    /// - Complexity: O(k · T · c) to find the allowed teachers (c: children per teacher), then
    ///   one augmenting-path search of O(k · T) per candidate tried, for k classes and T
    ///   teachers: O(k² · T) when the first candidate of each class passes.
    package static func assign(teachers: [HeadTeacher], classes: [[String]],
                              draw: inout some RandomDraw) throws(HeadTeacherDrawError) -> [String] {
        var seen = Set<String>()
        for t in teachers where !seen.insert(t.teacherID).inserted { throw .duplicateTeacher(t.teacherID) }
        guard teachers.count >= classes.count else { throw .tooFewTeachers(teachers: teachers.count, classes: classes.count) }
        var order = teachers.sorted { $0.teacherID < $1.teacherID }
        draw.shuffle(&order)
        let members = classes.map(Set.init)
        let allowed = members.map { ids in order.indices.filter { order[$0].childStudentIDs.isDisjoint(with: ids) } }
        var matching = TeacherMatching(allowed: allowed, teachers: order.count)
        for c in classes.indices where !matching.augment(from: c) {
            throw .noValidAssignment(classes: TeacherMatching.unmatchedClasses(allowed, teachers: order.count).map { $0 + 1 })
        }
        var result: [String] = []
        for c in classes.indices {
            for t in allowed[c] where !matching.taken[t] {
                if matching.serve(c, by: t) {
                    result.append(order[t].teacherID)
                    break
                }
            }
        }
        return result
    }
}

/// A matching of classes to teachers for `HeadTeacherDraw`: `allowed[c]` lists the teachers
/// (indices into the shuffled order) who may take class c.
struct TeacherMatching {
    let allowed: [[Int]]
    /// The class each teacher is matched to, or −1.
    var classOf: [Int]
    /// The teacher each class is matched to, or −1.
    var teacherOf: [Int]
    /// Teachers given a class for good (`serve`); no augmenting path uses them.
    var taken: [Bool]
    /// `visited[t] == stamp`: teacher t was reached by the current search.
    var visited: [Int]
    var stamp = 0

    init(allowed: [[Int]], teachers: Int) {
        self.allowed = allowed
        classOf = [Int](repeating: -1, count: teachers)
        teacherOf = [Int](repeating: -1, count: allowed.count)
        taken = [Bool](repeating: false, count: teachers)
        visited = [Int](repeating: 0, count: teachers)
    }

    /// Matches class `c` (unmatched) by an augmenting path through teachers not taken, trying a
    /// free teacher before re-matching another class; false (nothing changed) if none exists.
    mutating func augment(from c: Int) -> Bool {
        stamp += 1
        return search(c, freeFirst: true)
    }

    private mutating func search(_ c: Int, freeFirst: Bool) -> Bool {
        if freeFirst {
            for t in allowed[c] where !taken[t] && classOf[t] < 0 {
                classOf[t] = c
                teacherOf[c] = t
                return true
            }
        }
        for t in allowed[c] where !taken[t] && visited[t] != stamp {
            visited[t] = stamp
            if classOf[t] >= 0 && !search(classOf[t], freeFirst: freeFirst) { continue }
            classOf[t] = c
            teacherOf[c] = t
            return true
        }
        return false
    }

    /// Gives class `c` (matched, as every class not yet served is) teacher `t` for good, if every
    /// later class can still be matched; else changes nothing and returns false.
    mutating func serve(_ c: Int, by t: Int) -> Bool {
        let own = teacherOf[c], other = classOf[t]
        classOf[own] = -1
        teacherOf[c] = -1
        taken[t] = true
        if other >= 0 && other != c {
            teacherOf[other] = -1
            if !augment(from: other) {
                teacherOf[other] = t
                taken[t] = false
                classOf[own] = c
                teacherOf[c] = own
                return false
            }
        }
        classOf[t] = c
        teacherOf[c] = t
        return true
    }

    /// The classes left without a teacher by Kuhn's augmenting paths over the classes in order,
    /// each path trying the allowed teachers in order: the classes `noValidAssignment` names.
    /// - Complexity: O(k² · T).
    static func unmatchedClasses(_ allowed: [[Int]], teachers: Int) -> [Int] {
        var matching = TeacherMatching(allowed: allowed, teachers: teachers)
        var unmatched: [Int] = []
        for c in allowed.indices {
            matching.stamp += 1
            if !matching.search(c, freeFirst: false) { unmatched.append(c) }
        }
        return unmatched
    }
}
