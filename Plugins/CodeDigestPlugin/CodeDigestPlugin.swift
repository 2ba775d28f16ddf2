import Foundation
import PackagePlugin

/// Before `enroll-cli` compiles, runs `enroll-code-digest` over every Swift source file of
/// `Sources/Enrollment` and `Sources/enroll-cli`, which writes `CodeDigest.swift` holding the
/// SHA-256 that identifies the code (docs/LOTTERY.md, "The code identifier"). The sources are
/// the command's inputs, so any change to them makes the digest be computed again.
@main
struct CodeDigestPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let hashed = try context.package.targets(named: ["EnrollmentIO", "EnrollmentCase", "EnrollmentEngines", "EnrollmentRound", "EnrollmentPublishing", "Enrollment", "EnrollmentCommandLine", "EnrollmentSynthesis", "enroll-cli"])
        let sources = hashed.compactMap(\.sourceModule).flatMap { $0.sourceFiles(withSuffix: "swift").map(\.url) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("CodeDigest.swift")
        return [
            .buildCommand(
                displayName: "Hashing the sources of Enrollment and enroll-cli",
                executable: try context.tool(named: "enroll-code-digest").url,
                arguments: [output.path, context.package.directoryURL.path] + sources.map(\.path),
                inputFiles: sources,
                outputFiles: [output]
            )
        ]
    }
}
