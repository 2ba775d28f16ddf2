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

@Suite struct HouseNumberTests {
    static let forms: [(String, Int, String)] = [
        ("12", 12, ""), ("12号", 12, ""), ("１２號", 12, ""),
        ("12A", 12, "A"), ("12a号", 12, "A"),
        ("2-1", 2, "-1"), ("2-1号", 2, "-1"), ("2—1号", 2, "-1"),
        ("12号之一", 12, "之1"), ("12之1号", 12, "之1"), ("12号之十二", 12, "之12"),
        ("34号附1号", 34, "附1"), ("34号附1", 34, "附1"), ("34附1号", 34, "附1"),
        ("12号甲", 12, "甲"), ("12号乙", 12, "乙"),
    ]

    @Test(arguments: forms)
    func parsesEveryForm(text: String, base: Int, suffix: String) {
        #expect(HouseNumber(text) == HouseNumber(base: base, suffix: suffix))
    }

    @Test(arguments: ["", "号", "A12", "12栋", "12号楼", "12AB", "12-", "12号之", "人民路12号"])
    func rejectsOtherText(text: String) {
        #expect(HouseNumber(text) == nil)
    }

    @Test func equalityIsBaseAndSuffix() {
        #expect(HouseNumber("12号之一") == HouseNumber("12之1号"))
        #expect(HouseNumber("12A") != HouseNumber("12"))
        #expect(HouseNumber("12-1") != HouseNumber("12号之一"))
        #expect(HouseNumber("12A")!.isSuffixed && !HouseNumber("12")!.isSuffixed)
    }

    @Test func printsInCanonicalForm() {
        let printed = ["12", "12A", "2-1", "12号之一", "34号附1号", "12号甲"].map { HouseNumber($0)!.description }
        #expect(printed == ["12号", "12A号", "2-1号", "12号之1", "34号附1号", "12号甲"])
    }

    @Test func ordersByBaseThenSuffix() {
        let sorted = ["13", "12A", "12", "2-1"].map { HouseNumber($0)! }.sorted()
        #expect(sorted.map(\.description) == ["2-1号", "12号", "12A号", "13号"])
    }

    @Test func sideIsThatOfTheBase() {
        #expect(Parity.odd.contains(HouseNumber("13A")!.base))
        #expect(Parity.even.contains(HouseNumber("12号之一")!.base))
        #expect(!Parity.even.contains(13) && Parity.all.contains(13))
    }

    static let parityFields: [(String, Parity)] = [
        ("单号", .odd), ("odd", .odd), ("單", .odd), ("双号", .even), ("EVEN", .even),
        ("雙號", .even), ("", .all), ("all", .all), ("单双号", .all),
    ]

    @Test(arguments: parityFields)
    func parsesParityFields(text: String, parity: Parity) {
        #expect(Parity(field: text) == parity)
    }

    @Test func rejectsUnknownParity() {
        #expect(Parity(field: "奇") == nil)
    }
}

@Suite struct HouseNumberRangeTests {
    static let published: [(String, Int?, Int?)] = [
        ("1-99号", 1, 99), ("1号-99号", 1, 99), ("1至99号", 1, 99), ("1～99", 1, 99), ("１—９９號", 1, 99),
        ("63号以后", 63, nil), ("63号及以后", 63, nil), ("63号以上", 63, nil), ("63号起", 63, nil),
        ("99号以前", nil, 99), ("99号及以前", nil, 99), ("99号以下", nil, 99), ("99号止", nil, 99),
    ]

    @Test(arguments: published)
    func parsesPublishedRanges(text: String, lower: Int?, upper: Int?) {
        #expect(HouseNumberRange(published: text) == HouseNumberRange(lower: lower, upper: upper))
    }

    @Test(arguments: ["", "99-1", "1-99号单号", "以后", "1-", "12A-20"])
    func rejectsOtherText(text: String) {
        #expect(HouseNumberRange(published: text) == nil)
    }

    @Test func plainNumbersIncludeBothEnds() {
        let range = HouseNumberRange(lower: 1, upper: 63)
        #expect([1, 30, 63].allSatisfy { range.contains(HouseNumber(base: $0)) })
        #expect(![0, 64].contains { range.contains(HouseNumber(base: $0)) })
    }

    @Test func suffixedNumbersMustBeStrictlyInside() {
        let range = HouseNumberRange(lower: 1, upper: 63)
        #expect(range.contains(HouseNumber("62A")!))
        #expect(range.contains(HouseNumber("2号之一")!))
        #expect(!range.contains(HouseNumber("63A")!))
        #expect(!range.contains(HouseNumber("1-1")!))
        let openEnded = HouseNumberRange(lower: 63, upper: nil)
        #expect(!openEnded.contains(HouseNumber("63号之一")!))
        #expect(openEnded.contains(HouseNumber("64号之一")!) && openEnded.contains(HouseNumber(base: 63)))
        #expect(HouseNumberRange.all.contains(HouseNumber("1A")!))
    }

    @Test func printsInChinese() {
        #expect(["1-99号", "63号以后", "99号以前"].map { HouseNumberRange(published: $0)!.description }
            == ["1-99号", "63号及以后", "99号及以前"])
    }
}
