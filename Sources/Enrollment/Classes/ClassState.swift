/// The classes of one school while they are being filled: who is where, and the running
/// counts and deviation sums that the deal, the improvement phase and late arrivals consult.
struct ClassState {
    let problem: ClassProblem
    /// Class (0-based) of each pupil, −1 while unplaced.
    var classOf: [Int]
    var heads: [Int]
    var weighted: [Int]
    var boys: [Int]
    var disabled: [Int]
    /// `care[c * careGroups + t]`: pupils of care group t in class c.
    var care: [Int]
    /// `sums[c * measures + m]`: sum over the class of the pupils' deviations for measure m.
    var sums: [Double]

    init(_ problem: ClassProblem) {
        self.problem = problem
        let k = problem.classCount
        classOf = [Int](repeating: -1, count: problem.pupils.count)
        heads = [Int](repeating: 0, count: k)
        weighted = heads
        boys = heads
        disabled = heads
        care = [Int](repeating: 0, count: k * problem.policy.careGroups.count)
        sums = [Double](repeating: 0, count: k * problem.measures.count)
    }

    var classCount: Int { heads.count }

    mutating func add(_ p: Int, to c: Int) {
        update(p, c, +1)
        classOf[p] = c
    }

    mutating func remove(_ p: Int) {
        update(p, classOf[p], -1)
        classOf[p] = -1
    }

    private mutating func update(_ p: Int, _ c: Int, _ sign: Int) {
        heads[c] += sign
        weighted[c] += sign * problem.weight[p]
        if problem.pupils[p].gender == .male { boys[c] += sign }
        if problem.isDisabled[p] { disabled[c] += sign }
        let t = problem.policy.careGroups.count
        var mask = problem.careMask[p]
        while mask != 0 {
            let bit = mask.trailingZeroBitCount
            care[c * t + bit] += sign
            mask &= mask - 1
        }
        let m = problem.measures.count
        for k in 0..<m { sums[c * m + k] += Double(sign) * problem.deviation[p * m + k] }
    }

    /// Whether the pupils `group` (all unplaced) can join class `c`: the size cap, the
    /// disabled limit and every apart request still hold.
    func fits<Group: Sequence<Int>>(_ group: Group, in c: Int) -> Bool {
        var w = 0, d = 0
        for p in group {
            w += problem.weight[p]
            if problem.isDisabled[p] { d += 1 }
            for q in problem.apart[p] where classOf[q] == c { return false }
        }
        if weighted[c] + w > problem.policy.classSizeCap { return false }
        if let limit = problem.policy.disabledPerClass, disabled[c] + d > limit { return false }
        return true
    }

    /// The objective: Σ over measures m of weight(m) × Σ over classes c of |Σ_{p∈c} (x_pm − μ_m)|,
    /// a pupil without a value for m counting as the school mean μ_m (see docs/CLASSES.md).
    var objective: Double {
        let m = problem.measures.count
        var total = 0.0
        for k in 0..<m {
            var part = 0.0
            for c in 0..<classCount { part += abs(sums[c * m + k]) }
            total += problem.measureWeights[k] * part
        }
        return total
    }
}
