/// The classes each class exchanges pupils with in the improvement phase (docs/CLASSES.md,
/// step 4): in a school of at most `limit` + 1 classes, every other class; in a larger one, the
/// `limit` classes with which an exchange could lower the objective most, so that the work of a
/// pass or of a round of the pair search grows with the number of classes, not its square.
///
/// No exchange of pupils between classes a and b can lower the objective by more than the
/// pair's **slack** Σ_m w_m (|r_am| + |r_bm| − |r_am + r_bm|) (r the classes' deviation sums):
/// the pair's part of the objective is Σ_m w_m (|r_am| + |r_bm|) and cannot go below
/// Σ_m w_m |r_am + r_bm|, which exchanges keep. A class's partners are the `limit` other classes
/// of largest slack with it above 1e-9 (ties: the lower class number); an exchange with any other
/// class could lower the objective by no more than the least of those slacks.
struct ClassPartners {
    /// The most partners a class has.
    static let limit = 16

    /// `of[a]`: the partners of class a, in increasing order.
    private(set) var of: [[Int]]
    /// `joined[a][i]`: the `time` given to `choose` when `of[a][i]` became a partner of a
    /// (0 for the partners it had from the start).
    private(set) var joined: [[Int]]
    /// Whether every class is a partner of every other (k ≤ `limit` + 1).
    let everyClass: Bool

    init(classCount k: Int) {
        let every = k - 1 <= Self.limit
        everyClass = every
        of = (0..<k).map { a in every ? (0..<k).filter { $0 != a } : [] }
        joined = of.map { [Int](repeating: 0, count: $0.count) }
    }

    /// Chooses the partners from the current deviation sums (in a school of more than `limit` +
    /// 1 classes); a class that becomes a partner is recorded as joined at `time`.
    /// - Complexity: O(k² · (measures + log k)) for k classes.
    mutating func choose(_ state: ClassState, time: Int) {
        guard !everyClass else { return }
        let k = state.classCount
        var slack: [(gain: Double, b: Int)] = []
        for a in 0..<k {
            slack.removeAll(keepingCapacity: true)
            for b in 0..<k where b != a {
                let g = state.slack(a, b)
                if g > 1e-9 { slack.append((g, b)) }
            }
            slack.sort { ($0.gain, $1.b) > ($1.gain, $0.b) }
            let chosen = slack.prefix(Self.limit).map(\.b).sorted()
            var since: [Int] = []
            var old = 0
            for b in chosen {
                while old < of[a].count, of[a][old] < b { old += 1 }
                since.append(old < of[a].count && of[a][old] == b ? joined[a][old] : time)
            }
            of[a] = chosen
            joined[a] = since
        }
    }

    /// The partner pairs (a, b), a < b (b a partner of a or a of b), ordered by a, then b.
    var pairs: [(Int, Int)] {
        var set = Set<Int>()
        let k = of.count
        for a in of.indices {
            for b in of[a] { set.insert(min(a, b) * k + max(a, b)) }
        }
        return set.sorted().map { ($0 / k, $0 % k) }
    }

    /// The partner pairs by decreasing slack in `state` (ties: by a, then b).
    /// - Complexity: O(P · (measures + log P)) for P pairs.
    func pairsBySlack(_ state: ClassState) -> [(Int, Int)] {
        pairs.map { (slack: state.slack($0.0, $0.1), pair: $0) }
            .sorted { ($0.slack, $1.pair.0, $1.pair.1) > ($1.slack, $0.pair.0, $0.pair.1) }
            .map(\.pair)
    }
}

extension ClassState {
    /// The part of the objective that classes `a` and `b` hold now, Σ_m w_m (|r_am| + |r_bm|),
    /// and the least any exchange between them can leave, Σ_m w_m |r_am + r_bm|.
    func pairPart(_ a: Int, _ b: Int) -> (now: Double, least: Double) {
        let m = problem.measures.count, w = problem.measureWeights
        var now = 0.0, least = 0.0
        for x in 0..<m {
            let ra = sums[a * m + x], rb = sums[b * m + x]
            now += w[x] * (abs(ra) + abs(rb))
            least += w[x] * abs(ra + rb)
        }
        return (now, least)
    }

    /// The most an exchange between classes `a` and `b` can lower the objective (their slack).
    func slack(_ a: Int, _ b: Int) -> Double {
        let part = pairPart(a, b)
        return part.now - part.least
    }
}
