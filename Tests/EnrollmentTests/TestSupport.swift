import Foundation
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

/// A fresh, empty temporary folder for one test.
func temporaryFolder(_ name: String = #function) throws -> URL {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("enroll-tests-\(safe)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `files` (name → UTF-8 text; a name may hold a subfolder) into a new temporary case folder.
func caseFolder(_ files: [String: String], name: String = #function) throws -> URL {
    let url = try temporaryFolder(name)
    for (file, text) in files {
        let target = url.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }
    return url
}

/// The package's root folder (for the committed sample county).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `enroll` executable of the build these tests were built by (debug or release, whatever
/// the build folder): the one beside the test bundle, never a stale binary of another build.
let enrollBinary: URL = {
    var folder = Bundle.main.executableURL!.resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" {
        let candidate = folder.appendingPathComponent("enroll")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue { return candidate }
        folder.deleteLastPathComponent()
    }
    preconditionFailure("no enroll executable beside the test bundle \(Bundle.main.executableURL!.path): build the package first")
}()

/// Runs the built `enroll` executable with `arguments`; returns status, stdout and stderr.
func runEnroll(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = enrollBinary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// Runs `scripts/recompute-lottery.py` on a run folder (Python's standard library only); returns
/// its status and what it printed.
func recomputeLottery(_ run: URL) throws -> (status: Int32, out: String) {
    let script = Process()
    script.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    script.arguments = ["python3", packageRoot.appendingPathComponent("scripts/recompute-lottery.py").path, run.path]
    let pipe = Pipe()
    script.standardOutput = pipe
    try script.run()
    let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    script.waitUntilExit()
    return (script.terminationStatus, printed)
}

/// Runs `program` with `node -e` in `folder` (where the test put `site.js`); returns its status
/// and what it printed.
func runNode(_ program: String, in folder: URL) throws -> (status: Int32, out: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/node")
    process.arguments = ["-e", program]
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

/// Runs the system tool at `path` (e.g. `/bin/mount`) with `arguments`, its error output
/// discarded; returns its exit status.
@discardableResult
func runSystemTool(_ path: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}
