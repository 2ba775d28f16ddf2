import Enrollment
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
        arguments: [.positional("case", help: "The case folder.")] + drawingOptions + [encodingOption]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        var options: [String: String] = [:]
        let step = try arguments.recordDrawingStep(.quota, options: &options).steps.last!
        print("quota: \(step.counts["quota_seats"] ?? 0) quota seats of \(step.counts["quality_high_schools"] ?? 0) quality high schools; "
              + "\(step.counts["admitted_by_quota"] ?? 0) admitted by quota, \(step.counts["admitted_open"] ?? 0) in the open round")
        print("wrote \(step.outputs.map(\.name).joined(separator: ", ")) and \(Manifest.fileName) in \(arguments.value("out")!)")
        return 0
    }
}
