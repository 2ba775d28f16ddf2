/// A place in an input file, printed the way compilers print it: `file:line:column`.
///
/// Lines and columns are 1-based. In a CSV file the column is the field's position in its
/// row (1 = the first column, as a spreadsheet counts them, A = 1); in an .xlsx workbook the
/// line is the sheet's row number and the column is printed as its letters
/// (`primary-applicants.xlsx:12:E`); in a JSON or GeoJSON file it is the character position
/// in the line. A column of 0 means the whole line, and a line of 0 the whole file.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file's name as the user gave it (relative to the case folder where there is one).
    public var file: String
    /// 1-based line number; 0 for the whole file.
    public var line: Int
    /// 1-based column (field number in CSV, character in JSON); 0 for the whole line.
    public var column: Int

    package init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        "\(file):\(line):\(columnName)"
    }

    /// The column as messages name it: its letters in an .xlsx workbook, its number elsewhere.
    package var columnName: String {
        column > 0 && file.hasSuffix(".xlsx") ? SpreadsheetColumn.letters(column) : String(column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One problem found in an input, with where it is. `validate` collects every diagnostic
/// of a case and prints them sorted by file, line and column.
///
/// Messages never contain a name or an id number: they name the column and, where a
/// person is concerned, the `student_id`.
public struct Diagnostic: Error, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    package init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String {
        "\(location): \(message)"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.message) < (b.location, b.message)
    }

    /// This diagnostic with every occurrence of each of `personal` (a row's name and id number)
    /// in its message replaced by `(the <column> of this row)`, so that a value written under the
    /// wrong column is never printed. Values shorter than 2 characters are left alone (a one-
    /// character name would blank out unrelated text).
    package func redacting(_ personal: [(column: String, value: String?)]) -> Diagnostic {
        var message = self.message
        for (column, value) in personal {
            guard let value, value.count >= 2, message.contains(value) else { continue }
            message = message.replacingOccurrences(of: value, with: "(the \(column) of this row)")
        }
        return Diagnostic(location, message)
    }
}

/// Several diagnostics at once: thrown where reading stops at the first file that has
/// problems but every problem of that file is worth reporting.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public var items: [Diagnostic]

    package init(_ items: [Diagnostic]) {
        self.items = items.sorted()
    }

    public var description: String {
        items.map(\.description).joined(separator: "\n")
    }
}
