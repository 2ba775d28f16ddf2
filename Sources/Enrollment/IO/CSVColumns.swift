/// The columns a case file must and may have, checked against a table's header.
public struct CSVColumns: Sendable {
    public let required: [String]
    public let optional: [String]
    /// Columns whose name starts with one of these prefixes are known (e.g. `score_`).
    public let prefixes: [String]

    public init(required: [String], optional: [String], prefixes: [String] = []) {
        self.required = required
        self.optional = optional
        self.prefixes = prefixes
    }

    /// One diagnostic per required column missing from the header, at the header line.
    public func missing(in table: CSVTable) -> [Diagnostic] {
        required.filter { table.column($0) == nil }.map {
            Diagnostic(SourceLocation(file: table.file, line: max(table.headerLine, 1), column: 0),
                       "missing required column '\($0)' (the header has: \(table.header.joined(separator: ", ")))")
        }
    }

    /// Header columns this schema does not know: kept and carried through as extras.
    public func extras(in table: CSVTable) -> [String] {
        table.header.filter { name in
            !required.contains(name) && !optional.contains(name) && !prefixes.contains(where: { name.hasPrefix($0) })
        }
    }
}
