import Foundation
import PackagePlugin

/// Before the `Enrollment` target compiles, runs `enroll-code-digest` over every source file
/// under `Sources/Enrollment` (Swift, and the C and header files of its SHA-256 compression),
/// which writes `CodeDigest.swift` declaring `CodeIdentifier.library`, the SHA-256 that identifies the library's code (docs/LOTTERY.md,
/// "The code identifier"). The sources are the command's inputs, so any change to them makes the
/// digest be computed again. It runs wherever the package is built, also as a dependency.
@main
struct CodeDigestPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = context.package.directoryURL.appendingPathComponent("Sources/Enrollment").standardizedFileURL.path + "/"
        // The compiled files (Swift and C), and the headers, which a C target does not list as sources.
        let compiled = context.package.targets.compactMap(\.sourceModule).flatMap { module in
            ["swift", "c"].flatMap { module.sourceFiles(withSuffix: $0).map(\.url) }
        }
        let headers = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".h") }.map { URL(fileURLWithPath: folder + $0) }
        let files = compiled + headers
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
