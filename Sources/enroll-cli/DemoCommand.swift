import Enrollment
import Foundation

enum DemoCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "demo",
        abstract: "Run the whole pipeline on the built-in sample county and print where the results are.",
        discussion: "The sample county is zones/sample-county (a fictional county: 12 primary, 5 junior and 5 high schools, about 3,000 applicants per level).",
        arguments: [
            .option("case", valueName: "folder", help: "Another case folder to run instead of the sample county."),
            .option("out", valueName: "folder", help: "Where to write the results.", default: "out/demo"),
        ]
    )

    /// The sample county's case folder, found beside the sources this binary was built from.
    static var sampleCase: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("zones/sample-county/case")
    }

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let caseURL = arguments.value("case").map { URL(fileURLWithPath: $0) } ?? sampleCase
        let out = URL(fileURLWithPath: arguments.value("out") ?? "out/demo")
        print("enroll \(EnrollmentVersion.current) demo: case \(caseURL.path)")
        let started = DispatchTime.now()
        let loaded = try CaseFolder(url: caseURL).load()
        guard loaded.diagnostics.isEmpty else {
            for d in loaded.diagnostics { Console.error(d.description) }
            return 1
        }
        print("1. validate  \(loaded.admissionCase.summary)  (\(elapsed(since: started)))")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        print("results in \(out.standardizedFileURL.path)")
        return 0
    }

    /// Wall-clock time since `start`, for progress lines only (never in any result).
    static func elapsed(since start: DispatchTime) -> String {
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return ms < 1000 ? "\(Int(ms)) ms" : "\(Int(ms / 100) / 10).\(Int(ms / 100) % 10) s"
    }
}
