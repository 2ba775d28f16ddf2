/// How strongly an applicant is tied to the address that places them in a zone
/// (入学顺位). The policy orders these; the default order is the case order here.
package enum ResidenceTie: String, CaseIterable, Sendable {
    /// 房户一致: household registration and an owned home at the same address.
    case hukouAndProperty = "hukou_and_property"
    /// 户籍: household registration only.
    case hukou
    /// 房产: an owned home only.
    case property
    /// 居住证: a migrant family with a residence permit (随迁子女).
    case residencePermit = "residence_permit"
    /// Anything else.
    case other

    /// Parses the code names above (any case) and 房户一致, 户籍, 房产, 居住证, 其他.
    package init?(parsing text: String) {
        switch text.lowercased() {
        case "hukou_and_property", "房户一致": self = .hukouAndProperty
        case "hukou", "户籍", "户口": self = .hukou
        case "property", "房产": self = .property
        case "residence_permit", "居住证": self = .residencePermit
        case "other", "其他", "其它": self = .other
        default: return nil
        }
    }
}

extension ResidenceTie {
    /// Reads a code name (lower case) from a field's bytes; nil for anything else.
    package init?(bytes b: UnsafeBufferPointer<UInt8>) {
        for (tie, code) in ResidenceTie.codes where code.count == b.count {
            // Byte by byte over the two buffers (a generic `elementsEqual` costs ~50 ns a row).
            let equal = code.withUnsafeBufferPointer { c in
                var k = 0
                while k < c.count, c[k] == b[k] { k += 1 }
                return k == c.count
            }
            if equal {
                self = tie
                return
            }
        }
        return nil
    }

    /// Each case with the UTF-8 bytes of its code name.
    private static let codes: [(ResidenceTie, [UInt8])] = allCases.map { ($0, Array($0.rawValue.utf8)) }
}
