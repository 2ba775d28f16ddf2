/// DEFLATE compression (RFC 1951) for the .xlsx workbooks the tool writes: LZ77 matches
/// found through a hash of the next three bytes (greedy: the longest among the 16 nearest
/// earlier occurrences within 32 KiB, or the first of at least 64 bytes), written with the
/// fixed Huffman codes of §3.2.6, one block.
///
/// Sheet XML repeats itself (`<c r="…" t="inlineStr"><is><t>`), so even fixed codes make it 6–10
/// times smaller. The output depends only on the input. `Inflate` reads it back (the tests
/// check every output so).
/// - Complexity: O(n · 16 · 64) in the worst case; about O(n) on sheet XML.
package enum Deflate {
    /// The raw DEFLATE stream of `input`.
    package static func compress(_ input: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.write(1, bits: 1)            // the last block
        writer.write(1, bits: 2)            // fixed Huffman codes
        input.withUnsafeBufferPointer { input in
            let n = input.count
            // head[h]: the last position whose next three bytes hash to h, + 1 (0: none);
            // previous[p % window]: the position before p with the same hash, + 1.
            var head = [Int32](repeating: 0, count: 1 << hashBits)
            var previous = [Int32](repeating: 0, count: window)
            func hash(_ p: Int) -> Int {
                (Int(input[p]) << 10 ^ Int(input[p + 1]) << 5 ^ Int(input[p + 2])) & ((1 << hashBits) - 1)
            }
            func insert(_ p: Int) {
                guard p + 2 < n else { return }
                let h = hash(p)
                previous[p & (window - 1)] = head[h]
                head[h] = Int32(p + 1)
            }
            var p = 0
            while p < n {
                var bestLength = 0, bestDistance = 0
                if p + 2 < n {
                    var candidate = Int(head[hash(p)]) - 1
                    var chain = 0
                    let limit = min(maximumMatch, n - p)
                    while candidate >= 0, p - candidate <= window, chain < maximumChain {
                        if input[candidate + bestLength] == input[p + bestLength] {
                            var length = 0
                            while length < limit, input[candidate + length] == input[p + length] { length += 1 }
                            if length > bestLength {
                                (bestLength, bestDistance) = (length, p - candidate)
                                if length >= goodEnough || length == limit { break }
                            }
                        }
                        let next = Int(previous[candidate & (window - 1)]) - 1
                        guard next < candidate else { break }
                        candidate = next
                        chain += 1
                    }
                }
                if bestLength >= 3 {
                    writer.writeLength(bestLength)
                    writer.writeDistance(bestDistance)
                    for q in p..<(p + bestLength) { insert(q) }
                    p += bestLength
                } else {
                    writer.writeLiteral(Int(input[p]))
                    insert(p)
                    p += 1
                }
            }
        }
        writer.writeLiteral(256)            // end of block
        return writer.finish()
    }

    static let window = 32_768
    static let hashBits = 15
    static let maximumMatch = 258
    static let maximumChain = 16
    /// A match this long is taken without looking further.
    static let goodEnough = 64

    /// Lengths 3…258 by code 257…285: the base length and its extra bits (RFC 1951 §3.2.5).
    static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Distances 1…32,768 by code 0…29.
    static let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                                4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Bits written least significant first, Huffman codes most significant first (§3.1.1).
    struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt64 = 0
        var count = 0

        mutating func write(_ value: Int, bits: Int) {
            buffer |= UInt64(value) << UInt64(count)
            count += bits
            while count >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                count -= 8
            }
        }

        /// A Huffman code of `length` bits, its most significant bit first.
        mutating func writeCode(_ code: Int, length: Int) {
            var reversed = 0
            for k in 0..<length where code & (1 << k) != 0 { reversed |= 1 << (length - 1 - k) }
            write(reversed, bits: length)
        }

        /// A literal or length symbol 0…287 in the fixed code.
        mutating func writeLiteral(_ symbol: Int) {
            switch symbol {
            case 0...143: writeCode(0x30 + symbol, length: 8)
            case 144...255: writeCode(0x190 + symbol - 144, length: 9)
            case 256...279: writeCode(symbol - 256, length: 7)
            default: writeCode(0xC0 + symbol - 280, length: 8)
            }
        }

        mutating func writeLength(_ length: Int) {
            var code = Deflate.lengthBases.count - 1
            while Deflate.lengthBases[code] > length { code -= 1 }
            writeLiteral(257 + code)
            write(length - Deflate.lengthBases[code], bits: Deflate.lengthExtra[code])
        }

        mutating func writeDistance(_ distance: Int) {
            var code = Deflate.distanceBases.count - 1
            while Deflate.distanceBases[code] > distance { code -= 1 }
            writeCode(code, length: 5)
            write(distance - Deflate.distanceBases[code], bits: Deflate.distanceExtra[code])
        }

        mutating func finish() -> [UInt8] {
            if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
            return bytes
        }
    }
}
