/// Writes JSON deterministically: members in the order given, two-space indentation, one
/// member or element per line (arrays of numbers or short strings on one line), strings
/// escaped minimally, numbers by their stored text. The same value always gives the same
/// bytes, so written JSON can be hashed and compared.
package enum JSONWriter {
    /// The UTF-8 text of `value`, ending with a newline.
    /// - Complexity: O(size of the output).
    package static func render(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }

    package static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value.kind {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .number(_, let text): out += Array(text.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            if elements.isEmpty { out += Array("[]".utf8); return }
            let flat = elements.allSatisfy {
                switch $0.kind {
                case .number, .bool, .null: return true
                case .string(let s): return s.utf8.count <= 24
                default: return false
                }
            }
            if flat {
                out.append(UInt8(ascii: "["))
                for (k, e) in elements.enumerated() {
                    if k > 0 { out += [UInt8(ascii: ","), UInt8(ascii: " ")] }
                    write(e, indent: indent, into: &out)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out += [UInt8(ascii: "["), 0x0A]
            for (k, e) in elements.enumerated() {
                out += [UInt8](repeating: 0x20, count: indent + 2)
                write(e, indent: indent + 2, into: &out)
                out += k == elements.count - 1 ? [0x0A] : [UInt8(ascii: ","), 0x0A]
            }
            out += [UInt8](repeating: 0x20, count: indent) + [UInt8(ascii: "]")]
        case .object(let members):
            if members.isEmpty { out += Array("{}".utf8); return }
            out += [UInt8(ascii: "{"), 0x0A]
            for (k, m) in members.enumerated() {
                out += [UInt8](repeating: 0x20, count: indent + 2)
                writeString(m.key, into: &out)
                out += [UInt8(ascii: ":"), 0x20]
                write(m.value, indent: indent + 2, into: &out)
                out += k == members.count - 1 ? [0x0A] : [UInt8(ascii: ","), 0x0A]
            }
            out += [UInt8](repeating: 0x20, count: indent) + [UInt8(ascii: "}")]
        }
    }

    /// `s` as a JSON string (quoted, escaped where JSON needs it).
    package static func writeString(_ s: String, into out: inout [UInt8]) {
        writeString(Substring(s), into: &out)
    }

    /// `s` as a JSON string (quoted, escaped where JSON needs it).
    package static func writeString(_ s: Substring, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings hold nothing to escape: their bytes are copied whole.
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension JSONValue {
    /// Shorthands for building values in code.
    package static func string(_ s: String) -> JSONValue { JSONValue(.string(s)) }
    package static func integer(_ n: Int) -> JSONValue { JSONValue(.number(Double(n), text: String(n))) }
    package static func bool(_ b: Bool) -> JSONValue { JSONValue(.bool(b)) }
    package static let null = JSONValue(.null)
    package static func array(_ elements: [JSONValue]) -> JSONValue { JSONValue(.array(elements)) }
    /// An object with members in the order given.
    package static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        JSONValue(.object(members.map { JSONValue.Member($0.key, $0.value) }))
    }
    package static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        JSONValue(.object(members.map { JSONValue.Member($0.0, $0.1) }))
    }
    /// A decimal number written with its exact text (e.g. `"0.5"`); nil if the text is not a JSON number.
    package static func decimal(_ text: String) -> JSONValue? {
        guard let v = Double(text), v.isFinite,
              (try? JSONReader.parse(Array(text.utf8), file: "")) != nil else { return nil }
        return JSONValue(.number(v, text: text))
    }
}
