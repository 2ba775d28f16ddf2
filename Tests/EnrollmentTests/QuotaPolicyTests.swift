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

@Suite struct QuotaPolicyTests {
    func read(_ text: String) -> (Policy, [String]) {
        let (p, d) = PolicyFile.read(Array(text.utf8))
        return (p, d.map(\.description))
    }

    @Test func everyQuotaKeyIsReadAndRenderedBack() {
        let (p, d) = read("""
        {"quota_basis": "weighted", "quota_tie_break": ["military", "score_math", "score_chinese"],
         "quota_mechanism": "immediate-acceptance", "quota_tie_at_last_seat": "admit-all",
         "quota_min_score": {"H02": 480, "H01": 520.5}, "quota_min_score_below_cutoff": 20,
         "quota_order": "open-first", "quota_unfilled": "second-round"}
        """)
        #expect(d.isEmpty)
        #expect(p.quotaBasis == .weighted)
        #expect(p.quotaTieBreak == ["military", "score_math", "score_chinese"])
        #expect(p.quotaMechanism == .immediateAcceptance)
        #expect(p.quotaTieAtLastSeat == .admitAll)
        #expect(p.quotaMinScore == .bySchool(["H01": Score(hundredths: 52050), "H02": Score(hundredths: 48000)]))
        #expect(p.quotaMinScore.line(at: "H03") == nil)
        #expect(p.quotaMinScoreBelowCutoff == Score(hundredths: 2000))
        #expect(p.quotaOrder == .openFirst)
        #expect(p.quotaUnfilled == .secondRound)
        let (again, d2) = PolicyFile.read(PolicyFile.render(p))
        #expect(d2.isEmpty)
        #expect(again == p)
        // The defaults render as null for the lines and read back the same.
        let (defaults, d3) = PolicyFile.read(PolicyFile.render(Policy()))
        #expect(d3.isEmpty)
        #expect(defaults == Policy())
        let (single, d4) = read(#"{"quota_min_score": 450}"#)
        #expect(d4.isEmpty)
        #expect(single.quotaMinScore == .everySchool(Score(hundredths: 45000)))
        #expect(PolicyFile.read(PolicyFile.render(single)).policy == single)
    }

    @Test func badQuotaValuesAreNamed() {
        #expect(read("""
        {"quota_basis": "pupils",
         "quota_tie_break": ["military", "score_"],
         "quota_min_score": "high",
         "quota_min_score_below_cutoff": 1.255,
         "quota_order": "quota_first",
         "quota_tie_at_last_seat": true,
         "quota_unfiled": "open-round"}
        """).1 == [
            "policy.json:1:17: quota_basis must be one of \"eligible\", \"weighted\", \"graduates\"",
            "policy.json:2:21: quota_tie_break lists category tags or score_<subject> columns, not \"score_\"",
            "policy.json:3:21: quota_min_score must be a score of at least 0 with at most two decimals, such as 450 or 452.5, or an object of such numbers by high-school id such as {\"H01\": 520}",
            "policy.json:4:34: quota_min_score_below_cutoff must be a score of at least 0 with at most two decimals, such as 450 or 452.5",
            "policy.json:5:17: quota_order must be one of \"quota-first\", \"open-first\"",
            "policy.json:6:28: quota_tie_at_last_seat must be one of \"lottery\", \"admit-all\"",
            "policy.json:7:2: unknown key \"quota_unfiled\"; did you mean \"quota_unfilled\"? (the keys are listed in docs/FORMATS.md)",
        ])
        #expect(read(#"{"quota_min_score": {"H01": -5}}"#).1 == [
            "policy.json:1:29: quota_min_score.H01 must be a score of at least 0 with at most two decimals, such as 450 or 452.5",
        ])
        #expect(read(#"{"quota_tie_break": ["military", "military"]}"#).1 == ["policy.json:1:21: quota_tie_break lists a tie-break twice"])
    }
}
