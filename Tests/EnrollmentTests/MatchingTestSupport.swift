@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

extension SplitMix64 {
    mutating func below(_ bound: Int) -> Int { nextInt(below: bound) }

    /// A random permutation of 0..<n (the documented Fisher–Yates shuffle).
    mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        shuffle(&p)
        return p
    }
}

/// A small random case: every student has a tier at every school (the school's priority
/// classes), and lists an ordered subset of the schools.
struct MatchingRandomCase {
    var capacities: [Int]
    var preferences: [[Int]]
    /// tierAt[i][s]: the tier of student i at school s, listed or not.
    var tierAt: [[Int]]
    var tieRanks: [Int]

    init(_ rng: inout SplitMix64, maxStudents: Int, maxSchools: Int) {
        let n = 1 + rng.below(maxStudents)
        let m = 1 + rng.below(maxSchools)
        capacities = (0..<m).map { _ in rng.below(4) }
        tierAt = (0..<n).map { _ in (0..<m).map { _ in rng.below(3) } }
        preferences = (0..<n).map { _ in Array(rng.permutation(m).prefix(rng.below(m + 1))) }
        tieRanks = rng.permutation(n)
    }

    func instance(replacing student: Int? = nil, with list: [Int] = []) -> MatchingInstance {
        var prefs = preferences
        if let student { prefs[student] = list }
        let tiers = prefs.enumerated().map { i, l in l.map { tierAt[i][$0] } }
        return try! MatchingInstance(capacities: capacities, preferences: prefs, tiers: tiers, tieRanks: tieRanks)
    }
}

/// The textbook case (after Abdulkadiroğlu and Sönmez 2003): three students, three schools of
/// one seat. Preferences: student 0: 1 > 0 > 2; students 1 and 2: 0 > 1 > 2. Priorities
/// (expressed as tiers): school 0: 0 > 2 > 1; school 1: 1 > 0 > 2; school 2: 2 > 0 > 1.
func textbookInstance(list1: [Int] = [0, 1, 2]) -> MatchingInstance {
    let priority: [[Int]] = [[0, 2, 1], [1, 0, 2], [2, 0, 1]]
    let prefs = [[1, 0, 2], list1, [0, 1, 2]]
    let tiers = prefs.enumerated().map { i, list in list.map { s in priority[s].firstIndex(of: i)! } }
    return try! MatchingInstance(capacities: [1, 1, 1], preferences: prefs, tiers: tiers, tieRanks: [0, 1, 2])
}

extension Matching {
    var schools: [Int?] { (0..<studentCount).map { school(of: $0) } }
    var ranks: [Int?] { (0..<studentCount).map { choiceRank(of: $0) } }
}
