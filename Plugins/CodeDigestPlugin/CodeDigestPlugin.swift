import Foundation
import PackagePlugin

/// Before the `Enrollment` target compiles, runs `enroll-code-digest` over every Swift source
/// file under `Sources/Enrollment`, which writes `CodeDigest.swift` declaring
/// `CodeIdentifier.library`, the SHA-256 that identifies the library's code (docs/LOTTERY.md,
/// "The code identifier"). The sources are the command's inputs, so any change to them makes the
/// digest be computed again. It runs wherever the package is built, also as a dependency.
@main
struct CodeDigestPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = context.package.directoryURL.appendingPathComponent("Sources/Enrollment").standardizedFileURL.path + "/"
        let files = context.package.targets.compactMap(\.sourceModule).flatMap { $0.sourceFiles(withSuffix: "swift").map(\.url) }
        let sources = Set(files.filter { $0.standardizedFileURL.path.hasPrefix(folder) }).sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("CodeDigest.swift")
        return [
            .buildCommand(
                displayName: "Hashing the sources of Enrollment",
                executable: try context.tool(named: "enroll-code-digest").url,
                arguments: [output.path, context.package.directoryURL.path] + sources.map(\.path),
                inputFiles: sources,
                outputFiles: [output]
            )
        ]
    }
}
