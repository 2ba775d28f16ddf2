/// The characters of Chinese numerals as used in addresses (`三组`, `第十二组`, `之一`).
package enum ChineseNumeral {
    /// An ASCII digit or a Chinese numeral character.
    package static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x30 && scalar.value <= 0x39) || digitValue(scalar) != nil || unitValue(scalar) != nil
    }

    package static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "零": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    package static func unitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十": 10
        case "百": 100
        default: nil
        }
    }
}
