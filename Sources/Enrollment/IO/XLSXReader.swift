import Foundation

/// Reads the first sheet of an .xlsx workbook (Office Open XML, ECMA-376) into the same
/// `CSVTable` a CSV file with the same rows gives: the header is the first row holding any
/// value, rows without a value are skipped, and each row keeps its sheet row number as its
/// line, so that messages say `file.xlsx:12:E`.
///
/// How cells become text, as Excel shows them:
/// - shared strings and inline strings as written (rich-text runs joined, phonetic guides
///   left out, `_xHHHH_` escapes decoded);
/// - numbers with at most 15 significant digits (Excel's precision), without exponent for
///   whole numbers under 10^15; booleans as `TRUE` and `FALSE`;
/// - numbers in a date format as `YYYY-MM-DD` (with ` HH:MM:SS` when they hold a time) in the
///   workbook's date system (`ExcelDate`);
/// - a formula as its saved value.
///
/// What is refused, each at its cell: a number in a column that must hold text (`ColumnRules.text`:
/// an id stored as a number has lost digits or a leading zero), a formula without a saved
/// value, an error value (`#N/A`), a shared-string index out of range, a value right of the
/// header's last column, merged cells from the header row down, and a sheet that reaches
/// Excel's last row (1,048,576: a longer list was cut off). A number in a date column without
/// a date format is read as a date and said once, in `notes`. Whatever stops the workbook from
/// being read at all (not a ZIP archive, a damaged part, a ZIP bomb, malformed XML) is one
/// problem at `file:0:0` naming the part.
package enum XLSXReader {
    /// Which columns (by header name, lower-cased) hold text that a number would spoil, and which hold dates.
    package struct ColumnRules: Sendable {
        package var text: Set<String>
        package var dates: Set<String>

        package init(text: Set<String> = [], dates: Set<String> = []) {
            self.text = text
            self.dates = dates
        }
    }

    /// What reading gives: the table (nil when the workbook could not be read, or its sheet
    /// has no row), every problem, and what was read but is worth saying.
    package struct Result: Sendable {
        package var table: CSVTable?
        package var diagnostics: [Diagnostic]
        package var notes: [Diagnostic]
    }

    /// Excel's last row.
    package static let lastRow = 1_048_576

    /// Reads the first sheet of the workbook `bytes`, named `file` in messages.
    /// - Complexity: O(size of the parts read), in one pass over each.
    package static func read(_ bytes: [UInt8], file: String, columns: ColumnRules = ColumnRules(), limits: ZipLimits = .workbook) -> Result {
        do throws(PartError) {
            let workbook = try Parts(bytes, limits: limits)
            var sheet = SheetReader(file: file, columns: columns, strings: workbook.strings, dateStyles: workbook.dateStyles,
                                    system: workbook.system)
            do {
                try XMLScanner.scan(workbook.sheet, into: &sheet)
            } catch {
                throw PartError(part: workbook.sheetPart, problem: "\(error)")
            }
            return sheet.finish()
        } catch {
            return Result(table: nil, diagnostics: [Diagnostic(SourceLocation(file: file), error.description)], notes: [])
        }
    }

    /// A problem that stops the workbook from being read, and the part where it is.
    struct PartError: Error, CustomStringConvertible {
        var part: String
        var problem: String

        var description: String {
            "\(part): \(problem); the workbook cannot be read: save it again in Excel (or as CSV)"
        }
    }

    /// The parts of a workbook the first sheet needs, read and checked.
    struct Parts {
        var sheet: [UInt8]
        var sheetPart: String
        var strings: SharedStrings
        var dateStyles: [Bool]
        var system: ExcelDate.System

        init(_ bytes: [UInt8], limits: ZipLimits) throws(PartError) {
            let zip: ZipArchive
            do { zip = try ZipArchive(bytes, limits: limits) } catch { throw PartError(part: "the archive", problem: "\(error)") }
            func entry(_ name: String) -> ZipArchive.Entry? {
                zip.entries.first { $0.name == name } ?? zip.entries.first { $0.name.lowercased() == name.lowercased() }
            }
            func part<Handler: XMLHandler>(_ name: String, _ handler: inout Handler) throws(PartError) {
                guard let found = entry(name) else { throw PartError(part: name, problem: "the part is missing: this is not an .xlsx workbook") }
                do {
                    try XMLScanner.scan(try zip.contents(of: found.name), into: &handler)
                } catch {
                    throw PartError(part: name, problem: "\(error)")
                }
            }
            var workbook = WorkbookPart()
            try part("xl/workbook.xml", &workbook)
            guard let first = workbook.firstSheet else { throw PartError(part: "xl/workbook.xml", problem: "the workbook names no sheet") }
            var relationships = RelationshipsPart()
            try part("xl/_rels/workbook.xml.rels", &relationships)
            guard let target = relationships.targets[first.relationship] else {
                throw PartError(part: "xl/_rels/workbook.xml.rels", problem: "the first sheet (\(first.name)) has no part")
            }
            sheetPart = target
            let stringsPart = relationships.sharedStrings.flatMap(entry)
            let stylesPart = relationships.styles.flatMap(entry)
            guard let sheetEntry = entry(target) else { throw PartError(part: target, problem: "the part of the first sheet is missing") }
            do {
                try limits.checkTotal([sheetEntry] + [stringsPart, stylesPart].compactMap { $0 })
                sheet = try zip.contents(of: sheetEntry.name)
            } catch {
                throw PartError(part: target, problem: "\(error)")
            }
            var strings = SharedStringsPart()
            if let stringsPart { try part(stringsPart.name, &strings) }
            self.strings = strings.strings
            var styles = StylesPart()
            if let stylesPart { try part(stylesPart.name, &styles) }
            dateStyles = styles.dateStyles
            system = workbook.date1904 ? .from1904 : .from1900
        }
    }
}

/// The text of a workbook's shared strings, one after another, with where each ends.
struct SharedStrings: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int] = []

    var count: Int { ends.count }

    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }
}

/// Helpers the part readers share.
enum XLSXText {
    /// `bytes` with the `_xHHHH_` escapes of ST_Xstring decoded (Excel writes a carriage return
    /// in a cell as `_x000D_`), appended to `output`.
    static func appendDecoded(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var k = 0
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: "_"), k + 6 < bytes.count, bytes[k + 1] == UInt8(ascii: "x"), bytes[k + 6] == UInt8(ascii: "_"),
               let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[(k + 2)..<(k + 6)]), as: UTF8.self), radix: 16),
               let scalar = Unicode.Scalar(value) {
                output.append(contentsOf: String(Character(scalar)).utf8)
                k += 7
            } else {
                output.append(bytes[k])
                k += 1
            }
        }
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>?) -> String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }
}

/// `xl/workbook.xml`: the sheets in order, and the date system.
struct WorkbookPart: XMLHandler {
    var firstSheet: (name: String, relationship: String)?
    var date1904 = false

    mutating func start(_ tag: XMLStartTag) throws(XMLError) {
        if tag.is("sheet"), firstSheet == nil, let id = tag.attribute("id") {
            firstSheet = (tag.attribute("name") ?? "", id)
        } else if tag.is("workbookPr"), let value = tag.attribute("date1904") {
            date1904 = value == "1" || value == "true"
        }
    }

    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws(XMLError) {}
    mutating func text(_ text: UnsafeBufferPointer<UInt8>) throws(XMLError) {}
}

/// `xl/_rels/workbook.xml.rels`: where each part of the workbook is.
struct RelationshipsPart: XMLHandler {
    var targets: [String: String] = [:]
    var sharedStrings: String?
    var styles: String?

    mutating func start(_ tag: XMLStartTag) throws(XMLError) {
        guard tag.is("Relationship"), let id = tag.attribute("Id"), let target = tag.attribute("Target") else { return }
        // Targets are relative to xl/, or absolute from the archive's root.
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        targets[id] = path
        let type = tag.attribute("Type") ?? ""
        if type.hasSuffix("/sharedStrings") { sharedStrings = path }
        if type.hasSuffix("/styles") { styles = path }
    }

    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws(XMLError) {}
    mutating func text(_ text: UnsafeBufferPointer<UInt8>) throws(XMLError) {}
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, its runs joined, its phonetic guides (`<rPh>`) left out.
struct SharedStringsPart: XMLHandler {
    var strings = SharedStrings()
    var inText = false
    var phonetic = 0

    mutating func start(_ tag: XMLStartTag) throws(XMLError) {
        if tag.is("t") { inText = phonetic == 0 } else if tag.is("rPh") { phonetic += 1 }
    }

    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws(XMLError) {
        if XMLStartTag.equal(name, "si") {
            strings.ends.append(strings.bytes.count)
        } else if XMLStartTag.equal(name, "t") {
            inText = false
        } else if XMLStartTag.equal(name, "rPh") {
            phonetic -= 1
        }
    }

    mutating func text(_ text: UnsafeBufferPointer<UInt8>) throws(XMLError) {
        guard inText else { return }
        XLSXText.appendDecoded(text, to: &strings.bytes)
    }
}

/// `xl/styles.xml`: for each cell format (`<cellXfs>`), whether its number format shows a date.
struct StylesPart: XMLHandler {
    var dateStyles: [Bool] = []
    var customDates: Set<Int> = []
    var inCellFormats = false

    /// Excel's built-in number formats that show dates or times (ECMA-376 §18.8.30, with the
    /// East Asian ones 27–36 and 50–58 of the Chinese, Japanese and Korean editions).
    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    mutating func start(_ tag: XMLStartTag) throws(XMLError) {
        if tag.is("numFmt"), let id = tag.attribute("numFmtId").flatMap({ Int($0) }), let code = tag.attribute("formatCode"),
           Self.showsDate(code) {
            customDates.insert(id)
        } else if tag.is("cellXfs") {
            inCellFormats = true
        } else if tag.is("xf"), inCellFormats {
            let id = tag.attribute("numFmtId").flatMap { Int($0) } ?? 0
            dateStyles.append(Self.builtInDates.contains(id) || customDates.contains(id))
        }
    }

    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws(XMLError) {
        if XMLStartTag.equal(name, "cellXfs") { inCellFormats = false }
    }

    mutating func text(_ text: UnsafeBufferPointer<UInt8>) throws(XMLError) {}

    /// Whether a format code shows a date or time: a y, m, d, h or s outside quoted text,
    /// escapes (`\x`) and bracketed sections (`[Red]`, `[$-804]`), except elapsed-time brackets
    /// (`[h]`).
    static func showsDate(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        var section = ""
        for c in code.lowercased() {
            if escaped {
                escaped = false
            } else if quoted {
                if c == "\"" { quoted = false }
            } else if bracket {
                if c == "]" {
                    bracket = false
                    if ["h", "hh", "m", "mm", "s", "ss"].contains(section) { return true }
                } else {
                    section.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "\\" {
                escaped = true
            } else if c == "[" {
                bracket = true
                section = ""
            } else if "ymdhs".contains(c) {
                return true
            }
        }
        return false
    }
}
