import EnrollmentIO
import EnrollmentEngines

/// A table as published: a CSV file (`data/<name>.csv`, UTF-8 with a byte-order mark, as Excel
/// opens it), described in the site's `data/tables.json` — where it comes from, which columns
/// hold masked personal data and by which rule (docs/PUBLISHING.md).
///
/// A copied run table shares the run's rows (no copy is made); masked columns are kept beside
/// them, so a city's placements are held once.
struct PublicTable: Sendable, Equatable {
    /// The file name without extension (`junior-placements`).
    var name: String
    /// The run file it is copied from (`junior/placements.csv`), or nil for a table computed here.
    var source: String?
    var columns: [String]
    /// The columns joined from another run file by `student_id` (a placement's `class_no` from
    /// `junior/classes.csv`), in column order; they follow the copied columns.
    var joined: [Joined]
    /// The columns whose values are masked (`Masking`), in column order; they come last.
    var masked: [String]
    /// The rows without the joined and masked columns.
    let base: RunCSV.Rows
    /// Per row the values of the joined, then the masked columns (empty when there are none).
    let appended: [[String]]

    /// A column joined from another run file: its name and the file.
    struct Joined: Sendable, Equatable {
        let column: String
        let source: String
    }

    init(name: String, source: String?, columns: [String], rows: [[String]], joined: [Joined] = [], masked: [String] = []) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "one field per column")
        self.init(name: name, source: source, columns: columns, rows: RunCSV.Rows(storage: .array(rows)))
        self.joined = joined
        self.masked = masked
    }

    /// A run table, with the joined columns `joined` and the masked columns `masked` appended:
    /// `appended[k]` holds row k's values.
    init(name: String, source: String?, columns: [String], rows: RunCSV.Rows, joined: [Joined] = [], masked: [String] = [], appended: [[String]] = []) {
        let extra = joined.count + masked.count
        precondition(appended.count == (extra == 0 ? 0 : rows.count) && appended.allSatisfy { $0.count == extra },
                     "one joined or masked value per row and column")
        self.name = name
        self.source = source
        self.columns = columns + (appended.isEmpty ? [] : joined.map(\.column) + masked)
        self.joined = joined
        self.masked = masked
        base = rows
        self.appended = appended
    }

    /// The rows as published, joined and masked columns last.
    var rows: [[String]] { appended.isEmpty ? base.map(Array.init) : zip(base, appended).map { $0 + $1 } }

    /// The number of rows.
    var count: Int { base.count }

    /// The position of the joined or masked column `name` in each row of `appended`, or nil when
    /// the table has no such column.
    func appendedIndex(_ name: String) -> Int? {
        let first = columns.count - joined.count - masked.count
        guard !appended.isEmpty, let c = column(name), c >= first else { return nil }
        return c - first
    }

    /// The index of column `name`.
    func column(_ name: String) -> Int? { columns.firstIndex(of: name) }

    /// The index of a column of a schema (`QuotaAllocationFile.Column`, …).
    func column<Column: RawRepresentable>(_ column: Column) -> Int? where Column.RawValue == String { self.column(column.rawValue) }

    /// The CSV copy: UTF-8 with a byte-order mark, LF, the rows in the order held (written in
    /// chunks on all cores, each its own slot, joined in order).
    /// - Complexity: O(size of the table).
    var csv: [UInt8] {
        let chunk = 16_384
        let parts = concurrentMap(count: (count + chunk - 1) / chunk) { c in
            var bytes: [UInt8] = []
            for k in (c * chunk)..<min(count, (c + 1) * chunk) {
                // The run's fields copied as they are read, then the joined and masked ones.
                base.appendCSVFields(ofRow: k, to: &bytes)
                var first = base.fieldCount(ofRow: k) == 0
                for field in appended.isEmpty ? [] : appended[k] {
                    if !first { bytes.append(UInt8(ascii: ",")) }
                    CSVWriter.appendField(field, to: &bytes)
                    first = false
                }
                bytes.append(UInt8(ascii: "\n"))
            }
            return bytes
        }
        return parts.reduce(into: CSVWriter(header: columns).bytes) { $0 += $1 }
    }

    /// The rule text recorded for masked columns.
    static let maskingRule = "names: surname kept (compound surnames whole), other characters *; non-Chinese names: first letter and ***; resident id numbers: first 6 and last 4 characters kept; student_id not masked"

    /// The table's description in `data/tables.json`: `{"table", "source", "columns", "joined",
    /// "masked", "masking"}` — where it comes from, its columns, which were joined from which run
    /// file (`[{"column", "source"}]`), which hold masked personal data and by which rule (the
    /// rows are in the CSV file only).
    var description: JSONValue {
        .object([("table", .string(name)), ("source", source.map { .string($0) } ?? .null), ("columns", .array(columns.map { .string($0) })),
                 ("joined", .array(joined.map { .object([("column", .string($0.column)), ("source", .string($0.source))]) })),
                 ("masked", .array(masked.map { .string($0) })), ("masking", masked.isEmpty ? .null : .string(Self.maskingRule))])
    }

    /// `data/tables.json`: the description of every table of a site, in the order published.
    static func index(_ tables: [PublicTable]) -> [UInt8] {
        JSONWriter.render(.object([("tables", .array(tables.map(\.description)))]))
    }
}
