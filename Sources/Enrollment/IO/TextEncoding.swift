/// The character encodings that input files may be in: UTF-8 (with or without a byte-order
/// mark) and GB18030, which covers what Excel on a Chinese Windows saves as GBK, GB2312 or
/// code page 936.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"

    /// Reads a user's `--encoding` value. Case is ignored; besides the two canonical names it
    /// accepts `utf8`, and `gbk`, `gb2312`, `cp936` for GB18030 (their superset).
    /// - Throws: `TextEncodingError.unknownName` listing the valid names.
    package init(name: String) throws(TextEncodingError) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        default: throw .unknownName(name)
        }
    }
}

/// Where in a file a decoding problem is.
package struct TextPosition: Equatable, Sendable {
    /// 0-based byte offset from the start of the file (a byte-order mark included).
    package var offset: Int
    /// 1-based line: 1 + the number of line feeds before `offset`.
    package var line: Int
    /// 1-based character (Unicode scalar) position in the line, counting the characters before
    /// `offset` in the encoding being tried.
    package var column: Int

    package init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }
}

/// Why a file's bytes could not be read as text.
package enum TextEncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An `--encoding` value that names no supported encoding.
    case unknownName(String)
    /// The file starts with a UTF-16 byte-order mark (FF FE or FE FF).
    case utf16
    /// The file starts with a UTF-8 byte-order mark but GB18030 was declared.
    case byteOrderMarkContradictsDeclared
    /// The file holds a NUL byte, which no text file of a case has: it is binary, or UTF-16
    /// without a byte-order mark.
    case nulByte(at: TextPosition)
    /// The file is not valid UTF-8 (declared, or marked by a byte-order mark): `problem` names
    /// the offending bytes.
    case invalidUTF8(at: TextPosition, problem: String)
    /// The file was declared GB18030 and is not.
    case invalidGB18030(at: TextPosition, problem: GB18030Error)
    /// Nothing declared, and the file is neither UTF-8 nor GB18030: where each reading fails.
    case undecodable(utf8: TextPosition, utf8Problem: String, gb18030: TextPosition, gb18030Problem: GB18030Error)

    /// The position to report: for `undecodable`, the one further into the file (the file is
    /// more likely in the encoding that reads further, and damaged there).
    package var position: TextPosition? {
        switch self {
        case .unknownName, .utf16, .byteOrderMarkContradictsDeclared: nil
        case .invalidUTF8(let at, _), .invalidGB18030(let at, _), .nulByte(let at): at
        case .undecodable(let u, _, let g, _): g.offset > u.offset ? g : u
        }
    }

    package var description: String {
        switch self {
        case .unknownName(let name):
            let valid = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown encoding \"\(name)\": use one of \(valid) (also accepted: utf8, gbk, gb2312, cp936)"
        case .utf16:
            return "UTF-16 is not supported: save as UTF-8 or GB18030 (Excel: CSV UTF-8)"
        case .byteOrderMarkContradictsDeclared:
            return "the file starts with a UTF-8 byte-order mark but the encoding was given as gb18030: "
                + "give --encoding utf-8 or leave --encoding out"
        case .nulByte(let at):
            return "\(Self.place(at)): a NUL byte (0x00), which no text file holds: the file is binary or UTF-16; "
                + "save it as UTF-8 (Excel: CSV UTF-8)"
        case .invalidUTF8(let at, let problem):
            return "\(Self.place(at)): \(problem); "
                + "if the file was saved as GBK or GB18030, give --encoding gb18030"
        case .invalidGB18030(let at, let problem):
            return "\(Self.place(at)): \(problem.problem)"
        case .undecodable(let u, let up, let g, let gp):
            return "the file is neither UTF-8 nor GB18030 (as UTF-8, \(Self.place(u)): \(up); "
                + "as GB18030, \(Self.place(g)): \(gp.problem)): save it as UTF-8 (Excel: CSV UTF-8)"
        }
    }

    /// This error as a diagnostic about `file`, at the reported position's line and character
    /// column (line 0 where the whole file is concerned).
    package func diagnostic(file: String) -> Diagnostic {
        let at = position
        return Diagnostic(SourceLocation(file: file, line: at?.line ?? 0, column: at?.column ?? 0), description)
    }

    private static func place(_ at: TextPosition) -> String {
        "line \(at.line), column \(at.column) (byte offset \(at.offset))"
    }
}

/// Decodes a file's bytes to text.
///
/// - With `declared` given, the bytes must be in that encoding. A leading byte-order mark is
///   removed (UTF-8 `EF BB BF`, GB18030 `84 31 95 33`).
/// - With `declared` nil: a UTF-8 byte-order mark means UTF-8 (and the rest must be valid);
///   otherwise valid UTF-8 is UTF-8 (so plain ASCII is UTF-8), and bytes that are not valid
///   UTF-8 but valid GB18030 are GB18030. (A GB18030 text that happens to be valid UTF-8 as
///   well is read as UTF-8; beyond a few Chinese characters that is vanishingly unlikely, and
///   declaring the encoding settles it.)
/// - A UTF-16 byte-order mark is always an error (`TextEncodingError.utf16`), and so is a NUL
///   byte anywhere (`TextEncodingError.nulByte`): valid in both encodings, it only ever comes
///   from a binary file or UTF-16 saved without a byte-order mark.
///
/// Where only the UTF-8 bytes are wanted (to parse them), `decodeUTF8` is cheaper: it builds
/// no `String` for UTF-8 input.
/// - Throws: `TextEncodingError` naming the byte offset, line and column of the first byte that
///   cannot be read.
/// - Complexity: O(n) in the number of bytes.
package func decodeText(_ bytes: [UInt8], declared: TextEncoding?) throws(TextEncodingError) -> (text: String, encoding: TextEncoding) {
    switch try decode(bytes, declared: declared) {
    case .utf8(let start): (String(decoding: bytes[start...], as: UTF8.self), .utf8)
    case .gb18030(let text): (text, .gb18030)
    }
}

/// The text of a file's bytes as UTF-8 bytes, decoded exactly as `decodeText` does (same
/// encoding, same errors), but without building a `String` when the file is UTF-8: then the
/// result is `bytes` itself, shared rather than copied, with a leading UTF-8 byte-order mark
/// left in place (`CSVReader` skips it). GB18030 text is converted, its byte-order mark removed.
///
/// UTF-8 is checked over the bytes, on all cores for a large file; only when it is not well
/// formed is the input scanned again to find the position.
/// - Throws: `TextEncodingError`, as `decodeText`.
/// - Complexity: O(n) in the number of bytes; no allocation for UTF-8 input.
func decodeUTF8(_ bytes: [UInt8], declared: TextEncoding?) throws(TextEncodingError) -> (utf8: [UInt8], encoding: TextEncoding) {
    switch try decode(bytes, declared: declared) {
    case .utf8: (bytes, .utf8)
    case .gb18030(let text): (Array(text.utf8), .gb18030)
    }
}

/// What a file's bytes decode to.
private enum DecodedText {
    /// Well-formed UTF-8 from offset `start` (after any byte-order mark).
    case utf8(start: Int)
    /// GB18030, converted.
    case gb18030(String)
}

/// The decoding that `decodeText` and `decodeUTF8` share (see `decodeText` for the rules).
private func decode(_ bytes: [UInt8], declared: TextEncoding?) throws(TextEncodingError) -> DecodedText {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
        throw .utf16
    }
    if let nul = firstNUL(in: bytes) {
        throw .nulByte(at: position(of: nul, in: bytes, from: 0) { line in
            line.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        })
    }
    let utf8BOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    if utf8BOM && declared == .gb18030 {
        throw .byteOrderMarkContradictsDeclared
    }
    func isUTF8(from start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Validation.isWellFormed(UnsafeBufferPointer(rebasing: $0[start...])) }
    }
    if utf8BOM || declared == .utf8 {
        let start = utf8BOM ? 3 : 0
        if isUTF8(from: start) { return .utf8(start: start) }
        let (at, problem) = utf8Failure(bytes, from: start)
        throw .invalidUTF8(at: at, problem: problem)
    }
    if declared == nil, isUTF8(from: 0) {
        return .utf8(start: 0)
    }
    let gbBOM = bytes.starts(with: [0x84, 0x31, 0x95, 0x33])
    let start = gbBOM ? 4 : 0
    do {
        let text = try bytes.withUnsafeBufferPointer { (buffer) throws(GB18030Error) -> String in
            try GB18030.decode(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
        return .gb18030(text)
    } catch {
        let shifted = shiftedError(error, by: start)
        let gbAt = position(of: shifted.offset, in: bytes, from: start) { line in
            (try? GB18030.decode(line))?.unicodeScalars.count ?? line.count
        }
        if declared == .gb18030 {
            throw .invalidGB18030(at: gbAt, problem: shifted)
        }
        let (utf8At, utf8Problem) = utf8Failure(bytes, from: 0)
        throw .undecodable(utf8: utf8At, utf8Problem: utf8Problem, gb18030: gbAt, gb18030Problem: shifted)
    }
}

/// `error` with its offset moved by `delta` bytes (from a slice to the whole file).
private func shiftedError(_ error: GB18030Error, by delta: Int) -> GB18030Error {
    switch error {
    case .invalidByte(let offset, let byte): .invalidByte(offset: offset + delta, byte: byte)
    case .invalidSequence(let offset, let bytes): .invalidSequence(offset: offset + delta, bytes: bytes)
    case .unassigned(let offset, let bytes): .unassigned(offset: offset + delta, bytes: bytes)
    case .truncated(let offset, let bytes): .truncated(offset: offset + delta, bytes: bytes)
    }
}

/// The position and description of the first ill-formed UTF-8 sequence at or after `start`.
/// Only called when the bytes are known to be invalid.
private func utf8Failure(_ bytes: [UInt8], from start: Int) -> (TextPosition, String) {
    let offset = firstInvalidUTF8Offset(bytes, from: start) ?? bytes.count
    let prefix = validPrefixLength(bytes, at: offset)
    let shown = bytes[offset..<min(bytes.count, offset + (prefix == 0 ? 1 : prefix + 1))]
    let hex = hexBytes(shown)
    let at = position(of: offset, in: bytes, from: start) { line in
        line.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
    return (at, (shown.count == 1 ? "byte \(hex) is" : "bytes \(hex) are") + " not valid UTF-8")
}

/// The offset of the first 0 byte in `bytes`, if any (`firstIndex(of: 0)`, 8 bytes at a time).
func firstNUL(in bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer in
        var k = 0
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while k + 8 <= buffer.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                // The high bit of each 0 byte (exact for the lowest one).
                let zero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if zero != 0 { return k + zero.trailingZeroBitCount / 8 }
                k += 8
            }
        }
        while k < buffer.count {
            if buffer[k] == 0 { return k }
            k += 1
        }
        return nil
    }
}

/// Line and column of byte `offset`: the line counts line feeds from `start`; the column is
/// 1 + `characters(bytes of the line before offset)`.
private func position(of offset: Int, in bytes: [UInt8], from start: Int, characters: (UnsafeBufferPointer<UInt8>) -> Int) -> TextPosition {
    var line = 1
    var lineStart = start
    for i in start..<offset where bytes[i] == 0x0A {
        line += 1
        lineStart = i + 1
    }
    let column = bytes.withUnsafeBufferPointer { buffer in
        1 + characters(UnsafeBufferPointer(rebasing: buffer[lineStart..<offset]))
    }
    return TextPosition(offset: offset, line: line, column: column)
}

/// Offset of the first byte of the first ill-formed UTF-8 sequence at or after `start`
/// (`UTF8Validation.firstInvalidOffset`); nil if all is well formed.
func firstInvalidUTF8Offset(_ bytes: [UInt8], from start: Int = 0) -> Int? {
    bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: $0[start...])) }.map { $0 + start }
}

/// How many bytes from `i` form the longest well-formed prefix of a UTF-8 sequence (the whole
/// sequence if it is complete; 0 if `bytes[i]` cannot lead).
private func validPrefixLength(_ bytes: [UInt8], at i: Int) -> Int {
    guard let sequence = UTF8Validation.sequence(lead: bytes[i]) else { return 0 }
    var count = 1
    while count < sequence.length && i + count < bytes.count {
        let b = bytes[i + count]
        let (low, high) = count == 1 ? (sequence.low, sequence.high) : (0x80, 0xBF)
        guard b >= low && b <= high else { break }
        count += 1
    }
    return count
}
