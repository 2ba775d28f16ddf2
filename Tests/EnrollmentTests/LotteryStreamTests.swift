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

/// Expected values computed independently with Python's hashlib (a 30-line script following
/// docs/LOTTERY.md), not with this code.
@Suite struct LotteryStreamTests {
    @Test func firstWordsAreTheBlocksBigEndian() {
        // block 0 = sha256("enroll-stream/1\n7f3a9c\nschool-order\n0")
        //         = 339a7e7be3e9a4a3 be1a58c4a854a513 06d45c2d4c82564f 53edd533ddccd8c1
        // block 1 = sha256("enroll-stream/1\n7f3a9c\nschool-order\n1") = 18c909b809e67fdb e40febdeb8bf21fa …
        var stream = LotteryStream(seed: "7f3a9c", draw: "school-order")
        let words = (0..<6).map { _ in stream.nextUInt64() }
        #expect(words == [
            0x339a_7e7b_e3e9_a4a3, 0xbe1a_58c4_a854_a513, 0x06d4_5c2d_4c82_564f,
            0x53ed_d533_ddcc_d8c1, 0x18c9_09b8_09e6_7fdb, 0xe40f_ebde_b8bf_21fa,
        ])
    }

    @Test func nextIntVectors() {
        var stream = LotteryStream(seed: "7f3a9c", draw: "school-order")
        let bounds = [10, 10, 3, 1, 1000, Int.max]
        #expect(bounds.map { stream.nextInt(below: $0) } == [1, 1, 0, 0, 723, 7_210_240_870_258_254_331])
    }

    @Test func rejectionDiscardsTheWordAboveTheLimit() {
        // n = floor(2^64 / 3) + 1: r = 2^64 mod n = 6148914691236517204, so words
        // ≥ 12297829382473034412 are discarded. The first word of this draw,
        // 18103375717854822385, is; the second, 5233527125611671675, is returned as is.
        let n = 6_148_914_691_236_517_206
        var stream = LotteryStream(seed: "7f3a9c", draw: "rejection-6")
        #expect(stream.nextInt(below: n) == 5_233_527_125_611_671_675)
        var words = LotteryStream(seed: "7f3a9c", draw: "rejection-6")
        #expect([words.nextUInt64(), words.nextUInt64()] == [18_103_375_717_854_822_385, 5_233_527_125_611_671_675])
        // Both words were used: the streams are now at the same place.
        #expect(stream.nextUInt64() == words.nextUInt64())
    }

    @Test func shuffleVector() {
        var stream = LotteryStream(seed: "7f3a9c", draw: "school-order")
        var items = Array(0..<10)
        stream.shuffle(&items)
        #expect(items == [0, 5, 4, 2, 8, 6, 9, 7, 3, 1])
    }

    @Test func sameInputsSameStreamOtherDrawOtherStream() {
        var a = LotteryStream(seed: "7f3a9c", draw: "class-formation")
        var b = LotteryStream(seed: "7f3a9c", draw: "class-formation")
        var c = LotteryStream(seed: "7f3a9c", draw: "head-teacher")
        let x = (0..<9).map { _ in a.nextUInt64() }
        #expect(x == (0..<9).map { _ in b.nextUInt64() })
        #expect(x != (0..<9).map { _ in c.nextUInt64() })
    }

    @Test func nextIntStaysInRangeAndCoversIt() {
        var stream = LotteryStream(seed: "coverage", draw: "d")
        var seen = [Int](repeating: 0, count: 7)
        for _ in 0..<7_000 {
            seen[stream.nextInt(below: 7)] += 1
        }
        // Each value expected 1000 times; 5 standard deviations is about ±150.
        #expect(seen.allSatisfy { (850...1150).contains($0) }, "\(seen)")
    }
}
