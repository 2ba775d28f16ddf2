import Enrollment
import Foundation

/// A subcommand of `enroll`: its argument specification and what running it does.
protocol EnrollCommand {
    static var spec: CommandSpec { get }
    /// Runs the command; returns the exit status (0 success, 1 problems in the data).
    static func run(_ arguments: ParsedArguments) throws -> Int32
}

/// Printing to the console: results to standard output, problems to standard error.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

extension ParsedArguments {
    /// The `--encoding` option, parsed.
    func encoding() throws -> TextEncoding? {
        guard let name = value("encoding") else { return nil }
        do {
            return try TextEncoding(name: name)
        } catch {
            throw UsageError.invalidValue(option: "encoding", value: name, reason: error.description)
        }
    }
}

/// The `--encoding` option shared by commands that read a case.
let encodingOption = ArgumentSpec.option("encoding", valueName: "encoding",
    help: "The encoding of the CSV files: utf-8 or gb18030 (also gbk). Detected per file when omitted.")

/// Loads the case named by the `case` argument; prints every problem and returns nil when
/// it has any (the command then exits 1, writing nothing).
func loadCase(_ arguments: ParsedArguments) throws -> AdmissionCase? {
    let loaded = try CaseFolder(url: URL(fileURLWithPath: arguments.value("case")!), encoding: try arguments.encoding()).load()
    guard loaded.diagnostics.isEmpty else {
        for d in loaded.diagnostics { Console.error(d.description) }
        Console.error("\(loaded.diagnostics.count) problem\(loaded.diagnostics.count == 1 ? "" : "s") found; run `enroll validate` after fixing them")
        return nil
    }
    return loaded.admissionCase
}

extension ParsedArguments {
    /// The `--level` option: primary or junior.
    func placementLevel() throws -> SchoolLevel {
        let text = value("level") ?? ""
        guard let level = SchoolLevel(parsing: text), level != .high else {
            throw UsageError.invalidValue(option: "level", value: text, reason: "use primary or junior")
        }
        return level
    }
}
