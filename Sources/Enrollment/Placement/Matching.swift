/// The outcome of a mechanism: for each student the school they hold a seat at, or none.
///
/// A student holds at most one seat by construction (one entry per student). The 1-based
/// rank of the school on the student's list is kept beside it; it is nil for an unplaced
/// student and for one seated at a school not on their list (as after reassignment).
public struct Matching: Hashable, Sendable {
    /// School index per student, −1 for none.
    package private(set) var schoolIndices: [Int32]
    /// 1-based choice rank per student, 0 for none or not on the list.
    package private(set) var choiceRanks: [Int32]

    /// A matching in which nobody is placed.
    package init(studentCount: Int) {
        schoolIndices = [Int32](repeating: -1, count: studentCount)
        choiceRanks = [Int32](repeating: 0, count: studentCount)
    }

    package init(schoolIndices: [Int32], choiceRanks: [Int32]) {
        self.schoolIndices = schoolIndices
        self.choiceRanks = choiceRanks
    }

    /// Builds a matching from the school of each student (nil for none), taking the choice
    /// ranks from the instance.
    /// - Precondition: `schools.count == instance.studentCount`, every school in range.
    /// - Complexity: O(n + c).
    package init(schools: [Int?], in instance: MatchingInstance) {
        precondition(schools.count == instance.studentCount, "one school (or nil) per student")
        self.init(studentCount: schools.count)
        for (i, s) in schools.enumerated() {
            guard let s else { continue }
            precondition(s >= 0 && s < instance.schoolCount, "school #\(s) is not in the instance")
            seat(i, at: s, in: instance)
        }
    }

    /// The number of students.
    package var studentCount: Int { schoolIndices.count }

    /// The school of the student, or nil if unplaced.
    public func school(of student: Int) -> Int? {
        let s = schoolIndices[student]
        return s < 0 ? nil : Int(s)
    }

    /// The 1-based rank of the student's school on their list, or nil (unplaced, or seated at
    /// a school they did not list).
    package func choiceRank(of student: Int) -> Int? {
        let r = choiceRanks[student]
        return r == 0 ? nil : Int(r)
    }

    /// The students seated at each school, in increasing student index.
    /// - Complexity: O(n + m).
    package func students(schoolCount: Int) -> [[Int]] {
        var result = [[Int]](repeating: [], count: schoolCount)
        for (i, s) in schoolIndices.enumerated() where s >= 0 { result[Int(s)].append(i) }
        return result
    }

    /// Seats per school taken.
    /// - Complexity: O(n + m).
    package func occupancy(schoolCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: schoolCount)
        for s in schoolIndices where s >= 0 { counts[Int(s)] += 1 }
        return counts
    }

    /// Seats the student at `school` (replacing any earlier seat), recording the choice rank.
    package mutating func seat(_ student: Int, at school: Int, in instance: MatchingInstance) {
        schoolIndices[student] = Int32(school)
        choiceRanks[student] = Int32(instance.choiceRank(of: student, for: school) ?? 0)
    }

    /// Takes the student's seat away.
    package mutating func unseat(_ student: Int) {
        schoolIndices[student] = -1
        choiceRanks[student] = 0
    }
}
