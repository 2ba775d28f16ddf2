/// Reads typed values out of one row of a `CSVTable`, collecting a `Diagnostic` for each
/// value that is missing or malformed, named by column.
///
/// Values are trimmed of surrounding spaces, and full-width digits, letters and
/// punctuation (as typed with a Chinese input method: `１２３`, `；`) are folded to ASCII
/// before they are interpreted.
public struct CSVRecordReader {
    public let table: CSVTable
    public let row: Int
    public private(set) var diagnostics: [Diagnostic] = []

    public init(table: CSVTable, row: Int) {
        self.table = table
        self.row = row
    }

    /// The physical line of the row.
    public var line: Int { table.line(ofRow: row) }

    /// Records a problem with column `name`.
    public mutating func report(_ name: String, _ message: String) {
        let column = table.column(name) ?? 0
        diagnostics.append(Diagnostic(SourceLocation(file: table.file, line: line, column: column), "\(name): \(message)"))
    }

    /// The trimmed, width-folded text of column `name`, or "" when the column is absent or empty.
    public func text(_ name: String) -> String {
        guard let k = table.index(of: name) else { return "" }
        return CSVRecordReader.clean(table[row, k])
    }

    /// The text of a required column; reports it when empty.
    public mutating func required(_ name: String) -> String? {
        let value = text(name)
        if value.isEmpty {
            report(name, "required, but empty")
            return nil
        }
        return value
    }

    /// The text of an optional column, nil when empty.
    public func optional(_ name: String) -> String? {
        let value = text(name)
        return value.isEmpty ? nil : value
    }

    /// A `;`-separated list (empty items dropped, each trimmed).
    public func list(_ name: String) -> [String] {
        text(name).split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// A value parsed by `parse`; reports `expected` when the text does not parse.
    public mutating func parsed<T>(_ name: String, required: Bool, expected: String, _ parse: (String) -> T?) -> T? {
        let value = text(name)
        if value.isEmpty {
            if required { report(name, "required, but empty") }
            return nil
        }
        guard let result = parse(value) else {
            report(name, "'\(value)' is not \(expected)")
            return nil
        }
        return result
    }

    /// A whole number in `range`.
    public mutating func integer(_ name: String, required: Bool, in range: ClosedRange<Int>) -> Int? {
        guard let n = parsed(name, required: required, expected: "a whole number", { Int($0) }) else { return nil }
        guard range.contains(n) else {
            report(name, "\(n) is out of range: it must be from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return n
    }

    /// A decimal number in `range` (no NaN, no infinity).
    public mutating func decimal(_ name: String, required: Bool, in range: ClosedRange<Double>) -> Double? {
        guard let x = parsed(name, required: required, expected: "a number", { text -> Double? in
            guard text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) else { return nil }
            return Double(text)
        }) else { return nil }
        guard range.contains(x) else {
            func plain(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
            report(name, "\(text(name)) is out of range: it must be from \(plain(range.lowerBound)) to \(plain(range.upperBound))")
            return nil
        }
        return x
    }

    /// A yes/no value: true/false, yes/no, 1/0, 是/否 (any case); `absent` when empty.
    public mutating func boolean(_ name: String, absent: Bool) -> Bool {
        let value = text(name)
        switch value.lowercased() {
        case "": return absent
        case "true", "yes", "y", "1", "是": return true
        case "false", "no", "n", "0", "否": return false
        default:
            report(name, "'\(value)' is not true or false")
            return absent
        }
    }

    /// Reports `value` of column `name` when an earlier row had it; remembers it otherwise.
    public mutating func checkUnique(_ name: String, _ value: String?, seen: inout [String: Int]) {
        guard let value else { return }
        if let first = seen[value] {
            report(name, "duplicate id '\(value)' (first on line \(first))")
        } else {
            seen[value] = line
        }
    }

    /// The scores of the `score_<subject>` columns given, skipping empty ones.
    public mutating func subjectScores(_ columns: [String]) -> [SubjectScore] {
        columns.compactMap { column in
            parsed(column, required: false, expected: Score.expected, Score.init(parsing:)).map {
                SubjectScore(subject: String(column.dropFirst("score_".count)), score: $0)
            }
        }
    }

    /// Folds full-width forms to ASCII and trims.
    static func clean(_ raw: String) -> String {
        var needsFolding = false
        for b in raw.utf8 where b >= 0x80 {
            needsFolding = true
            break
        }
        let folded = needsFolding ? TextNormalization.foldWidth(raw) : raw
        return folded.trimmingWhitespace()
    }
}
