import Foundation
import Testing
@testable import EnrollmentIO

/// DEFLATE decompression (issue 29's ZIP reader), against streams made by zlib and by hand.
///
/// The zlib streams were made with Python 3.11's zlib (1.2.13), raw DEFLATE:
/// `c = zlib.compressobj(6, zlib.DEFLATED, -15); c.compress(data) + c.flush()`.
@Suite struct InflateTests {
    static func inflate(_ base64: String, limit: Int = 1 << 20) throws -> [UInt8] {
        try Inflate.decompress([UInt8](Data(base64Encoded: base64)!), limit: limit)
    }

    /// The CSV text zlib compressed into `textStream` (a dynamic-code block).
    static let text = "student_id,name,school\n" + (0..<400).map { k in
        "20260700\(String(format: "%04d", k)),学生\(k),J\(String(format: "%02d", k % 7))\n"
    }.joined()

    static let textStream = [
        "XZo9jqTHFQR9nmWN72XW7xV0CYLQEpAAiTRI3UQ+PXo8FqFraEbqyuqNtRooJzoXOxFTtb/8+q+vP/706/d///rlpx/++eOXX/76t59//sd3ej",
        "Se+fzvz5c///j9P//+7fnyl+d5P6jXQX0c1PuBXgf6OND7gV8H/jjw+0F7HbSPg/Z+0F8H/eOgvx+M18H4OBjvB/N1MIm7XgeLuPt1sIFb55vX",
        "A97KVy8A1/nuJRDX+fJlINf59tXAXOfrVwd0ne9fg9RngJqkPgvUIvWZoDaodTbQA2qdDVSgVv7+BWqdDWRQ62ygBmqdDdRBrbOBBqnPBpqkPh",
        "tokfpsoA1qnw38gNpnAxeofTawQO38IzCofTZwA7XPBu6g9tnAg9RnA09Snw28SH028AZ1Oxu0B9TtbNAK1O1s0ATqdjZoBnXLT4IG6nY2aB3U",
        "7WzQBqnPBm2S+mzQFqnPBm2Dup8N+gPqfjboBep+NugCdT8bdIO6nw16A3XPj8MO6n426IPUZ4M+SX026IvUZ4O+QT3OBuMB9TgbjAL1OBsMgX",
        "qcDYZBPc4Go4F6nA1GB/WIEwapzwZjkvpsMBapzwZjg3qeDSaVOM8Gk06cZ4NJKc6zwaQV59lgUovzbDDpxXk2mBTjjBhpxnk2mFTjPBtMunGd",
        "DRbduM4Gi25cZ4NFN66zwaIb19lg0Y3rbLDoxnU2WHTjOhssunGlDujGdTZYdOM+G2y6cZ8NNt24zwabbtxng0037rPBphv32WDTjftssOnGfT",
        "bYdOM+G2y6cSeR4MZ6biNBjnX78IEdK4X4+ekb8Eojfn76hrxSiZ+fvkGvdOLnp2/YK6X4+QnwSaVnEj6t9CzCJ5YeWLJuMRY0WW/JCE/WbcaC",
        "KOtGY8GUdauxoMq62VhwZd1urEH4rFGT8FmjFuGzRsGXlXYsQZiVeCzBmKVb0FBmJR9LcGalH0uQZiUgS7BmpSBLg/BZQ5PwWUOL8FlDMGelIs",
        "tQZyUjy3BnpSPLkGf5/kIBe1ZKsgx9VlKyDH9WWrI8CJ81PAmfNbwInzUMh1Z6shokWgnKarBopSirQaOVpKwGj1a7v19BpJWorAaTVqqy2iB8",
        "1miT8FmjLcJnjQabVsqyOnRaScvq8GmlLatDqJW4rA6jVuqyOpRa/f66CadW+rL6IHzW6JPwWaMvwmeNDq9WGrMGxFqJzBowa6Uya0CtlcysAb",
        "dWOrMG5FoJzRqwa4372/cgfNYYk/BZYyzCZ41Bw6Y2a9Kwyc2aNGx6syYNm+CsScOmOGvSsEnOmjRsmrMmDTvvZQQNm+qsScMmO2vSsOnOWjRs",
        "wrMWDZvyrEXDJj1r0bBpz1o0bOKzFg2b+qxFwyY/a9Gw697N0LAJ0Fo0bAq0Ng2bBK1Nw6ZBa9OwidDaNGwqtDYNmwytTcOmQ2vTsAnR2jRsSr",
        "Q2DbvvVRUMq+feVcGwSovqgWF1bysfGFZpUT0wrNKiemBYpUX1wLBKi+oZhM+V1TMJnzurZxE+l1YPDKu0qAqGVd2rOxhWaVEVDKu0qAqGVVpU",
        "BcMqLaqCYZUWVQ3CZ42ahM8atQifNQqG1b3HFAyre5EpGFZvN5kwrO5VpmBY3btMwbC6l5mCYXVvMzUInzU0CZ81tAifNQTDKi0qw7BKi8owrN",
        "KiMgwr34tdGFZpURmGVVpUhmGVFpUH4bOGJ+Gzhhfhs4ZhWKVF1WBYpUXVYFilRdVgWKVF1WBYtXvPDcMqLaoGwyotqjYInzXaJHzWaIvwWaPB",
        "sEqLqsOwSouqw7BKi6rDsEqLqsOwSouqw7Dq99ofhlVaVH0QPmv0Sfis0Rfhs0aHYZUW1YBhlRbVgGGVFtWAYZUW1YBhlRbVgGGVFtWAYTXuK8",
        "ggfNYYk/BZYyzCZ41Bw6ZFNWnYtKgmDZsW1aRh06KaNGxaVJOGTYtq0rBpUU0adt5HIRo2LapJw6ZFNWnYtKgWDZsW1aJh06JaNGxaVIuGTYtq",
        "0bBpUS0aNi2qRcOmRbVo2HXfyGjYtKgWDZsW1aZh06LaNGxaVJuGTYtq07BpUW0aNi2qTcOmRbVp2LSoNg2bFtWmYfd9MoRh/dw3QxjWaVE/MK",
        "zTon5gWN+38weGdVrUDwzrtKgfGNZpUT+D8Hk6fCbh83b4LMLn8fCBYZ0WdcGwrvuECsM6LeqCYZ0WdcGwTou6YFinRV0wrNOirkH4rFGT8Fmj",
        "FuGzRsGwTotaMKzTohYMa90XZRjWaVELhnVa1IJhnRa1YFinRa1B+KyhSfisoUX4rCEY1vd13TCs7/O6YVjf93XDsH57YIdhfV/YDcP6PrEbhv",
        "V9Y/cgfNbwJHzW8CJ81jAM67SoGwzrtKgbDOu0qBsM67SoGwzrdv+/AQzrtKgbDOu0qNsgfNZok/BZoy3CZ40Gwzot6g7DOi3qDsM6LeoOwzot",
        "6g7DOi3qDsO63/9+AcM6Leo+CJ81+iR81uiL8Fmjw7BOi3rAsE6LesCwTot6wLBOi3rAsE6LesCwTot6wLBOi3oMwmeNMQmfNcYifNYYNGxa1J",
        "OGTYt60rBpUU8aNi3qScOmRT1p2LSoJw2bFvWkYdOinjRsWtSThk2LetKwaVEvGjYt6kXDpkW9aNi0qBcNmxb1omHTol40bFrUi4ZNi3rRsGlR",
        "Lxo2LepFw6ZFvWnYtKg3DZsW9aZh06LeNGxa1JuGTYt607BpUW8aNi3qTcOmRb1p2LSo9/8N+18=",
    ].joined()

    @Test func zlibsStreamsGiveTheirInputs() throws {
        #expect(try Self.inflate("AwA=") == [])  // empty input: one fixed block, end at once
        #expect(try Self.inflate("S0xKBgA=") == Array("abc".utf8))  // fixed codes
        #expect(try Self.inflate("S0wcBaNgFAx3AAA=") == [UInt8](repeating: UInt8(ascii: "a"), count: 1000))  // copies that overlap
        #expect(try Self.inflate(Self.textStream) == Array(Self.text.utf8))  // dynamic codes, 10,713 bytes
        // A sync flush mid-stream: an empty stored block between two blocks.
        #expect(try Self.inflate("SsssKi5RKEgsKtFRAAAAAP//K05Nzs9LAXMA") == Array("first part, second part".utf8))
    }

    /// Stored blocks made by hand: 70,000 bytes in two blocks (65,535 is a block's most).
    @Test func storedBlocksCopyTheirBytes() throws {
        let data = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        func block(_ bytes: ArraySlice<UInt8>, last: Bool) -> [UInt8] {
            let n = bytes.count
            return [last ? 1 : 0, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)] + bytes
        }
        let stream = block(data[..<65_535], last: false) + block(data[65_535...], last: true)
        #expect(try Inflate.decompress(stream, limit: 70_000) == data)
        #expect(throws: InflateError.tooLarge(limit: 69_999)) { try Inflate.decompress(stream, limit: 69_999) }
    }

    /// Bits written least significant first, as DEFLATE reads them; a Huffman code most
    /// significant bit first.
    struct BitWriter {
        var bytes: [UInt8] = []
        var count = 0
        mutating func write(_ value: Int, bits n: Int) {
            for k in 0..<n { put((value >> k) & 1) }
        }
        mutating func code(_ value: Int, bits n: Int) {
            for k in stride(from: n - 1, through: 0, by: -1) { put((value >> k) & 1) }
        }
        private mutating func put(_ bit: Int) {
            if count % 8 == 0 { bytes.append(0) }
            bytes[bytes.count - 1] |= UInt8(bit << (count % 8))
            count += 1
        }
    }

    @Test func damagedStreamsAreRefusedWithTheirReason() throws {
        let text = [UInt8](Data(base64Encoded: Self.textStream)!)
        #expect(throws: InflateError.truncated) { try Inflate.decompress(Array(text[..<(text.count / 2)]), limit: 1 << 20) }
        #expect(throws: InflateError.truncated) { try Inflate.decompress([], limit: 10) }
        #expect(throws: InflateError.reservedBlockType) { try Inflate.decompress([0x07], limit: 10) }
        #expect(throws: InflateError.storedLengthMismatch) { try Inflate.decompress([0x01, 0x05, 0x00, 0x00, 0x00], limit: 10) }
        // A fixed block whose first symbol copies 3 bytes from 1 back: nothing is there yet.
        var far = BitWriter()
        far.write(1, bits: 1); far.write(1, bits: 2); far.code(0b0000001, bits: 7); far.code(0, bits: 5)
        #expect(throws: InflateError.distanceTooFar) { try Inflate.decompress(far.bytes, limit: 10) }
        // A dynamic block whose code-length code gives four symbols one bit each.
        var over = BitWriter()
        over.write(1, bits: 1); over.write(2, bits: 2); over.write(0, bits: 5); over.write(0, bits: 5); over.write(0, bits: 4)
        for _ in 0..<4 { over.write(1, bits: 3) }
        #expect(throws: InflateError.badCodeLengths("a code is over-subscribed")) { try Inflate.decompress(over.bytes, limit: 10) }
        // Fixed symbol 286 (8 bits: 11000110) is reserved.
        var reserved = BitWriter()
        reserved.write(1, bits: 1); reserved.write(1, bits: 2); reserved.code(0b1100_0110, bits: 8)
        #expect(throws: InflateError.badSymbol) { try Inflate.decompress(reserved.bytes, limit: 10) }
        // A bomb in small: a fixed block of one zero byte and 4,096 copies of 258 bytes from 1 back
        // (13 bits each): 1,056,769 bytes from 6,659. Read whole under a large limit, refused at a small one.
        var bomb = BitWriter()
        bomb.write(1, bits: 1); bomb.write(1, bits: 2); bomb.code(0x30, bits: 8)
        for _ in 0..<4096 { bomb.code(0b1100_0101, bits: 8); bomb.code(0, bits: 5) }
        bomb.code(0, bits: 7)
        #expect(try Inflate.decompress(bomb.bytes, limit: 1 << 21) == [UInt8](repeating: 0, count: 1 + 4096 * 258))
        #expect(throws: InflateError.tooLarge(limit: 1000)) { try Inflate.decompress(bomb.bytes, limit: 1000) }
        #expect(InflateError.tooLarge(limit: 1000).description == "the data decompresses to more than 1000 bytes, the limit for one part of a workbook")
    }
}
