import EnrollmentIO

/// The rule for the ids a case defines — `student_id`, `school_id`, `zone_id`, `teacher_id`
/// and `twin_group`: 1 to 64 characters, each an ASCII letter or digit, `-`, `_` or `.`.
///
/// An id is hashed into the lottery text (docs/LOTTERY.md) and written into the manifest and
/// the published files; a line feed, a separator (`;`) or a space in one would change what is
/// hashed or split a list, and a name written where an id belongs would be published. So every
/// id is checked where the case defines it, and refused with the file, line and column.
package enum Identifier {
    /// The longest id accepted.
    package static let maximumLength = 64

    /// What the rule allows, for messages and docs.
    package static let rule = "1 to \(maximumLength) characters, each an ASCII letter or digit, '-', '_' or '.'"

    /// Whether `byte` may stand in an id.
    @inline(__always)
    package static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// Why `text` is not an id, or nil when it is one.
    /// - Complexity: O(length).
    package static func problem(_ text: String) -> String? {
        let bytes = text.utf8
        guard !bytes.isEmpty else { return "an id cannot be empty" }
        guard bytes.count <= maximumLength else { return "an id has at most \(maximumLength) characters; this one has \(text.count)" }
        guard let bad = bytes.first(where: { !isAllowed($0) }) else { return nil }
        let what: String
        switch bad {
        case 0x0A, 0x0D: what = "a line break"
        case 0x09, 0x20: what = "a space"
        case UInt8(ascii: ";"): what = "';', which separates the items of a list"
        case 0x00..<0x20, 0x7F: what = "a control character"
        case 0x80...: what = "a character outside ASCII"
        default: what = "'\(Character(Unicode.Scalar(bad)))'"
        }
        return "an id holds only \(rule); this one holds \(what)"
    }
}

extension CSVRecordReader {
    /// The id in the required `column`: reported when empty or not an `Identifier`.
    package mutating func requiredIdentifier(_ column: CSVColumn) -> String? {
        guard let id = required(column) else { return nil }
        return checkedIdentifier(column, id)
    }

    /// The id in the optional `column`, nil when empty; reported when not an `Identifier`.
    package mutating func optionalIdentifier(_ column: CSVColumn) -> String? {
        optional(column).flatMap { checkedIdentifier(column, $0) }
    }

    /// `id`, or nil after reporting it at `column` when it breaks the rule.
    package mutating func checkedIdentifier(_ column: CSVColumn, _ id: String) -> String? {
        guard let problem = Identifier.problem(id) else { return id }
        report(column, problem)
        return nil
    }
}
