import Foundation
import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

/// The byte-level UTF-8 check against the standard library's and Foundation's decoding.
@Suite struct UTF8ValidationTests {
    /// What the standard library says (the check `decodeText` used to make); nil when
    /// Foundation's decoding says otherwise (never expected).
    static func reference(_ bytes: [UInt8]) -> Bool? {
        let standard = String(validating: bytes, as: UTF8.self) != nil
        return (String(bytes: bytes, encoding: .utf8) != nil) == standard ? standard : nil
    }

    static func check(_ bytes: [UInt8], pieces: Int = 1) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Validation.isWellFormed($0, pieces: pieces) }
    }

    /// Bytes at the edges of every range of Table 3-7.
    static let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]

    @Test func everySequenceOfOneAndTwoBytes() {
        var disagreements: [[UInt8]] = []
        for a in 0...255 {
            if Self.check([UInt8(a)]) != Self.reference([UInt8(a)]) { disagreements.append([UInt8(a)]) }
            for b in 0...255 {
                let bytes = [UInt8(a), UInt8(b)]
                if Self.check(bytes) != Self.reference(bytes) { disagreements.append(bytes) }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    /// Every lead byte with edge bytes after it: overlong forms (E0 80…9F, F0 80…8F),
    /// surrogates (ED A0…BF), values above U+10FFFF (F4 90…, F5…), truncated sequences.
    @Test func threeAndFourByteSequences() {
        var disagreements: [[UInt8]] = []
        for a in 0xC0...0xFF {
            for b in Self.edges {
                for c in Self.edges {
                    let three = [UInt8(a), b, c]
                    if Self.check(three) != Self.reference(three) { disagreements.append(three) }
                    guard a >= 0xF0 && a <= 0xF5 else { continue }
                    for d in [UInt8(0x41), 0x80, 0xBF, 0xC0] {
                        let four = three + [d]
                        if Self.check(four) != Self.reference(four) { disagreements.append(four) }
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    /// The word-at-a-time ASCII skip: a bad or multi-byte sequence at every offset of a long ASCII run.
    @Test func sequencesAtEveryAlignmentInsideASCII() {
        let sequences: [[UInt8]] = [[0xE5, 0xAD, 0xA6], [0xF0, 0x9F, 0x98, 0x80], [0xC3, 0xA9], [0xE0, 0x80, 0x80],
                                    [0xED, 0xA0, 0x80], [0xE5, 0xAD], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]]
        for sequence in sequences {
            for offset in 0..<24 {
                for tail in [0, 1, 9] {
                    let bytes = [UInt8](repeating: 0x61, count: offset) + sequence + [UInt8](repeating: 0x62, count: tail)
                    #expect(Self.check(bytes) == Self.reference(bytes), "\(sequence) at \(offset), \(tail) after")
                }
            }
        }
    }

    /// Cutting into pieces (each cut moved past continuation bytes) gives the answer of one piece,
    /// wherever the cuts fall: inside characters, at bad bytes, at the ends.
    @Test func piecesGiveTheSameAnswer() {
        var generator = SplitMix64(seed: 7)
        let alphabet: [[UInt8]] = [[0x61], [0x2C], [0x0A], Array("学".utf8), Array("é".utf8), Array("😀".utf8)]
        for trial in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 40) { bytes += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            if trial % 3 == 1, !bytes.isEmpty {
                // Damage one byte: a stray continuation, a bad lead, or a truncation.
                let at = Int(generator.next() % UInt64(bytes.count))
                bytes[at] = [0x80, 0xC0, 0xE5, 0xFF][Int(generator.next() % 4)]
            }
            let expected = Self.reference(bytes)
            for pieces in 1...5 {
                #expect(Self.check(bytes, pieces: pieces) == expected, "\(bytes) in \(pieces) pieces")
            }
        }
    }

    @Test func decodeUTF8SharesUTF8InputAndAgreesWithDecodeText() throws {
        let plain = Array("学号,姓名\n1,张伟\n".utf8)
        for bytes in [plain, [0xEF, 0xBB, 0xBF] + plain, []] {
            let (utf8, encoding) = try decodeUTF8(bytes, declared: nil)
            #expect(utf8 == bytes)
            #expect(encoding == .utf8)
            #expect(utf8.withUnsafeBufferPointer { $0.baseAddress } == bytes.withUnsafeBufferPointer { $0.baseAddress }, "not copied")
        }
        let gb = try decodeUTF8([0x84, 0x31, 0x95, 0x33] + TextEncodingTests.gbFile, declared: nil)
        #expect(gb.utf8 == Array(TextEncodingTests.gbText.utf8))
        #expect(gb.encoding == .gb18030)
        let damaged: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\n张x".utf8) + [0xC0, 0x41]
        let expected = TextEncodingError.invalidUTF8(at: TextPosition(offset: 9, line: 2, column: 3), problem: "byte 0xC0 is not valid UTF-8")
        #expect(throws: expected) { try decodeUTF8(damaged, declared: nil) }
        #expect(throws: expected) { try decodeText(damaged, declared: nil) }
        #expect(throws: TextEncodingError.utf16) { try decodeUTF8([0xFF, 0xFE, 0x41, 0x00], declared: nil) }
    }
}

