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

@Suite struct TextNormalizationTests {
    @Test func foldsFullWidthDigitsLettersPunctuationAndSpace() {
        #expect(TextNormalization.foldWidth("人民路１２３号Ａｂ（东）；　x") == "人民路123号Ab(东); x")
    }

    @Test func leavesOtherCharactersAlone() {
        #expect(TextNormalization.foldWidth("陽光花園—") == "陽光花園—")
    }

    @Test func foldsDashVariantsToOneHyphen() {
        for text in ["1—99", "1–99", "1－99", "1~99", "1～99", "1〜99", "1‐99", "1−99", "1——99", "1﹣99"] {
            #expect(TextNormalization.foldDashes(text) == "1-99", "\(text)")
        }
        #expect(TextNormalization.foldDashes("至善路1至9号") == "至善路1至9号")
    }

    @Test func simplifiesAddressCharacters() {
        #expect(TextNormalization.simplified("陽光花園東區3號樓2單元") == "阳光花园东区3号楼2单元")
        #expect(TextNormalization.simplified("廣華興橋灣鎮莊門雙組") == "广华兴桥湾镇庄门双组")
        #expect(TextNormalization.simplified("陳張劉黃趙吳鄭") == "陈张刘黄赵吴郑")
    }

    @Test func leavesWordDependentCharactersUnchanged() {
        #expect(TextNormalization.simplified("乾著於") == "乾著於")
    }

    @Test func tableMapsTraditionalToDifferentSimplifiedCharacters() {
        let pairs = TextNormalization.simplificationPairs
        let traditional = Set(pairs.map(\.traditional))
        #expect(pairs.count == 755 && traditional.count == 755)
        #expect(pairs.allSatisfy { $0.traditional != $0.simplified && !traditional.contains($0.simplified) })
        #expect(TextNormalization.simplified(String(String.UnicodeScalarView(pairs.map(\.traditional))))
            == String(String.UnicodeScalarView(pairs.map(\.simplified))))
    }

    @Test func normalizedAddressCombinesAllSteps() {
        #expect(TextNormalization.normalizedAddress(" 人民路 １２ａ號 ") == "人民路12A号")
        #expect(TextNormalization.normalizedAddress("李家村１至４組") == "李家村1-4组")
        #expect(TextNormalization.normalizedAddress("一至四组") == "一-四组")
        #expect(TextNormalization.normalizedAddress("1号到99号") == "1号-99号")
        #expect(TextNormalization.normalizedAddress("1——99號") == "1-99号")
        #expect(TextNormalization.normalizedAddress("至善路到达里") == "至善路到达里")
    }

    @Test func normalizedAddressIsIdempotent() {
        for text in ["陽光花園 ３棟", "1至4组", "人民路12号之一", "Ａ　ｂ—～c", ""] {
            let once = TextNormalization.normalizedAddress(text)
            #expect(TextNormalization.normalizedAddress(once) == once)
        }
    }

    @Test func normalizedFieldTrimsButKeepsInnerSpacesAndDashes() {
        #expect(TextNormalization.normalizedField("　實驗小學 東校區 ") == "实验小学 东校区")
        #expect(TextNormalization.normalizedField("1—9") == "1—9")
    }
}
