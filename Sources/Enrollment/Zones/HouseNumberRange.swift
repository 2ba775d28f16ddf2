/// A range of house numbers on one street, with either end open: `1-99号`, `63号以后`
/// (63 and up), `99号以前` (up to 99), or the whole street (both ends open).
///
/// Ends are included, as Chinese legal usage reads 以上/以下/以前/以后 (民法典 art. 1259:
/// “以上、以下、以内、届满，包括本数”): `63号以后` contains 63.
///
/// A suffixed number (12A, 12号之一, 12-1) is inside only when its base is **strictly**
/// inside: with `1-63号`, `62A` is inside but `63A` and `1A` are not; with `63号以后`, `63A`
/// is not. Such a number is then left to a less specific rule or to manual review — a
/// building split off at the end of a published range is exactly what a clerk must decide.
package struct HouseNumberRange: Hashable, Sendable, CustomStringConvertible {
    /// The first number of the range, or `nil` for no lower end.
    package let lower: Int?
    /// The last number of the range, or `nil` for no upper end.
    package let upper: Int?

    /// A range from `lower` to `upper`; requires `lower <= upper` when both are given.
    package init(lower: Int?, upper: Int?) {
        precondition(lower == nil || upper == nil || lower! <= upper!, "range end before its start")
        self.lower = lower
        self.upper = upper
    }

    /// The whole street.
    package static let all = HouseNumberRange(lower: nil, upper: nil)

    /// Whether both ends are open.
    package var isUnbounded: Bool { lower == nil && upper == nil }

    /// Whether `number` lies in the range (see the type's notes for suffixed numbers).
    /// - Complexity: O(1).
    package func contains(_ number: HouseNumber) -> Bool {
        let base = number.base
        if number.isSuffixed {
            return (lower.map { base > $0 } ?? true) && (upper.map { base < $0 } ?? true)
        }
        return (lower.map { base >= $0 } ?? true) && (upper.map { base <= $0 } ?? true)
    }

    /// Whether `number` is a suffixed number whose base is an end of the range: the case the
    /// strict rule leaves out, named in review reasons.
    package func hasAtEnd(_ number: HouseNumber) -> Bool {
        number.isSuffixed && (number.base == lower || number.base == upper)
    }

    /// The range as a table prints it: `1-99号`, `63号及以后`, `99号及以前`, `全路段`.
    package var description: String {
        switch (lower, upper) {
        case (nil, nil): "全路段"
        case let (lower?, nil): "\(lower)号及以后"
        case let (nil, upper?): "\(upper)号及以前"
        case let (lower?, upper?): "\(lower)-\(upper)号"
        }
    }

    /// Parses a range as published: `1-99号`, `1号-99号`, `1至99号`, `1~99`, `63号以后`,
    /// `63号及以后`, `63号以上`, `63号起`, `99号以前`, `99号及以前`, `99号以下`, `99号止`.
    /// Returns `nil` for anything else (also for `99-1`, an end before its start).
    package init?(published text: String) {
        var scanner = AddressScanner(normalizing: text)
        guard let first = Self.scanEnd(&scanner) else { return nil }
        if scanner.skip("-") {
            guard let last = Self.scanEnd(&scanner), scanner.isAtEnd, first <= last else { return nil }
            self.init(lower: first, upper: last)
        } else if scanner.skip(anyOf: ["及以后", "以后", "及以上", "以上", "起"]), scanner.isAtEnd {
            self.init(lower: first, upper: nil)
        } else if scanner.skip(anyOf: ["及以前", "以前", "及以下", "以下", "止"]), scanner.isAtEnd {
            self.init(lower: nil, upper: first)
        } else {
            return nil
        }
    }

    /// Parses one end given in its own field (`from` or `to`): `63`, `63号`, and for
    /// convenience the matching open-ended words (`63号以后` in `from`, `99号以前` in `to`).
    /// `nil` for anything else, including suffixed numbers.
    package static func parseEnd(_ text: String, isLower: Bool) -> Int? {
        var scanner = AddressScanner(normalizing: text)
        guard let value = scanEnd(&scanner) else { return nil }
        let words = isLower ? ["及以后", "以后", "及以上", "以上", "起"] : ["及以前", "以前", "及以下", "以下", "止"]
        _ = scanner.skip(anyOf: words)
        return scanner.isAtEnd ? value : nil
    }

    private static func scanEnd(_ scanner: inout AddressScanner) -> Int? {
        guard let value = scanner.digits() else { return nil }
        _ = scanner.skip("号")
        return value
    }
}
