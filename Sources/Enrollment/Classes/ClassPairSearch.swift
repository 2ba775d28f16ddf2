/// The pair search and the perturbation of the improvement phase (docs/CLASSES.md, steps
/// 4.2 and 4.3): for two classes at a time, the best exchange of one or two swaps (up to four
/// in a small school); and, from a local optimum, a few random swaps followed by the pair
/// search again, kept when no worse. Every random choice comes from the draw and every limit is
/// a count of candidate moves examined, so the result depends only on the inputs and the draw.
struct PairSearch {
    /// Candidate moves that may still be examined (the budget).
    var budget: Int
    /// The proven lower bound of the objective for these class sizes (ClassLowerBound.swift),
    /// when known: reaching it ends the search, as nothing better exists.
    let bound: Double?
    /// The class pairs searched, in order: the partner pairs (every pair in a school of at most
    /// `ClassPartners.limit` + 1 classes), ordered by a, then b, in a small school, else by
    /// decreasing slack when the search begins (`ClassPartners.pairsBySlack`).
    let pairs: [(Int, Int)]
    /// Exchanges made so far; `changed[c]` is the count when class c last changed, and
    /// `examined[i]` the count when `pairs[i]` was last examined: a pair neither of whose
    /// classes changed since then is not examined again (its best exchange is the same).
    var clock = 1
    var changed: [Int]
    var examined: [Int]
    /// Classes changed since the last perturbation began (to mark them when it is undone).
    var touched: [Int] = []
    // Scratch lists for one class pair, kept to reuse their storage.
    var first: [Int] = []
    var second: [Int] = []
    var vector: [Double] = []
    /// `parts[2i]`, `parts[2i + 1]`: the swaps of part i (the second −1 for a single swap).
    var parts: [Int] = []
    /// The swaps whose pupils have no apart request.
    var free: [Int] = []
    /// `partCare[i * groups + t]`: the change of care group t's count in class a if part i is
    /// made (class b changes by the opposite); `mixed[i]`: whether part i swaps across profiles
    /// (only then can a change be nonzero).
    var partCare: [Int] = []
    var mixed: [Bool] = []
    var order: [SortedSwap] = []
    /// Whether the school is small: at most `smallSchoolPupils` movable pupils.
    let small: Bool
    /// Whether the small school is also searched for double swaps: no class pair has more than
    /// `doubleSwapLimit` pairs of pupils of one family (a count swaps never change: each class
    /// keeps its number of pupils of each family).
    let searchesDoubles: Bool
    /// Whether the pair search is in its second round: swaps across profiles, and double swaps
    /// if `searchesDoubles`.
    var secondRound = false
    /// Each care group's least and largest count in a class after the deal: a swap across
    /// profiles must keep both classes' counts within them.
    let careLow: [Int]
    let careHigh: [Int]
    /// The most movable pupils of a small school.
    static let smallSchoolPupils = 250
    /// The most pairs of one family a class pair may have for double swaps.
    static let doubleSwapLimit = 300
    /// How many times the budget of a small school is multiplied: `doubleSearchFactor` when it
    /// is searched for double swaps, else `smallSchoolFactor`.
    static let smallSchoolFactor = 10
    static let doubleSearchFactor = 100
    /// A school with fewer movable pupils (but at least its square root) gets the search budget
    /// of this many.
    static let minimumSearchPupils = 2000

    /// The search of a school whose swap buckets are `buckets`, with the budget
    /// `policy.searchEffort` × max(`movable`, min(`movable`², `minimumSearchPupils`)), times
    /// `doubleSearchFactor` in a small school searched for double swaps and `smallSchoolFactor`
    /// in another small school. (A school of a few dozen pupils gets the budget of
    /// `minimumSearchPupils`; a handful, whose assignments are few, much less.)
    init(_ state: ClassState, _ buckets: ClassState.SwapBuckets, _ partners: ClassPartners, movable: Int) {
        let k = state.classCount
        small = movable <= Self.smallSchoolPupils
        pairs = small ? partners.pairs : partners.pairsBySlack(state)
        var most = 0
        if small {
            for (a, b) in pairs {
                var swaps = 0
                for bucket in buckets.pupils.indices {
                    for kin in buckets.kin[bucket] {
                        swaps += buckets.inClass[bucket * k + a].count * buckets.inClass[kin * k + b].count
                    }
                }
                most = max(most, swaps)
            }
        }
        searchesDoubles = small && most <= Self.doubleSwapLimit
        let groups = state.problem.policy.careGroups.count
        careLow = (0..<groups).map { t in (0..<k).map { state.care[$0 * groups + t] }.min() ?? 0 }
        careHigh = (0..<groups).map { t in (0..<k).map { state.care[$0 * groups + t] }.max() ?? 0 }
        budget = state.problem.policy.searchEffort * max(movable, min(movable * movable, Self.minimumSearchPupils))
            * (searchesDoubles ? Self.doubleSearchFactor : small ? Self.smallSchoolFactor : 1)
        bound = state.problem.objectiveLowerBound(classSizes: state.heads)
        changed = [Int](repeating: 1, count: k)
        examined = [Int](repeating: 0, count: pairs.count)
    }

    /// Whether making part i, and part j if given, keeps every care group's count in classes
    /// `a` and `b` within the range the deal left (`careLow`…`careHigh`); `care` as in
    /// `ClassState`.
    func careFits(_ care: [Int], _ a: Int, _ b: Int, _ i: Int, _ j: Int?) -> Bool {
        let groups = careLow.count
        for t in 0..<groups {
            var change = partCare[i * groups + t]
            if let j { change += partCare[j * groups + t] }
            let inA = care[a * groups + t] + change, inB = care[b * groups + t] - change
            guard careLow[t] <= min(inA, inB), max(inA, inB) <= careHigh[t] else { return false }
        }
        return true
    }

    /// Records that classes `a` and `b` changed.
    mutating func mark(_ a: Int, _ b: Int) {
        clock += 1
        changed[a] = clock
        changed[b] = clock
        touched += [a, b]
    }

    /// Whether `objective` meets the proven lower bound (up to rounding of the sums).
    func reached(_ objective: Double) -> Bool {
        guard let bound else { return false }
        return objective <= bound + 1e-7 * max(1, bound)
    }
}

/// A swap of a class pair's list, keyed for the two-swap search: first measure, then position.
struct SortedSwap: Comparable {
    var key: Double
    var index: Int

    static func < (x: SortedSwap, y: SortedSwap) -> Bool {
        x.key < y.key || (x.key == y.key && x.index < y.index)
    }
}

extension ClassState {
    /// Pair descent: the class pairs (a, b), a < b, of `search.pairs` in their order ((0,1),
    /// (0,2), …, (k−2,k−1) when every pair is searched), cyclically; each gets its best
    /// exchange (`improvePair`), except a pair neither of whose
    /// classes changed since it was last examined. Stops after a whole round of pairs without a
    /// change, when the budget is spent, or at the proven lower bound. In a small school
    /// (`PairSearch.small`) the descent is then run again from every pair, with swaps across
    /// profiles and, where `searchesDoubles`, exchanges of up to four swaps.
    mutating func descendPairs(_ buckets: inout SwapBuckets, _ search: inout PairSearch) {
        search.secondRound = false
        descendPairsOnce(&buckets, &search)
        guard search.small else { return }
        search.secondRound = true
        for pair in search.examined.indices { search.examined[pair] = 0 }
        descendPairsOnce(&buckets, &search)
    }

    private mutating func descendPairsOnce(_ buckets: inout SwapBuckets, _ search: inout PairSearch) {
        let pairs = search.pairs
        var idle = 0, next = 0
        while idle < pairs.count, search.budget > 0, !search.reached(objective) {
            let (a, b) = pairs[next]
            let pair = next
            next = (next + 1) % pairs.count
            guard max(search.changed[a], search.changed[b]) > search.examined[pair] else { idle += 1; continue }
            search.examined[pair] = search.clock
            idle = improvePair(a, b, &buckets, &search) ? 0 : idle + 1
        }
    }

    /// Makes the exchange between classes `a` and `b` that lowers the objective most, if any
    /// lowers it by more than 1e-9: one swap (keeping every apart request), or a combination of
    /// two **parts** with distinct pupils none of whom has an apart request. The parts are the
    /// swaps of interchangeable pupils; in the second round, also the swaps of pupils of one
    /// family across profiles that keep the care counts in range (`careFits`), and, where
    /// `search.searchesDoubles`, every two swaps with four distinct pupils none of whom has an
    /// apart request — so exchanges of up to four swaps are searched. Every part and
    /// combination made keeps the care counts in range.
    ///
    /// An exchange moves the deviation vector u (the sum of d_p − d_q over its swaps, p leaving
    /// a, q leaving b) from a to b; its cost is g(u) = Σ_m w_m (|r_am − u_m| + |r_bm + u_m|),
    /// r the classes' deviation sums. No exchange can go below Σ_m w_m |r_am + r_bm|; if the
    /// pair is already there it is skipped. Combinations are searched with the parts sorted by
    /// their first measure (then position): for a part, only the partners whose first measure
    /// keeps g below the best so far are examined (a window found by binary search). The swaps
    /// are listed by p's profile, then p, then q's profile, then q (each in their class's
    /// current order), the double swaps after them in the order of their two swaps' positions.
    /// Ties keep the exchange found first: swaps alone, double swaps alone, then combinations.
    /// - Returns: whether an exchange was made.
    mutating func improvePair(_ a: Int, _ b: Int, _ buckets: inout SwapBuckets, _ search: inout PairSearch) -> Bool {
        let m = problem.measures.count, k = classCount
        let w = problem.measureWeights, dev = problem.deviation
        let (now, least) = pairPart(a, b)
        search.budget -= 1
        guard now - least > 1e-9 else { return false }

        search.first.removeAll(keepingCapacity: true)
        search.second.removeAll(keepingCapacity: true)
        search.vector.removeAll(keepingCapacity: true)
        search.parts.removeAll(keepingCapacity: true)
        search.partCare.removeAll(keepingCapacity: true)
        search.mixed.removeAll(keepingCapacity: true)
        let across = search.secondRound, doubles = across && search.searchesDoubles
        let groups = problem.policy.careGroups.count
        for bucket in buckets.pupils.indices {
            for p in buckets.inClass[bucket * k + a] {
                for kin in buckets.kin[bucket] where kin == bucket || across {
                    for q in buckets.inClass[kin * k + b] where canSwap(p, q) {
                        if across {
                            for t in 0..<groups { search.partCare.append(buckets.careChange(bucket, kin, t)) }
                            search.mixed.append(kin != bucket)
                            guard kin == bucket || search.careFits(care, a, b, search.mixed.count - 1, nil) else {
                                search.partCare.removeLast(groups)
                                search.mixed.removeLast()
                                continue
                            }
                        }
                        search.first.append(p)
                        search.second.append(q)
                        search.parts.append(search.first.count - 1)
                        search.parts.append(-1)
                        for x in 0..<m { search.vector.append(dev[p * m + x] - dev[q * m + x]) }
                    }
                }
            }
        }
        let count = search.first.count
        search.budget -= count
        guard count > 0 else { return false }

        let first = search.first, second = search.second
        search.free.removeAll(keepingCapacity: true)
        for i in 0..<count where problem.apart[first[i]].isEmpty && problem.apart[second[i]].isEmpty { search.free.append(i) }
        let free = search.free
        if doubles {
            for (n, i) in free.enumerated() {
                for j in free[(n + 1)...] where first[i] != first[j] && second[i] != second[j] {
                    let mixed = search.mixed[i] || search.mixed[j]
                    guard !mixed || search.careFits(care, a, b, i, j) else { continue }
                    search.parts.append(i)
                    search.parts.append(j)
                    for x in 0..<m { search.vector.append(search.vector[i * m + x] + search.vector[j * m + x]) }
                    for t in 0..<groups { search.partCare.append(search.partCare[i * groups + t] + search.partCare[j * groups + t]) }
                    search.mixed.append(mixed)
                }
            }
            search.budget -= search.parts.count / 2 - count
        }

        var best = now - 1e-9
        var chosen: (Int, Int?)?
        for i in 0..<(search.parts.count / 2) {
            var g = 0.0
            for x in 0..<m {
                let u = search.vector[i * m + x]
                g += w[x] * (abs(sums[a * m + x] - u) + abs(sums[b * m + x] + u))
            }
            if g < best { best = g; chosen = (i, nil) }
        }

        // Combinations: only parts whose pupils have no apart request, sorted by first measure.
        let vector = search.vector, parts = search.parts
        search.order.removeAll(keepingCapacity: true)
        for i in free { search.order.append(SortedSwap(key: vector[i * m], index: i)) }
        for i in count..<(parts.count / 2) { search.order.append(SortedSwap(key: vector[i * m], index: i)) }
        search.order.sort()
        /// Whether parts i and j have no pupil in common (without double swaps, parts are swaps).
        func distinct(_ i: Int, _ j: Int) -> Bool {
            guard doubles else { return first[i] != first[j] && second[i] != second[j] }
            func clash(_ x: Int, _ y: Int) -> Bool {
                x >= 0 && y >= 0 && (first[x] == first[y] || second[x] == second[y])
            }
            let x = parts[2 * i], x2 = parts[2 * i + 1], y = parts[2 * j], y2 = parts[2 * j + 1]
            return !(clash(x, y) || clash(x, y2) || clash(x2, y) || clash(x2, y2))
        }
        let ra0 = sums[a * m], rb0 = sums[b * m]
        var restLeast = 0.0
        for x in 1..<m { restLeast += w[x] * abs(sums[a * m + x] + sums[b * m + x]) }
        let sorted = search.order.count
        // The first-measure window (low, high) of u outside which g(u) cannot be below `best`.
        func window() -> (Double, Double)? {
            guard w[0] > 0 else { return (-Double.infinity, Double.infinity) }
            let slack = (best - restLeast) / w[0] - abs(ra0 + rb0)
            guard slack > 0 else { return nil }
            return (min(ra0, -rb0) - slack / 2 - 1e-9, max(ra0, -rb0) + slack / 2 + 1e-9)
        }
        outer: for s in 0..<sorted {
            guard let (low, high) = window() else { break }
            let i = search.order[s].index
            let ki = search.order[s].key
            var lo = s + 1, hi = sorted
            while lo < hi {
                let mid = (lo + hi) / 2
                if search.order[mid].key <= low - ki { lo = mid + 1 } else { hi = mid }
            }
            var t = lo
            var limit = high - ki
            while t < sorted, search.order[t].key < limit {
                let j = search.order[t].index
                t += 1
                guard distinct(i, j) else { continue }
                search.budget -= 1
                if across && (search.mixed[i] || search.mixed[j]) && !search.careFits(care, a, b, i, j) { continue }
                var g = 0.0
                for x in 0..<m {
                    let u = vector[i * m + x] + vector[j * m + x]
                    g += w[x] * (abs(sums[a * m + x] - u) + abs(sums[b * m + x] + u))
                }
                if g < best {
                    best = g
                    chosen = (i, j)
                    guard let (_, newHigh) = window() else { break outer }
                    limit = newHigh - ki
                }
                if search.budget <= 0 { break outer }
            }
        }
        guard let (i, j) = chosen else { return false }
        for part in [i, j] {
            guard let part else { continue }
            for x in parts[(2 * part)...(2 * part + 1)] where x >= 0 { swap(first[x], second[x], &buckets) }
        }
        search.mark(a, b)
        return true
    }

    /// Perturbation (iterated local search; none when `policy.kickSwaps` is 0) while the budget
    /// lasts and the proven lower bound is not met: `policy.kickSwaps` random swaps — each a movable pupil p
    /// (`draw.nextInt(below: movable count)`, movable pupils in rank order) and a pupil q of
    /// p's profile (`draw.nextInt(below: profile size)`, rank order), swapped if they are in
    /// different classes and the swap keeps every apart request — then pair descent. The new
    /// assignment is kept if its objective is at most the previous one plus 1e-9, else the
    /// previous one is restored. The best assignment met is the result.
    mutating func perturb(_ buckets: inout SwapBuckets, _ search: inout PairSearch, movable: [Int], draw: inout some RandomDraw) {
        guard problem.policy.kickSwaps > 0 else { return }
        var best = (state: self, buckets: buckets, objective: objective)
        while search.budget > 0, !search.reached(best.objective) {
            let saved = (state: self, buckets: buckets, objective: objective)
            search.touched.removeAll(keepingCapacity: true)
            for _ in 0..<problem.policy.kickSwaps {
                let p = movable[draw.nextInt(below: movable.count)]
                let profile = buckets.pupils[buckets.bucketOf[p]]
                let q = profile[draw.nextInt(below: profile.count)]
                search.budget -= 1
                let a = classOf[p], b = classOf[q]
                if a != b && canSwap(p, q) {
                    swap(p, q, &buckets)
                    search.mark(a, b)
                }
            }
            descendPairs(&buckets, &search)
            let reached = objective
            if reached > saved.objective + 1e-9 {
                self = saved.state
                buckets = saved.buckets
                search.clock += 1
                for c in search.touched { search.changed[c] = search.clock }
            } else if reached < best.objective - 1e-9 {
                best = (self, buckets, reached)
            }
        }
        self = best.state
        buckets = best.buckets
    }
}
