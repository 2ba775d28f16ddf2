/// Writes an .xlsx workbook (Office Open XML, as Excel, WPS and LibreOffice open it) of text
/// sheets: each sheet a header row, frozen so that it stays in view, and rows of text in
/// inline strings; each column as wide as its longest value (two units for a CJK character,
/// as Excel measures), between 6 and 60. The parts are deflated (`Deflate`) and dated
/// 1980-01-01, so the same sheets always give the same bytes.
///
///     let bytes = XLSXWriter.workbook([XLSXWriter.Sheet(name: "J01 1班", header: ["student_id"], rows: [["2026070008"]])])
///
/// Every value is written as text, so an id keeps its leading zeros and all its digits when
/// the workbook is opened. Sheet names are made valid: the characters `[]:*?/\` become `_`,
/// names are cut to 31 characters, and a repeated name gets ` (2)`, ` (3)`….
/// - Complexity: O(total size of the cells).
package enum XLSXWriter {
    /// One sheet: its name, header row and rows.
    package struct Sheet: Sendable {
        package var name: String
        package var header: [String]
        package var rows: [[String]]

        package init(name: String, header: [String], rows: [[String]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    /// The workbook of `sheets`, in order (at least one).
    package static func workbook(_ sheets: [Sheet]) -> [UInt8] {
        precondition(!sheets.isEmpty, "a workbook has at least one sheet")
        let names = sheetNames(sheets.map(\.name))
        var zip = ZipWriter()
        let numbers = 1...sheets.count
        zip.add("[Content_Types].xml", xml("""
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            \(numbers.map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
            </Types>
            """), deflated: true)
        zip.add("_rels/.rels", xml("""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """), deflated: true)
        zip.add("xl/workbook.xml", xml("""
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
            \(numbers.map { "<sheet name=\"\(escaped(names[$0 - 1]))\" sheetId=\"\($0)\" r:id=\"rId\($0)\"/>" }.joined())\
            </sheets></workbook>
            """), deflated: true)
        zip.add("xl/_rels/workbook.xml.rels", xml("""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(numbers.map { "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }.joined())\
            <Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """), deflated: true)
        // Cell format 1: the header's, bold.
        zip.add("xl/styles.xml", xml("""
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border/></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """), deflated: true)
        for (k, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(k + 1).xml", sheetXML(sheet), deflated: true)
        }
        return zip.finish()
    }

    static func xml(_ body: String) -> [UInt8] {
        Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + body).utf8)
    }

    /// The worksheet part of `sheet`.
    static func sheetXML(_ sheet: Sheet) -> [UInt8] {
        let columns = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        var widths = [Int](repeating: 6, count: columns)
        for row in [sheet.header] + sheet.rows {
            for (k, value) in row.enumerated() { widths[k] = min(60, max(widths[k], displayWidth(value) + 2)) }
        }
        let letters = (0..<max(columns, 1)).map { Array(SpreadsheetColumn.letters($0 + 1).utf8) }
        var out = xml("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
            + (columns == 0 ? "" : "<cols>" + widths.enumerated().map { "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>" }.joined() + "</cols>")
            + "<sheetData>")
        let (rowStart, cellStart, cellEnd, rowEnd) = (Array("<row r=\"".utf8), Array("<c r=\"".utf8), Array("</t></is></c>".utf8), Array("</row>".utf8))
        func append(_ row: [String], number: Int, style: [UInt8]) {
            let digits = Array(String(number).utf8)
            out += rowStart
            out += digits
            out += [UInt8(ascii: "\""), UInt8(ascii: ">")]
            for (k, value) in row.enumerated() where !value.isEmpty {
                out += cellStart
                out += letters[k]
                out += digits
                out += style
                appendEscaped(value, to: &out)
                out += cellEnd
            }
            out += rowEnd
        }
        append(sheet.header, number: 1, style: Array("\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8))
        let plain = Array("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
        for (k, row) in sheet.rows.enumerated() { append(row, number: k + 2, style: plain) }
        out += Array("</sheetData></worksheet>".utf8)
        return out
    }

    /// `text` with `&`, `<`, `>` and `"` escaped, and each character XML 1.0 does not allow
    /// (control characters but tab, line feed and carriage return) written as `_xHHHH_`, as
    /// Excel does; a `_` that would read as such an escape is written `_x005F_`.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        // The common case, text with nothing to escape, is copied as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">")
                                  && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "_") }) {
            out += text.utf8
            return
        }
        let utf8 = Array(text.utf8)
        var k = 0
        while k < utf8.count {
            let b = utf8[k]
            switch b {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(b)
            case 0..<0x20: out += Array("_x00\(b < 0x10 ? "0" : "")\(String(b, radix: 16, uppercase: true))_".utf8)
            case UInt8(ascii: "_") where k + 6 < utf8.count && utf8[k + 1] == UInt8(ascii: "x") && utf8[k + 6] == UInt8(ascii: "_")
                && utf8[(k + 2)..<(k + 6)].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }):
                out += Array("_x005F_".utf8)
            default: out.append(b)
            }
            k += 1
        }
    }

    /// `text` escaped as `appendEscaped` does, for an attribute's value.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Excel's width of `text`: one unit a character, two for a wide (CJK) one.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }

    /// Valid, distinct sheet names for `names`, in order.
    static func sheetNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }).trimmingWhitespace()
            if base.isEmpty { base = "Sheet" }
            var candidate = String(base.prefix(31))
            var k = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(k))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                k += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}
