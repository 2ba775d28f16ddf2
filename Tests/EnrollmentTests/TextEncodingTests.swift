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

@Suite struct TextEncodingTests {
    /// "学号,姓名\n1,张伟\n" as Python's codec encodes it in GB18030.
    static let gbFile: [UInt8] = GB18030Tests.bytes("d1a7bac52cd0d5c3fb0a312cd5c5ceb00a")
    static let gbText = "学号,姓名\n1,张伟\n"

    @Test func parsesNamesAndAliases() throws {
        #expect(try TextEncoding(name: "UTF-8") == .utf8)
        #expect(try TextEncoding(name: "utf8") == .utf8)
        for alias in ["gb18030", "GBK", "gb2312", "cp936"] {
            #expect(try TextEncoding(name: alias) == .gb18030)
        }
        #expect(throws: TextEncodingError.unknownName("latin1")) { try TextEncoding(name: "latin1") }
        #expect(TextEncodingError.unknownName("latin1").description
            == "unknown encoding \"latin1\": use one of utf-8, gb18030 (also accepted: utf8, gbk, gb2312, cp936)")
    }

    @Test func utf8WithoutAndWithByteOrderMark() throws {
        let plain = Array("学号,姓名\n".utf8)
        #expect(try decodeText(plain, declared: nil) == ("学号,姓名\n", .utf8))
        #expect(try decodeText([0xEF, 0xBB, 0xBF] + plain, declared: nil) == ("学号,姓名\n", .utf8))
        #expect(try decodeText([0xEF, 0xBB, 0xBF] + plain, declared: .utf8) == ("学号,姓名\n", .utf8))
        #expect(try decodeText([], declared: nil) == ("", .utf8))
    }

    @Test func asciiIsUTF8EvenWhenGB18030IsDeclaredOtherwise() throws {
        #expect(try decodeText(Array("a,b\n".utf8), declared: nil) == ("a,b\n", .utf8))
        #expect(try decodeText(Array("a,b\n".utf8), declared: .gb18030) == ("a,b\n", .gb18030))
    }

    @Test func detectsGB18030() throws {
        #expect(try decodeText(Self.gbFile, declared: nil) == (Self.gbText, .gb18030))
        #expect(try decodeText(Self.gbFile, declared: .gb18030) == (Self.gbText, .gb18030))
        // A GB18030 byte-order mark (U+FEFF = 84 31 95 33) is removed.
        #expect(try decodeText([0x84, 0x31, 0x95, 0x33] + Self.gbFile, declared: nil) == (Self.gbText, .gb18030))
    }

    @Test func rejectsUTF16() {
        let message = "UTF-16 is not supported: save as UTF-8 or GB18030 (Excel: CSV UTF-8)"
        for bom: [UInt8] in [[0xFF, 0xFE], [0xFE, 0xFF]] {
            for declared: TextEncoding? in [nil, .utf8, .gb18030] {
                #expect(throws: TextEncodingError.utf16) { try decodeText(bom + [0x41, 0x00], declared: declared) }
            }
        }
        #expect(TextEncodingError.utf16.description == message)
    }

    /// D1 A7 happens to be valid UTF-8 (U+0467); BA is not.
    @Test func declaredUTF8ThatIsGB18030() {
        let expected = TextEncodingError.invalidUTF8(at: TextPosition(offset: 2, line: 1, column: 2), problem: "byte 0xBA is not valid UTF-8")
        #expect(throws: expected) { try decodeText(Self.gbFile, declared: .utf8) }
        #expect(expected.description == "line 1, column 2 (byte offset 2): byte 0xBA is not valid UTF-8; "
            + "if the file was saved as GBK or GB18030, give --encoding gb18030")
    }

    @Test func byteOrderMarkContradictingTheDeclaration() {
        #expect(throws: TextEncodingError.byteOrderMarkContradictsDeclared) {
            try decodeText([0xEF, 0xBB, 0xBF, 0x41], declared: .gb18030)
        }
    }

    @Test func utf8AfterAByteOrderMarkMustBeValid() {
        // EF BB BF, "a\n张x", then C0 (never valid in UTF-8): offset 3 + 2 + 3 + 1 = 9.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\n张x".utf8) + [0xC0, 0x41]
        let expected = TextEncodingError.invalidUTF8(at: TextPosition(offset: 9, line: 2, column: 3), problem: "byte 0xC0 is not valid UTF-8")
        #expect(throws: expected) { try decodeText(bytes, declared: nil) }
    }

    @Test func declaredGB18030ThatIsDamaged() {
        // Line 2 is "1,张伟" then a lone trail-less lead byte 0x81 and a line feed.
        let bytes = Array(Self.gbFile.dropLast()) + [0x81, 0x0A]
        let expected = TextEncodingError.invalidGB18030(
            at: TextPosition(offset: 16, line: 2, column: 5),
            problem: .invalidSequence(offset: 16, bytes: [0x81, 0x0A]))
        #expect(throws: expected) { try decodeText(bytes, declared: .gb18030) }
        #expect(expected.description == "line 2, column 5 (byte offset 16): bytes 0x81 0x0A are not a GB18030 character")
    }

    @Test func neitherEncodingReportsBothAndPointsAtTheFurther() throws {
        // UTF-8 fails at the first GB18030 character (line 2, column 3); GB18030 at the 0xFF of
        // line 3.
        let bytes = Array("id,name\n1,".utf8) + [0xD5, 0xC5, 0xCE, 0xB0, 0x0A] + Array("2,".utf8) + [0xFF, 0x0A]
        let utf8 = TextPosition(offset: 10, line: 2, column: 3)
        let gb = TextPosition(offset: 17, line: 3, column: 3)
        let expected = TextEncodingError.undecodable(
            utf8: utf8, utf8Problem: "bytes 0xD5 0xC5 are not valid UTF-8",
            gb18030: gb, gb18030Problem: .invalidByte(offset: 17, byte: 0xFF))
        #expect(throws: expected) { try decodeText(bytes, declared: nil) }
        #expect(expected.position == gb)
        #expect(expected.diagnostic(file: "students.csv").location == SourceLocation(file: "students.csv", line: 3, column: 3))
        #expect(expected.description == "the file is neither UTF-8 nor GB18030 (as UTF-8, line 2, column 3 "
            + "(byte offset 10): bytes 0xD5 0xC5 are not valid UTF-8; as GB18030, line 3, column 3 (byte offset 17): "
            + "byte 0xFF cannot start a GB18030 character): save it as UTF-8 (Excel: CSV UTF-8)")
    }

    @Test func randomJunkIsAnErrorWithTheFirstInvalidOffset() {
        // 0xC0 and 0xFF are invalid in both encodings at the very start.
        let bytes: [UInt8] = [0x41, 0x42, 0x0A, 0x43, 0xFF, 0xC0, 0x13, 0x99]
        do {
            _ = try decodeText(bytes, declared: nil)
            Issue.record("junk was decoded")
        } catch {
            #expect(error.position == TextPosition(offset: 4, line: 2, column: 2))
        }
    }

    /// The position finder agrees with the standard library's validation on every input of a
    /// deterministic pseudo-random sample rich in multi-byte lead and continuation bytes.
    @Test func invalidOffsetAgreesWithTheStandardLibrary() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet: [UInt8] = [0x41, 0x0A, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                 0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<6 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let offset = firstInvalidUTF8Offset(bytes)
            #expect((offset == nil) == (String(validating: bytes, as: UTF8.self) != nil))
            if let offset {
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil)
            }
        }
    }

    @Test func firstNULIsFoundAtEveryOffsetOfAWord() {
        // Around the 0: bytes a word-at-a-time search could take for one (1, 0x80, 0xFF).
        for count in 0..<20 {
            let filler = (0..<count).map { [0x01, 0x80, 0xFF, 0x31][$0 % 4] as UInt8 }
            #expect(firstNUL(in: filler) == nil)
            for at in 0..<count {
                var bytes = filler
                bytes[at] = 0
                #expect(firstNUL(in: bytes) == at)
                bytes[count - 1] = 0
                #expect(firstNUL(in: bytes) == at)
            }
        }
    }
}
