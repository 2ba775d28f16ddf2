/// A spreadsheet's column letters: A is column 1, Z 26, AA 27, and Excel's last column, XFD,
/// 16,384.
package enum SpreadsheetColumn {
    /// Excel's last column.
    package static let maximum = 16_384

    /// The letters of column `number` (1-based).
    /// - Complexity: O(log n).
    package static func letters(_ number: Int) -> String {
        precondition(number >= 1)
        var n = number
        var scalars: [UInt8] = []
        while n > 0 {
            let digit = (n - 1) % 26
            scalars.append(UInt8(ascii: "A") + UInt8(digit))
            n = (n - 1) / 26
        }
        return String(decoding: scalars.reversed(), as: UTF8.self)
    }

    /// The column and row of a cell reference such as `B12` (letters in either case); nil when
    /// it is not one, or names a column past `maximum`.
    package static func cell(_ reference: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int)? {
        var column = 0, k = 0
        while k < reference.count {
            let b = reference[k] | 0x20
            guard b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z") else { break }
            column = column * 26 + Int(b - UInt8(ascii: "a")) + 1
            guard column <= maximum else { return nil }
            k += 1
        }
        guard column > 0, k < reference.count, let row = decimal(UnsafeBufferPointer(rebasing: reference[k...])) else { return nil }
        return (column, row)
    }

    /// A positive decimal number of at most 9 digits, or nil.
    package static func decimal(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for b in digits {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }
}
