import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
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

    /// Prints every problem, then a line counting them and saying what to do.
    /// What was read but is worth saying, each as `file:line:column: note: message`.
    static func notes(_ notes: [Diagnostic]) {
        for n in notes { error("\(n.location): note: \(n.message)") }
    }

    static func problems(_ diagnostics: [Diagnostic], then advice: String) {
        for d in diagnostics { error(d.description) }
        error("\(diagnostics.count) problem\(diagnostics.count == 1 ? "" : "s") found\(advice.isEmpty ? "" : "; " + advice)")
    }
}

extension ArgumentType where T == URL {
    /// A file or folder path, relative to the working directory.
    static var path: ArgumentType { ArgumentType { URL(fileURLWithPath: $0) } }
}

extension ArgumentType where T == SchoolLevel {
    /// `primary` or `junior` (also 小学, 初中).
    static var placementLevel: ArgumentType {
        ArgumentType { text throws(Invalid) in
            guard let level = SchoolLevel(parsing: text), level != .high else { throw Invalid("use primary or junior") }
            return level
        }
    }
}

extension ArgumentType where T == TextEncoding {
    /// `utf-8` or `gb18030` (also gbk, gb2312, cp936).
    static var encoding: ArgumentType {
        ArgumentType { name throws(Invalid) in
            do { return try TextEncoding(name: name) } catch { throw Invalid("\(error)") }
        }
    }
}

/// The arguments shared by commands that read a case.
enum CaseArguments {
    /// The case folder, as the first positional argument.
    static let folder = Argument<URL>.positional("case", help: "The case folder (see docs/FORMATS.md).", as: .path)
    /// `--encoding`.
    static let encoding = Argument<TextEncoding?>.optional("encoding", valueName: "encoding",
        help: "The encoding of the CSV files: utf-8 or gb18030 (also gbk). Detected per file when omitted.", as: .encoding)
    /// `--level`, for the steps of one level.
    static let level = Argument<SchoolLevel>.option("level", valueName: "level", help: "primary or junior.", as: .placementLevel)

    /// Loads the case named by the arguments; prints every problem and returns nil when it has
    /// any (the command then exits 1, writing nothing).
    static func load(_ arguments: ParsedArguments, advice: String = "run `enroll validate` after fixing them") throws -> AdmissionCase? {
        let loaded = try CaseFolder(url: try arguments[folder], encoding: try arguments[encoding]).load()
        Console.notes(loaded.notes)
        guard loaded.diagnostics.isEmpty else {
            Console.problems(loaded.diagnostics, then: advice)
            return nil
        }
        return loaded.admissionCase
    }
}
