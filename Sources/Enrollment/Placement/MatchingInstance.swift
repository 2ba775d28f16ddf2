/// One admission problem for a matching mechanism, in index form: students `0..<studentCount`,
/// schools `0..<schoolCount`, each school with a number of seats, each student with a
/// preference list (志愿) and, at every school on that list, a priority tier (入学顺位,
/// lower is better). Ties inside a tier are broken by one tie-break rank per student
/// (single tie-breaking: the caller derives it by sorting the lottery numbers), so every
/// school orders its applicants by `(tier, tieRank)`, lexicographically, lowest first.
///
/// The lists are stored compactly in compressed-sparse-row form: the choices of student `i`
/// are the entries `choiceOffsets[i]..<choiceOffsets[i + 1]` of `choiceSchools` and
/// `choiceTiers`, best first. A million students with five choices take about 56 MB.
///
/// Guarantees, checked by the initialisers: every school index is in range, no student lists
/// a school twice, capacities are not negative, tiers fit in 32 bits, and the tie-break ranks
/// are a permutation of `0..<studentCount` (so two students never tie at a school).
public struct MatchingInstance: Hashable, Sendable {
    /// Seats per school.
    package let capacities: [Int32]
    /// `studentCount + 1` offsets into `choiceSchools` and `choiceTiers`; the first is 0.
    package let choiceOffsets: [Int32]
    /// The schools of all preference lists, student after student, best first.
    package let choiceSchools: [Int32]
    /// The priority tier of the student at the school in the same position of `choiceSchools`.
    package let choiceTiers: [Int32]
    /// The tie-break rank of each student (lower wins), a permutation of `0..<studentCount`.
    package let tieRanks: [Int32]

    /// Builds an instance from flat arrays, validating them.
    /// - Complexity: O(n + c) for n students and c choices in all.
    package init(
        capacities: [Int32], choiceOffsets: [Int32], choiceSchools: [Int32],
        choiceTiers: [Int32], tieRanks: [Int32]
    ) throws(MatchingInstanceError) {
        let n = tieRanks.count
        guard n < Int(Int32.max) else { throw .tooLarge }
        guard choiceOffsets.count == n + 1, choiceOffsets.first == 0,
            Int(choiceOffsets[n]) == choiceSchools.count
        else { throw .malformedOffsets }
        guard choiceTiers.count == choiceSchools.count else { throw .tierCountMismatch }
        for (school, capacity) in capacities.enumerated() where capacity < 0 {
            throw .negativeCapacity(school: school)
        }
        let m = capacities.count
        var lastSeenBy = [Int32](repeating: -1, count: m)
        var seenRank = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let start = Int(choiceOffsets[i]), end = Int(choiceOffsets[i + 1])
            guard start <= end else { throw .malformedOffsets }
            for c in start..<end {
                let s = Int(choiceSchools[c])
                guard s >= 0, s < m else { throw .unknownSchool(student: i, school: s) }
                guard lastSeenBy[s] != Int32(i) else { throw .repeatedSchool(student: i, school: s) }
                lastSeenBy[s] = Int32(i)
            }
            let r = Int(tieRanks[i])
            guard r >= 0, r < n, !seenRank[r] else { throw .tieRanksNotPermutation(student: i) }
            seenRank[r] = true
        }
        self.capacities = capacities
        self.choiceOffsets = choiceOffsets
        self.choiceSchools = choiceSchools
        self.choiceTiers = choiceTiers
        self.tieRanks = tieRanks
    }

    /// Builds an instance from one list per student: `preferences[i]` are the schools of
    /// student `i`, best first, and `tiers[i][k]` the tier of student `i` at
    /// `preferences[i][k]`.
    /// - Complexity: O(n + c).
    public init(
        capacities: [Int], preferences: [[Int]], tiers: [[Int]], tieRanks: [Int]
    ) throws(MatchingInstanceError) {
        guard preferences.count == tieRanks.count, tiers.count == tieRanks.count else {
            throw .studentCountMismatch
        }
        var offsets: [Int32] = [0]
        var schools: [Int32] = []
        var flatTiers: [Int32] = []
        offsets.reserveCapacity(preferences.count + 1)
        for (i, list) in preferences.enumerated() {
            guard tiers[i].count == list.count else { throw .tierCountMismatch }
            for (s, t) in zip(list, tiers[i]) {
                guard let s32 = Int32(exactly: s) else { throw .unknownSchool(student: i, school: s) }
                guard let t32 = Int32(exactly: t) else { throw .tierOutOfRange(student: i, school: s) }
                schools.append(s32)
                flatTiers.append(t32)
            }
            guard schools.count < Int(Int32.max) else { throw .tooLarge }
            offsets.append(Int32(schools.count))
        }
        var caps: [Int32] = []
        caps.reserveCapacity(capacities.count)
        for (school, c) in capacities.enumerated() {
            guard let c32 = Int32(exactly: c), c32 >= 0 else { throw .negativeCapacity(school: school) }
            caps.append(c32)
        }
        var ranks: [Int32] = []
        ranks.reserveCapacity(tieRanks.count)
        for (i, r) in tieRanks.enumerated() {
            guard let r32 = Int32(exactly: r) else { throw .tieRanksNotPermutation(student: i) }
            ranks.append(r32)
        }
        try self.init(
            capacities: caps, choiceOffsets: offsets, choiceSchools: schools,
            choiceTiers: flatTiers, tieRanks: ranks)
    }

    /// Tie-break ranks from one sort key per student (a lottery number and the student's id):
    /// the student with the smallest key gets rank 0; equal keys are ordered by student index,
    /// so the ranks are always a permutation of `0..<keys.count`.
    ///
    /// Not generic: the round's steps call it from another module, where a generic would look up
    /// its types' metadata in each of the n log n comparisons.
    /// - Complexity: O(n log n).
    package static func tieRanks(sortedBy keys: [LotteryOrder]) -> [Int32] {
        let order = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
        var ranks = [Int32](repeating: 0, count: keys.count)
        for (rank, student) in order.enumerated() { ranks[student] = Int32(rank) }
        return ranks
    }

    /// The number of students.
    package var studentCount: Int { tieRanks.count }
    /// The number of schools.
    package var schoolCount: Int { capacities.count }

    /// The positions in `choiceSchools` of student `i`'s choices, best first.
    @inline(__always)
    package func choiceRange(of student: Int) -> Range<Int> {
        Int(choiceOffsets[student])..<Int(choiceOffsets[student + 1])
    }

    /// The schools on student `i`'s list, best first.
    package func preferences(of student: Int) -> [Int] {
        choiceRange(of: student).map { Int(choiceSchools[$0]) }
    }

    /// The 1-based rank of `school` on the student's list, or nil if it is not listed.
    /// - Complexity: O(length of the list).
    package func choiceRank(of student: Int, for school: Int) -> Int? {
        let range = choiceRange(of: student)
        for c in range where Int(choiceSchools[c]) == school { return c - range.lowerBound + 1 }
        return nil
    }

    /// The tier of the student at `school`, or nil if the school is not on the list.
    package func tier(of student: Int, at school: Int) -> Int? {
        for c in choiceRange(of: student) where Int(choiceSchools[c]) == school {
            return Int(choiceTiers[c])
        }
        return nil
    }

    /// The student's position at the school of choice entry `c`, `(tier, tieRank)` packed so
    /// that a smaller key is a better claim: the tier (offset to be non-negative) in the high
    /// 32 bits, the tie-break rank in the low 32 bits.
    @inline(__always)
    package func priorityKey(choice c: Int, student: Int) -> UInt64 {
        PriorityKey.pack(tier: choiceTiers[c], tieRank: tieRanks[student])
    }

    /// The student whose tie-break rank is each rank: the inverse permutation of `tieRanks`.
    /// - Complexity: O(n).
    package func studentsByTieRank() -> [Int32] {
        var inverse = [Int32](repeating: 0, count: studentCount)
        for (i, r) in tieRanks.enumerated() { inverse[Int(r)] = Int32(i) }
        return inverse
    }
}

/// A `(tier, tieRank)` pair packed in one integer that orders the same way.
enum PriorityKey {
    @inline(__always)
    static func pack(tier: Int32, tieRank: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: tier) ^ 0x8000_0000) << 32 | UInt64(UInt32(bitPattern: tieRank))
    }

    @inline(__always)
    static func tier(_ key: UInt64) -> Int {
        Int(Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 32) ^ 0x8000_0000))
    }

    @inline(__always)
    static func tieRank(_ key: UInt64) -> Int {
        Int(UInt32(truncatingIfNeeded: key))
    }
}

/// Why a matching instance could not be built. Students and schools are named by index;
/// the caller maps them back to `student_id` and `school_id`.
public enum MatchingInstanceError: Error, Hashable, Sendable, CustomStringConvertible {
    case studentCountMismatch
    case tierCountMismatch
    case malformedOffsets
    case tooLarge
    case negativeCapacity(school: Int)
    case unknownSchool(student: Int, school: Int)
    case repeatedSchool(student: Int, school: Int)
    case tierOutOfRange(student: Int, school: Int)
    case tieRanksNotPermutation(student: Int)

    public var description: String {
        switch self {
        case .studentCountMismatch:
            return "the preference lists, tiers and tie-break ranks do not cover the same students"
        case .tierCountMismatch:
            return "a student has a different number of tiers than of choices; give one tier per choice"
        case .malformedOffsets:
            return "the choice offsets do not start at 0, rise, and end at the number of choices"
        case .tooLarge:
            return "more than 2 147 483 646 students or choices; split the case"
        case let .negativeCapacity(school):
            return "school #\(school) has a negative or too large number of seats"
        case let .unknownSchool(student, school):
            return "student #\(student) lists school #\(school), which is not among the schools"
        case let .repeatedSchool(student, school):
            return "student #\(student) lists school #\(school) more than once; keep its best position"
        case let .tierOutOfRange(student, school):
            return "student #\(student) has a tier at school #\(school) outside the 32-bit range"
        case let .tieRanksNotPermutation(student):
            return "the tie-break rank of student #\(student) is out of range or repeated; ranks must be 0..<number of students, each once"
        }
    }
}
