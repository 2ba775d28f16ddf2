import EnrollmentCase

/// The priority tier (入学顺位) of an applicant at a school: lower is better; ties within a
/// tier are broken by the lottery number.
///
/// At a **public** school the tier is built from four parts, compared in this order:
///
/// 1. the **claim** on the school: 0 a pupil of a paired primary school at its junior school
///    (对口直升, when `feeder_priority`); 1 a resident of the school's zone; 2 no claim;
/// 2. the first of the policy's `priority_categories` the applicant has (its position, 0 for the
///    first), or the number of categories if none;
/// 3. the residence tie in the policy's `residence_order` (0 strongest), for zone residents;
///    0 for feeder pupils and applicants without a claim;
/// 4. 0 with a sibling already at the school (when `sibling_priority`), else 1;
///
/// as one number: `tier = ((claim × (K+1) + category) × 5 + residence) × 2 + sibling`, where
/// K is the number of priority categories. With the default policy (K = 1, `military`) a zone
/// resident with 房户一致 and no sibling has tier 31 (with a sibling 30; a military family's
/// child 21); a feeder pupil 11 (with a sibling 10); an applicant without a claim 51 or more.
///
/// At a **private** school (民办) every applicant has tier 0: oversubscribed, it admits by
/// lottery alone. A row of `priorities.csv` for the student and school replaces the computed
/// tier with its own.
package struct PriorityTier: Sendable {
    package let policy: Policy

    package init(policy: Policy) {
        self.policy = policy
    }

    /// The applicant's claim on a school.
    package enum Claim: Int, Sendable {
        case feeder = 0
        case zone = 1
        case none = 2
    }

    /// The tier of an applicant with `claim` on a public school.
    /// - Complexity: O(categories).
    package func tier(claim: Claim, applicant: Applicant, siblingHere: Bool) -> Int {
        let k = policy.priorityCategories.count
        let category = policy.priorityCategories.firstIndex(where: applicant.categories.contains) ?? k
        let residence = claim == .zone ? policy.residenceOrder.firstIndex(of: applicant.residence) ?? 4 : 0
        let sibling = policy.siblingPriority && siblingHere ? 0 : 1
        return ((claim.rawValue * (k + 1) + category) * 5 + residence) * 2 + sibling
    }

    /// The parts of a public school's tier, the inverse of `tier(claim:applicant:siblingHere:)`:
    /// the claim, the priority category (its position in `priority_categories`, nil for none),
    /// the residence tie (nil where it does not count or is not in `residence_order`) and
    /// whether a sibling counted. Nil for a number the formula does not give under this policy.
    /// - Complexity: O(1).
    package func parts(of tier: Int) -> (claim: Claim, category: Int?, residence: ResidenceTie?, sibling: Bool)? {
        let k = policy.priorityCategories.count
        guard tier >= 0, let claim = Claim(rawValue: tier / 10 / (k + 1)) else { return nil }
        let residence = tier / 2 % 5, category = tier / 10 % (k + 1), sibling = tier % 2 == 0
        guard claim == .zone || residence == 0, policy.siblingPriority || !sibling else { return nil }
        return (claim, category < k ? category : nil,
                claim == .zone && residence < policy.residenceOrder.count ? policy.residenceOrder[residence] : nil, sibling)
    }
}
