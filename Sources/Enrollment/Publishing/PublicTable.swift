import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRound

/// A table as published: a CSV copy (`<name>.csv`) and a JSON copy (`<name>.json`) that also
/// describes it — where it comes from, which columns hold masked personal data and by which
/// rule. The JSON copy is the CSV file's sidecar description (docs/PUBLISHING.md).
public struct PublicTable: Sendable, Equatable {
    /// The file name without extension (`junior-placements`).
    public var name: String
    /// The run file it is copied from (`junior/placements.csv`), or nil for a table computed here.
    public var source: String?
    public var columns: [String]
    public var rows: [[String]]
    /// The columns whose values are masked (`Masking`), in column order.
    public var masked: [String]

    public init(name: String, source: String?, columns: [String], rows: [[String]], masked: [String] = []) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "one field per column")
        self.name = name
        self.source = source
        self.columns = columns
        self.rows = rows
        self.masked = masked
    }

    /// The index of column `name`.
    public func column(_ name: String) -> Int? { columns.firstIndex(of: name) }

    /// The CSV copy: UTF-8 with a byte-order mark, LF, the rows in the order held.
    public var csv: [UInt8] {
        var w = CSVWriter(header: columns)
        for row in rows { w.append(row) }
        return w.bytes
    }

    /// The rule text recorded for masked columns.
    public static let maskingRule = "names: surname kept (compound surnames whole), other characters *; non-Chinese names: first letter and ***; resident id numbers: first 6 and last 4 characters kept; student_id not masked"

    /// The JSON copy: `{"table", "source", "columns", "masked", "masking", "rows": [[…], …]}`.
    public var json: [UInt8] {
        var members: [(String, JSONValue)] = [("table", .string(name))]
        members.append(("source", source.map { .string($0) } ?? .null))
        members.append(("columns", .array(columns.map { .string($0) })))
        members.append(("masked", .array(masked.map { .string($0) })))
        members.append(("masking", masked.isEmpty ? .null : .string(Self.maskingRule)))
        members.append(("rows", .array(rows.map { .array($0.map { .string($0) }) })))
        return JSONWriter.render(.object(members))
    }
}
