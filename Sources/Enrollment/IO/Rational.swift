/// An exact fraction of two 128-bit integers, always in lowest terms with a positive
/// denominator, so that equal values have equal representations.
///
/// Apportionment compares shares that differ in the last digit a computer would keep in
/// floating point; a seat must never depend on rounding, so quotas are `Rational`.
///
/// **Bounds**: numerator and denominator are `Int128` (about ±1.7·10³⁸). Comparison never
/// overflows (it multiplies at double width). Arithmetic checks every step and throws
/// `RationalError.overflow` rather than trapping, since operands can come from user files.
/// Values built from a county's data (counts of graduates below 10⁷, weights with a few
/// decimals) stay more than 20 orders of magnitude inside the bounds.
public struct Rational: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The numerator, carrying the sign.
    public let numerator: Int128
    /// The denominator, always positive.
    public let denominator: Int128

    /// `numerator / denominator` in lowest terms.
    /// - Throws: `.zeroDenominator`, or `.overflow` if a part is `Int128.min`.
    public init(_ numerator: Int128, _ denominator: Int128) throws(RationalError) {
        guard denominator != 0 else { throw .zeroDenominator }
        guard numerator != .min, denominator != .min else { throw .overflow }
        let g = Rational.gcd(numerator, denominator)
        let sign: Int128 = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / g
        self.denominator = sign * denominator / g
    }

    /// The integer `value`.
    public init(_ value: Int) {
        numerator = Int128(value)
        denominator = 1
    }

    /// Reads a non-negative or negative number written as an integer (`"42"`), a decimal
    /// (`"1.25"`, `"-0.5"`) or a fraction (`"7/3"`), exactly. At most 30 digits on each side.
    /// Returns nil for anything else (no exponents, no spaces, no grouping).
    package init?(parsing text: Substring) {
        if let slash = text.firstIndex(of: "/") {
            guard let n = Rational.integer(text[..<slash]),
                  let d = Rational.integer(text[text.index(after: slash)...]),
                  let value = try? Rational(n, d)
            else { return nil }
            self = value
            return
        }
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : text
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !parts[0].isEmpty, fraction.count <= 30, parts.count == 1 || !fraction.isEmpty,
              let whole = Rational.integer(parts[0], signed: false),
              let digits = fraction.isEmpty ? 0 : Rational.integer(fraction, signed: false)
        else { return nil }
        var scale: Int128 = 1
        for _ in 0..<fraction.count { scale *= 10 }
        guard let value = try? Rational(whole, 1) + Rational(digits, scale) else { return nil }
        self = negative ? value.negated : value
    }

    /// The same value read from a `String`; see `init?(parsing: Substring)`.
    package init?(parsing text: String) {
        self.init(parsing: text[...])
    }

    package static let zero = Rational(0)

    /// `-self`; never overflows, as parts are never `Int128.min`.
    package var negated: Rational {
        Rational(reduced: -numerator, denominator)
    }

    /// The greatest integer not above the value.
    package var floor: Int128 {
        let q = numerator / denominator
        return numerator < 0 && q * denominator != numerator ? q - 1 : q
    }

    /// "7/3", or "7" for an integer.
    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        let left = a.numerator.multipliedFullWidth(by: b.denominator)
        let right = b.numerator.multipliedFullWidth(by: a.denominator)
        return (left.high, left.low) < (right.high, right.low)
    }

    package static func + (a: Rational, b: Rational) throws(RationalError) -> Rational {
        let g = gcd(a.denominator, b.denominator)
        let bd = b.denominator / g
        let n = try checkedAdd(checkedMultiply(a.numerator, bd), checkedMultiply(b.numerator, a.denominator / g))
        return try Rational(n, checkedMultiply(a.denominator, bd))
    }

    package static func - (a: Rational, b: Rational) throws(RationalError) -> Rational {
        try a + b.negated
    }

    package static func * (a: Rational, b: Rational) throws(RationalError) -> Rational {
        let g1 = gcd(a.numerator, b.denominator)
        let g2 = gcd(b.numerator, a.denominator)
        return try Rational(
            checkedMultiply(a.numerator / g1, b.numerator / g2),
            checkedMultiply(a.denominator / g2, b.denominator / g1))
    }

    /// - Throws: `.zeroDenominator` when `b` is zero, `.overflow` past the bounds.
    package static func / (a: Rational, b: Rational) throws(RationalError) -> Rational {
        guard b.numerator != 0 else { throw .zeroDenominator }
        return try a * Rational(reduced: b.denominator, b.numerator).normalizedSign
    }

    // MARK: - Helpers

    /// For parts already coprime (the sign may still be on the denominator).
    private init(reduced numerator: Int128, _ denominator: Int128) {
        self.numerator = numerator
        self.denominator = denominator
    }

    private var normalizedSign: Rational {
        denominator < 0 ? Rational(reduced: -numerator, -denominator) : self
    }

    /// Greatest common divisor of the magnitudes; gcd(0, 0) = 1 so that division is safe.
    package static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var x = a.magnitude, y = b.magnitude
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int128(x)
    }

    private static func checkedMultiply(_ a: Int128, _ b: Int128) throws(RationalError) -> Int128 {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow, value != .min else { throw .overflow }
        return value
    }

    private static func checkedAdd(_ a: Int128, _ b: Int128) throws(RationalError) -> Int128 {
        let (value, overflow) = a.addingReportingOverflow(b)
        guard !overflow, value != .min else { throw .overflow }
        return value
    }

    /// An optionally signed run of 1...30 ASCII digits.
    private static func integer(_ text: Substring, signed: Bool = true) -> Int128? {
        let digits = signed && text.hasPrefix("-") ? text.dropFirst() : text
        guard !digits.isEmpty, digits.count <= 30, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var value: Int128 = 0
        for d in digits.utf8 { value = value * 10 + Int128(d - 0x30) }
        return digits.startIndex == text.startIndex ? value : -value
    }
}

/// Why exact arithmetic could not give a result.
public enum RationalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A division by zero or a fraction with denominator 0.
    case zeroDenominator
    /// A numerator or denominator would not fit in 128 bits.
    case overflow

    public var description: String {
        switch self {
        case .zeroDenominator: "division by zero"
        case .overflow: "a number is too large for exact arithmetic (more than 38 digits)"
        }
    }
}
