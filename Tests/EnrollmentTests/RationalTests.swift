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

@Suite struct RationalTests {
    @Test func reducesAndKeepsTheSignOnTheNumerator() throws {
        let r = try Rational(6, -4)
        #expect(r.numerator == -3 && r.denominator == 2)
        #expect(try Rational(0, -7) == Rational(0))
        #expect(try Rational(10, 5).description == "2")
        #expect(try Rational(-10, 4).description == "-5/2")
        #expect(throws: RationalError.zeroDenominator) { try Rational(1, 0) }
        #expect(throws: RationalError.overflow) { try Rational(.min, 1) }
    }

    @Test func parsesIntegersDecimalsAndFractions() throws {
        #expect(Rational(parsing: "42") == Rational(42))
        #expect(Rational(parsing: "1.25") == (try Rational(5, 4)))
        #expect(Rational(parsing: "-0.5") == (try Rational(-1, 2)))
        #expect(Rational(parsing: "0.000") == Rational(0))
        #expect(Rational(parsing: "7/3") == (try Rational(7, 3)))
        #expect(Rational(parsing: "7/-3") == (try Rational(-7, 3)))
        for bad in ["", "-", "1.", ".5", "1e3", " 1", "1 ", "1/0", "1/", "/2", "1.2.3", "１", "1,5", "--1",
                    "1234567890123456789012345678901"] {
            #expect(Rational(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func floorRoundsTowardsMinusInfinity() throws {
        #expect(try Rational(7, 2).floor == 3)
        #expect(try Rational(-7, 2).floor == -4)
        #expect(try Rational(-6, 2).floor == -3)
    }

    @Test func arithmetic() throws {
        let a = try Rational(1, 6), b = try Rational(3, 10)
        #expect(try a + b == Rational(7, 15))
        #expect(try a - b == Rational(-2, 15))
        #expect(try a * b == Rational(1, 20))
        #expect(try a / b == Rational(5, 9))
        #expect(try a / Rational(-1, 3) == Rational(-1, 2))
        #expect(throws: RationalError.zeroDenominator) { try a / .zero }
    }

    @Test func overflowThrowsInsteadOfTrapping() throws {
        let big = Rational(Int(Int64.max))
        let huge = try big * big  // ≈ 8.5·10³⁷, still fits
        #expect(try huge * Rational(2) == Rational(Int128(Int64.max) * Int128(Int64.max) * 2, 1))
        #expect(throws: RationalError.overflow) { try huge * Rational(3) }
        #expect(throws: RationalError.overflow) { try Rational(Int128.max, 1) + Rational(1) }
        #expect(throws: RationalError.overflow) { try Rational(1, Int128.max) - Rational(1, Int128.max - 1) }
    }

    /// Comparison multiplies at double width, so it is right even where the cross products
    /// exceed 128 bits.
    @Test func comparesNearTheBoundsWithoutOverflow() throws {
        let p = Int128(1) << 125
        let a = try Rational(p, p - 1)  // 1 + 1/(2¹²⁵ − 1)
        let b = try Rational(p + 1, p)  // 1 + 1/2¹²⁵
        #expect(b < a)
        #expect(!(a < b))
        #expect(try Rational(-p, p - 1) < Rational(-p - 1, p))
        #expect([Rational(3), try Rational(-1, 2), .zero, try Rational(5, 2)].sorted()
            == [try Rational(-1, 2), .zero, try Rational(5, 2), Rational(3)])
    }
}
