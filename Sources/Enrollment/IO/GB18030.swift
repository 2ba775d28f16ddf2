import Foundation

/// GB18030-2005, the Chinese national character set, which Excel on a Chinese Windows uses for
/// "CSV (comma delimited)" files (there called GBK or code page 936; GBK and GB2312 are
/// subsets). Foundation on Linux cannot read it, so it is written here.
///
/// A code is one, two or four bytes:
/// - one byte `0x00...0x7F`: ASCII;
/// - two bytes: lead `0x81...0xFE`, trail `0x40...0x7E` or `0x80...0xFE` (23,940 codes, all
///   assigned; the table comes from `scripts/make-gb18030-table.py`);
/// - four bytes: `0x81...0xFE`, `0x30...0x39`, `0x81...0xFE`, `0x30...0x39`, numbered by the
///   linear index `((b1−0x81)·10 + (b2−0x30))·1260 + (b3−0x81)·10 + (b4−0x30)`. Indices 0...39419
///   (`0x81308130...0x8431A439`) cover the rest of the BMP in 208 runs; indices from 189000
///   (`0x90308130`) are U+10000...U+10FFFF in order (up to `0xE3329A35`). Other four-byte codes
///   are unassigned and rejected.
///
/// Together the three kinds cover every Unicode scalar exactly once, so `encode` never fails and
/// `decode(encode(s)) == s` for every string.
///
/// **GB18030-2005 and not 2000**: 0xA8BC is U+1E3F (ḿ) and 0x8135F437 is U+E7C7 (private use);
/// 2000 had the two swapped. Other revisions' differences (the 2022 edition moved some
/// private-use mappings to standard code points) are not applied.
///
/// **The euro sign**: GB18030-2005 encodes € (U+20AC) as 0xA2E3 and assigns nothing to the
/// single byte 0x80. Windows code page 936 (what Excel writes as "GBK") puts € at 0x80, and the
/// WHATWG Encoding Standard's GB18030 decoder reads 0x80 as € too. So `decode` reads a lone
/// 0x80 as €, and `encode` writes € as the standard 0xA2E3. The single byte 0xFF is invalid.
package enum GB18030 {
    /// Decodes GB18030 bytes to a string.
    ///
    /// A GB18030 byte-order mark (`0x84 0x31 0x95 0x33`, U+FEFF) is decoded like any other
    /// character; `decodeText` removes it where it starts a file.
    /// - Throws: `GB18030Error` at the first invalid, unassigned or truncated code, with the
    ///   byte offset of the code's first byte.
    /// - Complexity: O(n) in the number of bytes, one table look-up per character.
    package static func decode(_ bytes: [UInt8]) throws(GB18030Error) -> String {
        try bytes.withUnsafeBufferPointer { (buffer) throws(GB18030Error) -> String in
            try decode(buffer)
        }
    }

    /// Decodes GB18030 bytes to a string; see `decode(_: [UInt8])`.
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(GB18030Error) -> String {
        let two = twoByteTable
        let four = fourByteBMPTable
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 2 + 4)
        let n = bytes.count
        var i = 0
        while i < n {
            let b1 = bytes[i]
            if b1 < 0x80 {
                utf8.append(b1)
                i += 1
                continue
            }
            if b1 == 0x80 {
                appendUTF8(0x20AC, to: &utf8)
                i += 1
                continue
            }
            guard b1 != 0xFF else { throw .invalidByte(offset: i, byte: b1) }
            guard i + 1 < n else { throw .truncated(offset: i, bytes: Array(bytes[i..<n])) }
            let b2 = bytes[i + 1]
            if b2 >= 0x40 && b2 != 0x7F && b2 != 0xFF {
                let trail = Int(b2) - (b2 < 0x7F ? 0x40 : 0x41)
                appendUTF8(UInt32(two[(Int(b1) - 0x81) * 190 + trail]), to: &utf8)
                i += 2
                continue
            }
            guard b2 >= 0x30 && b2 <= 0x39 else {
                throw .invalidSequence(offset: i, bytes: [b1, b2])
            }
            guard i + 3 < n else {
                let rest = Array(bytes[i..<n])
                if rest.count == 3 && !(0x81...0xFE).contains(rest[2]) {
                    throw .invalidSequence(offset: i, bytes: rest)
                }
                throw .truncated(offset: i, bytes: rest)
            }
            let b3 = bytes[i + 2], b4 = bytes[i + 3]
            guard b3 >= 0x81 && b3 <= 0xFE else {
                throw .invalidSequence(offset: i, bytes: [b1, b2, b3])
            }
            guard b4 >= 0x30 && b4 <= 0x39 else {
                throw .invalidSequence(offset: i, bytes: [b1, b2, b3, b4])
            }
            let index = linearIndex(b1, b2, b3, b4)
            if index < four.count {
                appendUTF8(UInt32(four[index]), to: &utf8)
            } else if index >= supplementaryStart && index - supplementaryStart < 0x10_0000 {
                appendUTF8(UInt32(0x1_0000 + index - supplementaryStart), to: &utf8)
            } else {
                throw .unassigned(offset: i, bytes: [b1, b2, b3, b4])
            }
            i += 4
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Encodes a string in GB18030-2005. Every Unicode scalar has a code, so this cannot fail.
    /// - Complexity: O(n) in the number of scalars.
    package static func encode(_ string: String) -> [UInt8] {
        let table = encodeTable
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(UInt8(value))
            } else if value <= 0xFFFF {
                let code = table[Int(value)]
                if code <= 0xFFFF {
                    out.append(UInt8(code >> 8))
                    out.append(UInt8(code & 0xFF))
                } else {
                    appendBigEndian(code, to: &out)
                }
            } else {
                appendBigEndian(fourByteCode(supplementaryStart + Int(value) - 0x1_0000), to: &out)
            }
        }
        return out
    }

    // MARK: - Tables, built once on first use

    /// Linear index of the first supplementary-plane code, 0x90308130 (U+10000).
    package static let supplementaryStart = 189_000

    /// The code point of each two-byte code, indexed by `(lead − 0x81)·190 + trail position`.
    package static let twoByteTable: [UInt16] = {
        guard let data = Data(base64Encoded: twoByteTableBase64, options: .ignoreUnknownCharacters),
              data.count == 2 * 23_940
        else { preconditionFailure("GB18030Table.swift is damaged: run scripts/make-gb18030-table.py") }
        return (0..<23_940).map { UInt16(data[2 * $0]) << 8 | UInt16(data[2 * $0 + 1]) }
    }()

    /// The code point of each BMP four-byte code, indexed by linear index (0...39419).
    package static let fourByteBMPTable: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 39_420)
        let ranges = fourByteRanges
        for r in stride(from: 0, to: ranges.count, by: 2) {
            let start = Int(ranges[r])
            let end = r + 2 < ranges.count ? Int(ranges[r + 2]) : table.count
            for index in start..<end {
                table[index] = UInt16(Int(ranges[r + 1]) + index - start)
            }
        }
        return table
    }()

    /// For each BMP scalar at or above 0x80, its code: `0xLLTT` for two bytes, or the four bytes
    /// big-endian (always above 0xFFFF, as the first byte is at least 0x81). 0 for surrogates.
    package static let encodeTable: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x1_0000)
        for (position, point) in twoByteTable.enumerated() {
            let lead = 0x81 + position / 190
            let trailPosition = position % 190
            let trail = trailPosition + (trailPosition < 0x3F ? 0x40 : 0x41)
            table[Int(point)] = UInt32(lead << 8 | trail)
        }
        for (index, point) in fourByteBMPTable.enumerated() {
            table[Int(point)] = fourByteCode(index)
        }
        return table
    }()

    @inline(__always)
    package static func linearIndex(_ b1: UInt8, _ b2: UInt8, _ b3: UInt8, _ b4: UInt8) -> Int {
        ((Int(b1) - 0x81) * 10 + (Int(b2) - 0x30)) * 1260 + (Int(b3) - 0x81) * 10 + (Int(b4) - 0x30)
    }

    /// The four bytes of linear index `index`, big-endian in one UInt32.
    package static func fourByteCode(_ index: Int) -> UInt32 {
        let b4 = index % 10
        let b3 = index / 10 % 126
        let b2 = index / 1260 % 10
        let b1 = index / 12600
        return UInt32(0x81 + b1) << 24 | UInt32(0x30 + b2) << 16 | UInt32(0x81 + b3) << 8 | UInt32(0x30 + b4)
    }

    @inline(__always)
    package static func appendBigEndian(_ code: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(code >> 24))
        out.append(UInt8(code >> 16 & 0xFF))
        out.append(UInt8(code >> 8 & 0xFF))
        out.append(UInt8(code & 0xFF))
    }

    @inline(__always)
    package static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        if value < 0x80 {
            out.append(UInt8(value))
        } else if value < 0x800 {
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        } else if value < 0x1_0000 {
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        } else {
            out.append(UInt8(0xF0 | value >> 18))
            out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        }
    }
}

/// Why bytes are not GB18030. Every case carries the byte offset (0-based, from the start of
/// the bytes given to `decode`) of the first byte of the offending code; `decodeText` turns it
/// into a line and column.
package enum GB18030Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// A byte that cannot start a character (0xFF).
    case invalidByte(offset: Int, byte: UInt8)
    /// A lead byte followed by bytes that cannot continue it; `bytes` ends at the first bad one.
    case invalidSequence(offset: Int, bytes: [UInt8])
    /// A well-formed four-byte code to which GB18030 assigns no character (for example
    /// 0x8431A530, just past U+FFFF, or anything past 0xE3329A35 = U+10FFFF).
    case unassigned(offset: Int, bytes: [UInt8])
    /// The bytes end inside a character.
    case truncated(offset: Int, bytes: [UInt8])

    /// Byte offset of the first byte of the offending code.
    package var offset: Int {
        switch self {
        case .invalidByte(let offset, _), .invalidSequence(let offset, _),
             .unassigned(let offset, _), .truncated(let offset, _):
            offset
        }
    }

    /// The offending bytes.
    package var bytes: [UInt8] {
        switch self {
        case .invalidByte(_, let byte): [byte]
        case .invalidSequence(_, let bytes), .unassigned(_, let bytes), .truncated(_, let bytes): bytes
        }
    }

    /// What is wrong, without the position (which the caller states in its own terms).
    package var problem: String {
        let hex = hexBytes(bytes)
        switch self {
        case .invalidByte: return "byte \(hex) cannot start a GB18030 character"
        case .invalidSequence: return "bytes \(hex) are not a GB18030 character"
        case .unassigned: return "bytes \(hex) are a GB18030 code with no character assigned"
        case .truncated: return "the file ends inside a GB18030 character (bytes \(hex))"
        }
    }

    package var description: String {
        "byte offset \(offset): \(problem)"
    }
}

/// Bytes as a clerk's editor shows them: "0xD5 0x0A".
func hexBytes(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { byte in
        let digits = String(byte, radix: 16, uppercase: true)
        return (byte < 0x10 ? "0x0" : "0x") + digits
    }.joined(separator: " ")
}
