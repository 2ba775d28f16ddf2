/// DEFLATE decompression (RFC 1951), written here for reading the ZIP archives of .xlsx
/// workbooks without a library: the raw stream of a ZIP entry (method 8) in, its bytes out.
///
/// Every block type is read: stored, fixed Huffman codes and dynamic Huffman codes. The
/// decoder checks everything the format allows to go wrong — a stream that ends inside a block,
/// a reserved block type, a stored block whose length and its complement disagree, code
/// lengths that over-subscribe a code or leave it incomplete (but for the single-code case the
/// RFC allows), a symbol no code stands for, a distance reaching before the start of the
/// output — and stops the output at `limit` bytes, so a small hostile archive cannot make it
/// allocate without bound (a "ZIP bomb").
///
///     let text = try Inflate.decompress(entryBytes, limit: 64 << 20)
///
/// - Complexity: O(input + output); memory O(output).
package enum Inflate {
    /// The bytes the raw DEFLATE stream `input` stands for.
    /// - Parameter limit: the most bytes the output may hold; more is an error.
    /// - Throws: `InflateError` at the first problem.
    package static func decompress(_ input: [UInt8], limit: Int) throws(InflateError) -> [UInt8] {
        var reader = BitReader(input)
        var output: [UInt8] = []
        var last = false
        while !last {
            last = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0: try stored(&reader, into: &output, limit: limit)
            case 1: try codes(&reader, into: &output, limit: limit, lengths: fixedLengths, distances: fixedDistances)
            case 2:
                let (lengths, distances) = try dynamicCodes(&reader)
                try codes(&reader, into: &output, limit: limit, lengths: lengths, distances: distances)
            default: throw .reservedBlockType
            }
        }
        return output
    }

    /// A stored block: byte-aligned LEN, its one's complement, then LEN bytes as they are.
    private static func stored(_ reader: inout BitReader, into output: inout [UInt8], limit: Int) throws(InflateError) {
        reader.alignToByte()
        let length = try reader.bits(16), complement = try reader.bits(16)
        guard length == ~complement & 0xFFFF else { throw .storedLengthMismatch }
        guard output.count + length <= limit else { throw .tooLarge(limit: limit) }
        try reader.copyBytes(length, into: &output)
    }

    /// A block coded with `lengths` (literals, end of block, lengths) and `distances`.
    private static func codes(_ reader: inout BitReader, into output: inout [UInt8], limit: Int,
                              lengths: Huffman, distances: Huffman) throws(InflateError) {
        while true {
            let symbol = try lengths.decode(&reader)
            if symbol < 256 {
                guard output.count < limit else { throw .tooLarge(limit: limit) }
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let k = symbol - 257
            guard k < lengthBase.count else { throw .badSymbol }
            let length = lengthBase[k] + (try reader.bits(lengthExtra[k]))
            let d = try distances.decode(&reader)
            guard d < distanceBase.count else { throw .badSymbol }
            let distance = distanceBase[d] + (try reader.bits(distanceExtra[d]))
            guard distance <= output.count else { throw .distanceTooFar }
            guard output.count + length <= limit else { throw .tooLarge(limit: limit) }
            // The copy may overlap what it writes (distance < length repeats a run): byte by byte.
            var from = output.count - distance
            for _ in 0..<length {
                output.append(output[from])
                from += 1
            }
        }
    }

    /// The code of a dynamic block's header: the code-length code, then the literal/length and
    /// distance code lengths it codes (with runs: 16 repeats the previous length 3–6 times,
    /// 17 and 18 give 3–10 and 11–138 zeros).
    private static func dynamicCodes(_ reader: inout BitReader) throws(InflateError) -> (Huffman, Huffman) {
        let literalCount = try reader.bits(5) + 257, distanceCount = try reader.bits(5) + 1, codeLengthCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .badCodeLengths("more than 286 length or 30 distance codes") }
        var codeLengths = [Int](repeating: 0, count: 19)
        for k in 0..<codeLengthCount { codeLengths[codeLengthOrder[k]] = try reader.bits(3) }
        let codeLengthCode = try Huffman(codeLengths, incomplete: .refused)
        var lengths: [Int] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try codeLengthCode.decode(&reader)
            let (value, repeats): (Int, Int)
            switch symbol {
            case 0..<16: (value, repeats) = (symbol, 1)
            case 16:
                guard let previous = lengths.last else { throw .badCodeLengths("a repeat with no length before it") }
                (value, repeats) = (previous, 3 + (try reader.bits(2)))
            case 17: (value, repeats) = (0, 3 + (try reader.bits(3)))
            default: (value, repeats) = (0, 11 + (try reader.bits(7)))
            }
            guard lengths.count + repeats <= literalCount + distanceCount else { throw .badCodeLengths("the lengths run past the codes") }
            lengths += repeatElement(value, count: repeats)
        }
        guard lengths[256] > 0 else { throw .badCodeLengths("no code for the end of the block") }
        // An incomplete code is allowed only when it is a single one-bit code (RFC 1951, 3.2.7).
        let literals = try Huffman(Array(lengths[..<literalCount]), incomplete: .singleCode)
        let distances = try Huffman(Array(lengths[literalCount...]), incomplete: .singleCode)
        return (literals, distances)
    }

    /// The canonical Huffman code of a list of code lengths (0: the symbol has no code), decoded
    /// bit by bit: `counts[n]` codes of n bits, `symbols` ordered by code.
    struct Huffman {
        private var counts = [Int](repeating: 0, count: 16)
        private var symbols: [Int] = []

        /// Whether a code that leaves some bit patterns unused is accepted.
        enum Incomplete { case refused, singleCode, accepted }

        init(_ lengths: [Int], incomplete: Incomplete) throws(InflateError) {
            for length in lengths { counts[length] += 1 }
            var left = 1
            for n in 1...15 {
                left = left * 2 - counts[n]
                guard left >= 0 else { throw .badCodeLengths("a code is over-subscribed") }
            }
            let coded = lengths.count - counts[0]
            let single = coded == 0 || (coded == 1 && counts[1] == 1)
            guard left == 0 || incomplete == .accepted || (incomplete == .singleCode && single) else {
                throw .badCodeLengths("a code is incomplete")
            }
            var offsets = [Int](repeating: 0, count: 16)
            for n in 1..<15 { offsets[n + 1] = offsets[n] + counts[n] }
            symbols = [Int](repeating: 0, count: coded)
            for (symbol, length) in lengths.enumerated() where length > 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }

        /// The next symbol: the code's bits come first bit first, most significant first.
        func decode(_ reader: inout BitReader) throws(InflateError) -> Int {
            var code = 0, first = 0, index = 0
            for n in 1...15 {
                code |= try reader.bits(1)
                let count = counts[n]
                if code - first < count { return symbols[index + code - first] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            throw .badSymbol
        }
    }

    /// The stream's bits, least significant bit of each byte first.
    struct BitReader {
        private let input: [UInt8]
        private var position = 0
        private var buffer: UInt64 = 0
        private var count = 0

        init(_ input: [UInt8]) { self.input = input }

        /// The next `n` bits (0…24) as a number, the first bit the least significant.
        mutating func bits(_ n: Int) throws(InflateError) -> Int {
            while count < n {
                guard position < input.count else { throw .truncated }
                buffer |= UInt64(input[position]) << count
                position += 1
                count += 8
            }
            let value = Int(buffer & ((1 << UInt64(n)) - 1))
            buffer >>= UInt64(n)
            count -= n
            return value
        }

        /// Drops the bits left of the current byte.
        mutating func alignToByte() {
            buffer >>= UInt64(count % 8)
            count -= count % 8
        }

        /// Appends the next `n` bytes as they are (after `alignToByte`).
        mutating func copyBytes(_ n: Int, into output: inout [UInt8]) throws(InflateError) {
            var n = n
            while n > 0, count >= 8 {
                output.append(UInt8(try bits(8)))
                n -= 1
            }
            guard position + n <= input.count else { throw .truncated }
            output += input[position..<(position + n)]
            position += n
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                                       4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// The fixed codes of block type 1 (RFC 1951, 3.2.6).
    private static let fixedLengths = try! Huffman([Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
                                                   + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8), incomplete: .refused)
    /// 30 five-bit codes: two patterns unused, as the RFC defines them.
    private static let fixedDistances = try! Huffman([Int](repeating: 5, count: 30), incomplete: .accepted)
}

/// Why a DEFLATE stream could not be decompressed.
package enum InflateError: Error, Equatable, CustomStringConvertible {
    /// The stream ends inside a block.
    case truncated
    /// A block of the reserved type 3.
    case reservedBlockType
    /// A stored block whose length and its one's complement disagree.
    case storedLengthMismatch
    /// A dynamic block's code lengths do not make a valid code.
    case badCodeLengths(String)
    /// A code that stands for no symbol, or a symbol the format reserves.
    case badSymbol
    /// A back-reference to before the start of the output.
    case distanceTooFar
    /// The output would exceed the limit.
    case tooLarge(limit: Int)

    package var description: String {
        switch self {
        case .truncated: return "the compressed data ends too early (the file is cut short)"
        case .reservedBlockType: return "the compressed data uses a reserved block type (the file is damaged)"
        case .storedLengthMismatch: return "a stored block's length does not match its check (the file is damaged)"
        case .badCodeLengths(let why): return "the compressed data's code table is invalid: \(why) (the file is damaged)"
        case .badSymbol: return "the compressed data holds a code that stands for nothing (the file is damaged)"
        case .distanceTooFar: return "the compressed data refers to bytes before its start (the file is damaged)"
        case .tooLarge(let limit): return "the data decompresses to more than \(limit) bytes, the limit for one part of a workbook"
        }
    }
}
