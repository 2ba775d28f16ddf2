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

@Suite struct JSONTests {
    func parse(_ text: String) throws(Diagnostic) -> JSONValue {
        try JSONReader.parse(Array(text.utf8), file: "t.json")
    }

    func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func valuesCarryTheirPositions() throws {
        let v = try parse("{\n  \"a\": [1, 2.5e1, -0],\n  \"名字\": \"张三\", \"b\": {\"c\": null}\n}")
        #expect(v.line == 1 && v.column == 1)
        let a = try #require(v["a"])
        #expect((a.line, a.column) == (2, 8))
        guard case .array(let items) = a.kind else { Issue.record("not an array"); return }
        #expect(items.map(\.kind) == [.number(1, text: "1"), .number(25, text: "2.5e1"), .number(-0.0, text: "-0")])
        #expect((items[1].line, items[1].column) == (2, 12))
        let b = try #require(v["b"])
        #expect((b.line, b.column) == (3, 20), "columns count characters, not bytes")
        #expect(v["名字"]?.kind == .string("张三"))
    }

    @Test func writtenStringsAreEscapedOnlyWhereTheyNeedIt() throws {
        for text in ["plain 张三", "", "quote \" here", "back\\slash", "line\nend", "tab\t", "\u{1}control", "\u{7f}del"] {
            var out: [UInt8] = []
            JSONWriter.writeString(text, into: &out)
            #expect(try JSONReader.parse(out, file: "t.json").kind == .string(text))
            #expect(out.count == text.utf8.count + 2 || text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C })
        }
        var out: [UInt8] = []
        JSONWriter.writeString("a\"b\u{1}", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""a\"b\u0001""#)
    }

    @Test func escapesAndSurrogates() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#).kind == .string("a\"b\\c/d\n\té😀"))
    }

    @Test(arguments: [
        ("", "t.json:1:1: the file is empty: it should hold a JSON value"),
        ("[1,]", "t.json:1:4: a trailing comma before ']'"),
        ("{\"a\":1,}", "t.json:1:8: a trailing comma before '}'"),
        ("{\"a\" 1}", "t.json:1:6: expected ':' after the member name \"a\""),
        ("[01]", "t.json:1:3: a number may not start with 0 followed by digits"),
        ("[NaN]", "t.json:1:2: NaN and Infinity are not JSON numbers"),
        ("[1.]", "t.json:1:4: expected digits after the decimal point"),
        ("\"abc", "t.json:1:5: unexpected end of file inside a string"),
        ("\"a\nb\"", "t.json:1:3: a string is not closed before the end of the line"),
        ("[\"\\x\"]", "t.json:1:4: invalid escape '\\x'"),
        ("[\"\\ud800\"]", "t.json:1:9: a high surrogate escape must be followed by a low one"),
        ("{}  x", "t.json:1:5: unexpected text after the end of the JSON value"),
        ("[1 2]", "t.json:1:4: expected ',' or ']' after an element"),
        ("[tru]", "t.json:1:5: unexpected character: expected 'true'"),
        ("{\"a\": [1, 2}", "t.json:1:12: expected ',' or ']' after an element"),
        ("[1e999]", "t.json:1:7: the number 1e999 is too large"),
    ])
    func errorsNameLineAndColumn(_ text: String, _ expected: String) {
        #expect(error(text) == expected)
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(error(deep) == "t.json:1:513: nesting deeper than 512 levels")
    }

    @Test func longSingleLineParsesQuickly() throws {
        let numbers = (0..<200_000).map { "[\($0).5,34.123456]" }.joined(separator: ",")
        let v = try parse("[" + numbers + "]")
        guard case .array(let items) = v.kind else { Issue.record("not an array"); return }
        #expect(items.count == 200_000)
        #expect(items.last?.column == 2 + numbers.count - "[199999.5,34.123456]".count)
    }

    @Test func writerIsDeterministicAndRoundTrips() throws {
        let value = JSONValue.object([
            ("seed", .string("7f3a\"9c\n")),
            ("counts", .object([("primary", .integer(3000)), ("junior", .integer(2800))])),
            ("files", .array([.object([("file", .string("schools.csv")), ("sha256", .string("ab"))])])),
            ("share", JSONValue.decimal("0.50")!),
            ("flags", .array([.bool(true), .null])),
            ("empty", .array([])),
        ])
        let text = String(decoding: JSONWriter.render(value), as: UTF8.self)
        #expect(text == """
        {
          "seed": "7f3a\\"9c\\n",
          "counts": {
            "primary": 3000,
            "junior": 2800
          },
          "files": [
            {
              "file": "schools.csv",
              "sha256": "ab"
            }
          ],
          "share": 0.50,
          "flags": [true, null],
          "empty": []
        }

        """)
        let back = try parse(text)
        #expect(back["seed"]?.kind == .string("7f3a\"9c\n"))
        #expect(back["counts"]?["junior"]?.kind == .number(2800, text: "2800"))
        #expect(JSONWriter.render(back) == JSONWriter.render(value))
    }
}

@Suite struct PolicyFileTests {
    func read(_ text: String) -> (Policy, [String]) {
        let (p, d) = PolicyFile.read(Array(text.utf8))
        return (p, d.map(\.description))
    }

    @Test func emptyObjectGivesDefaults() {
        let (p, d) = read("{}")
        #expect(d.isEmpty)
        #expect(p == Policy())
    }

    @Test func everyKeyIsReadAndRenderedBack() {
        let text = """
        {"coordinate_system": "GCJ-02", "residence_order": ["hukou", "hukou_and_property", "property", "residence_permit", "other"],
         "priority_categories": ["military", "disabled"], "sibling_priority": false, "feeder_priority": false,
         "mechanism": "immediate-acceptance", "class_size_cap": {"primary": 40, "junior": 48},
         "care_groups": ["disabled"], "disabled_per_class": 2, "disabled_weight": 2, "twins": "apart",
         "twins_share_lottery_number": true, "near_boundary_metres": 12.5, "quota_share": 0.6,
         "quota_share_local": false, "quota_rounding": "sainte-lague", "quota_min_per_school": 1}
        """
        let (p, d) = read(text)
        #expect(d.isEmpty)
        #expect(p.coordinateSystem == "GCJ-02")
        #expect(p.residenceOrder.first == .hukou)
        #expect(p.mechanism == .immediateAcceptance)
        #expect(p.classSizeCap == [.primary: 40, .junior: 48])
        #expect(p.twins == .apart)
        #expect(p.nearBoundaryMetres == 12.5)
        #expect(p.quotaShare == "0.6")
        #expect(p.quotaRounding == .sainteLague)
        let (again, d2) = PolicyFile.read(PolicyFile.render(p))
        #expect(d2.isEmpty)
        #expect(again == p)
    }

    @Test func problemsNameTheValue() {
        let text = """
        {
          "mechanisim": "deferred-acceptance",
          "class_size_cap": {"primary": 60, "high": 50},
          "sibling_priority": "yes",
          "quota_share": 1.5,
          "residence_order": ["hukou"],
          "twins": "apart",
          "twins": "together"
        }
        """
        #expect(read(text).1 == [
            "policy.json:2:3: unknown key \"mechanisim\"; did you mean \"mechanism\"? (the keys are listed in docs/FORMATS.md)",
            "policy.json:3:33: class_size_cap.primary must be a whole number from 1 to 55",
            "policy.json:3:45: class_size_cap has caps for primary and junior only, not \"high\"",
            "policy.json:4:23: sibling_priority must be true or false, not a string",
            "policy.json:5:18: quota_share must be a number above 0 and at most 1, such as 0.5 or 0.6",
            "policy.json:6:22: residence_order must list each of hukou_and_property, hukou, property, residence_permit, other exactly once",
            "policy.json:8:3: the key \"twins\" is given twice (also on line 7)",
        ])
    }

    @Test func shareBelowTheLegalMinimumNeedsALocalRule() {
        #expect(read(#"{"quota_share": 0.4}"#).1 == [
            "policy.json:1:17: quota_share is below 0.5, the minimum the provincial documents set; if a local rule allows it, also set \"quota_share_local\": true",
        ])
        #expect(read(#"{"quota_share": 0.4, "quota_share_local": true}"#).1.isEmpty)
    }

    @Test func notAnObject() {
        #expect(read("[1]").1 == ["policy.json:1:1: the policy must be a JSON object of rules, like {\"mechanism\": \"deferred-acceptance\"}"])
    }
}
