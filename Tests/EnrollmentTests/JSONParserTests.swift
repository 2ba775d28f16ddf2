import Testing
@testable import Enrollment

@Suite struct JSONParserTests {
    private func failure(_ text: String) -> Diagnostic? {
        do {
            _ = try JSONParser.parse(text, file: "z.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func valuesCarryLineAndColumn() throws {
        let text = "{\n  \"a\": [1, -2.5e1, true],\n  \"名\": \"x\",  \"b\": null\n}"
        let v = try JSONParser.parse(text, file: "z.json")
        #expect(v.line == 1 && v.column == 1)
        let members = try #require(v.members)
        #expect(members.map(\.key) == ["a", "名", "b"])
        #expect(members[0].keyLine == 2 && members[0].keyColumn == 3)
        let a = try #require(members[0].value.elements)
        #expect(a.map(\.column) == [9, 12, 20])
        #expect(a[1].number == JSONNumber(text: "-2.5e1", value: -25))
        #expect(a[2].kind == .bool(true))
        // Column counts characters: "名" is one column although three bytes.
        #expect(members[1].value.line == 3 && members[1].value.column == 8)
        #expect(members[2].keyColumn == 14 && members[2].value.column == 19)
        #expect(v["b"]?.kind == .null)
    }

    @Test func stringEscapes() throws {
        let v = try JSONParser.parse(#"["a\"b\\c\/d\n\t\u00e9\ud83d\ude00"]"#, file: "z.json")
        #expect(v.elements?.first?.string == "a\"b\\c/d\n\té😀")
    }

    @Test func duplicateKeysAreKeptAndFound() throws {
        let v = try JSONParser.parse(#"{"k": 1, "j": 2, "k": 3}"#, file: "z.json")
        #expect(v.members?.count == 3)
        #expect(v["k"]?.number?.value == 1)
        #expect(v.duplicateKeys.map { [$0.key, String($0.keyColumn)] } == [["k", "18"]])
    }

    @Test func errorsNameExactPositions() {
        #expect(failure("[1, 2,]")?.description == "z.json:1:6: trailing comma before ']'")
        #expect(failure("{\"a\": 1,\n }")?.description == "z.json:1:8: trailing comma before '}'")
        #expect(failure("\n  [\"abc")?.description == "z.json:2:4: unterminated string: the string that starts here has no closing '\"'")
        #expect(failure(#"["a\qb"]"#)?.description.hasPrefix("z.json:1:4: bad escape '\\q'") == true)
        #expect(failure("[1 2]")?.description == "z.json:1:4: unexpected character '2' in an array: expected ',' or ']'")
        #expect(failure("[NaN]")?.description == "z.json:1:2: NaN and Infinity are not JSON numbers; write a finite number")
        #expect(failure("[-Infinity]")?.description == "z.json:1:2: NaN and Infinity are not JSON numbers; write a finite number")
        #expect(failure("[1e999]")?.description == "z.json:1:2: number 1e999 is out of range")
        #expect(failure("[01]")?.description == "z.json:1:2: bad number: leading zeros are not allowed")
        #expect(failure("{\"a\" 1}")?.description == "z.json:1:6: unexpected character '1' after member name: expected ':'")
        #expect(failure("{1: 2}")?.description == "z.json:1:2: unexpected character '1' in an object: expected a member name in double quotes")
        #expect(failure("[1] x")?.description == "z.json:1:5: unexpected character 'x' after the end of the JSON value")
        #expect(failure("")?.description == "z.json:1:1: the file is empty: expected a JSON value")
        #expect(failure("[\"\\ud800x\"]")?.description == "z.json:1:3: bad escape: high surrogate \\uD800 is not followed by a low surrogate")
        #expect(failure("[tru]")?.description == "z.json:1:2: unexpected text: expected 'true'")
    }

    @Test func invalidUTF8IsAnError() {
        let bytes: [UInt8] = Array("[\"é".utf8) + [0xFF] + Array("\"]".utf8)
        var caught: Diagnostic?
        do { _ = try JSONParser.parse(bytes, file: "z.json") } catch { caught = error }
        #expect(caught?.description == "z.json:1:4: invalid UTF-8 byte 0xFF in a string; save the file as UTF-8")
        var overlong: Diagnostic?
        do { _ = try JSONParser.parse([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], file: "z.json") } catch { overlong = error }
        #expect(overlong?.location.column == 3)
    }

    @Test func deepNestingIsLimited() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        _ = try JSONParser.parse(ok, file: "z.json")
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(failure(deep)?.description == "z.json:1:513: nesting deeper than 512 arrays and objects")
    }

    @Test func largeSingleLineFile() throws {
        let text = "[[116.1234567,39.7654321]" + String(repeating: ",[116.1234567,39.7654321]", count: 130_000) + "]"
        #expect(text.utf8.count > 3_000_000)
        let v = try JSONParser.parse(text, file: "z.json")
        let last = try #require(v.elements?.last)
        #expect(last.line == 1 && last.column == text.utf8.count - 24)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let v = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8), file: "z.json")
        #expect(v.elements?.first?.number?.exactInt == 1)
    }
}

@Suite struct JSONWriterTests {
    @Test func prettyDeterministicOutput() {
        let value = JSONValue(.object([
            JSONMember("zone", JSONValue(.string("东区 \"A\"\n"))),
            JSONMember("count", JSONValue(.number(JSONNumber(3)))),
            JSONMember("share", JSONValue(.number(JSONNumber(0.1)))),
            JSONMember("list", JSONValue(.array([JSONValue(.bool(false)), JSONValue(.null), JSONValue(.array([]))]))),
            JSONMember("empty", JSONValue(.object([]))),
        ]))
        let expected = """
        {
          "zone": "东区 \\"A\\"\\n",
          "count": 3,
          "share": 0.1,
          "list": [
            false,
            null,
            []
          ],
          "empty": {}
        }

        """
        #expect(JSONWriter.string(value) == expected)
    }

    @Test func roundTripKeepsNumberText() throws {
        let text = "{\n  \"a\": [\n    1.50,\n    -0,\n    2E+3\n  ],\n  \"b\": \"\\u0001\"\n}\n"
        let v = try JSONParser.parse(text, file: "z.json")
        #expect(JSONWriter.string(v) == text)
    }

    @Test func numbersBuiltInCode() {
        #expect(JSONNumber(12.0).text == "12")
        #expect(JSONNumber(-0.25).text == "-0.25")
        #expect(JSONNumber(1e-7).text == "1e-07")
        #expect(JSONNumber(1e300).text == "1e+300")
    }
}
