/// A school's pupils checked and indexed for class formation: pupils in lottery order,
/// together-groups united into blocks, apart requests as a symmetric graph, and each measure
/// turned into per-pupil deviations from the school mean.
///
/// Building one validates every hard request and throws the first `ClassFormationError`
/// found, in this order: policy, duplicate ids and ranks, unknown ids, together-and-apart,
/// oversized groups, apart-cliques, capacity, then (in `ClassPlacement`) the search.
struct ClassProblem {
    let policy: ClassFormationPolicy
    /// Pupils sorted by lottery rank; every index below refers to this array.
    let pupils: [ClassPupil]
    let index: [String: Int]
    /// Measures: `score` first if any pupil has one, then subject names in code-point order.
    let measures: [String]
    let measureWeights: [Double]
    /// School mean per measure over the pupils who have a value.
    let means: [Double]
    /// `deviation[p * measures.count + m]`: value − school mean, 0 when the pupil has no value.
    let deviation: [Double]
    /// Bit i set when the pupil carries `policy.careGroups[i]`.
    let careMask: [UInt64]
    let isDisabled: [Bool]
    /// Places the pupil takes toward the size cap.
    let weight: [Int]
    /// For each pupil, the pupils it must not share a class with (sorted, symmetric).
    let apart: [[Int]]
    /// Groups that must share a class, each sorted by rank; blocks ordered by first member.
    let blocks: [[Int]]
    let blockOf: [Int]
    let classCount: Int

    init(pupils input: [ClassPupil], policy: ClassFormationPolicy) throws(ClassFormationError) {
        self.policy = policy
        let cap = policy.classSizeCap
        guard cap >= 1, cap < ClassFormationPolicy.oversizedClass else {
            throw .invalidPolicy("class size cap \(cap) must be between 1 and \(ClassFormationPolicy.oversizedClass - 1)")
        }
        guard policy.disabledWeight >= 1 else { throw .invalidPolicy("disabled weight must be at least 1") }
        if let k = policy.classCount, k < 1 { throw .invalidPolicy("class count must be at least 1") }
        if let d = policy.disabledPerClass, d < 0 { throw .invalidPolicy("disabled per class must not be negative") }
        guard policy.careGroups.count <= 64 else { throw .invalidPolicy("at most 64 care groups") }
        guard policy.maxPasses >= 0, policy.searchEffort >= 0, policy.kickSwaps >= 0 else {
            throw .invalidPolicy("max passes, search effort and kick swaps must not be negative")
        }
        guard policy.searchEffort <= ClassFormationPolicy.maximumSearchEffort else {
            throw .invalidPolicy("search effort must be at most \(ClassFormationPolicy.maximumSearchEffort)")
        }
        // The pair search's window and the lower bound both rest on weights that are not negative.
        for (measure, weight) in policy.measureWeights.sorted(by: { $0.key < $1.key }) where !(weight.isFinite && weight >= 0) {
            throw .invalidPolicy("the weight of measure '\(measure)' must be a number of at least 0")
        }

        var seen = Set<String>()
        for p in input where !seen.insert(p.studentID).inserted { throw .duplicateStudent(p.studentID) }
        let pupils = input.sorted { ($0.lotteryRank, $0.studentID) < ($1.lotteryRank, $1.studentID) }
        for i in pupils.indices.dropFirst() where pupils[i].lotteryRank == pupils[i - 1].lotteryRank {
            throw .duplicateLotteryRank(pupils[i].lotteryRank, [pupils[i - 1].studentID, pupils[i].studentID])
        }
        self.pupils = pupils
        var index: [String: Int] = [:]
        for (i, p) in pupils.enumerated() { index[p.studentID] = i }
        self.index = index
        let n = pupils.count

        // Requests, resolved to indices.
        var togetherPairs: [(Int, Int)] = []
        var apartSets = [Set<Int>](repeating: [], count: n)
        for (i, p) in pupils.enumerated() {
            for other in p.togetherWith.sorted() {
                guard let j = index[other] else { throw .unknownStudent(referencedBy: p.studentID, unknown: other) }
                if j != i { togetherPairs.append((i, j)) }
            }
            for other in p.apartFrom.sorted() {
                guard let j = index[other] else { throw .unknownStudent(referencedBy: p.studentID, unknown: other) }
                if j == i { throw .togetherAndApart([p.studentID]) }
                apartSets[i].insert(j)
                apartSets[j].insert(i)
            }
        }
        var twins: [String: [Int]] = [:]
        for (i, p) in pupils.enumerated() { if let g = p.twinGroup { twins[g, default: []].append(i) } }
        for g in twins.keys.sorted() {
            let members = twins[g]!
            for a in members.indices { for b in members.indices where a < b {
                switch policy.twins {
                case .together: togetherPairs.append((members[a], members[b]))
                case .apart:
                    apartSets[members[a]].insert(members[b])
                    apartSets[members[b]].insert(members[a])
                }
            } }
        }
        self.apart = apartSets.map { $0.sorted() }

        // Blocks by union–find over together pairs.
        var parent = Array(0..<n)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for (a, b) in togetherPairs {
            let ra = root(a), rb = root(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var blockOfRoot: [Int: Int] = [:]
        var blocks: [[Int]] = []
        var blockOf = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let r = root(i)
            if let b = blockOfRoot[r] { blocks[b].append(i); blockOf[i] = b } else {
                blockOfRoot[r] = blocks.count; blockOf[i] = blocks.count; blocks.append([i])
            }
        }
        self.blocks = blocks
        self.blockOf = blockOf

        let isDisabled = pupils.map { $0.tags.contains(ClassFormationPolicy.disabledTag) }
        let weight = isDisabled.map { $0 ? policy.disabledWeight : 1 }
        self.isDisabled = isDisabled
        self.weight = weight
        self.careMask = pupils.map { p in
            var mask: UInt64 = 0
            for (t, tag) in policy.careGroups.enumerated() where p.tags.contains(tag) { mask |= 1 << UInt64(t) }
            return mask
        }

        // Together and apart at once.
        for i in 0..<n { for j in apartSets[i] where i < j && blockOf[i] == blockOf[j] {
            throw .togetherAndApart([pupils[i].studentID, pupils[j].studentID].sorted())
        } }
        for block in blocks where block.count > 1 {
            let w = block.reduce(0) { $0 + weight[$1] }
            let ids = block.map { pupils[$0].studentID }.sorted()
            if w > cap { throw .groupLargerThanClass(ids, weight: w, cap: cap) }
            let d = block.filter { isDisabled[$0] }.count
            if let limit = policy.disabledPerClass, d > limit { throw .groupExceedsDisabledLimit(ids, disabled: d, limit: limit) }
        }

        // Number of classes.
        let totalWeight = weight.reduce(0, +)
        let disabledCount = isDisabled.filter { $0 }.count
        if let k = policy.classCount {
            classCount = k
        } else {
            var k = max(1, (totalWeight + cap - 1) / cap)
            if let limit = policy.disabledPerClass, disabledCount > 0 {
                k = limit == 0 ? k : max(k, (disabledCount + limit - 1) / limit)
            }
            classCount = k
        }
        if totalWeight > classCount * cap { throw .tooManyPupils(weight: totalWeight, classCount: classCount, cap: cap) }
        if let limit = policy.disabledPerClass, disabledCount > classCount * limit {
            throw .tooManyDisabled(count: disabledCount, classCount: classCount, limit: limit)
        }

        // Measures.
        var names: [String] = []
        if pupils.contains(where: { $0.score != nil }) { names.append(ClassFormationPolicy.scoreMeasure) }
        names += Set(pupils.flatMap { $0.subjectScores.keys }).subtracting([ClassFormationPolicy.scoreMeasure]).sorted()
        measures = names
        measureWeights = names.map { policy.weight(of: $0) }
        let m = names.count
        var means = [Double](repeating: 0, count: m)
        var deviation = [Double](repeating: 0, count: n * m)
        for (k, name) in names.enumerated() {
            var sum = 0.0, count = 0
            for p in pupils { if let v = Self.value(p, name) { sum += v; count += 1 } }
            let mean = count > 0 ? sum / Double(count) : 0
            means[k] = mean
            for (i, p) in pupils.enumerated() { if let v = Self.value(p, name) { deviation[i * m + k] = v - mean } }
        }
        self.means = means
        self.deviation = deviation

        try checkApartCliques()
    }

    /// The value of the measure named `measure` for `pupil`, if known: `score` is
    /// `ClassPupil.score`, any other name a subject score.
    static func value(_ pupil: ClassPupil, _ measure: String) -> Double? {
        measure == ClassFormationPolicy.scoreMeasure ? pupil.score : pupil.subjectScores[measure]
    }

    /// The attributes that make two pupils interchangeable for every count a class keeps.
    struct Profile: Hashable {
        var careMask: UInt64
        var disabled: Bool
        var male: Bool
    }

    func profile(of p: Int) -> Profile {
        Profile(careMask: careMask[p], disabled: isDisabled[p], male: pupils[p].gender == .male)
    }

    /// Blocks that must be in different classes from block `b` (sorted).
    func apartBlocks(of b: Int) -> [Int] {
        Array(Set(blocks[b].flatMap { apart[$0] }.map { blockOf[$0] })).sorted()
    }

    /// Finds, in each connected part of the apart graph between blocks (up to 60 blocks), a
    /// largest set of mutually apart blocks; more of them than classes is reported.
    private func checkApartCliques() throws(ClassFormationError) {
        var component = [Int](repeating: -1, count: blocks.count)
        for start in blocks.indices where component[start] < 0 && !apartBlocks(of: start).isEmpty {
            var members = [start]
            component[start] = start
            var k = 0
            while k < members.count {
                for nb in apartBlocks(of: members[k]) where component[nb] < 0 {
                    component[nb] = start; members.append(nb)
                }
                k += 1
            }
            guard members.count > classCount, members.count <= 60 else { continue }
            members.sort()
            var adjacency: [Int: Set<Int>] = [:]
            for b in members { adjacency[b] = Set(apartBlocks(of: b)) }
            var best: [Int] = []
            func extend(_ clique: [Int], _ candidates: [Int]) {
                if clique.count > best.count { best = clique }
                guard clique.count + candidates.count > best.count, best.count <= classCount else { return }
                for (i, c) in candidates.enumerated() {
                    extend(clique + [c], candidates[(i + 1)...].filter { adjacency[c]!.contains($0) })
                }
            }
            extend([], members)
            if best.count > classCount {
                let ids = best.flatMap { blocks[$0] }.map { pupils[$0].studentID }.sorted()
                throw .apartGroupLargerThanClassCount(ids, classCount: classCount)
            }
        }
    }
}
