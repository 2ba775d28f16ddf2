/// A reader of XML 1.0 as the parts of an .xlsx workbook hold it, written here for reading
/// workbooks without a library: UTF-8 bytes in, a stream of start tags, end tags and text out,
/// handed to an `XMLHandler`.
///
/// What it reads: the XML declaration and processing instructions (skipped), comments
/// (skipped), elements with attributes in single or double quotes, self-closing elements,
/// character data with the five predefined entities and character references (`&#38;`,
/// `&#x26;`), and CDATA sections. Names are given without their namespace prefix (`x:c` is
/// `c`): the parts of a workbook use one namespace per name.
///
/// What it refuses, each with its place (`XMLError`): a document type declaration (it could
/// define entities that expand without bound), an entity it does not know, an end tag that
/// does not close the open element, a tag or comment cut short, text outside the root
/// element, a second root, elements nested deeper than `maximumDepth`, a `<` inside an
/// attribute value, an attribute without quotes or named twice, and bytes that are not UTF-8.
///
/// - Complexity: O(n) in the bytes, one pass; text is copied only when it holds a reference.
package enum XMLScanner {
    /// The deepest nesting read; a workbook part nests a few levels.
    package static let maximumDepth = 256

    /// Reads `bytes`, calling `handler` for each tag and each run of text, in document order.
    /// - Throws: `XMLError` at the first problem, or the handler's error.
    package static func scan<Handler: XMLHandler>(_ bytes: [UInt8], into handler: inout Handler) throws(XMLError) {
        try bytes.withUnsafeBufferPointer { (input) throws(XMLError) in
            var scanner = Scanner(input: input)
            try scanner.run(&handler)
        }
    }

    /// Where the scanner is and what it has open.
    private struct Scanner {
        let input: UnsafeBufferPointer<UInt8>
        var i = 0
        /// The open elements' names, as ranges of `input`.
        var open: [Range<Int>] = []
        var sawRoot = false
        /// Decoded text and attribute values that held references.
        var scratch: [UInt8] = []
        var attributes: [XMLAttribute] = []

        init(input: UnsafeBufferPointer<UInt8>) {
            self.input = input
        }

        static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), amp = UInt8(ascii: "&"), slash = UInt8(ascii: "/")
        static let question = UInt8(ascii: "?"), bang = UInt8(ascii: "!"), eq = UInt8(ascii: "="), colon = UInt8(ascii: ":")

        func fail(_ reason: XMLError.Reason, at offset: Int) -> XMLError {
            XMLError(input: input, offset: offset, reason: reason)
        }

        /// A handler's error, placed at `offset` unless it has a place of its own.
        func located(_ error: XMLError, at offset: Int) -> XMLError {
            error.line == 0 ? fail(error.reason, at: offset) : error
        }

        mutating func run<Handler: XMLHandler>(_ handler: inout Handler) throws(XMLError) {
            if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { i = 3 }
            if input.count >= 2, (input[0] == 0xFE && input[1] == 0xFF) || (input[0] == 0xFF && input[1] == 0xFE) {
                throw fail(.notUTF8, at: 0)
            }
            if !UTF8Validation.isWellFormed(input), let bad = UTF8Validation.firstInvalidOffset(input) {
                throw fail(.invalidUTF8, at: bad)
            }
            while i < input.count {
                if input[i] == Self.lt {
                    try markup(&handler)
                } else {
                    try text(&handler)
                }
            }
            if let last = open.last { throw fail(.unclosed(name(last)), at: input.count) }
            if !sawRoot { throw fail(.noRoot, at: input.count) }
        }

        func name(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
        }

        /// The part of `range` after its prefix (`x:c` → `c`).
        func localName(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            var start = range.lowerBound
            for k in range where input[k] == Self.colon { start = k + 1 }
            return UnsafeBufferPointer(rebasing: input[start..<range.upperBound])
        }

        static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

        static func isNameByte(_ b: UInt8) -> Bool {
            !isSpace(b) && b != lt && b != gt && b != slash && b != eq && b != UInt8(ascii: "\"") && b != UInt8(ascii: "'") && b != amp
        }

        mutating func skipSpace() {
            while i < input.count, Self.isSpace(input[i]) { i += 1 }
        }

        /// Text up to the next `<`.
        mutating func text<Handler: XMLHandler>(_ handler: inout Handler) throws(XMLError) {
            let start = i
            var hasReference = false
            while i < input.count, input[i] != Self.lt {
                if input[i] == Self.amp { hasReference = true }
                i += 1
            }
            let raw = UnsafeBufferPointer(rebasing: input[start..<i])
            guard !open.isEmpty else {
                // Only white space may stand outside the root element.
                if let k = raw.firstIndex(where: { !Self.isSpace($0) }) { throw fail(.textOutsideRoot, at: start + k) }
                return
            }
            do {
                if hasReference {
                    try decode(start..<i)
                    try scratch.withUnsafeBufferPointer { (decoded) throws(XMLError) in try handler.text(decoded) }
                } else {
                    try handler.text(raw)
                }
            } catch {
                throw located(error, at: start)
            }
        }

        /// Decodes the references in `range` into `scratch`.
        mutating func decode(_ range: Range<Int>) throws(XMLError) {
            scratch.removeAll(keepingCapacity: true)
            var k = range.lowerBound
            while k < range.upperBound {
                let b = input[k]
                guard b == Self.amp else {
                    scratch.append(b)
                    k += 1
                    continue
                }
                guard let semicolon = input[k..<range.upperBound].firstIndex(of: UInt8(ascii: ";")), semicolon - k <= 12 else {
                    throw fail(.unknownEntity, at: k)
                }
                let entity = UnsafeBufferPointer(rebasing: input[(k + 1)..<semicolon])
                if let scalar = Self.reference(entity) {
                    scratch.append(contentsOf: String(Character(scalar)).utf8)
                } else {
                    throw fail(.unknownEntity, at: k)
                }
                k = semicolon + 1
            }
        }

        /// The character an entity or character reference (without `&` and `;`) stands for.
        static func reference(_ entity: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
            switch String(decoding: entity, as: UTF8.self) {
            case "lt": return "<"
            case "gt": return ">"
            case "amp": return "&"
            case "quot": return "\""
            case "apos": return "'"
            case let text where text.hasPrefix("#x"):
                return UInt32(text.dropFirst(2), radix: 16).flatMap(allowed)
            case let text where text.hasPrefix("#"):
                return UInt32(text.dropFirst(), radix: 10).flatMap(allowed)
            default: return nil
            }
        }

        /// A character XML allows in a document (XML 1.0 §2.2).
        static func allowed(_ value: UInt32) -> Unicode.Scalar? {
            guard value == 0x9 || value == 0xA || value == 0xD || value >= 0x20 else { return nil }
            return Unicode.Scalar(value)
        }

        mutating func markup<Handler: XMLHandler>(_ handler: inout Handler) throws(XMLError) {
            let start = i
            guard i + 1 < input.count else { throw fail(.cutShort, at: start) }
            switch input[i + 1] {
            case Self.question:
                try skip(past: [Self.question, Self.gt], from: start)
            case Self.bang:
                if matches("<!--") {
                    try skip(past: Array("-->".utf8), from: start)
                } else if matches("<![CDATA[") {
                    guard !open.isEmpty else { throw fail(.textOutsideRoot, at: start) }
                    let body = i + 9
                    try skip(past: Array("]]>".utf8), from: start)
                    do { try handler.text(UnsafeBufferPointer(rebasing: input[body..<(i - 3)])) } catch { throw located(error, at: start) }
                } else if matches("<!DOCTYPE") {
                    throw fail(.doctype, at: start)
                } else {
                    throw fail(.malformedTag, at: start)
                }
            case Self.slash:
                try endTag(&handler)
            default:
                try startTag(&handler)
            }
        }

        func matches(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard i + count <= input.count else { return false }
            return literal.withUTF8Buffer { literal in (0..<count).allSatisfy { input[i + $0] == literal[$0] } }
        }

        /// Moves past the first occurrence of `end` after `i`.
        mutating func skip(past end: [UInt8], from start: Int) throws(XMLError) {
            var k = i + 2
            while k + end.count <= input.count {
                if input[k] == end[0], (1..<end.count).allSatisfy({ input[k + $0] == end[$0] }) {
                    i = k + end.count
                    return
                }
                k += 1
            }
            throw fail(.cutShort, at: start)
        }

        mutating func nameRange() -> Range<Int> {
            let start = i
            while i < input.count, Self.isNameByte(input[i]) { i += 1 }
            return start..<i
        }

        mutating func startTag<Handler: XMLHandler>(_ handler: inout Handler) throws(XMLError) {
            let start = i
            i += 1
            let element = nameRange()
            guard !element.isEmpty else { throw fail(.malformedTag, at: start) }
            if open.isEmpty {
                guard !sawRoot else { throw fail(.secondRoot, at: start) }
                sawRoot = true
            }
            attributes.removeAll(keepingCapacity: true)
            var values: [UInt8] = []
            while true {
                skipSpace()
                guard i < input.count else { throw fail(.cutShort, at: start) }
                if input[i] == Self.gt || input[i] == Self.slash { break }
                let attribute = nameRange()
                guard !attribute.isEmpty else { throw fail(.malformedTag, at: i) }
                skipSpace()
                guard i < input.count, input[i] == Self.eq else { throw fail(.attributeWithoutValue(name(attribute)), at: attribute.lowerBound) }
                i += 1
                skipSpace()
                guard i < input.count, input[i] == UInt8(ascii: "\"") || input[i] == UInt8(ascii: "'") else {
                    throw fail(.attributeWithoutQuotes(name(attribute)), at: i)
                }
                let quote = input[i]
                let valueStart = i + 1
                i = valueStart
                var hasReference = false
                while i < input.count, input[i] != quote {
                    if input[i] == Self.lt { throw fail(.ltInAttribute, at: i) }
                    if input[i] == Self.amp { hasReference = true }
                    i += 1
                }
                guard i < input.count else { throw fail(.cutShort, at: start) }
                let local = localName(attribute)
                for other in attributes where equal(localName(other.nameRange), local) {
                    throw fail(.duplicateAttribute(name(attribute)), at: attribute.lowerBound)
                }
                if hasReference {
                    try decode(valueStart..<i)
                    let offset = values.count
                    values.append(contentsOf: scratch)
                    attributes.append(XMLAttribute(nameRange: attribute, value: .decoded(offset..<values.count)))
                } else {
                    attributes.append(XMLAttribute(nameRange: attribute, value: .raw(valueStart..<i)))
                }
                i += 1
            }
            let selfClosing = input[i] == Self.slash
            if selfClosing {
                guard i + 1 < input.count, input[i + 1] == Self.gt else { throw fail(.malformedTag, at: i) }
                i += 2
            } else {
                i += 1
            }
            guard open.count < XMLScanner.maximumDepth else { throw fail(.tooDeep, at: start) }
            let tag = XMLStartTag(input: input, name: localName(element), attributes: attributes, decoded: values)
            do {
                try handler.start(tag)
                if selfClosing { try handler.end(localName(element)) }
            } catch {
                throw located(error, at: start)
            }
            if !selfClosing { open.append(element) }
        }

        func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
            a.count == b.count && a.elementsEqual(b)
        }

        mutating func endTag<Handler: XMLHandler>(_ handler: inout Handler) throws(XMLError) {
            let start = i
            i += 2
            let element = nameRange()
            skipSpace()
            guard i < input.count, input[i] == Self.gt else { throw fail(.cutShort, at: start) }
            i += 1
            guard let last = open.last else { throw fail(.unexpectedEnd(name(element)), at: start) }
            guard equal(UnsafeBufferPointer(rebasing: input[last]), UnsafeBufferPointer(rebasing: input[element])) else {
                throw fail(.mismatchedEnd(open: name(last), end: name(element)), at: start)
            }
            open.removeLast()
            do { try handler.end(localName(element)) } catch { throw located(error, at: start) }
        }
    }
}

/// What an `XMLScanner` calls as it reads: names without their prefix, text decoded. The
/// buffers are valid only during the call.
package protocol XMLHandler {
    mutating func start(_ tag: XMLStartTag) throws(XMLError)
    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws(XMLError)
    mutating func text(_ text: UnsafeBufferPointer<UInt8>) throws(XMLError)
}

/// An attribute of a start tag: where its name is, and its value as written or decoded.
package struct XMLAttribute {
    package enum Value {
        /// A range of the input: the value held no reference.
        case raw(Range<Int>)
        /// A range of the tag's decoded values.
        case decoded(Range<Int>)
    }

    package var nameRange: Range<Int>
    package var value: Value
}

/// A start tag as the handler sees it: its local name and its attributes' values by local name.
package struct XMLStartTag {
    let input: UnsafeBufferPointer<UInt8>
    /// The element's name without its prefix.
    package let name: UnsafeBufferPointer<UInt8>
    let attributes: [XMLAttribute]
    let decoded: [UInt8]

    /// Whether the element's local name is `literal`.
    package func `is`(_ literal: StaticString) -> Bool {
        XMLStartTag.equal(name, literal)
    }

    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { bytes.count == $0.count && bytes.elementsEqual($0) }
    }

    /// Calls `body` with the value of the attribute whose local name is `name`, or nil.
    package func withAttribute<R>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>?) throws(XMLError) -> R) throws(XMLError) -> R {
        for attribute in attributes {
            var start = attribute.nameRange.lowerBound
            for k in attribute.nameRange where input[k] == UInt8(ascii: ":") { start = k + 1 }
            guard XMLStartTag.equal(UnsafeBufferPointer(rebasing: input[start..<attribute.nameRange.upperBound]), name) else { continue }
            switch attribute.value {
            case .raw(let range):
                return try body(UnsafeBufferPointer(rebasing: input[range]))
            case .decoded(let range):
                return try decoded.withUnsafeBufferPointer { (all) throws(XMLError) in try body(UnsafeBufferPointer(rebasing: all[range])) }
            }
        }
        return try body(nil)
    }

    /// The value of the attribute `name` as a string, or nil.
    package func attribute(_ name: StaticString) -> String? {
        (try? withAttribute(name) { $0.map { String(decoding: $0, as: UTF8.self) } }) ?? nil
    }
}

/// Why an XML part cannot be read, and where (line and column counted in characters of the part).
package struct XMLError: Error, Equatable, CustomStringConvertible {
    package enum Reason: Equatable, Sendable {
        case notUTF8
        case invalidUTF8
        case doctype
        case unknownEntity
        case cutShort
        case malformedTag
        case attributeWithoutValue(String)
        case attributeWithoutQuotes(String)
        case duplicateAttribute(String)
        case ltInAttribute
        case unclosed(String)
        case unexpectedEnd(String)
        case mismatchedEnd(open: String, end: String)
        case textOutsideRoot
        case secondRoot
        case noRoot
        case tooDeep
        /// A problem the handler found in what it read (such as a shared-string index out of range).
        case content(String)
    }

    package var line: Int
    package var column: Int
    package var reason: Reason

    package init(line: Int, column: Int, reason: Reason) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// The error at byte `offset` of `input`, its line and column counted there.
    init(input: UnsafeBufferPointer<UInt8>, offset: Int, reason: Reason) {
        var line = 1, column = 1
        for b in input[..<min(offset, input.count)] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.init(line: line, column: column, reason: reason)
    }

    package var description: String {
        "line \(line), column \(column): " + {
            switch reason {
            case .notUTF8: return "the part is not in UTF-8 (a UTF-16 part, which Excel never writes)"
            case .invalidUTF8: return "the part holds bytes that are not UTF-8"
            case .doctype: return "a document type declaration, which no workbook part has (refused: it could define entities without bound)"
            case .unknownEntity: return "an entity reference other than &lt; &gt; &amp; &quot; &apos; or a character number"
            case .cutShort: return "a tag, comment or section is cut short"
            case .malformedTag: return "a malformed tag"
            case .attributeWithoutValue(let name): return "the attribute \(name) has no value"
            case .attributeWithoutQuotes(let name): return "the value of the attribute \(name) is not in quotes"
            case .duplicateAttribute(let name): return "the attribute \(name) is given twice"
            case .ltInAttribute: return "a '<' inside an attribute value"
            case .unclosed(let name): return "the element <\(name)> is never closed"
            case .unexpectedEnd(let name): return "</\(name)> closes no open element"
            case let .mismatchedEnd(open, end): return "the element <\(open)> is closed by </\(end)>"
            case .textOutsideRoot: return "text outside the document's root element"
            case .secondRoot: return "a second root element"
            case .noRoot: return "no root element"
            case .tooDeep: return "elements nested more than \(XMLScanner.maximumDepth) deep"
            case .content(let problem): return problem
            }
        }()
    }
}
