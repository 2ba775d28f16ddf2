import EnrollmentCase

extension Mechanism {
    /// Runs this mechanism on the instance (with `groups`, an instance expanded into them).
    package func match(_ instance: MatchingInstance, groups: SeatGroups? = nil) -> Matching {
        switch self {
        case .deferredAcceptance: return DeferredAcceptance.match(instance)
        case .immediateAcceptance: return groups.map { ImmediateAcceptance.match(instance, groups: $0) } ?? ImmediateAcceptance.match(instance)
        }
    }
}

/// Both mechanisms run on the same instance, side by side: what a bureau looks at before
/// choosing one, or to explain the choice to parents.
struct MechanismComparison: Hashable, Sendable {
    /// The deferred-acceptance matching.
    let deferredAcceptance: Matching
    /// The immediate-acceptance matching.
    let immediateAcceptance: Matching
    /// The students placed at different schools (or placed by one and not the other), in
    /// increasing index; seats of two groups of one school count as the same school.
    let differing: [Int]

    /// Runs both mechanisms on `instance` (with `groups`, an instance expanded into them) and
    /// compares them student by student.
    /// - Complexity: that of the two mechanisms, plus O(n).
    init(_ instance: MatchingInstance, groups: SeatGroups? = nil) {
        let da = Mechanism.deferredAcceptance.match(instance, groups: groups)
        let ia = Mechanism.immediateAcceptance.match(instance, groups: groups)
        deferredAcceptance = da
        immediateAcceptance = ia
        // Compared by school: two groups of one school are the same school.
        let school = { (g: Int32) -> Int in g < 0 ? -1 : groups?.groups[Int(g)].school ?? Int(g) }
        differing = (0..<instance.studentCount).filter { school(da.schoolIndices[$0]) != school(ia.schoolIndices[$0]) }
    }

    /// How many students the two mechanisms place differently.
    var differingCount: Int { differing.count }
}
