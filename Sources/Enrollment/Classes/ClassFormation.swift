/// Balanced class formation (均衡编班 / 阳光分班): divides one school's pupils into comparable
/// classes, no class favoured, by a documented deterministic method (docs/CLASSES.md).
public enum ClassFormation {
    /// Forms the classes of one school.
    ///
    /// Steps: check every hard request (throwing before anything is produced); place the
    /// groups bound by together/apart requests; deal the other pupils stratum by stratum so
    /// that sizes, boys, girls and each care group differ by at most 1 where the data allows;
    /// then swap interchangeable pupils while the objective falls.
    ///
    /// Guarantees: every together group shares a class, no apart pair does, no class exceeds
    /// the size cap or the disabled limit. The result depends only on the pupils' attributes
    /// and lottery ranks, the policy and the draw — not on the order of `pupils` nor on names.
    /// - Parameters:
    ///   - pupils: the school's pupils, each with its rank in the draw `classes/<school_id>`.
    ///   - draw: the further randomness (the order of pupils in each improvement pass).
    /// - Complexity: O(n·k) for the deal; O(passes × Σ profile size² × measures) to improve.
    public static func form(_ pupils: [ClassPupil], policy: ClassFormationPolicy,
                            draw: inout some RandomDraw) throws(ClassFormationError) -> ClassFormationResult {
        let problem = try ClassProblem(pupils: pupils, policy: policy)
        var state = ClassState(problem)
        try state.placeConstrainedBlocks()
        try state.deal()
        let passes = state.improve(draw: &draw)
        return state.result(passes: passes)
    }
}
