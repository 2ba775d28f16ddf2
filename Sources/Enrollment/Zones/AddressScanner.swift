import EnrollmentIO

/// A cursor over the Unicode scalars of a normalised address (see
/// ``TextNormalization/normalizedAddress(_:)``), with the small readers the address and
/// zone-rule parsers share: ASCII digits, Chinese numerals, fixed words.
struct AddressScanner {
    let scalars: [Unicode.Scalar]
    var position: Int

    init(_ scalars: [Unicode.Scalar], at position: Int = 0) {
        self.scalars = scalars
        self.position = position
    }

    init(normalizing text: String) {
        self.init(TextNormalization.normalizedAddressScalars(text))
    }

    var isAtEnd: Bool { position >= scalars.count }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = position + offset
        return i < scalars.count ? scalars[i] : nil
    }

    /// Consumes `word` if the input continues with it.
    mutating func skip(_ word: String) -> Bool {
        var i = position
        for scalar in word.unicodeScalars {
            guard i < scalars.count, scalars[i] == scalar else { return false }
            i += 1
        }
        position = i
        return true
    }

    /// Consumes the first of `words` the input continues with.
    mutating func skip(anyOf words: [String]) -> Bool {
        words.contains { skip($0) }
    }

    /// Reads a run of ASCII digits (at most 9, so the value fits any `Int`).
    mutating func digits() -> Int? {
        var value = 0
        var count = 0
        while let scalar = peek(), Self.isDigit(scalar), count < 9 {
            value = value * 10 + Int(scalar.value - 0x30)
            count += 1
            position += 1
        }
        return count > 0 ? value : nil
    }

    /// Reads a number written in ASCII digits or in Chinese numerals (`三`, `十二`, `二十三`,
    /// `一百零五`, `两`).
    mutating func numeral() -> Int? {
        if let value = digits() { return value }
        var total = 0
        var current = 0
        var count = 0
        while let scalar = peek() {
            if let digit = ChineseNumeral.digitValue(scalar) {
                current = digit
            } else if let unit = ChineseNumeral.unitValue(scalar) {
                total += (current == 0 ? 1 : current) * unit
                current = 0
            } else {
                break
            }
            count += 1
            position += 1
        }
        return count > 0 ? total + current : nil
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    static func isUppercaseLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x41 && scalar.value <= 0x5A
    }

}
