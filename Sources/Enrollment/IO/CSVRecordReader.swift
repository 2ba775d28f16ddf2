/// A column of a `CSVTable`, looked up once by name before the rows are read.
package struct CSVColumn: Sendable {
    /// The column's name, for messages.
    package let name: String
    /// Its 0-based position, or nil when the file has no such column.
    package let index: Int?
}

extension CSVTable {
    /// The column called `name` (lower-case), present or not.
    package func column(named name: String) -> CSVColumn {
        CSVColumn(name: name, index: index(of: name))
    }

    /// The `score_<subject>` columns, in file order, each with its subject.
    package func subjectColumns() -> [(column: CSVColumn, subject: String)] {
        header.filter { $0.hasPrefix("score_") }.map { (column(named: $0), String($0.dropFirst("score_".count))) }
    }
}

/// Reads typed values out of one row of a `CSVTable`, collecting a `Diagnostic` for each
/// value that is missing or malformed, named by column.
///
/// Values are trimmed of surrounding spaces, and full-width digits, letters and
/// punctuation (as typed with a Chinese input method: `１２３`, `；`) are folded to ASCII
/// before they are interpreted. Plain ASCII values (the common case) are read straight from
/// the file's bytes, without building a `String` first.
package struct CSVRecordReader {
    package let table: CSVTable
    package private(set) var row: Int
    package private(set) var diagnostics: [Diagnostic] = []
    /// The row's `CSVTable.fieldSpan(ofRow:)`, looked up once.
    private(set) var span: (mark: Int, count: Int)

    package init(table: CSVTable, row: Int) {
        self.table = table
        self.row = row
        span = table.fieldSpan(ofRow: row)
    }

    /// Moves the reader to row `row`, with no diagnostics, as if made anew for it. Threads
    /// that read rows of one table each move one reader along, rather than make one per row:
    /// making one counts a reference to the table, which all the threads would contend for.
    package mutating func move(toRow row: Int) {
        self.row = row
        span = table.fieldSpan(ofRow: row)
        diagnostics = []
    }

    /// The physical line of the row.
    package var line: Int { table.line(ofRow: row) }

    /// Records a problem with `column`. On a row whose fields do not line up with the header
    /// (the reader has reported it) a value may sit under another column's name — a name under
    /// `gender`, an id number under `birth_date` — so instead of quoting it, one problem says the
    /// row is not checked until it lines up.
    package mutating func report(_ column: CSVColumn, _ message: String) {
        guard span.count == table.header.count else {
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(SourceLocation(file: table.file, line: line, column: 0),
                                              "the values of this row are not checked until its fields line up with the header"))
            }
            return
        }
        diagnostics.append(Diagnostic(SourceLocation(file: table.file, line: line, column: (column.index ?? -1) + 1),
                                      "\(column.name): \(message)").redacting(personalValues))
    }

    /// Calls `body` with the field's bytes when they need no folding or trimming, else with nil.
    @inline(__always)
    package func withPlainBytes<R>(_ column: CSVColumn, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        guard let k = column.index else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return table.withFieldBytes(of: span, column: k) { bytes in body(Self.isPlain(bytes) ? bytes : nil) }
    }

    /// Whether a field's bytes are its value as `clean` makes it: nothing to trim (no space,
    /// tab or line end at either end) and nothing to fold (no full-width form, whose UTF-8
    /// starts with EF BC/BD, nor ideographic space, which starts with E3).
    @inline(__always)
    package static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if ASCII.isSpace(first) || ASCII.isSpace(last) { return false }
        for b in bytes where b == 0xEF || b == 0xE3 { return false }
        return true
    }

    /// Whether `column` is absent or its trimmed text empty.
    package func isEmpty(_ column: CSVColumn) -> Bool {
        guard let k = column.index else { return true }
        // A field starting with ASCII other than a space keeps that byte whatever the folding
        // and trimming: it is not empty, and the rest of it need not be looked at.
        let starts = table.withFieldBytes(of: span, column: k) { bytes in bytes.first.map { $0 < 0x80 && !ASCII.isSpace($0) } }
        if starts == true { return false }
        return withPlainBytes(column) { $0?.isEmpty } ?? text(column).isEmpty
    }

    /// The trimmed, width-folded text of `column`, or "" when the column is absent or empty.
    package func text(_ column: CSVColumn) -> String {
        withPlainBytes(column) { bytes in
            if let bytes { return bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self) }
            return CSVRecordReader.clean(table[row, column.index!])
        }
    }

    /// The text of a required column; reports it when empty.
    package mutating func required(_ column: CSVColumn) -> String? {
        let value = text(column)
        if value.isEmpty {
            report(column, "required, but empty")
            return nil
        }
        return value
    }

    /// The text of an optional column, nil when empty.
    package func optional(_ column: CSVColumn) -> String? {
        let value = text(column)
        return value.isEmpty ? nil : value
    }

    /// A `;`-separated list (empty items dropped, each trimmed).
    package func list(_ column: CSVColumn) -> [String] {
        // ASCII (the common case) is split as bytes; other text by characters, as Unicode
        // says (a combining mark after `;` makes it another character).
        let plain: [String]? = withPlainBytes(column) { bytes in
            guard let bytes, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var items: [String] = []
            if !bytes.isEmpty {
                // Room for every item at once (one allocation), as if none were empty.
                var separators = 0
                for b in bytes where b == UInt8(ascii: ";") { separators += 1 }
                items.reserveCapacity(separators + 1)
            }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
                var (lower, upper) = (start, end)
                while lower < upper, ASCII.isSpace(bytes[lower]) { lower += 1 }
                while upper > lower, ASCII.isSpace(bytes[upper - 1]) { upper -= 1 }
                if lower < upper { items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)) }
                start = end + 1
            }
            return items
        }
        if let plain { return plain }
        return text(column).split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// What `read(_:required:accept:)` found in a field.
    package enum FieldValue {
        /// Absent or empty (reported when required).
        case empty
        /// Plain bytes, which `accept` took.
        case accepted
        /// The cleaned text, not empty, for the caller to parse.
        case text(String)
    }

    /// Hands the field's bytes to `accept` when they are plain (`isPlain`) and not empty, else
    /// gives its cleaned text; reports an empty field when `required`.
    ///
    /// Not generic: a module above this one cannot specialize this module's generics, and an
    /// unspecialized generic looks up its types' metadata on every call, here once per field of
    /// every row. The typed values built on it (`parsed`, in the case layer) are generic.
    package mutating func read(_ column: CSVColumn, required: Bool, accept: (UnsafeBufferPointer<UInt8>) -> Bool) -> FieldValue {
        let accepted: Bool = withPlainBytes(column) { bytes in
            guard let bytes, !bytes.isEmpty else { return false }
            return accept(bytes)
        }
        if accepted { return .accepted }
        let value = text(column)
        if value.isEmpty {
            if required { report(column, "required, but empty") }
            return .empty
        }
        return .text(value)
    }

    /// A yes/no value: true/false, yes/no, 1/0, 是/否 (any case); `absent` when empty.
    package mutating func boolean(_ column: CSVColumn, absent: Bool) -> Bool {
        let value = text(column)
        switch value.lowercased() {
        case "": return absent
        case "true", "yes", "y", "1", "是": return true
        case "false", "no", "n", "0", "否": return false
        default:
            report(column, "\(Self.quoted(value)) is not true or false")
            return absent
        }
    }

    /// Reports `value` of `column` when an earlier row had it; remembers it otherwise.
    package mutating func checkUnique(_ column: CSVColumn, _ value: String?, seen: inout [String: Int]) {
        guard let value, let first = Self.earlierLine(of: value, line: line, seen: &seen) else { return }
        reportDuplicate(column, value, firstLine: first)
    }

    /// The line where `value` was first seen, if before; otherwise records `line` for it.
    package static func earlierLine(of value: String, line: Int, seen: inout [String: Int]) -> Int? {
        guard let first = seen.updateValue(line, forKey: value) else { return nil }
        seen[value] = first
        return first
    }

    /// The row's `name` and `id_number` fields, which no message may print.
    package var personalValues: [(column: String, value: String?)] {
        ["name", "id_number"].map { column in (column, table.index(of: column).map { self.table[row, $0].trimmingWhitespace() }) }
    }

    /// A cell's value as a message quotes it: in quotes, cut to 32 characters; but a value
    /// holding a run of 15 or more digits (it may be a resident id number) is only described.
    package static func quoted(_ value: String) -> String {
        var run = 0, longest = 0
        for u in value.utf8 {
            run = (0x30...0x39).contains(u) ? run + 1 : 0
            longest = max(longest, run)
        }
        if longest >= 15 { return "a value holding a \(longest)-digit number" }
        return value.count > 32 ? "'\(value.prefix(32))…' (\(value.count) characters)" : "'\(value)'"
    }

    /// An id someone wrote (a `student_id` in `together_with`, say) as a message quotes it: like
    /// `quoted`, but a value that is not made of ASCII letters, digits, `-` and `_` is not shown,
    /// since a name written where an id belongs is someone's name.
    package static func quotedIdentifier(_ value: String) -> String {
        let plain = value.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        return plain ? quoted(value) : "a value that is not an id (not shown: it may be a name)"
    }

    /// Reports `value` of `column` as a duplicate of the one on `firstLine`.
    package mutating func reportDuplicate(_ column: CSVColumn, _ value: String, firstLine: Int) {
        report(column, "duplicate id '\(value)' (first on line \(firstLine))")
    }

    /// Reports `choices` (read from `column`) when they name a school twice.
    package mutating func checkChoices(_ column: CSVColumn, _ choices: [String]) {
        guard choices.count > 1 else { return }
        // A few choices (the usual case) are compared pairwise rather than hashed.
        let repeated = choices.count <= 8
            ? choices.indices.contains { i in choices[..<i].contains(choices[i]) }
            : Set(choices).count != choices.count
        if repeated { report(column, "a school appears twice in the choices") }
    }


    /// Folds full-width forms to ASCII and trims.
    package static func clean(_ raw: String) -> String {
        var needsFolding = false
        for b in raw.utf8 where b >= 0x80 {
            needsFolding = true
            break
        }
        let folded = needsFolding ? TextNormalization.foldWidth(raw) : raw
        return folded.trimmingWhitespace()
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0–9.
    package var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}

/// Byte tests for the plain (ASCII) fast paths.
package enum ASCII {
    /// Space, tab, CR or LF: the ASCII characters `trimmingWhitespace` removes.
    @inline(__always)
    package static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A
    }
}

/// Numbers read straight from ASCII bytes; nil means "not this simple form" and the caller
/// falls back to the general (slower, exactly equivalent) parse of the text.
package enum ASCIINumber {
    /// `[+-]digits`, at most 15 digits.
    package static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { negative = b[0] == UInt8(ascii: "-"); i = 1 }
        guard i < b.count, b.count - i <= 15 else { return nil }
        var n = 0
        while i < b.count {
            let d = Int(b[i]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            n = n * 10 + d
            i += 1
        }
        return negative ? -n : n
    }

    /// `[+-]digits[.digits]` with at most 15 significant digits: the mantissa and the power of
    /// ten are exact in a Double, so the one division rounds correctly, as `Double(String)` does.
    package static func decimal(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0, negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { negative = b[0] == UInt8(ascii: "-"); i = 1 }
        // power: 10 to the number of digits after the point.
        var mantissa = 0, digits = 0, power = 1
        while i < b.count {
            let d = Int(b[i]) &- 48
            guard d >= 0, d <= 9 else { break }
            guard digits < 15 else { return nil }
            mantissa = mantissa * 10 + d
            digits += 1
            i += 1
        }
        if i < b.count {
            guard b[i] == UInt8(ascii: ".") else { return nil }
            i += 1
            while i < b.count {
                let d = Int(b[i]) &- 48
                guard d >= 0, d <= 9, digits < 15 else { return nil }
                mantissa = mantissa * 10 + d
                digits += 1
                power *= 10
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        let value = Double(mantissa) / Double(power)
        return negative ? -value : value
    }

    /// A score in hundredths: `[+-]digits[.d[d]]`, at most 9 whole digits.
    package static func hundredths(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0, negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") { negative = b[0] == UInt8(ascii: "-"); i = 1 }
        var whole = 0, wholeDigits = 0
        while i < b.count, b[i] != UInt8(ascii: ".") {
            let d = Int(b[i]) &- 48
            guard d >= 0, d <= 9, wholeDigits < 9 else { return nil }
            whole = whole * 10 + d
            wholeDigits += 1
            i += 1
        }
        guard (1...9).contains(wholeDigits) else { return nil }
        var value = whole * 100
        if i < b.count {
            let fractionDigits = b.count - i - 1
            guard (1...2).contains(fractionDigits) else { return nil }
            var f = 0
            for k in (i + 1)..<b.count {
                let d = Int(b[k]) &- 48
                guard d >= 0, d <= 9 else { return nil }
                f = f * 10 + d
            }
            value += fractionDigits == 1 ? f * 10 : f
        }
        return negative ? -value : value
    }
}
