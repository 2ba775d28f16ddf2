import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum QuotaCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "quota",
        abstract: "Share quality high-school places out among junior schools and admit graduates to them (指标到校).",
        discussion: """
            Refuses to draw unless the case still hashes to the commitment. Allocates each quality high school's quota \
            (at least the policy's share of its plan) among the junior schools by the policy's rounding rule, admits \
            each junior school's graduates to its seats by score, tie-breaks and lottery, runs the open round (统招) \
            in the policy's order, and writes RUN/quota/quota-allocation.csv, quota-admissions.csv and \
            quota-unfilled.csv, recorded in RUN/manifest.json.
            """,
        arguments: [CaseArguments.folder.spec] + Drawing.arguments
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let round = try Drawing.openRound(arguments)
        let record = try round.allocateQuotas()
        print("quota: \(describe(record.summary))")
        print(Drawing.wrote(record.step, in: round))
        return 0
    }

    /// The quota step's figures in words.
    static func describe(_ s: QuotaSummary) -> String {
        "\(s.quotaSeats) quota seats of \(s.qualityHighSchools) quality high schools; \(s.admittedByQuota) admitted by quota, \(s.admittedOpen) in the open round"
    }
}
