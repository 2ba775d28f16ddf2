/// A house number (门牌号) on a street: a base number and an optional suffix.
///
/// Accepted forms (after ``TextNormalization/normalizedAddress(_:)``, so `１２Ａ` and `12a`
/// are `12A`, and `號` is `号`):
///
/// | written      | base | suffix | printed    |
/// |--------------|------|--------|------------|
/// | `12`, `12号` | 12   | —      | `12号`     |
/// | `12A`, `12A号` | 12 | `A`    | `12A号`    |
/// | `2-1`, `2-1号` | 2  | `-1`   | `2-1号`    |
/// | `12号之一`, `12之1号` | 12 | `之1` | `12号之1` |
/// | `34号附1号`, `34附1` | 34 | `附1` | `34号附1号` |
/// | `12号甲` (甲乙丙丁戊己庚辛壬癸) | 12 | `甲` | `12号甲` |
///
/// Two numbers are equal when base and suffix are equal: `12号之一` == `12之1号`, but
/// `12A` != `12` and `12-1` != `12号之1` (a zone table must list each form it means).
/// The side of the street (``Parity``) of a suffixed number is that of its base.
package struct HouseNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The number before any suffix: 12 in `12A`, `12号之一`, `12-1`.
    package let base: Int
    /// The suffix in canonical form (`A`, `-1`, `之1`, `附1`, `甲`), or "" for a plain number.
    package let suffix: String

    /// A number from its parts; `suffix` must be in canonical form (as ``suffix`` describes)
    /// to compare equal with parsed numbers.
    package init(base: Int, suffix: String = "") {
        self.base = base
        self.suffix = suffix
    }

    /// Parses a whole field or address fragment holding one house number (see the table
    /// above); `nil` if the text is anything else.
    package init?(_ text: String) {
        var scanner = AddressScanner(normalizing: text)
        guard let number = HouseNumber.scan(&scanner), scanner.isAtEnd else { return nil }
        self = number
    }

    /// Whether the number has a suffix (12A, 12号之一, …).
    package var isSuffixed: Bool { !suffix.isEmpty }

    /// The number as a table prints it: `12号`, `12A号`, `2-1号`, `12号之1`, `34号附1号`, `12号甲`.
    package var description: String {
        switch suffix.unicodeScalars.first {
        case nil: "\(base)号"
        case "之", "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸": "\(base)号\(suffix)"
        case "附": "\(base)号\(suffix)号"
        default: "\(base)\(suffix)号"
        }
    }

    /// Ordered by base, then suffix ("" first).
    package static func < (a: HouseNumber, b: HouseNumber) -> Bool {
        (a.base, a.suffix) < (b.base, b.suffix)
    }

    private static let stemSuffixes: Set<Unicode.Scalar> = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]

    /// Reads a house number at the scanner's position; on failure the position is unchanged.
    /// A run of digits followed by `弄`, `巷` or `里` is a lane, not a house number, and is
    /// not read.
    static func scan(_ scanner: inout AddressScanner) -> HouseNumber? {
        let start = scanner.position
        guard let base = scanner.digits() else { return nil }
        if let next = scanner.peek(), next == "弄" || next == "巷" || next == "里" {
            scanner.position = start
            return nil
        }
        var suffix = ""
        if let letter = scanner.peek(), AddressScanner.isUppercaseLetter(letter),
           !(scanner.peek(1).map(AddressScanner.isUppercaseLetter) ?? false) {
            suffix = String(letter)
            scanner.position += 1
        } else if scanner.peek() == "-", let digit = scanner.peek(1), AddressScanner.isDigit(digit) {
            scanner.position += 1
            suffix = "-\(scanner.digits()!)"
        } else if let part = scanTail(&scanner, marker: "之") ?? scanTail(&scanner, marker: "附") {
            suffix = part
        }
        let hasMarker = scanner.skip("号")
        if hasMarker, suffix.isEmpty {
            if let part = scanTail(&scanner, marker: "之") ?? scanTail(&scanner, marker: "附") {
                suffix = part
                if part.hasPrefix("附") { _ = scanner.skip("号") }
            } else if let stem = scanner.peek(), stemSuffixes.contains(stem) {
                suffix = String(stem)
                scanner.position += 1
            }
        }
        if suffix.isEmpty, !hasMarker, let next = scanner.peek(), !endsNumber(next) {
            scanner.position = start
            return nil
        }
        return HouseNumber(base: base, suffix: suffix)
    }

    /// `之` or `附` followed by a number: `之一` → `之1`, `附2` → `附2`.
    private static func scanTail(_ scanner: inout AddressScanner, marker: String) -> String? {
        let start = scanner.position
        guard scanner.skip(marker), let value = scanner.numeral() else {
            scanner.position = start
            return nil
        }
        return "\(marker)\(value)"
    }

    /// Characters that may follow a bare number (no `号`) for it to be a house number:
    /// punctuation and the start of a building or room part, not a unit word (栋, 组, 期).
    private static func endsNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ";", "(", ")", "、", "，", "。": true
        default: false
        }
    }
}
