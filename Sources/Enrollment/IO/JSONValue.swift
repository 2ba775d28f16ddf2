/// A JSON value (RFC 8259) as read from a file, with the 1-based line and column (character
/// in the line) where it starts, so that every later check can name the exact place.
///
/// Objects keep their members in source order and keep duplicate keys; `duplicateKeys`
/// finds them. Numbers keep their source text beside the `Double`.
public struct JSONValue: Sendable, Equatable {
    /// What the value is.
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case string(String)
        case array([JSONValue])
        case object([JSONMember])
    }

    public var kind: Kind
    /// 1-based line of the value's first character; 0 for a value built in code.
    public var line: Int
    /// 1-based column (Unicode scalar in the line) of the value's first character; 0 for a
    /// value built in code.
    public var column: Int

    public init(_ kind: Kind, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// Where the value starts in `file`.
    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// The JSON type name used in messages: "null", "true/false", "number", "string",
    /// "array" or "object".
    public var typeName: String {
        switch kind {
        case .null: return "null"
        case .bool: return "true/false"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The members when the value is an object, else nil.
    public var members: [JSONMember]? {
        if case let .object(m) = kind { return m }
        return nil
    }

    /// The elements when the value is an array, else nil.
    public var elements: [JSONValue]? {
        if case let .array(a) = kind { return a }
        return nil
    }

    /// The string when the value is a string, else nil.
    public var string: String? {
        if case let .string(s) = kind { return s }
        return nil
    }

    /// The number when the value is a number, else nil.
    public var number: JSONNumber? {
        if case let .number(n) = kind { return n }
        return nil
    }

    /// The first member named `key` when the value is an object, else nil.
    /// - Complexity: O(members).
    public subscript(key: String) -> JSONValue? {
        members?.first(where: { $0.key == key })?.value
    }

    /// The members of an object whose key already appeared earlier in it, in source order
    /// (empty for other values).
    public var duplicateKeys: [JSONMember] {
        guard let members else { return [] }
        var seen = Set<String>()
        return members.filter { !seen.insert($0.key).inserted }
    }
}

/// One `"key": value` member of an object, with where its key starts.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var keyLine: Int
    public var keyColumn: Int
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue, keyLine: Int = 0, keyColumn: Int = 0) {
        self.key = key
        self.value = value
        self.keyLine = keyLine
        self.keyColumn = keyColumn
    }
}

/// A JSON number: its text as written and its value as the nearest `Double`.
/// Always finite: NaN and infinities are not JSON.
public struct JSONNumber: Sendable, Equatable {
    /// The number as written in the source, or the canonical text for one built in code.
    public var text: String
    public var value: Double

    /// A number read from a file; `text` must be valid JSON number syntax for `value`.
    public init(text: String, value: Double) {
        self.text = text
        self.value = value
    }

    /// A number built in code. Whole numbers up to 2^53 are written without a fraction
    /// (`3`, `-12`); others use Swift's shortest round-trip form (`0.1`, `1e-07`), which is
    /// deterministic on every platform.
    /// - Precondition: `value` is finite.
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON numbers are finite")
        self.value = value
        if value == value.rounded(), abs(value) <= 9_007_199_254_740_992 {
            self.text = String(Int64(value))
        } else {
            self.text = value.description
        }
    }

    /// A whole number built in code.
    public init(_ value: Int) {
        self.value = Double(value)
        self.text = String(value)
    }

    /// The value as an `Int` when the text is a whole number without fraction or exponent
    /// that fits, else nil.
    public var exactInt: Int? {
        Int(text)
    }
}
