/// Reads JSON text (RFC 8259) into a `JSONValue` tree where every value knows its line and
/// column.
///
/// Guarantees: accepts exactly the RFC 8259 grammar (a leading UTF-8 byte-order mark is
/// skipped); the input must be valid UTF-8; numbers are finite (`NaN`, `Infinity` and numbers
/// beyond the `Double` range are errors); nesting deeper than `maximumDepth` is an error rather
/// than a stack overflow. The first problem is thrown as a `Diagnostic` naming
/// `file:line:column`, where column counts Unicode scalars in the line.
///
/// - Complexity: O(n) in the size of the input.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 512

    /// Parses `bytes` (the content of `file`) into one JSON value.
    /// - Throws: `Diagnostic` at the first syntax or encoding error.
    public static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> JSONValue {
        var parser = JSONParser(bytes: bytes, file: file)
        return try parser.parseDocument()
    }

    /// Parses UTF-8 `text` (the content of `file`) into one JSON value.
    public static func parse(_ text: String, file: String) throws(Diagnostic) -> JSONValue {
        try parse(Array(text.utf8), file: file)
    }

    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private func error(_ message: String) -> Diagnostic {
        Diagnostic(SourceLocation(file: file, line: line, column: column), message)
    }

    private func error(_ message: String, line: Int, column: Int) -> Diagnostic {
        Diagnostic(SourceLocation(file: file, line: line, column: column), message)
    }

    private var current: UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func parseDocument() throws(Diagnostic) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
        }
        skipWhitespace()
        guard current != nil else { throw error("the file is empty: expected a JSON value") }
        let value = try parseValue()
        skipWhitespace()
        if let byte = current {
            throw error("unexpected \(describe(byte)) after the end of the JSON value")
        }
        return value
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D:
                column += 1
            case 0x0A:
                line += 1
                column = 1
            default:
                return
            }
            position += 1
        }
    }

    /// A printable description of the byte at the current position for messages.
    private func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x20...0x7E: return "character '\(Character(Unicode.Scalar(byte)))'"
        case 0x00...0x1F, 0x7F: return "control character U+\(hex(UInt32(byte)))"
        default:
            if let scalar = decodeScalar(at: position)?.scalar {
                return "character '\(Character(scalar))' (U+\(hex(scalar.value)))"
            }
            return "byte 0x\(String(byte, radix: 16, uppercase: true)) (invalid UTF-8)"
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private mutating func parseValue() throws(Diagnostic) -> JSONValue {
        guard let byte = current else { throw error("unexpected end of file: expected a value") }
        let startLine = line, startColumn = column
        switch byte {
        case UInt8(ascii: "{"):
            return JSONValue(try parseObject(), line: startLine, column: startColumn)
        case UInt8(ascii: "["):
            return JSONValue(try parseArray(), line: startLine, column: startColumn)
        case UInt8(ascii: "\""):
            return JSONValue(.string(try parseString()), line: startLine, column: startColumn)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try parseNumber()), line: startLine, column: startColumn)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONValue(.bool(true), line: startLine, column: startColumn)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONValue(.bool(false), line: startLine, column: startColumn)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONValue(.null, line: startLine, column: startColumn)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error("NaN and Infinity are not JSON numbers; write a finite number")
        default:
            throw error("unexpected \(describe(byte)): expected a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func expectLiteral(_ word: StaticString) throws(Diagnostic) {
        let count = word.utf8CodeUnitCount
        let base = word.utf8Start
        for i in 0..<count {
            guard position + i < bytes.count, bytes[position + i] == base[i] else {
                throw error("unexpected text: expected '\(word)'")
            }
        }
        position += count
        column += count
    }

    private mutating func enter() throws(Diagnostic) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error("nesting deeper than \(JSONParser.maximumDepth) arrays and objects")
        }
    }

    private mutating func parseArray() throws(Diagnostic) -> JSONValue.Kind {
        try enter()
        position += 1
        column += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            column += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard let byte = current else { throw error("unexpected end of file: the array is not closed with ']'") }
            if byte == UInt8(ascii: "]") {
                position += 1
                column += 1
                depth -= 1
                return .array(elements)
            }
            guard byte == UInt8(ascii: ",") else {
                throw error("unexpected \(describe(byte)) in an array: expected ',' or ']'")
            }
            let commaLine = line, commaColumn = column
            position += 1
            column += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                throw error("trailing comma before ']'", line: commaLine, column: commaColumn)
            }
        }
    }

    private mutating func parseObject() throws(Diagnostic) -> JSONValue.Kind {
        try enter()
        position += 1
        column += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            column += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard let byte = current else { throw error("unexpected end of file: the object is not closed with '}'") }
            guard byte == UInt8(ascii: "\"") else {
                throw error("unexpected \(describe(byte)) in an object: expected a member name in double quotes")
            }
            let keyLine = line, keyColumn = column
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                if let other = current {
                    throw error("unexpected \(describe(other)) after member name: expected ':'")
                }
                throw error("unexpected end of file: expected ':'")
            }
            position += 1
            column += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key, value, keyLine: keyLine, keyColumn: keyColumn))
            skipWhitespace()
            guard let next = current else { throw error("unexpected end of file: the object is not closed with '}'") }
            if next == UInt8(ascii: "}") {
                position += 1
                column += 1
                depth -= 1
                return .object(members)
            }
            guard next == UInt8(ascii: ",") else {
                throw error("unexpected \(describe(next)) in an object: expected ',' or '}'")
            }
            let commaLine = line, commaColumn = column
            position += 1
            column += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                throw error("trailing comma before '}'", line: commaLine, column: commaColumn)
            }
        }
    }

    /// Decodes one UTF-8 scalar at `index`: the scalar and its length, or nil if the bytes
    /// there are not valid UTF-8 (overlong forms, surrogates and values above U+10FFFF are
    /// invalid).
    private func decodeScalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        let b0 = bytes[index]
        let length: Int
        var value: UInt32
        switch b0 {
        case 0x00...0x7F: return (Unicode.Scalar(b0), 1)
        case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(b0 & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(b0 & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for i in 1..<length {
            let b = bytes[index + i]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        if length == 3, value < 0x800 { return nil }
        if length == 4, value < 0x10000 || value > 0x10FFFF { return nil }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    private mutating func parseString() throws(Diagnostic) -> String {
        let startLine = line, startColumn = column
        position += 1
        column += 1
        var buffer: [UInt8] = []
        var runStart = position
        while true {
            guard position < bytes.count else {
                throw error("unterminated string: the string that starts here has no closing '\"'", line: startLine, column: startColumn)
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text: String
                if buffer.isEmpty {
                    text = String(decoding: bytes[runStart..<position], as: UTF8.self)
                } else {
                    buffer.append(contentsOf: bytes[runStart..<position])
                    text = String(decoding: buffer, as: UTF8.self)
                }
                position += 1
                column += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                buffer.append(contentsOf: bytes[runStart..<position])
                try parseEscape(into: &buffer)
                runStart = position
                continue
            }
            if byte < 0x20 {
                if byte == 0x0A {
                    throw error("unterminated string: a line ends inside the string (write \\n for a line break)", line: startLine, column: startColumn)
                }
                throw error("control character U+\(hex(UInt32(byte))) inside a string; escape it")
            }
            if byte < 0x80 {
                position += 1
                column += 1
                continue
            }
            guard let (_, length) = decodeScalar(at: position) else {
                throw error("invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true)) in a string; save the file as UTF-8")
            }
            position += length
            column += 1
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(Diagnostic) {
        guard position + 1 < bytes.count else {
            throw error("unterminated string: the file ends inside an escape")
        }
        let letter = bytes[position + 1]
        let simple: UInt8?
        switch letter {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            throw error("bad escape '\\\(letter < 0x80 && letter >= 0x20 ? String(Character(Unicode.Scalar(letter))) : "?")': only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed")
        }
        if let simple {
            buffer.append(simple)
            position += 2
            column += 2
            return
        }
        let first = try hexQuad(at: position + 2)
        var value = UInt32(first)
        var consumed = 6
        if (0xD800...0xDBFF).contains(first) {
            guard position + 7 < bytes.count, bytes[position + 6] == UInt8(ascii: "\\"), bytes[position + 7] == UInt8(ascii: "u") else {
                throw error("bad escape: high surrogate \\u\(hex(value)) is not followed by a low surrogate")
            }
            let second = try hexQuad(at: position + 8)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw error("bad escape: high surrogate \\u\(hex(value)) is not followed by a low surrogate")
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            consumed = 12
        } else if (0xDC00...0xDFFF).contains(first) {
            throw error("bad escape: lone low surrogate \\u\(hex(value))")
        }
        buffer.append(contentsOf: String(Character(Unicode.Scalar(value)!)).utf8)
        position += consumed
        column += consumed
    }

    private func hexQuad(at index: Int) throws(Diagnostic) -> UInt16 {
        guard index + 4 <= bytes.count else { throw error("bad escape: \\u needs four hexadecimal digits") }
        var value: UInt16 = 0
        for i in 0..<4 {
            let b = bytes[index + i]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw error("bad escape: \\u needs four hexadecimal digits")
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private func isDigit(_ index: Int) -> Bool {
        index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }

    private mutating func parseNumber() throws(Diagnostic) -> JSONNumber {
        let start = position
        var index = position
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "I") {
                throw error("NaN and Infinity are not JSON numbers; write a finite number")
            }
        }
        guard isDigit(index) else { throw error("bad number: expected a digit after '-'") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(index) { throw error("bad number: leading zeros are not allowed") }
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw error("bad number: expected a digit after '.'") }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else { throw error("bad number: expected a digit in the exponent") }
            while isDigit(index) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("number \(text) is out of range")
        }
        position = index
        column += index - start
        return JSONNumber(text: text, value: value)
    }
}
