import EnrollmentIO
import EnrollmentCase

/// Whole seats divided among parties in proportion to their bases (for quota places: a
/// quality high school's quota seats among junior schools, in proportion to eligible graduates
/// times an optional weight), with every step exact and every tie broken by a given order.
///
/// Rules common to all methods (see `ApportionmentMethod` for each method's own rule and
/// `docs/QUOTA.md` for examples):
/// - A party with a zero basis gets no seat, whatever the minimum.
/// - `minimum` applies to every party with a positive basis. Huntington–Hill and
///   `floorMinOneReturnRest` imply a minimum of 1.
///   - Divisor methods start every such party at the minimum and place the other seats by
///     the method.
///   - Quota methods give the minimum to every party whose exact quota is below it, then
///     divide the remaining seats among the others by the method, on quotas recomputed among
///     them; this repeats until no remaining party's quota is below the minimum. The result
///     therefore never exceeds `seats`.
///   - If the minimum cannot be afforded (minimum × parties with a positive basis > seats),
///     the apportionment fails with `ApportionmentError.minimumNotAffordable`.
/// - If no party has a positive basis, no seat is placed and all are `returned`.
///
/// The result depends only on the inputs: no floating point, no hashing order.
public struct Apportionment: Equatable, Sendable {
    /// One party's outcome.
    public struct Share: Equatable, Sendable {
        /// The party's basis, as given.
        public var basis: Rational
        /// The exact proportional share `seats × basis / Σ bases` (0 when all bases are 0).
        public var quota: Rational
        /// Seats given.
        public var seats: Int
    }

    /// The method used.
    package let method: ApportionmentMethod
    /// Seats to divide.
    package let seats: Int
    /// One share per party, in the order of the bases given.
    public let shares: [Share]
    /// Seats given to parties: the sum of `shares[i].seats`.
    package let allocated: Int
    /// Seats not placed (`seats − allocated`): the remainder under `floorMinOneReturnRest`, or
    /// every seat when no party has a positive basis; otherwise 0.
    package let returned: Int

    /// The largest number of seats accepted (2²⁰).
    package static let maximumSeats = 1 << 20
    /// The largest number of parties accepted (2²⁰).
    package static let maximumParties = 1 << 20
    /// The largest basis accepted once all bases are brought to their least common denominator
    /// and divided by their greatest common divisor (2⁴⁰ ≈ 1.1·10¹²). With these bounds every
    /// product compared (at most basis² · seats², under Huntington–Hill) fits in 127 bits.
    package static let maximumScaledBasis: Int128 = 1 << 40

    /// Divides `seats` among parties with the given bases.
    ///
    /// - Parameters:
    ///   - seats: seats to divide, 0 ... `maximumSeats`.
    ///   - bases: one non-negative basis per party.
    ///   - method: the rule; Hamilton's largest remainder by default.
    ///   - tieBreakRanks: each party's rank in the tie-break order, distinct integers (lower
    ///     wins a tie; for quota seats, the position in the lottery draw `quota/<high_school_id>`).
    ///     Under `floorLotteryRest` this order is also the lottery that places the rest.
    ///   - minimum: seats each party with a positive basis must get at least.
    /// - Complexity: divisor methods O(seats × parties); quota methods O(k · parties log parties)
    ///   where k ≤ parties is the number of rounds the minimum needs (1 without a minimum).
    public init(
        seats: Int,
        bases: [Rational],
        method: ApportionmentMethod = .largestRemainder,
        tieBreakRanks: [Int],
        minimum: Int = 0
    ) throws(ApportionmentError) {
        guard seats >= 0, seats <= Self.maximumSeats else { throw .seatsOutOfRange(seats) }
        guard bases.count <= Self.maximumParties else { throw .tooManyParties(bases.count) }
        guard tieBreakRanks.count == bases.count else {
            throw .tieBreakCount(parties: bases.count, ranks: tieBreakRanks.count)
        }
        guard Set(tieBreakRanks).count == tieBreakRanks.count else { throw .tieBreakRanksNotDistinct }
        guard minimum >= 0 else { throw .negativeMinimum(minimum) }
        if let party = bases.firstIndex(where: { $0 < .zero }) { throw .negativeBasis(party: party) }

        let weights = try Self.scaledIntegers(bases)
        let total = weights.reduce(0, +)
        let positive = weights.indices.filter { weights[$0] > 0 }
        let floorMinimum = method == .huntingtonHill || method == .floorMinOneReturnRest ? max(minimum, 1) : minimum
        guard positive.isEmpty || floorMinimum <= seats / positive.count else {
            throw .minimumNotAffordable(minimum: floorMinimum, parties: positive.count, seats: seats)
        }

        var given = [Int](repeating: 0, count: bases.count)
        if !positive.isEmpty {
            switch method {
            case .sainteLague, .huntingtonHill, .dHondt:
                given = Self.highestAverages(seats: seats, weights: weights, positive: positive,
                                             start: floorMinimum, method: method, ranks: tieBreakRanks)
            case .largestRemainder, .floorMinOneReturnRest, .floorLotteryRest:
                given = Self.byQuota(seats: seats, weights: weights, positive: positive,
                                     minimum: floorMinimum, method: method, ranks: tieBreakRanks)
            }
        }

        var shares: [Share] = []
        shares.reserveCapacity(bases.count)
        for i in bases.indices {
            let quota = total == 0 ? Rational.zero : Self.exact(Int128(seats) * weights[i], total)
            shares.append(Share(basis: bases[i], quota: quota, seats: given[i]))
        }
        let allocated = given.reduce(0, +)
        self.method = method
        self.seats = seats
        self.shares = shares
        self.allocated = allocated
        self.returned = seats - allocated
    }

    // MARK: - Divisor methods

    /// Starts each positive party at `start` seats and gives the rest one at a time to the
    /// highest priority `w / d(s)`.
    private static func highestAverages(
        seats: Int, weights: [Int128], positive: [Int], start: Int,
        method: ApportionmentMethod, ranks: [Int]
    ) -> [Int] {
        var given = [Int](repeating: 0, count: weights.count)
        for i in positive { given[i] = start }
        for _ in 0..<(seats - start * positive.count) {
            var best = positive[0]
            for i in positive.dropFirst() {
                let wins = Self.priority(weights[i], given[i], exceeds: weights[best], given[best], method: method)
                if wins ?? (ranks[i] < ranks[best]) { best = i }
            }
            given[best] += 1
        }
        return given
    }

    /// Whether party a's priority is above party b's (nil when equal). Exact, in integers:
    /// `w_a / d(s_a) > w_b / d(s_b)  ⇔  w_a · d(s_b) > w_b · d(s_a)` for divisors d with
    /// d(s) > 0; Huntington–Hill's d(s) = √(s(s+1)) is compared squared, with s ≥ 1.
    private static func priority(
        _ wa: Int128, _ sa: Int, exceeds wb: Int128, _ sb: Int, method: ApportionmentMethod
    ) -> Bool? {
        let a: Int128, b: Int128
        switch method {
        case .dHondt:
            a = wa * Int128(sb + 1)
            b = wb * Int128(sa + 1)
        case .sainteLague:
            a = wa * Int128(2 * sb + 1)
            b = wb * Int128(2 * sa + 1)
        default:
            a = wa * wa * Int128(sb) * Int128(sb + 1)
            b = wb * wb * Int128(sa) * Int128(sa + 1)
        }
        return a == b ? nil : a > b
    }

    // MARK: - Quota methods

    /// Hamilton and the two round-down methods, with the minimum applied by exclusion: parties
    /// whose quota is below the minimum are fixed at it and the rest re-divided among the others.
    private static func byQuota(
        seats: Int, weights: [Int128], positive: [Int], minimum: Int,
        method: ApportionmentMethod, ranks: [Int]
    ) -> [Int] {
        var given = [Int](repeating: 0, count: weights.count)
        var active = positive
        var remaining = seats
        while true {
            let total = active.reduce(Int128(0)) { $0 + weights[$1] }
            let below = active.filter { Int128(remaining) * weights[$0] < Int128(minimum) * total }
            guard below.isEmpty else {
                for i in below { given[i] = minimum }
                remaining -= minimum * below.count
                let fixed = Set(below)
                active.removeAll { fixed.contains($0) }
                continue
            }
            var remainders: [(party: Int, remainder: Int128)] = []
            for i in active {
                let product = Int128(remaining) * weights[i]
                given[i] = Int(product / total)
                remainders.append((i, product % total))
            }
            if method == .floorMinOneReturnRest { return given }
            let left = remaining - active.reduce(0) { $0 + given[$1] }
            let order: [(party: Int, remainder: Int128)]
            if method == .largestRemainder {
                order = remainders.sorted { ($1.remainder, ranks[$0.party]) < ($0.remainder, ranks[$1.party]) }
            } else {
                order = remainders.filter { $0.remainder > 0 }.sorted { ranks[$0.party] < ranks[$1.party] }
            }
            for entry in order.prefix(left) { given[entry.party] += 1 }
            return given
        }
    }

    // MARK: - Exact integers

    /// The bases as integers with the same ratios: multiplied by their least common denominator,
    /// divided by their greatest common divisor.
    private static func scaledIntegers(_ bases: [Rational]) throws(ApportionmentError) -> [Int128] {
        var common: Int128 = 1
        for b in bases {
            let g = Rational.gcd(common, b.denominator)
            let (product, overflow) = (common / g).multipliedReportingOverflow(by: b.denominator)
            guard !overflow, product <= maximumScaledBasis else { throw .basesTooLarge }
            common = product
        }
        var weights: [Int128] = []
        weights.reserveCapacity(bases.count)
        for b in bases {
            let (w, overflow) = b.numerator.multipliedReportingOverflow(by: common / b.denominator)
            guard !overflow else { throw .basesTooLarge }
            weights.append(w)
        }
        let g = weights.reduce(Int128(0)) { Rational.gcd($0, $1) }
        weights = weights.map { $0 / g }
        guard weights.allSatisfy({ $0 <= maximumScaledBasis }) else { throw .basesTooLarge }
        return weights
    }

    /// `n / d` for d > 0 and parts within the bounds, which cannot fail.
    private static func exact(_ n: Int128, _ d: Int128) -> Rational {
        (try? Rational(n, d)) ?? .zero
    }
}

/// Why seats could not be divided.
public enum ApportionmentError: Error, Equatable, Sendable, CustomStringConvertible {
    case seatsOutOfRange(Int)
    case tooManyParties(Int)
    case tieBreakCount(parties: Int, ranks: Int)
    case tieBreakRanksNotDistinct
    case negativeMinimum(Int)
    /// The basis of the party at this (0-based) index is negative.
    case negativeBasis(party: Int)
    /// The bases, brought to a common denominator, exceed `Apportionment.maximumScaledBasis`.
    case basesTooLarge
    /// minimum × parties with a positive basis exceeds the seats.
    case minimumNotAffordable(minimum: Int, parties: Int, seats: Int)

    public var description: String {
        switch self {
        case .seatsOutOfRange(let seats):
            "seats must be between 0 and \(Apportionment.maximumSeats), not \(seats)"
        case .tooManyParties(let count):
            "at most \(Apportionment.maximumParties) parties can share seats, not \(count)"
        case .tieBreakCount(let parties, let ranks):
            "the tie-break order ranks \(ranks) parties but \(parties) share the seats"
        case .tieBreakRanksNotDistinct:
            "the tie-break order gives two parties the same rank"
        case .negativeMinimum(let minimum):
            "the minimum seats per party cannot be negative (\(minimum))"
        case .negativeBasis(let party):
            "the basis of party \(party + 1) is negative"
        case .basesTooLarge:
            "the bases are too large or have too many decimals for exact apportionment "
                + "(brought to a common denominator, each must stay below 2^40)"
        case .minimumNotAffordable(let minimum, let parties, let seats):
            "a minimum of \(minimum) seat(s) for each of \(parties) parties with a positive basis needs more "
                + "than the \(seats) seats to be divided"
        }
    }
}
