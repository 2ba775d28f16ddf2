import Foundation

/// Reads a worksheet part (`xl/worksheets/sheetN.xml`) into a `CSVTable`, row by row, as
/// `XLSXReader` describes: the cells' text laid out as a CSV table's fields would be (a
/// separator before each field, a quoted form for a value starting with `"`), each row with
/// its sheet row number as its line.
struct SheetReader: XMLHandler {
    let file: String
    let columns: XLSXReader.ColumnRules
    let strings: SharedStrings
    let dateStyles: [Bool]
    let system: ExcelDate.System

    init(file: String, columns: XLSXReader.ColumnRules, strings: SharedStrings, dateStyles: [Bool], system: ExcelDate.System) {
        self.file = file
        self.columns = columns
        self.strings = strings
        self.dateStyles = dateStyles
        self.system = system
    }

    // The table as it grows (see `CSVTable.Storage`).
    var bytes: [UInt8] = []
    var ends: [UInt32] = []
    var marks: [UInt32] = []
    var lines: [UInt32] = []
    var header: [String]?
    var headerLine = 0
    /// Per header column: whether it must hold text, whether it holds dates.
    var textColumns: [Bool] = []
    var dateColumns: [Bool] = []
    var notedDateColumns: Set<Int> = []

    var diagnostics: [Diagnostic] = []
    var notes: [Diagnostic] = []
    var merged: [(top: Int, left: Int, bottom: Int, right: Int)] = []
    /// Set once the sheet reaches Excel's last row: nothing more is read.
    var stopped = false

    // The row being read.
    var inSheetData = false
    var row = 0
    var lastRow = 0
    var rowBytes: [UInt8] = []
    var rowCells: [(column: Int, range: Range<Int>)] = []

    // The cell being read.
    enum CellType { case number, sharedString, inlineString, formulaString, boolean, error, isoDate }
    var inCell = false
    var cellColumn = 0
    var cellType = CellType.number
    var cellStyle = 0
    var hasFormula = false
    var inValue = false
    var inInlineText = false
    var phonetic = 0
    var value: [UInt8] = []
    var inlineText: [UInt8] = []

    func location(_ row: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: row, column: column)
    }

    mutating func start(_ tag: XMLStartTag) throws(XMLError) {
        guard !stopped else { return }
        if tag.is("c"), inSheetData {
            try startCell(tag)
        } else if tag.is("v"), inCell {
            inValue = true
            value.removeAll(keepingCapacity: true)
        } else if tag.is("f"), inCell {
            hasFormula = true
        } else if tag.is("t"), inCell {
            inInlineText = phonetic == 0
        } else if tag.is("rPh"), inCell {
            phonetic += 1
        } else if tag.is("row"), inSheetData {
            try startRow(tag)
        } else if tag.is("sheetData") {
            inSheetData = true
        } else if tag.is("mergeCell"), let reference = tag.attribute("ref") {
            try mergedCells(reference)
        }
    }

    mutating func startRow(_ tag: XMLStartTag) throws(XMLError) {
        let number = try tag.withAttribute("r") { (r) throws(XMLError) -> Int in
            guard let r else { return lastRow + 1 }
            guard let n = SpreadsheetColumn.decimal(r), n >= 1 else { throw XMLError(line: 0, column: 0, reason: .content("a row numbered \(String(decoding: r, as: UTF8.self))")) }
            return n
        }
        guard number > lastRow else {
            throw XMLError(line: 0, column: 0, reason: .content("row \(number) comes after row \(lastRow): the rows are out of order"))
        }
        row = number
        lastRow = number
        rowBytes.removeAll(keepingCapacity: true)
        rowCells.removeAll(keepingCapacity: true)
        if number >= XLSXReader.lastRow {
            diagnostics.append(Diagnostic(location(number, 0),
                "the sheet reaches Excel's last row (\(XLSXReader.lastRow)): a longer list was cut off when it was saved; split it into files of fewer rows, or save it as CSV"))
            stopped = true
        }
    }

    mutating func startCell(_ tag: XMLStartTag) throws(XMLError) {
        inCell = true
        hasFormula = false
        inValue = false
        inInlineText = false
        phonetic = 0
        value.removeAll(keepingCapacity: true)
        inlineText.removeAll(keepingCapacity: true)
        let previous = rowCells.last?.column ?? 0
        cellColumn = try tag.withAttribute("r") { (r) throws(XMLError) -> Int in
            guard let r else { return previous + 1 }
            guard let (column, cellRow) = SpreadsheetColumn.cell(r), cellRow == row else {
                throw XMLError(line: 0, column: 0, reason: .content("a cell \(String(decoding: r, as: UTF8.self)) inside row \(row)"))
            }
            return column
        }
        cellType = try tag.withAttribute("t") { (t) throws(XMLError) -> CellType in
            guard let t else { return .number }
            switch String(decoding: t, as: UTF8.self) {
            case "n": return .number
            case "s": return .sharedString
            case "inlineStr": return .inlineString
            case "str": return .formulaString
            case "b": return .boolean
            case "e": return .error
            case "d": return .isoDate
            case let other: throw XMLError(line: 0, column: 0, reason: .content("a cell of unknown type \"\(other)\""))
            }
        }
        cellStyle = try tag.withAttribute("s") { (s) throws(XMLError) -> Int in s.flatMap(SpreadsheetColumn.decimal) ?? 0 }
    }

    mutating func text(_ text: UnsafeBufferPointer<UInt8>) throws(XMLError) {
        if inValue {
            value.append(contentsOf: text)
        } else if inInlineText {
            XLSXText.appendDecoded(text, to: &inlineText)
        }
    }

    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws(XMLError) {
        guard !stopped || XMLStartTag.equal(name, "sheetData") else { return }
        if XMLStartTag.equal(name, "c"), inCell {
            inCell = false
            finishCell()
        } else if XMLStartTag.equal(name, "v") {
            inValue = false
        } else if XMLStartTag.equal(name, "t") {
            inInlineText = false
        } else if XMLStartTag.equal(name, "rPh") {
            phonetic -= 1
        } else if XMLStartTag.equal(name, "row"), inSheetData {
            finishRow()
        } else if XMLStartTag.equal(name, "sheetData") {
            inSheetData = false
        }
    }

    static let formulaWithoutValue = "the cell holds a formula without a saved value: open the workbook in Excel and save it again, or paste the column as values"

    /// Adds the cell just read to the row: its text, or a problem.
    mutating func finishCell() {
        let at = location(row, cellColumn)
        if let last = rowCells.last?.column, cellColumn <= last {
            diagnostics.append(Diagnostic(at, "the cell is given twice, or out of order: the workbook is damaged; save it again in Excel"))
            return
        }
        let start = rowBytes.count
        switch cellType {
        case .sharedString:
            guard let index = value.withUnsafeBufferPointer(SpreadsheetColumn.decimal), index < strings.count else {
                diagnostics.append(Diagnostic(at, "the cell refers to shared string \(String(decoding: value, as: UTF8.self)), but the workbook has \(strings.count): the workbook is damaged; save it again in Excel"))
                return
            }
            rowBytes.append(contentsOf: strings.bytes[strings.range(index)])
        case .inlineString:
            rowBytes.append(contentsOf: inlineText)
        case .formulaString:
            guard !value.isEmpty || !hasFormula else {
                diagnostics.append(Diagnostic(at, Self.formulaWithoutValue))
                return
            }
            rowBytes.append(contentsOf: value)
        case .boolean:
            rowBytes.append(contentsOf: value == [UInt8(ascii: "1")] ? Array("TRUE".utf8) : Array("FALSE".utf8))
        case .error:
            diagnostics.append(Diagnostic(at, "the cell holds Excel's error value \(String(decoding: value, as: UTF8.self)): correct its formula, or type the value"))
            return
        case .isoDate:
            var text = String(decoding: value, as: UTF8.self)
            if text.hasSuffix("T00:00:00") { text.removeLast(9) }
            rowBytes.append(contentsOf: text.replacingOccurrences(of: "T", with: " ").utf8)
        case .number:
            guard !value.isEmpty else {
                if hasFormula { diagnostics.append(Diagnostic(at, Self.formulaWithoutValue)) }
                return
            }
            guard let text = numberText(at) else { return }
            rowBytes.append(contentsOf: text)
        }
        if rowBytes.count > start { rowCells.append((cellColumn, start..<rowBytes.count)) }
    }

    /// The text of the number cell just read, by its column's rule and its format; nil (with a
    /// problem) when it may not be read.
    mutating func numberText(_ at: SourceLocation) -> [UInt8]? {
        let k = cellColumn - 1
        let inHeader = header == nil
        let isDateStyle = cellStyle < dateStyles.count && dateStyles[cellStyle]
        if !inHeader, k < textColumns.count, textColumns[k] {
            let name = header![k]
            let digits = value.filter { (0x30...0x39).contains($0) }.drop { $0 == 0x30 }.count
            let lost = digits > 15 || value.contains(UInt8(ascii: "E")) || value.contains(UInt8(ascii: "e"))
            diagnostics.append(Diagnostic(at, lost
                ? "\(name): a number of more than 15 digits stored as a number: Excel keeps only 15 digits, so its last digits are lost; format the column as Text (设置单元格格式 → 文本), enter the values again from the source, and save"
                : "\(name): stored as a number, so a leading zero may be gone; format the column as Text (设置单元格格式 → 文本), check the values against the source, and save"))
            return nil
        }
        let isDateColumn = !inHeader && k < dateColumns.count && dateColumns[k]
        guard isDateStyle || isDateColumn else {
            guard let text = ExcelNumber.text(value) else {
                diagnostics.append(Diagnostic(at, "the cell's number \(String(decoding: value, as: UTF8.self)) cannot be read: the workbook is damaged; save it again in Excel"))
                return nil
            }
            return text
        }
        guard let serial = Double(String(decoding: value, as: UTF8.self)) else {
            diagnostics.append(Diagnostic(at, "the cell's date \(String(decoding: value, as: UTF8.self)) cannot be read: the workbook is damaged; save it again in Excel"))
            return nil
        }
        switch ExcelDate.text(serial: serial, system: system) {
        case .success(let date):
            if !isDateStyle, notedDateColumns.insert(k).inserted {
                notes.append(Diagnostic(at, "\(header![k]): dates stored as plain numbers (Excel's serial numbers, from this cell on) are read as dates in the workbook's \(system == .from1900 ? "1900" : "1904") date system; check a few against the source, and format the column as Date"))
            }
            return Array(date.text.utf8)
        case .failure(.nonexistentLeapDay):
            diagnostics.append(Diagnostic(at, "the date is 1900-02-29, a day Excel counts but the calendar never had: correct it"))
            return nil
        case .failure(.outOfRange):
            diagnostics.append(Diagnostic(at, "the number \(String(decoding: value, as: UTF8.self)) is not a date Excel can show: correct it"))
            return nil
        }
    }

    /// Ends the row: the header if none is read yet, else a record; a row without a value is skipped.
    mutating func finishRow() {
        guard !rowCells.isEmpty else { return }
        guard let header else {
            startTable()
            return
        }
        let width = header.count
        if let beyond = rowCells.first(where: { $0.column > width }) {
            diagnostics.append(Diagnostic(location(row, beyond.column),
                "a value right of the header's last column (\(SpreadsheetColumn.letters(width))): name its column in the header row, or clear the cell"))
        }
        marks.append(UInt32(ends.count))
        lines.append(UInt32(row))
        ends.append(UInt32(bytes.count))
        bytes.append(0x0A)
        var cells = rowCells[...]
        for column in 1...max(width, 1) {
            if column > 1 { bytes.append(UInt8(ascii: ",")) }
            if let cell = cells.first, cell.column == column {
                cells.removeFirst()
                appendField(cell.range)
            }
            ends.append(UInt32(bytes.count))
        }
    }

    /// The header row just read: names trimmed and lower-cased, from column A to its last value.
    mutating func startTable() {
        let width = rowCells.last!.column
        var names = [String](repeating: "", count: width)
        for cell in rowCells {
            names[cell.column - 1] = String(decoding: rowBytes[cell.range], as: UTF8.self).trimmingWhitespace().lowercased()
        }
        header = names
        headerLine = row
        textColumns = names.map { columns.text.contains($0) }
        dateColumns = names.map { columns.dates.contains($0) }
        diagnostics += CSVTable.headerProblems(names, file: file, line: row)
    }

    /// Appends a field's text as a CSV table keeps it: as it is, or quoted when it starts with `"`.
    mutating func appendField(_ range: Range<Int>) {
        guard rowBytes[range.lowerBound] == CSVTable.quote else {
            bytes.append(contentsOf: rowBytes[range])
            return
        }
        bytes.append(CSVTable.quote)
        for b in rowBytes[range] {
            bytes.append(b)
            if b == CSVTable.quote { bytes.append(b) }
        }
        bytes.append(CSVTable.quote)
    }

    mutating func mergedCells(_ reference: String) throws(XMLError) {
        let corners = reference.split(separator: ":").map { corner in
            Array(corner.utf8).withUnsafeBufferPointer(SpreadsheetColumn.cell)
        }
        guard corners.count == 2, let a = corners[0], let b = corners[1] else {
            throw XMLError(line: 0, column: 0, reason: .content("merged cells \(reference), which is not a range"))
        }
        merged.append((min(a.row, b.row), min(a.column, b.column), max(a.row, b.row), max(a.column, b.column)))
    }

    /// The table read, with every problem.
    mutating func finish() -> XLSXReader.Result {
        guard let header else {
            diagnostics.append(Diagnostic(SourceLocation(file: file, line: 1, column: 0), "the sheet is empty: it needs a header row naming its columns"))
            return XLSXReader.Result(table: nil, diagnostics: diagnostics, notes: notes)
        }
        for range in merged where range.bottom >= headerLine {
            diagnostics.append(Diagnostic(location(range.top, range.left),
                "cells \(SpreadsheetColumn.letters(range.left))\(range.top):\(SpreadsheetColumn.letters(range.right))\(range.bottom) are merged: unmerge them (取消单元格合并) and fill every cell of each row with its own value"))
        }
        marks.append(UInt32(ends.count))
        let table = CSVTable(file: file, header: header, headerLine: headerLine, bytes: bytes, ends: ends, marks: marks, lines: lines)
        return XLSXReader.Result(table: table, diagnostics: diagnostics, notes: notes)
    }
}

/// A number cell's text as Excel shows it in the General format, to 15 significant digits.
enum ExcelNumber {
    /// The text of the number written `value` in a cell; nil when it is not a number.
    /// - Complexity: O(length of `value`); a plain decimal of at most 15 digits is kept as it is.
    static func text(_ value: [UInt8]) -> [UInt8]? {
        if isPlain(value) { return value }
        guard let number = Double(String(decoding: value, as: UTF8.self)), number.isFinite else { return nil }
        if number == number.rounded(), abs(number) < 1e15 { return Array(String(Int64(number)).utf8) }
        // 15 significant digits: d.dddddddddddddde±x, then without trailing zeros.
        let scientific = String(format: "%.14e", number)
        guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...]) else { return nil }
        let negative = number < 0
        var digits = scientific[..<e].filter { $0.isNumber }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        var text = ""
        if exponent >= 15 || exponent < -5 {
            text = String(digits.first!) + (digits.count > 1 ? "." + digits.dropFirst() : "") + "E" + (exponent < 0 ? "-" : "+") + ExcelDate.pad(abs(exponent), 2)
        } else if exponent < 0 {
            text = "0." + String(repeating: "0", count: -exponent - 1) + digits
        } else if digits.count > exponent + 1 {
            text = String(digits.prefix(exponent + 1)) + "." + digits.dropFirst(exponent + 1)
        } else {
            text = digits + String(repeating: "0", count: exponent + 1 - digits.count)
        }
        return Array(((negative ? "-" : "") + text).utf8)
    }

    /// Whether `value` is a decimal Excel would show as it is: an optional `-`, digits without a
    /// needless leading zero, an optional point followed by digits not ending in 0, 15 digits at most.
    static func isPlain(_ value: [UInt8]) -> Bool {
        var k = value.first == UInt8(ascii: "-") ? 1 : 0
        let start = k
        var digits = 0, point = -1
        while k < value.count {
            let b = value[k]
            if b == UInt8(ascii: "."), point < 0 {
                point = k
            } else if (0x30...0x39).contains(b) {
                digits += 1
            } else {
                return false
            }
            k += 1
        }
        guard digits > 0, digits <= 15, k > start else { return false }
        let integerDigits = (point < 0 ? k : point) - start
        if integerDigits == 0 || (integerDigits > 1 && value[start] == 0x30) { return false }
        if point >= 0 { return point < value.count - 1 && value[value.count - 1] != 0x30 }
        return !(value.count - start == 1 && value[start] == 0x30 && value.first == UInt8(ascii: "-"))
    }
}
