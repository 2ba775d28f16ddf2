import Foundation
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

/// One writer per run folder (issue 20): commands started at once into one folder each either
/// complete and are recorded, or refuse saying the folder is busy — never a step lost.
@Suite(.serialized) struct RunFolderLockTests {
    static let seed = String(repeating: "c", count: 64)

    /// A committed synthetic case in a new folder; returns the folder holding `case` and `c.json`.
    static func committedCase(_ name: String = #function) throws -> URL {
        let root = try temporaryFolder(name)
        let made = try runEnroll(["synth", "--seed", "lock", "--applicants", "600", "--out", root.appendingPathComponent("case").path])
        #expect(made.status == 0, "\(made.err)")
        let committed = try runEnroll(["commit", root.appendingPathComponent("case").path, "--out", root.appendingPathComponent("c.json").path])
        #expect(committed.status == 0, "\(committed.err)")
        return root
    }

    static func place(_ level: String, in root: URL, wait: Bool) -> Process {
        let process = Process()
        process.executableURL = enrollBinary
        process.arguments = ["place", root.appendingPathComponent("case").path, "--level", level, "--seed", seed,
                             "--commitment", root.appendingPathComponent("c.json").path,
                             "--out", root.appendingPathComponent("run").path] + (wait ? ["--wait"] : [])
        process.standardOutput = FileHandle.nullDevice
        return process
    }

    /// Both levels placed at once into one folder, a few times with random start offsets:
    /// each command completes and is recorded, or exits 1 saying the folder is busy; the folder
    /// then verifies and holds every recorded step's files.
    @Test func commandsAtOnceEachCompleteOrRefuseAndTheFolderVerifies() throws {
        let root = try Self.committedCase()
        var offsets = KillTests.Delays(state: 20)
        for _ in 0..<3 {
            try? FileManager.default.removeItem(at: root.appendingPathComponent("run"))
            let commands = ["primary", "junior"].map { Self.place($0, in: root, wait: false) }
            let errors = commands.map { _ in Pipe() }
            for (command, pipe) in zip(commands, errors) {
                command.standardError = pipe
                usleep(UInt32(offsets.next(below: 0.05) * 1_000_000))
                try command.run()
            }
            let messages = errors.map { String(decoding: $0.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
            for command in commands { command.waitUntilExit() }
            var completed: [String] = []
            for (level, (command, message)) in zip(["primary", "junior"], zip(commands, messages)) {
                if command.terminationStatus == 0 {
                    completed.append(level)
                } else {
                    #expect(command.terminationStatus == 1)
                    #expect(message.contains("the folder is busy: another command is writing into it (process "), "\(message)")
                }
            }
            #expect(!completed.isEmpty)
            let manifest = try #require(try Manifest.read(run: root.appendingPathComponent("run")))
            #expect(Set(manifest.steps.map(\.label)) == Set(completed.map { "place (level \($0))" }))
            for file in manifest.steps.flatMap(\.outputs) {
                #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("run").appendingPathComponent(file.name).path))
            }
            let verified = try runEnroll(["verify", root.appendingPathComponent("run").path])
            #expect(verified.status == 0, "\(verified.out)\(verified.err)")
        }
    }

    /// With `--wait` the second command waits for the first and both are recorded.
    @Test func waitingCommandsAreBothRecorded() throws {
        let root = try Self.committedCase()
        let commands = ["primary", "junior"].map { Self.place($0, in: root, wait: true) }
        for command in commands { try command.run() }
        for command in commands { command.waitUntilExit() }
        #expect(commands.map(\.terminationStatus) == [0, 0])
        let manifest = try #require(try Manifest.read(run: root.appendingPathComponent("run")))
        #expect(Set(manifest.steps.map(\.label)) == ["place (level primary)", "place (level junior)"])
        let verified = try runEnroll(["verify", root.appendingPathComponent("run").path])
        #expect(verified.status == 0, "\(verified.out)\(verified.err)")
    }

    /// A lock held in this process refuses a command at once, naming the holder; a holder
    /// killed with SIGKILL leaves nothing held: the next command takes the folder at once.
    @Test func aHeldFolderIsRefusedAndAKilledHolderReleasesIt() throws {
        let root = try Self.committedCase()
        let run = root.appendingPathComponent("run")
        do {
            let held = try FolderLock(run)
            let refused = try runEnroll(["place", root.appendingPathComponent("case").path, "--level", "primary", "--seed", Self.seed,
                                         "--commitment", root.appendingPathComponent("c.json").path, "--out", run.path])
            #expect(refused.status == 1)
            #expect(refused.err.contains("\(run.path): the folder is busy: another command is writing into it (process \(getpid()): "))
            #expect(throws: FolderLockError.self) { try FolderLock(run) }
            _ = held
        }
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-o", run.appendingPathComponent(FolderLock.fileName).path, "sleep", "2"]  // -o: the lock is flock's own
        try holder.run()
        usleep(300_000)
        #expect(throws: FolderLockError.self) { try FolderLock(run) }
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        let placed = try runEnroll(["place", root.appendingPathComponent("case").path, "--level", "primary", "--seed", Self.seed,
                                    "--commitment", root.appendingPathComponent("c.json").path, "--out", run.path])
        #expect(placed.status == 0, "\(placed.err)")
    }
}
