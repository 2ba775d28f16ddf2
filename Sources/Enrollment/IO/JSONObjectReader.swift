/// Reads the members of one JSON object of a file the tool wrote itself (`commitment.json`,
/// `manifest.json`) strictly: every member must be known, of its type, and given once; the
/// first problem is thrown as a `Diagnostic` at file:line:column.
package struct JSONObjectReader {
    package let file: String
    package let value: JSONValue
    private let members: [JSONValue.Member]

    /// - Parameter known: every key the object may hold; any other is an error.
    package init(_ value: JSONValue, file: String, what: String, known: [String]) throws(Diagnostic) {
        guard case .object(let members) = value.kind else {
            throw Diagnostic(value.location(in: file), "\(what) must be a JSON object, not \(value.kindName)")
        }
        var seen = Set<String>()
        for m in members {
            guard known.contains(m.key) else {
                throw Diagnostic(SourceLocation(file: file, line: m.line, column: m.column), "unknown key \"\(m.key)\" in \(what)")
            }
            guard seen.insert(m.key).inserted else {
                throw Diagnostic(SourceLocation(file: file, line: m.line, column: m.column), "the key \"\(m.key)\" is given twice in \(what)")
            }
        }
        self.file = file
        self.value = value
        self.members = members
    }

    package func optional(_ key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    package func required(_ key: String) throws(Diagnostic) -> JSONValue {
        guard let v = optional(key) else { throw Diagnostic(value.location(in: file), "the key \"\(key)\" is missing") }
        return v
    }

    package func string(_ key: String) throws(Diagnostic) -> String {
        try Self.string(try required(key), file: file, key: key)
    }

    package func optionalString(_ key: String) throws(Diagnostic) -> String? {
        guard let v = optional(key) else { return nil }
        return try Self.string(v, file: file, key: key)
    }

    package func digest(_ key: String) throws(Diagnostic) -> SHA256Digest {
        let v = try required(key)
        let text = try Self.string(v, file: file, key: key)
        guard text.utf8.count == 64, text == text.lowercased(), let d = SHA256Digest(hex: text) else {
            throw Diagnostic(v.location(in: file), "\"\(key)\" must be 64 lowercase hex digits")
        }
        return d
    }

    package func integer(_ key: String) throws(Diagnostic) -> Int {
        try Self.integer(try required(key), file: file, key: key)
    }

    package func optionalInteger(_ key: String) throws(Diagnostic) -> Int? {
        guard let v = optional(key) else { return nil }
        return try Self.integer(v, file: file, key: key)
    }

    package func array(_ key: String) throws(Diagnostic) -> [JSONValue] {
        let v = try required(key)
        guard case .array(let elements) = v.kind else {
            throw Diagnostic(v.location(in: file), "\"\(key)\" must be an array, not \(v.kindName)")
        }
        return elements
    }

    /// An object of integer values, in file order.
    package func integerPairs(_ key: String) throws(Diagnostic) -> [(String, Int)] {
        let v = try required(key)
        guard case .object(let members) = v.kind else {
            throw Diagnostic(v.location(in: file), "\"\(key)\" must be an object, not \(v.kindName)")
        }
        var pairs: [(String, Int)] = []
        for m in members { pairs.append((m.key, try Self.integer(m.value, file: file, key: m.key))) }
        return pairs
    }

    package static func string(_ v: JSONValue, file: String, key: String) throws(Diagnostic) -> String {
        guard case .string(let s) = v.kind else { throw Diagnostic(v.location(in: file), "\"\(key)\" must be a string, not \(v.kindName)") }
        return s
    }

    package static func integer(_ v: JSONValue, file: String, key: String) throws(Diagnostic) -> Int {
        guard case .number(_, let text) = v.kind, let n = Int(text), n >= 0 else {
            throw Diagnostic(v.location(in: file), "\"\(key)\" must be a whole number of zero or more")
        }
        return n
    }
}
