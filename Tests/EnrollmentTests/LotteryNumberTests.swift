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

@Suite struct LotteryNumberTests {
    /// Expected values from
    /// `printf 'enroll-lottery/1\n%s\n%s\n%s' "$SEED" "$DRAW" "$ID" | sha256sum`.
    static let vectors: [(seed: String, draw: String, studentID: String, number: String)] = [
        ("7f3a9c", "junior-placement", "2026070001", "274a3c272d952df64de7ae6c2dfde6752a10cf306eaf4eb52ade2baa725da9ba"),
        ("7f3a9c", "junior-placement", "张三-01", "ddee6267ad0d61ff8592a730894a7b2b87d824d106e1b1e6358cc1409658e24c"),
        ("7f3a9c", "junior-placement", "李四", "ad2348c53199879313ac194cae1361e8659cddea82784a51fd918f80b0152257"),
        ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "第一初级中学", "张三-01",
         "60775028ab449ba529e31eae9b324d4dee8164347eb5a0bcc0167673963915e6"),
        // Long enough for the text to need two SHA-256 blocks.
        ("7f3a9c", "junior-placement", "G-2026-000000000000000000000000000000000000000001",
         "66ce6b41d33f5f6d01f08c0bb5f9f30b80e1bae541337650b126fda594780c24"),
    ]

    @Test(arguments: vectors)
    func matchesTheShellRecipe(seed: String, draw: String, studentID: String, number: String) {
        let computed = LotteryNumber(seed: seed, draw: draw, studentID: studentID)
        #expect(computed.hex == number)
        #expect(computed.description == number)
        #expect(LotteryNumber(hex: number) == computed)
    }

    @Test(arguments: vectors)
    func aDrawNumbersLikeTheInitializer(seed: String, draw: String, studentID: String, number: String) {
        let prepared = LotteryNumber.Draw(seed: seed, name: draw)
        #expect(prepared.number(studentID: studentID).hex == number)
        #expect(prepared.number(studentID: "other", twinGroup: studentID).hex == number)
    }

    @Test func smallerNumberGoesFirst() {
        let ids = ["2026070001", "2026070002", "2026070003", "2026070004", "2026070005"]
        let order = ids.sorted {
            LotteryNumber(seed: "7f3a9c", draw: "junior-placement", studentID: $0)
                < LotteryNumber(seed: "7f3a9c", draw: "junior-placement", studentID: $1)
        }
        // 274a… < 579b… < a885… < aafa… < ce7d…
        #expect(order == ["2026070001", "2026070004", "2026070005", "2026070003", "2026070002"])
    }

    @Test func orderIsTheOrderOfTheHexStrings() {
        let numbers = (0..<300).map { LotteryNumber(seed: "s", draw: "d", studentID: "\($0)") }
        #expect(numbers.sorted().map(\.hex) == numbers.map(\.hex).sorted())
    }

    @Test func dependsOnSeedAndDraw() {
        let base = LotteryNumber(seed: "7f3a9c", draw: "junior-placement", studentID: "2026070001")
        #expect(LotteryNumber(seed: "7f3a9d", draw: "junior-placement", studentID: "2026070001") != base)
        #expect(LotteryNumber(seed: "7f3a9c", draw: "primary-placement", studentID: "2026070001") != base)
    }

    @Test func twinsShareTheGroupsNumber() {
        let group = "twin-7"
        // printf 'enroll-lottery/1\n7f3a9c\njunior-placement\ntwin-7' | sha256sum
        let expected = "8dda01391bec5ae9d3f5a7119688108f9a36a426d826a1dbe7350c48047187d6"
        let first = LotteryNumber(seed: "7f3a9c", draw: "junior-placement", studentID: "2026070001", twinGroup: group)
        let second = LotteryNumber(seed: "7f3a9c", draw: "junior-placement", studentID: "2026070002", twinGroup: group)
        #expect(first.hex == expected)
        #expect(second == first)
    }

    @Test func withoutAGroupTheStudentsOwnNumber() {
        let own = LotteryNumber(seed: "7f3a9c", draw: "junior-placement", studentID: "2026070001")
        #expect(LotteryNumber(seed: "7f3a9c", draw: "junior-placement", studentID: "2026070001", twinGroup: nil) == own)
        #expect(LotteryNumber(seed: "7f3a9c", draw: "junior-placement", studentID: "2026070001", twinGroup: "") == own)
    }

    @Test func rejectsMalformedHex() {
        #expect(LotteryNumber(hex: "274a3c") == nil)
        #expect(LotteryNumber(hex: String(repeating: "z", count: 64)) == nil)
    }
}
