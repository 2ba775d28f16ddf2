import EnrollmentIO

// The typed values of a case file's fields. They are generic over the value's type and live in
// this layer, beside every table that reads them, so that the compiler makes a copy of them for
// each type: a generic called from another module looks up its types' metadata on every call,
// and these are called once per field of every row (`CSVRecordReader.read`).
extension CSVRecordReader {
    /// A value parsed by `parse`; reports `expected` when the text does not parse.
    package mutating func parsed<T>(_ column: CSVColumn, required: Bool, expected: String, _ parse: (String) -> T?) -> T? {
        parsed(column, required: required, expected: expected, fast: { _ in nil }, parse)
    }

    /// A value read from plain bytes by `fast` when it can, else parsed from the cleaned text.
    package mutating func parsed<T>(_ column: CSVColumn, required: Bool, expected: String,
                                    fast: (UnsafeBufferPointer<UInt8>) -> T?, _ parse: (String) -> T?) -> T? {
        var value: T?
        switch read(column, required: required, accept: { bytes in
            value = fast(bytes)
            return value != nil
        }) {
        case .accepted: return value
        case .empty: return nil
        case .text(let text):
            guard let result = parse(text) else {
                report(column, "\(Self.quoted(text)) is not \(expected)")
                return nil
            }
            return result
        }
    }

    /// A whole number in `range`.
    package mutating func integer(_ column: CSVColumn, required: Bool, in range: ClosedRange<Int>) -> Int? {
        guard let n = parsed(column, required: required, expected: "a whole number", fast: ASCIINumber.integer, { Int($0) }) else { return nil }
        guard range.contains(n) else {
            report(column, "\(n) is out of range: it must be from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return n
    }

    /// A decimal number in `range` (no NaN, no infinity).
    package mutating func decimal(_ column: CSVColumn, required: Bool, in range: ClosedRange<Double>) -> Double? {
        guard let x = parsed(column, required: required, expected: "a number", fast: ASCIINumber.decimal, { text -> Double? in
            guard text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) else { return nil }
            return Double(text)
        }) else { return nil }
        guard range.contains(x) else {
            func plain(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
            let value = text(column)
            report(column, "\(value.utf8.count > 15 ? Self.quoted(value) : value) is out of range: it must be from \(plain(range.lowerBound)) to \(plain(range.upperBound))")
            return nil
        }
        return x
    }
}
