import Foundation
import EnrollmentIO

/// Balanced class formation (均衡编班 / 阳光分班): divides one school's pupils into comparable
/// classes, no class favoured, by a documented deterministic method (docs/CLASSES.md).
package enum ClassFormation {
    /// Forms the classes of one school.
    ///
    /// Steps: check every hard request (throwing before anything is produced); place the
    /// groups bound by together/apart requests; deal the other pupils stratum by stratum so
    /// that sizes, boys, girls and each care group differ by at most 1 where the data allows;
    /// then exchange interchangeable pupils while the objective falls (single swaps, pair
    /// search, seeded perturbation within a counted budget).
    ///
    /// Guarantees: every together group shares a class, no apart pair does, no class exceeds
    /// the size cap or the disabled limit. The result depends only on the pupils' attributes
    /// and lottery ranks, the policy and the draw — not on the order of `pupils` nor on names.
    /// - Parameters:
    ///   - pupils: the school's pupils, each with its rank in the draw `classes/<school_id>`.
    ///   - draw: the further randomness (the order of pupils in each improvement pass).
    /// - Complexity: O(n·k) for the deal; O(passes × n × min(k − 1, 16) × class size × measures)
    ///   for the single-swap descent (each class exchanges with at most 16 partner classes,
    ///   `ClassPartners`); the pair search and perturbation examine at most
    ///   `policy.searchEffort` × max(m, min(m², 2000)) candidate moves, m the movable pupils
    ///   (10 or 100 times that in a small school, docs/CLASSES.md step 4.2).
    package static func form(_ pupils: [ClassPupil], policy: ClassFormationPolicy,
                            draw: inout some RandomDraw) throws(ClassFormationError) -> ClassFormationResult {
        let problem = try ClassProblem(pupils: pupils, policy: policy)
        var state = ClassState(problem)
        try state.placeConstrainedBlocks()
        try state.deal()
        let passes = state.improve(draw: &draw)
        return state.result(passes: passes)
    }

    /// Forms the classes of many schools at once, spread over the machine's cores. Element i of
    /// the result is what `form(schools[i].pupils, policy: schools[i].policy, draw:)` gives with
    /// `schools[i].draw`: schools are independent, so the results do not depend on the number
    /// of cores or on timing.
    ///
    /// The draws are the round's (`LotteryStream`), not any `RandomDraw`: the round's steps call
    /// this from another module, which would run a generic local search unspecialized.
    /// - Complexity: the sum of `form`'s cost over the schools, divided among the cores.
    package static func form(schools: [(pupils: [ClassPupil], policy: ClassFormationPolicy, draw: LotteryStream)])
        -> [Result<ClassFormationResult, ClassFormationError>] {
        concurrentMap(count: schools.count) { i in
            var draw = schools[i].draw
            return Result { () throws(ClassFormationError) in
                try form(schools[i].pupils, policy: schools[i].policy, draw: &draw)
            }
        }
    }
}
