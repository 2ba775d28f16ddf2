import EnrollmentIO

/// The first place where a published file differs from its re-computation, said so that a
/// person can find it: for CSV files the line and the column's name, otherwise the line and
/// byte offset.
enum OutputDifference {
    /// Where `published` first differs from `expected`, or nil when they are the same bytes.
    /// - Complexity: O(size of the files).
    static func first(published: [UInt8], expected: [UInt8], file: String) -> String? {
        guard published != expected else { return nil }
        if file.hasSuffix(".csv"), let row = firstRow(published: published, expected: expected, file: file) {
            return row
        }
        let offset = (0..<min(published.count, expected.count)).first { published[$0] != expected[$0] } ?? min(published.count, expected.count)
        let line = 1 + published[..<offset].filter { $0 == 0x0A }.count
        if offset == published.count { return "\(file):\(line): the file ends at byte \(offset), where more is expected" }
        if offset == expected.count { return "\(file):\(line): the file goes on past byte \(offset), where it should end" }
        return "\(file):\(line): byte \(offset) differs"
    }

    /// The first differing row and field of two CSV files, nil if they read as the same table.
    static func firstRow(published: [UInt8], expected: [UInt8], file: String) -> String? {
        guard let p = CSVReader.parse(published, file: file).table, let e = CSVReader.parse(expected, file: file).table else {
            return nil
        }
        if p.header != e.header {
            return "\(file):\(max(p.headerLine, 1)): the header is \(p.header.joined(separator: ",")), expected \(e.header.joined(separator: ","))"
        }
        for row in 0..<min(p.count, e.count) {
            let (pf, ef) = (p.fields(ofRow: row), e.fields(ofRow: row))
            guard pf != ef else { continue }
            let line = p.line(ofRow: row)
            guard let k = (0..<min(pf.count, ef.count)).first(where: { pf[$0] != ef[$0] }) else {
                return "\(file):\(line): row \(row + 1) has \(pf.count) fields, expected \(ef.count)"
            }
            return "\(file):\(line):\(k + 1): row \(row + 1), \(e.header[k]): published \"\(pf[k])\", expected \"\(ef[k])\""
        }
        if p.count != e.count {
            return "\(file): \(p.count) row\(p.count == 1 ? "" : "s") published, \(e.count) expected"
                + (p.count > e.count ? " (first extra row on line \(p.line(ofRow: e.count)))" : "")
        }
        return nil
    }
}
