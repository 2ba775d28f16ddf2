/// An applicant's gender as recorded in the student registration (学籍).
package enum Gender: String, Sendable, CaseIterable {
    case male = "M"
    case female = "F"

    /// Parses M/F, male/female (any case) and 男/女.
    package init?(parsing text: String) {
        switch text.lowercased() {
        case "m", "male", "男": self = .male
        case "f", "female", "女": self = .female
        default: return nil
        }
    }
}

extension Gender {
    /// Reads `M`, `F`, `m`, `f`, 男 or 女 from a field's bytes; nil for anything else.
    package init?(bytes b: UnsafeBufferPointer<UInt8>) {
        switch (b.count, b.first) {
        case (1, UInt8(ascii: "M")?), (1, UInt8(ascii: "m")?): self = .male
        case (1, UInt8(ascii: "F")?), (1, UInt8(ascii: "f")?): self = .female
        case (3, 0xE7?) where b[1] == 0x94 && b[2] == 0xB7: self = .male
        case (3, 0xE5?) where b[1] == 0xA5 && b[2] == 0xB3: self = .female
        default: return nil
        }
    }
}
