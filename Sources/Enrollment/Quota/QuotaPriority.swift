import EnrollmentCase

/// The order in which graduates claim high-school seats, quota and open alike: the leaving-exam
/// score, higher first; then the policy's `quota_tie_break` keys in the order listed — a
/// category tag puts graduates who have it first, `score_<subject>` puts the higher subject
/// score first (a graduate without that subject score after every graduate with one); then the
/// lottery number of the draw `quota-admission`, smaller first; then the `student_id`.
///
/// Graduates equal in score and in every tie-break key share a *merit tier* (the dense rank of
/// that key, 0 the best); the lottery orders them within it. The tier is the same at every high
/// school, so it is also the tier of the matching instance.
package struct QuotaPriority: Sendable {
    /// The draw whose numbers order graduates tied on score and tie-breaks.
    package static let draw = "quota-admission"

    /// Merit tier per graduate (lower is better).
    package let tiers: [Int]
    /// Lottery number per graduate in the draw `quota-admission`.
    package let lotteryNumbers: [LotteryNumber]
    /// Tie-break rank per graduate: a permutation of `0..<count`, by lottery number then id.
    package let tieRanks: [Int]

    /// Orders `graduates` (given in any order; results are per index).
    /// - Complexity: O(n log n · k) for k tie-break keys.
    package init(graduates: [Graduate], tieBreak: [String], seed: String) {
        let keys = graduates.map { g in
            [-g.score.hundredths] + tieBreak.map { key -> Int in
                if key.hasPrefix("score_") {
                    let subject = key.dropFirst("score_".count)
                    return g.subjectScores.first { $0.subject == subject }.map { -$0.score.hundredths } ?? Int.max
                }
                return g.categories.contains(key) ? 0 : 1
            }
        }
        let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        var tiers = [Int](repeating: 0, count: graduates.count)
        var tier = -1
        for (k, i) in order.enumerated() {
            if k == 0 || keys[order[k - 1]] != keys[i] { tier += 1 }
            tiers[i] = tier
        }
        let numbering = LotteryNumber.Draw(seed: seed, name: Self.draw)
        let numbers = graduates.map { numbering.number(studentID: $0.id) }
        self.tiers = tiers
        self.lotteryNumbers = numbers
        self.tieRanks = MatchingInstance.tieRanks(sortedBy: zip(numbers, graduates).map { LotteryOrder(number: $0, studentID: $1.id) })
            .map(Int.init)
    }
}
