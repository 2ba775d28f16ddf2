extension ClassFormation {
    /// Places pupils who arrive after the classes were formed, without moving anyone already
    /// placed (classes are never rewritten).
    ///
    /// Late arrivals are taken in lottery-rank order (ties by student_id); each sees those
    /// placed before it. A pupil with a together partner already placed (together_with in
    /// either direction, or a twin when `policy.twins == .together`) joins that partner's class,
    /// which must still respect the size cap, the disabled limit and apart requests. Any other
    /// pupil joins the class of smallest weighted size among those it fits (cap, disabled limit,
    /// apart_from in either direction, twins under `.apart`); ties are broken by
    /// `draw.nextInt(below: number of tied classes)` over the tied classes in class order.
    /// Requests naming a pupil not (yet) placed are ignored: that pupil follows on arrival.
    /// - Parameters:
    ///   - late: the late arrivals, each with its lottery rank.
    ///   - classes: the classes as formed (class 1 first), with any earlier late arrivals.
    /// - Returns: the class number (1-based) of each late arrival, by student_id.
    /// - Complexity: O(L · (k + n)) for L arrivals, k classes and n placed pupils.
    package static func placeLateArrivals(_ late: [ClassPupil], into classes: [[ClassPupil]],
                                         policy: ClassFormationPolicy,
                                         draw: inout some RandomDraw) throws(ClassFormationError) -> [String: Int] {
        var placed: [String: (pupil: ClassPupil, classIndex: Int)] = [:]
        var weighted = [Int](repeating: 0, count: classes.count)
        var disabled = weighted
        func weight(_ p: ClassPupil) -> Int {
            p.tags.contains(ClassFormationPolicy.disabledTag) ? policy.disabledWeight : 1
        }
        func add(_ p: ClassPupil, _ c: Int) throws(ClassFormationError) {
            if placed[p.studentID] != nil { throw .duplicateStudent(p.studentID) }
            placed[p.studentID] = (p, c)
            weighted[c] += weight(p)
            if p.tags.contains(ClassFormationPolicy.disabledTag) { disabled[c] += 1 }
        }
        for (c, members) in classes.enumerated() { for p in members { try add(p, c) } }
        var result: [String: Int] = [:]
        for pupil in late.sorted(by: { ($0.lotteryRank, $0.studentID) < ($1.lotteryRank, $1.studentID) }) {
            var together = Set(pupil.togetherWith)
            var apart = Set(pupil.apartFrom)
            for (id, other) in placed {
                if other.pupil.togetherWith.contains(pupil.studentID) { together.insert(id) }
                if other.pupil.apartFrom.contains(pupil.studentID) { apart.insert(id) }
                if let g = pupil.twinGroup, other.pupil.twinGroup == g {
                    if policy.twins == .together { together.insert(id) } else { apart.insert(id) }
                }
            }
            let apartClasses = Set(apart.compactMap { placed[$0]?.classIndex })
            func fits(_ c: Int) -> Bool {
                if weighted[c] + weight(pupil) > policy.classSizeCap { return false }
                if let limit = policy.disabledPerClass, pupil.tags.contains(ClassFormationPolicy.disabledTag), disabled[c] + 1 > limit { return false }
                return !apartClasses.contains(c)
            }
            let partnerClasses = Set(together.compactMap { placed[$0]?.classIndex })
            let chosen: Int
            if partnerClasses.count > 1 {
                throw .partnersInDifferentClasses(([pupil.studentID] + together.filter { placed[$0] != nil }).sorted())
            } else if let c = partnerClasses.first {
                if apartClasses.contains(c) { throw .togetherAndApart(([pupil.studentID] + together.filter { placed[$0] != nil }).sorted()) }
                guard fits(c) else { throw .noClassFor(pupil.studentID) }
                chosen = c
            } else {
                let candidates = classes.indices.filter(fits)
                guard let smallest = candidates.map({ weighted[$0] }).min() else { throw .noClassFor(pupil.studentID) }
                let tied = candidates.filter { weighted[$0] == smallest }
                chosen = tied.count == 1 ? tied[0] : tied[draw.nextInt(below: tied.count)]
            }
            try add(pupil, chosen)
            result[pupil.studentID] = chosen + 1
        }
        return result
    }
}
