import EnrollmentIO
import EnrollmentCase

extension Mechanism {
    /// Runs this mechanism on the instance.
    public func match(_ instance: MatchingInstance) -> Matching {
        switch self {
        case .deferredAcceptance: return DeferredAcceptance.match(instance)
        case .immediateAcceptance: return ImmediateAcceptance.match(instance)
        }
    }
}

/// Both mechanisms run on the same instance, side by side: what a bureau looks at before
/// choosing one, or to explain the choice to parents.
public struct MechanismComparison: Hashable, Sendable {
    /// The deferred-acceptance matching.
    public let deferredAcceptance: Matching
    /// The immediate-acceptance matching.
    public let immediateAcceptance: Matching
    /// The students placed at different schools (or placed by one and not the other), in
    /// increasing index.
    public let differing: [Int]

    /// Runs both mechanisms on `instance` and compares them student by student.
    /// - Complexity: that of the two mechanisms, plus O(n).
    public init(_ instance: MatchingInstance) {
        let da = DeferredAcceptance.match(instance)
        let ia = ImmediateAcceptance.match(instance)
        deferredAcceptance = da
        immediateAcceptance = ia
        differing = (0..<instance.studentCount).filter { da.schoolIndices[$0] != ia.schoolIndices[$0] }
    }

    /// How many students the two mechanisms place differently.
    public var differingCount: Int { differing.count }
}
