/// The columns a case file must and may have, checked against a table's header.
package struct CSVColumns: Sendable {
    package let required: [String]
    package let optional: [String]
    /// Columns whose name starts with one of these prefixes are known (e.g. `score_`).
    package let prefixes: [String]

    package init(required: [String], optional: [String], prefixes: [String] = []) {
        self.required = required
        self.optional = optional
        self.prefixes = prefixes
    }

    /// One diagnostic per required column missing from the header, at the header line.
    package func missing(in table: CSVTable) -> [Diagnostic] {
        let missing = required.filter { table.column($0) == nil }
        guard !missing.isEmpty else { return [] }
        let shown = Self.shownHeader(table.header)
        return missing.map {
            Diagnostic(SourceLocation(file: table.file, line: max(table.headerLine, 1), column: 0),
                       "missing required column '\($0)' (the header has: \(shown))")
        }
    }

    /// The header as a message lists it. When the header row is missing, the first row of data
    /// is read as the header: so only names that look like column names (ASCII letters, digits,
    /// `_`, `-`, spaces; at most 32 characters and no long number) are listed, the others counted.
    package static func shownHeader(_ header: [String]) -> String {
        let plain = header.filter { name in
            name.utf8.count <= 32 && CSVRecordReader.quoted(name).hasPrefix("'")
                && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || $0 == 0x5F || $0 == 0x2D || $0 == 0x20 }
        }
        let hidden = header.count - plain.count
        return (plain + (hidden == 0 ? [] : ["and \(hidden) other\(hidden == 1 ? "" : "s") not shown (if the first row is data, the header row is missing)"]))
            .joined(separator: ", ")
    }

    /// Header columns this schema does not know: kept and carried through as extras.
    package func extras(in table: CSVTable) -> [String] {
        table.header.filter { name in
            !required.contains(name) && !optional.contains(name) && !prefixes.contains(where: { name.hasPrefix($0) })
        }
    }
}
