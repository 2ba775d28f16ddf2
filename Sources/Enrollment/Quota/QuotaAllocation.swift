import EnrollmentIO
import EnrollmentCase

/// One quality high school's quota (指标到校) and its division among the junior schools of the
/// region.
///
/// - The quota is the policy's share of the plan, rounded up: `⌈quota_share × capacity⌉`, so
///   it is never below the share.
/// - It is divided by `Apportionment` with the policy's `quota_rounding` and
///   `quota_min_per_school`, in proportion to each junior school's basis (`QuotaBasis`).
/// - Ties are broken by the draw `quota/<high_school_id>`: each junior school's lottery number
///   is `LotteryNumber(seed:, draw: "quota/<high_school_id>", studentID: <junior school id>)`;
///   the smaller number wins a tie (and, under `floor-lottery-rest`, places a leftover seat
///   first).
/// - `seats` of the rows plus `returned` always equal `quota`: returned seats (the remainder
///   under `floor-min-one-return-rest`, or the whole quota when no junior school has a positive
///   basis) go back to the open round.
package struct QuotaAllocation: Hashable, Sendable {
    /// One junior school's share.
    package struct Share: Hashable, Sendable {
        package var juniorSchoolID: String
        /// The basis: eligible graduates, possibly weighted, or all graduates.
        package var basis: Rational
        /// The exact proportional share `quota × basis / Σ bases`.
        package var exactShare: Rational
        /// Whole seats given.
        package var seats: Int
        /// The junior school's number in the draw `quota/<high_school_id>`.
        package var lotteryNumber: LotteryNumber
    }

    package let highSchoolID: String
    /// The high school's plan (capacity in `schools.csv`).
    package let plan: Int
    /// Quota seats: `⌈quota_share × plan⌉`.
    package let quota: Int
    /// One share per junior school, by `school_id`.
    package let shares: [Share]
    /// Quota seats given to no junior school, which go back to the open round.
    package let returned: Int

    /// The name of the draw that breaks this high school's ties.
    package static func draw(highSchoolID: String) -> String { "quota/\(highSchoolID)" }

    /// Allocates `highSchool`'s quota among `juniorSchoolIDs` (in `school_id` order) with the
    /// given bases.
    /// - Complexity: that of `Apportionment` for the policy's method, plus O(j log j).
    package init(highSchool: School, juniorSchoolIDs: [String], bases: [Rational], policy: Policy,
                seed: String) throws(QuotaError) {
        let quota: Int
        do {
            let exact = try policy.quotaShareValue * Rational(highSchool.capacity)
            quota = Int(-exact.negated.floor)
        } catch {
            throw .arithmetic(highSchoolID: highSchool.id)
        }
        let numbering = LotteryNumber.Draw(seed: seed, name: Self.draw(highSchoolID: highSchool.id))
        let numbers = juniorSchoolIDs.map { numbering.number(studentID: $0) }
        let ranks = MatchingInstance.tieRanks(sortedBy: zip(numbers, juniorSchoolIDs).map { LotteryOrder(number: $0, studentID: $1) })
        let apportionment: Apportionment
        do {
            apportionment = try Apportionment(seats: quota, bases: bases, method: policy.quotaRounding,
                                              tieBreakRanks: ranks.map(Int.init), minimum: policy.quotaMinPerSchool)
        } catch {
            throw .apportionment(highSchoolID: highSchool.id, error)
        }
        self.highSchoolID = highSchool.id
        self.plan = highSchool.capacity
        self.quota = quota
        self.shares = juniorSchoolIDs.indices.map { k in
            Share(juniorSchoolID: juniorSchoolIDs[k], basis: bases[k], exactShare: apportionment.shares[k].quota,
                  seats: apportionment.shares[k].seats, lotteryNumber: numbers[k])
        }
        self.returned = apportionment.returned
    }

    /// The basis of each junior school (in the order given) under `basis`.
    /// - Complexity: O(graduates + schools).
    package static func bases(juniorSchools: [School], graduates: [Graduate], basis: QuotaBasis) throws(QuotaError) -> [Rational] {
        var counts: [String: Int] = [:]
        for g in graduates where g.eligible || basis == .graduates { counts[g.juniorSchool, default: 0] += 1 }
        var result: [Rational] = []
        for school in juniorSchools {
            let count = Rational(counts[school.id] ?? 0)
            guard basis == .weighted, let text = school.quotaWeight else {
                result.append(count)
                continue
            }
            guard let weight = Rational(parsing: text), let weighted = try? count * weight else {
                throw .invalidWeight(juniorSchoolID: school.id)
            }
            result.append(weighted)
        }
        return result
    }
}
