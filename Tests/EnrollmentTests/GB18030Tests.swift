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

/// Expected bytes were produced once by Python's 'gb18030' codec (`s.encode('gb18030').hex()`),
/// except for the GB18030-2005 pair U+1E3F / U+E7C7, where Python keeps the 2000 mapping.
@Suite struct GB18030Tests {
    static let samples: [(String, String)] = [
        ("张伟", "d5c5ceb0"),
        ("欧阳娜娜", "c5b7d1f4c4c8c4c8"),
        ("北京市海淀区中关村大街27号", "b1b1bea9cad0baa3b5edc7f8d6d0b9d8b4e5b4f3bdd63237bac5"),
        ("男", "c4d0"),
        ("女", "c5ae"),
        ("０１２３４５６７８９", "a3b0a3b1a3b2a3b3a3b4a3b5a3b6a3b7a3b8a3b9"),
        ("学号,姓名,性别\r\n", "d1a7bac52cd0d5c3fb2cd0d4b1f00d0a"),
        ("𠀀𪚥", "953282369835ee37"),  // U+20000, U+2A6A5: CJK extension B, four bytes
        ("䶮", "fe9f"),  // U+4DAE, a GB18030 two-byte code outside GBK
        ("·—", "a1a4a1aa"),
        ("€", "a2e3"),
        ("龥", "fd9b"),  // U+9FA5, last CJK unified ideograph in GBK
        ("\u{9FA6}", "82358f33"),  // U+9FA6, first one after: four bytes
        ("\u{E5E5}", "a3a0"),
        ("\u{FE10}", "84318236"),
        ("\u{FFFD}", "8431a437"),
        ("\u{1E3F}", "a8bc"),  // GB18030-2005 (2000 and Python: 0x8135F437)
        ("\u{E7C7}", "8135f437"),  // GB18030-2005 (2000 and Python: 0xA8BC)
    ]

    @Test(arguments: samples)
    func encodesAndDecodesLikeTheReferenceCodec(text: String, hex: String) throws {
        let bytes = Self.bytes(hex)
        #expect(GB18030.encode(text) == bytes)
        #expect(try GB18030.decode(bytes) == text)
    }

    /// The edges of each area: the first and last BMP four-byte codes, the first and last
    /// supplementary ones, and the first and last two-byte codes.
    @Test(arguments: [
        (0x0080, "81308130"),
        (0x00A4, "a1e8"),
        (0xFFFF, "8431a439"),
        (0x1_0000, "90308130"),
        (0x10_FFFF, "e3329a35"),
        (0x4E02, "8140"),  // 0x8140, the first two-byte code
        (0xE4C5, "fefe"),  // 0xFEFE, the last
        (0x007F, "7f"),
        (0x0000, "00"),
    ])
    func boundaries(scalar: UInt32, hex: String) throws {
        let text = String(Unicode.Scalar(scalar)!)
        #expect(GB18030.encode(text) == Self.bytes(hex))
        #expect(try GB18030.decode(Self.bytes(hex)) == text)
    }

    /// Excel's code page 936 writes € as the single byte 0x80, which GB18030-2005 leaves
    /// unassigned; it is read as € and written back as the standard 0xA2E3.
    @Test func loneEightyIsTheEuroSign() throws {
        #expect(try GB18030.decode([0x31, 0x80, 0x32]) == "1€2")
        #expect(GB18030.encode("€") == [0xA2, 0xE3])
    }

    @Test func everyTwoByteCodeRoundTrips() throws {
        for lead in UInt8(0x81)...0xFE {
            for trail in Array(UInt8(0x40)...0x7E) + Array(UInt8(0x80)...0xFE) {
                let text = try GB18030.decode([lead, trail])
                #expect(text.unicodeScalars.count == 1)
                #expect(GB18030.encode(text) == [lead, trail])
            }
        }
    }

    @Test func everyBMPScalarRoundTripsAndTheFourByteAreaIsDense() throws {
        var fourByte = 0
        var all = ""
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            let bytes = GB18030.encode(text)
            if bytes.count == 4 {
                fourByte += 1
                #expect(GB18030.linearIndex(bytes[0], bytes[1], bytes[2], bytes[3]) < 39_420)
            }
            #expect(try GB18030.decode(bytes) == text)
            all.unicodeScalars.append(scalar)
        }
        // 63,488 scalars = 128 ASCII + 23,940 two-byte + 39,420 four-byte: a bijection.
        #expect(fourByte == 39_420)
        #expect(try GB18030.decode(GB18030.encode(all)) == all)
    }

    @Test func supplementaryPlanesAreLinear() throws {
        for value: UInt32 in [0x1_0000, 0x1_0001, 0x1_F600, 0x2_0000, 0x2_A6D6, 0x3_0000, 0xF_0000, 0x10_FFFE, 0x10_FFFF] {
            let text = String(Unicode.Scalar(value)!)
            let bytes = GB18030.encode(text)
            #expect(bytes.count == 4)
            #expect(GB18030.linearIndex(bytes[0], bytes[1], bytes[2], bytes[3]) == 189_000 + Int(value) - 0x1_0000)
            #expect(try GB18030.decode(bytes) == text)
        }
    }

    @Test(arguments: [
        ("ff", GB18030Error.invalidByte(offset: 0, byte: 0xFF)),
        ("4142ff", .invalidByte(offset: 2, byte: 0xFF)),
        ("d5c581", .truncated(offset: 2, bytes: [0x81])),
        ("8130", .truncated(offset: 0, bytes: [0x81, 0x30])),
        ("813081", .truncated(offset: 0, bytes: [0x81, 0x30, 0x81])),
        ("813020", .invalidSequence(offset: 0, bytes: [0x81, 0x30, 0x20])),
        ("41817f", .invalidSequence(offset: 1, bytes: [0x81, 0x7F])),
        ("81ff", .invalidSequence(offset: 0, bytes: [0x81, 0xFF])),
        ("812041", .invalidSequence(offset: 0, bytes: [0x81, 0x20])),
        ("8130203041", .invalidSequence(offset: 0, bytes: [0x81, 0x30, 0x20])),
        ("81308120", .invalidSequence(offset: 0, bytes: [0x81, 0x30, 0x81, 0x20])),
        ("8431a530", .unassigned(offset: 0, bytes: [0x84, 0x31, 0xA5, 0x30])),  // just past U+FFFF
        ("8f39fe39", .unassigned(offset: 0, bytes: [0x8F, 0x39, 0xFE, 0x39])),  // just before U+10000
        ("e3329a36", .unassigned(offset: 0, bytes: [0xE3, 0x32, 0x9A, 0x36])),  // just past U+10FFFF
        ("fe39fe39", .unassigned(offset: 0, bytes: [0xFE, 0x39, 0xFE, 0x39])),
    ])
    func rejectsInvalidBytesWithTheirOffset(hex: String, expected: GB18030Error) {
        #expect(throws: expected) { try GB18030.decode(Self.bytes(hex)) }
    }

    @Test func errorMessagesNameBytesAndOffset() {
        #expect(GB18030Error.invalidSequence(offset: 7, bytes: [0x81, 0x7F]).description
            == "byte offset 7: bytes 0x81 0x7F are not a GB18030 character")
        #expect(GB18030Error.truncated(offset: 3, bytes: [0xD5]).description
            == "byte offset 3: the file ends inside a GB18030 character (bytes 0xD5)")
    }

    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map {
            UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)!
        }
    }
}
