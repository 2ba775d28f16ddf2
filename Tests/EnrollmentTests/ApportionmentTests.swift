import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

/// Expected seats come from published examples where the comment names one; the others were
/// worked by hand and checked with an independent implementation in Python's `fractions`.
@Suite struct ApportionmentTests {
    static func seats(
        _ seats: Int, _ bases: [Int], _ method: ApportionmentMethod,
        ranks: [Int]? = nil, minimum: Int = 0
    ) throws -> [Int] {
        try Apportionment(seats: seats, bases: bases.map { Rational($0) }, method: method,
                          tieBreakRanks: ranks ?? Array(bases.indices), minimum: minimum).shares.map(\.seats)
    }

    static let divisorMethods: [ApportionmentMethod] = [.dHondt, .sainteLague, .huntingtonHill]

    // MARK: Hand-computed

    /// Three equal bases, 10 seats: 10/3 each; the tenth seat is a tie that the tie-break
    /// order settles (party 1 has rank 0), under every method that places it.
    @Test(arguments: [ApportionmentMethod.largestRemainder, .floorLotteryRest, .dHondt, .sainteLague, .huntingtonHill])
    func tiesGoByTheTieBreakOrder(method: ApportionmentMethod) throws {
        let result = try Apportionment(seats: 10, bases: [Rational(3), Rational(3), Rational(3)],
                                       method: method, tieBreakRanks: [2, 0, 1])
        #expect(result.shares.map(\.seats) == [3, 4, 3])
        #expect(result.shares.map(\.quota) == Array(repeating: try Rational(10, 3), count: 3))
        #expect(result.allocated == 10 && result.returned == 0)
        #expect(try Self.seats(10, [3, 3, 3], method, ranks: [1, 2, 0]) == [3, 3, 4])
    }

    @Test func roundDownAndReturnTheRest() throws {
        let result = try Apportionment(seats: 10, bases: [Rational(3), Rational(3), Rational(3)],
                                       method: .floorMinOneReturnRest, tieBreakRanks: [0, 1, 2])
        #expect(result.shares.map(\.seats) == [3, 3, 3])
        #expect(result.allocated == 9 && result.returned == 1)
    }

    /// Zero bases get nothing, even with a minimum; equal remainders 1/2 go by the order.
    @Test func zeroBasisGetsNoSeat() throws {
        #expect(try Self.seats(3, [0, 5, 5, 0], .largestRemainder) == [0, 2, 1, 0])
        #expect(try Self.seats(3, [0, 5, 5, 0], .largestRemainder, ranks: [0, 3, 1, 2]) == [0, 1, 2, 0])
        #expect(try Self.seats(3, [0, 5, 5, 0], .huntingtonHill, ranks: [0, 3, 1, 2]) == [0, 1, 2, 0])
        #expect(try Self.seats(3, [0, 5, 5, 0], .floorMinOneReturnRest) == [0, 1, 1, 0])
        #expect(try Self.seats(3, [0, 5, 5, 0], .dHondt, minimum: 1) == [0, 2, 1, 0])
        let none = try Apportionment(seats: 4, bases: [.zero, .zero], method: .largestRemainder, tieBreakRanks: [0, 1])
        #expect(none.shares.map(\.seats) == [0, 0] && none.returned == 4 && none.shares[0].quota == .zero)
    }

    /// Quotas 9.5, 0.25, 0.25 with a minimum of 1: the two small parties are raised to 1, and
    /// the 8 seats left go to the large one (not 9 + 1 + 1 = 11 > 10).
    @Test func minimumIsPaidByTheOthers() throws {
        let bases = [Rational(parsing: "95")!, Rational(parsing: "2.5")!, Rational(parsing: "2.5")!]
        for method in [ApportionmentMethod.largestRemainder, .floorMinOneReturnRest, .floorLotteryRest] {
            let result = try Apportionment(seats: 10, bases: bases, method: method, tieBreakRanks: [0, 1, 2], minimum: 1)
            #expect(result.shares.map(\.seats) == [8, 1, 1])
            #expect(result.shares.map(\.quota) == [try Rational(19, 2), try Rational(1, 4), try Rational(1, 4)])
        }
        // floorMinOneReturnRest implies the minimum of 1. Quotas 5, 4.2, 0.8: party 2 gets 1,
        // and 9 seats are re-divided 50 : 42 as 4.89, 4.11, rounded down; 1 returns.
        let result = try Apportionment(seats: 10, bases: [Rational(50), Rational(42), Rational(8)],
                                       method: .floorMinOneReturnRest, tieBreakRanks: [0, 1, 2])
        #expect(result.shares.map(\.seats) == [4, 4, 1] && result.returned == 1)
        // Divisor methods start each party at the minimum.
        #expect(try Self.seats(10, [95, 3, 2], .dHondt, minimum: 1) == [8, 1, 1])
        #expect(try Self.seats(10, [95, 3, 2], .dHondt) == [10, 0, 0])
        #expect(try Self.seats(10, [95, 3, 2], .huntingtonHill) == [8, 1, 1])
    }

    /// floor(q): 2, 0, 0 (quotas 2, 1/2, 1/2); the one seat left goes by lottery to a party
    /// with a non-zero remainder: party 0, with an exact quota, is passed over despite rank 0.
    @Test func lotteryPlacesTheRestAmongRemainders() throws {
        #expect(try Self.seats(3, [4, 1, 1], .floorLotteryRest, ranks: [0, 2, 1]) == [2, 0, 1])
        #expect(try Self.seats(3, [4, 1, 1], .floorLotteryRest, ranks: [0, 1, 2]) == [2, 1, 0])
        // Seven equal parties, 10 seats: one each, and three by lottery order.
        #expect(try Self.seats(10, [1, 1, 1, 1, 1, 1, 1], .floorLotteryRest, ranks: [6, 5, 4, 3, 2, 1, 0])
            == [1, 1, 1, 1, 2, 2, 2])
    }

    @Test func rejectsBadInput() {
        #expect(throws: ApportionmentError.minimumNotAffordable(minimum: 1, parties: 3, seats: 2)) {
            try Self.seats(2, [5, 5, 5], .huntingtonHill)
        }
        #expect(throws: ApportionmentError.minimumNotAffordable(minimum: 2, parties: 3, seats: 5)) {
            try Self.seats(5, [5, 5, 5], .largestRemainder, minimum: 2)
        }
        #expect(throws: ApportionmentError.negativeBasis(party: 1)) { try Self.seats(5, [5, -5], .dHondt) }
        #expect(throws: ApportionmentError.tieBreakRanksNotDistinct) { try Self.seats(5, [5, 5], .dHondt, ranks: [1, 1]) }
        #expect(throws: ApportionmentError.tieBreakCount(parties: 2, ranks: 1)) { try Self.seats(5, [5, 5], .dHondt, ranks: [0]) }
        #expect(throws: ApportionmentError.seatsOutOfRange(-1)) { try Self.seats(-1, [5], .dHondt) }
        #expect(throws: ApportionmentError.negativeMinimum(-1)) { try Self.seats(1, [5], .dHondt, minimum: -1) }
        // Denominators near 10⁶ and pairwise coprime: their product is far beyond 2⁴⁰.
        #expect(throws: ApportionmentError.basesTooLarge) {
            try Apportionment(seats: 5, bases: [try Rational(1, 1_000_003), try Rational(1, 1_000_033), try Rational(1, 1_000_037)],
                              tieBreakRanks: [0, 1, 2])
        }
        #expect(ApportionmentError.minimumNotAffordable(minimum: 1, parties: 3, seats: 2).description
            == "a minimum of 1 seat(s) for each of 3 parties with a positive basis needs more than the 2 seats to be divided")
        #expect(throws: ApportionmentError.minimumNotAffordable(minimum: .max, parties: 2, seats: 5)) {
            try Self.seats(5, [5, 5], .sainteLague, minimum: .max)
        }
    }

    /// Weights with decimals are exact: 120 × 1.1 = 132 against 100 × 1.2 = 120 and 250 × 1.
    @Test func fractionalBasesAreExact() throws {
        let bases = try [Rational(120) * Rational(parsing: "1.1")!, Rational(100) * Rational(parsing: "1.2")!, Rational(250)]
        let result = try Apportionment(seats: 10, bases: bases, tieBreakRanks: [0, 1, 2])
        #expect(result.shares.map(\.quota) == [try Rational(1320, 502), try Rational(1200, 502), try Rational(2500, 502)])
        #expect(result.shares.map(\.seats) == [3, 2, 5])
    }

    // MARK: Published examples

    /// The example shared by the D'Hondt and Sainte-Laguë articles of Wikipedia: 8 seats,
    /// votes 100,000 / 80,000 / 30,000 / 20,000.
    @Test func dHondtAndSainteLagueTextbookExample() throws {
        let votes = [100_000, 80_000, 30_000, 20_000]
        #expect(try Self.seats(8, votes, .dHondt) == [4, 3, 1, 0])
        #expect(try Self.seats(8, votes, .sainteLague) == [3, 3, 1, 1])
        #expect(try Self.seats(8, votes, .largestRemainder) == [3, 3, 1, 1])
    }

    /// Tannenbaum, Excursions in Modern Mathematics: the Republic of Parador, six states,
    /// 250 seats. Hamilton, Jefferson, Webster and Huntington–Hill as published there.
    @Test func parador() throws {
        let population = [1_646_000, 6_936_000, 154_000, 2_091_000, 685_000, 988_000]
        #expect(try Self.seats(250, population, .largestRemainder) == [33, 139, 3, 42, 13, 20])
        #expect(try Self.seats(250, population, .dHondt) == [33, 140, 3, 42, 13, 19])
        #expect(try Self.seats(250, population, .sainteLague) == [33, 138, 3, 42, 14, 20])
        #expect(try Self.seats(250, population, .huntingtonHill) == [33, 138, 3, 42, 14, 20])
    }

    /// The first US census (1790), apportionment populations of the 15 states (CT, DE, GA, KY,
    /// MD, MA, NH, NJ, NY, NC, PA, RI, SC, VT, VA; total 3,615,920).
    static let census1790 = [236_841, 55_540, 70_835, 68_705, 278_514, 475_327, 141_822, 179_570,
                             331_589, 353_523, 432_879, 68_446, 206_236, 85_533, 630_560]

    /// The apportionment of 1792 (Jefferson's method, 105 seats), as enacted.
    @Test func census1790Jefferson() throws {
        #expect(try Self.seats(105, Self.census1790, .dHondt) == [7, 1, 2, 2, 8, 14, 4, 5, 10, 10, 13, 2, 6, 2, 19])
    }

    /// Hamilton's method for 120 seats: the bill of 1792 that Washington vetoed.
    @Test func census1790Hamilton() throws {
        #expect(try Self.seats(120, Self.census1790, .largestRemainder) == [8, 2, 2, 2, 9, 16, 5, 6, 11, 12, 14, 2, 7, 3, 21])
        // At 105 seats Hamilton and Webster move one seat from Virginia to Delaware, and
        // Huntington–Hill also one from Pennsylvania to Vermont.
        #expect(try Self.seats(105, Self.census1790, .largestRemainder) == [7, 2, 2, 2, 8, 14, 4, 5, 10, 10, 13, 2, 6, 2, 18])
        #expect(try Self.seats(105, Self.census1790, .sainteLague) == [7, 2, 2, 2, 8, 14, 4, 5, 10, 10, 13, 2, 6, 2, 18])
        #expect(try Self.seats(105, Self.census1790, .huntingtonHill) == [7, 2, 2, 2, 8, 14, 4, 5, 10, 10, 12, 2, 6, 3, 18])
    }

    // MARK: Paradoxes

    /// The Alabama paradox (a small textbook-style instance): with one seat
    /// more, Hamilton's method takes a seat from party 0. At 200 seats the quotas are 9.40,
    /// 90.30, 100.30 and the one seat left goes to the largest remainder, 0.40; at 201 they are
    /// 9.45, 91.25, 101.30, whose floors already add up to 201. Divisor methods never take a
    /// seat away when the house grows.
    @Test func alabamaParadox() throws {
        let population = [940, 9_030, 10_030]
        #expect(try Self.seats(200, population, .largestRemainder) == [10, 90, 100])
        #expect(try Self.seats(201, population, .largestRemainder) == [9, 91, 101])
        for method in Self.divisorMethods {
            var previous = try Self.seats(3, population, method)
            for house in 4...260 {
                let current = try Self.seats(house, population, method)
                #expect(zip(previous, current).allSatisfy { $0 <= $1 }, "\(method) at \(house)")
                previous = current
            }
        }
    }

    /// The population paradox: party 0 grows by 20 % and party 1 not at all, yet under
    /// Hamilton party 0 loses a seat to party 1 (party 2 grows by 58 %). Under the divisor
    /// methods a party that grows faster than another never loses a seat to it.
    @Test func populationParadox() throws {
        let before = [5, 1, 12], after = [6, 1, 19]
        #expect(try Self.seats(10, before, .largestRemainder) == [3, 0, 7])
        #expect(try Self.seats(10, after, .largestRemainder) == [2, 1, 7])
        for method in Self.divisorMethods {
            let s0 = try Self.seats(10, before, method), s1 = try Self.seats(10, after, method)
            for a in 0..<3 {
                for b in 0..<3 where a != b && after[a] * before[b] >= after[b] * before[a] {
                    #expect(!(s1[a] < s0[a] && s1[b] > s0[b]), "\(method): \(a) loses to \(b)")
                }
            }
        }
        #expect(try Self.seats(10, before, .huntingtonHill) == [3, 1, 6])
        #expect(try Self.seats(10, after, .huntingtonHill) == [2, 1, 7])
    }

    // MARK: Invariants

    /// On pseudo-random instances: every method's seats add up (returned only under
    /// floorMinOneReturnRest), Hamilton and the round-down rules stay within quota, and every
    /// party with a positive basis gets a seat where a minimum of 1 applies.
    @Test func invariantsOnRandomInstances() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<300 {
            let parties = 1 + next(12)
            let bases = (0..<parties).map { _ in next(4) == 0 ? 0 : 1 + next(5_000) }
            let seats = parties + next(200)
            let ranks = Array((0..<parties).reversed())
            for method in ApportionmentMethod.allCases {
                let result = try Apportionment(seats: seats, bases: bases.map { Rational($0) }, method: method, tieBreakRanks: ranks)
                #expect(result.allocated + result.returned == seats)
                #expect(result.allocated == result.shares.reduce(0) { $0 + $1.seats })
                let anyPositive = bases.contains { $0 > 0 }
                #expect(result.returned == 0 || method == .floorMinOneReturnRest || !anyPositive)
                for share in result.shares {
                    if share.basis == .zero { #expect(share.seats == 0) }
                    if method == .largestRemainder || method == .floorLotteryRest {
                        #expect(Rational(share.seats) >= Rational(Int(share.quota.floor)))
                        #expect(Rational(share.seats) < (try share.quota + Rational(1)))
                    }
                    if (method == .huntingtonHill || method == .floorMinOneReturnRest) && share.basis > .zero {
                        #expect(share.seats >= 1)
                    }
                }
            }
        }
    }
}
