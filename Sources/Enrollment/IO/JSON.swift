/// A JSON value (RFC 8259) with where it stands in its file, so that every message about a
/// `policy.json` key or a GeoJSON coordinate can name `file:line:column`.
package struct JSONValue: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// A number, with its source text (so `0.50` is reported as written).
        case number(Double, text: String)
        case string(String)
        case array([JSONValue])
        /// Members in file order; duplicate keys are kept (the reader reports them).
        case object([Member])
    }

    /// One `"key": value` of an object.
    package struct Member: Sendable, Equatable {
        package var key: String
        /// Where the key's opening quote is.
        package var line: Int
        package var column: Int
        package var value: JSONValue

        package init(_ key: String, _ value: JSONValue, line: Int = 0, column: Int = 0) {
            self.key = key
            self.value = value
            self.line = line
            self.column = column
        }
    }

    package var kind: Kind
    /// 1-based line and column (in characters) of the value's first character; 0 when built in code.
    package var line: Int
    package var column: Int

    package init(_ kind: Kind, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The members of an object, or nil for any other kind.
    package var members: [Member]? {
        if case .object(let m) = kind { return m }
        return nil
    }

    /// The elements of an array, or nil for any other kind.
    package var elements: [JSONValue]? {
        if case .array(let e) = kind { return e }
        return nil
    }

    /// The text of a string, or nil for any other kind.
    package var string: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    /// The value of a number, or nil for any other kind.
    package var number: Double? {
        if case .number(let x, _) = kind { return x }
        return nil
    }

    /// The members of an object whose key an earlier member already used.
    package var duplicateKeys: [Member] {
        var seen = Set<String>()
        return (members ?? []).filter { !seen.insert($0.key).inserted }
    }

    /// The member `key` of an object (the last one if repeated), or nil.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The value's location in `file`.
    package func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// What kind of value this is, for messages: "a string", "an array"…
    package var kindName: String {
        switch kind {
        case .null: return "null"
        case .bool: return "true or false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Parses JSON text into `JSONValue`s with positions.
///
/// Strict RFC 8259: no comments, no trailing commas, no NaN or Infinity, no leading zeros,
/// strings of valid UTF-8 with valid escapes (paired surrogates). Nesting deeper than
/// `maximumDepth` is refused rather than risking the stack.
package enum JSONReader {
    package static let maximumDepth = 512

    /// Parses `bytes` (UTF-8, a byte-order mark allowed); throws a `Diagnostic` at the first error.
    /// - Complexity: O(n) in the number of bytes.
    package static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> JSONValue in
            var parser = Parser(input: buffer, file: file)
            return try parser.document()
        }
    }

    private struct Parser {
        package let input: UnsafeBufferPointer<UInt8>
        package let file: String
        package var i = 0
        package var line = 1
        package var column = 1
        package var depth = 0

        package init(input: UnsafeBufferPointer<UInt8>, file: String) {
            self.input = input
            self.file = file
            if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { i = 3 }
        }

        package func fail(_ message: String) -> Diagnostic {
            Diagnostic(SourceLocation(file: file, line: line, column: column), message)
        }

        package var current: UInt8? { i < input.count ? input[i] : nil }

        /// Moves past one byte, keeping line and column (columns count characters, not bytes).
        @inline(__always)
        package mutating func advance() {
            let b = input[i]
            i += 1
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }

        package mutating func skipSpace() {
            while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
        }

        package mutating func document() throws(Diagnostic) -> JSONValue {
            skipSpace()
            guard current != nil else { throw fail("the file is empty: it should hold a JSON value") }
            let value = try self.value()
            skipSpace()
            if current != nil { throw fail("unexpected text after the end of the JSON value") }
            return value
        }

        package mutating func value() throws(Diagnostic) -> JSONValue {
            guard let b = current else { throw fail("unexpected end of file: a value is missing") }
            let (l, c) = (line, column)
            switch b {
            case UInt8(ascii: "{"): return JSONValue(try object(), line: l, column: c)
            case UInt8(ascii: "["): return JSONValue(try array(), line: l, column: c)
            case UInt8(ascii: "\""): return JSONValue(.string(try string()), line: l, column: c)
            case UInt8(ascii: "t"): try literal("true"); return JSONValue(.bool(true), line: l, column: c)
            case UInt8(ascii: "f"): try literal("false"); return JSONValue(.bool(false), line: l, column: c)
            case UInt8(ascii: "n"): try literal("null"); return JSONValue(.null, line: l, column: c)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONValue(try number(), line: l, column: c)
            case UInt8(ascii: "N"), UInt8(ascii: "I"): throw fail("NaN and Infinity are not JSON numbers")
            default: throw fail("unexpected character '\(Self.printable(b))': expected a value")
            }
        }

        package static func printable(_ b: UInt8) -> String {
            b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "\\u{\(String(b, radix: 16))}"
        }

        package mutating func literal(_ word: StaticString) throws(Diagnostic) {
            let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            for expected in bytes {
                guard current == expected else { throw fail("unexpected character: expected '\(word)'") }
                advance()
            }
        }

        package mutating func enter() throws(Diagnostic) {
            depth += 1
            if depth > JSONReader.maximumDepth { throw fail("nesting deeper than \(JSONReader.maximumDepth) levels") }
        }

        package mutating func object() throws(Diagnostic) -> JSONValue.Kind {
            try enter()
            defer { depth -= 1 }
            advance()
            var members: [JSONValue.Member] = []
            skipSpace()
            if current == UInt8(ascii: "}") {
                advance()
                return .object(members)
            }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else {
                    throw fail(current == UInt8(ascii: "}") ? "a trailing comma before '}'" : "expected a member name in double quotes")
                }
                let (l, c) = (line, column)
                let key = try string()
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw fail("expected ':' after the member name \"\(key)\"") }
                advance()
                skipSpace()
                members.append(JSONValue.Member(key, try value(), line: l, column: c))
                skipSpace()
                switch current {
                case UInt8(ascii: ",")?: advance()
                case UInt8(ascii: "}")?: advance(); return .object(members)
                case nil: throw fail("unexpected end of file: an object is not closed with '}'")
                default: throw fail("expected ',' or '}' after a member")
                }
            }
        }

        package mutating func array() throws(Diagnostic) -> JSONValue.Kind {
            try enter()
            defer { depth -= 1 }
            advance()
            var elements: [JSONValue] = []
            skipSpace()
            if current == UInt8(ascii: "]") {
                advance()
                return .array(elements)
            }
            while true {
                skipSpace()
                if current == UInt8(ascii: "]") { throw fail("a trailing comma before ']'") }
                elements.append(try value())
                skipSpace()
                switch current {
                case UInt8(ascii: ",")?: advance()
                case UInt8(ascii: "]")?: advance(); return .array(elements)
                case nil: throw fail("unexpected end of file: an array is not closed with ']'")
                default: throw fail("expected ',' or ']' after an element")
                }
            }
        }

        package mutating func number() throws(Diagnostic) -> JSONValue.Kind {
            let start = i
            if current == UInt8(ascii: "-") { advance() }
            func digits(_ p: inout Parser) -> Int {
                var n = 0
                while let b = p.current, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { p.advance(); n += 1 }
                return n
            }
            if current == UInt8(ascii: "0") {
                advance()
                if let b = current, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { throw fail("a number may not start with 0 followed by digits") }
            } else if digits(&self) == 0 {
                throw fail("expected digits in a number")
            }
            if current == UInt8(ascii: ".") {
                advance()
                if digits(&self) == 0 { throw fail("expected digits after the decimal point") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                advance()
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
                if digits(&self) == 0 { throw fail("expected digits in the exponent") }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<i]), as: UTF8.self)
            guard let value = Double(text), value.isFinite else { throw fail("the number \(text) is too large") }
            return .number(value, text: text)
        }

        package mutating func string() throws(Diagnostic) -> String {
            advance()
            var bytes: [UInt8] = []
            while true {
                guard let b = current else { throw fail("unexpected end of file inside a string") }
                switch b {
                case UInt8(ascii: "\""):
                    advance()
                    guard let s = String(validating: bytes, as: UTF8.self) else { throw fail("the string before this point is not valid UTF-8") }
                    return s
                case UInt8(ascii: "\\"):
                    advance()
                    try escape(into: &bytes)
                case 0x00..<0x20:
                    throw fail(b == 0x0A ? "a string is not closed before the end of the line" : "a control character inside a string must be escaped")
                default:
                    bytes.append(b)
                    advance()
                }
            }
        }

        package mutating func escape(into bytes: inout [UInt8]) throws(Diagnostic) {
            guard let b = current else { throw fail("unexpected end of file in an escape") }
            let simple: [UInt8: UInt8] = [UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
                                          UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
                                          UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09]
            if let c = simple[b] {
                bytes.append(c)
                advance()
                return
            }
            guard b == UInt8(ascii: "u") else { throw fail("invalid escape '\\\(Self.printable(b))'") }
            advance()
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard current == UInt8(ascii: "\\") else { throw fail("a high surrogate escape must be followed by a low one") }
                advance()
                guard current == UInt8(ascii: "u") else { throw fail("a high surrogate escape must be followed by a low one") }
                advance()
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("a high surrogate escape must be followed by a low one") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw fail("a low surrogate escape without a high one")
            }
            bytes.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        }

        package mutating func hex4() throws(Diagnostic) -> UInt32 {
            var n: UInt32 = 0
            for _ in 0..<4 {
                guard let b = current, let d = Self.hexDigit(b) else { throw fail("expected four hex digits after \\u") }
                n = n << 4 | d
                advance()
            }
            return n
        }

        package static func hexDigit(_ b: UInt8) -> UInt32? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
    }
}
