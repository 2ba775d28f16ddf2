/// Escaping for text placed in HTML, SVG and inline script, so that no name, id or school name
/// can inject markup: every published string goes through one of these.
enum HTMLText {
    /// `text` safe inside an element or a quoted attribute value: `& < > " '` become entities.
    /// - Complexity: O(length).
    static func escape(_ text: some StringProtocol) -> String {
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard text.utf8.contains(where: special) else { return String(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// JSON text made safe to embed in a script: `<`, `>` and `&` written as `\u003c` … so
    /// that no string can close the script or open a comment, and U+2028/U+2029 escaped.
    /// Outside strings JSON never holds these characters, so the value read back is unchanged.
    static func scriptSafeJSON(_ json: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity(json.count)
        for c in String(decoding: json, as: UTF8.self).unicodeScalars {
            switch c {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `scriptSafeJSON` for script bytes that rarely need it: returned unchanged when they hold
    /// none of `<`, `>`, `&` and no U+2028/U+2029 (whose UTF-8 starts with E2).
    /// - Complexity: O(length).
    static func scriptSafe(_ script: [UInt8]) -> [UInt8] {
        guard script.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == 0xE2 }) else {
            return script
        }
        return Array(scriptSafeJSON(script).utf8)
    }

    /// A file-name-safe form of an id: ASCII letters, digits and `-` stay; every other byte of
    /// the UTF-8 text becomes `_` and two hex digits (so different ids give different names).
    static func fileNamePart(_ id: String) -> String {
        let hex = Array("0123456789abcdef")
        var out = ""
        for b in id.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.append(Character(Unicode.Scalar(b)))
            default:
                out += "_" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 0xF)])
            }
        }
        return out
    }
}
