import Foundation
import EnrollmentIO

/// How a step's several files enter a run folder all or nothing.
///
/// The folder's state is `manifest.json` and the files it lists. A step changes it in this
/// order (each file written by `AtomicFile`: complete and flushed, or absent):
/// 1. the new manifest is written as `manifest.json.pending` — this names the step and the
///    SHA-256 of every file of the new state;
/// 2. each new output is written beside its target as `.<name>.staged`;
/// 3. each staged file is renamed over its target; files the old manifest lists and the new
///    one does not are removed;
/// 4. `manifest.json.pending` is renamed to `manifest.json`; leftovers are removed.
///
/// A kill at any moment therefore leaves one of three states (`RunFolderState`): no pending
/// manifest (the folder is `manifest.json`'s state); a pending manifest some of whose files are
/// neither staged nor in place — then no rename has happened yet and the previous state is
/// intact; or a pending manifest all of whose files are staged or in place with the right
/// digest — then the new state is complete and renaming finishes it. `recover` brings any
/// of them to a settled folder: it finishes a complete commit (roll forward), or records the
/// interrupted attempt and removes what it wrote (roll back, itself done as a commit of the
/// previous state). Every drawing command recovers first; `enroll verify` only reports.
package enum RunCommit {
    /// The pending manifest's name in the run folder.
    package static let pendingFileName = "manifest.json.pending"

    /// Where output `name` is staged: `.<file>.staged` in the target's folder.
    package static func stagedURL(_ name: String, in run: URL) -> URL {
        let url = run.appendingPathComponent(name)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).staged")
    }

    /// Thrown by `commit` when a test stops it after a given number of operations, leaving the
    /// folder as a kill at that moment would.
    package struct Stopped: Error {}

    /// Commits `next` into `run`, writing `outputs` (the files of `next` that change); the
    /// folder must be settled (see `recover`).
    /// - Parameter stopAfter: for tests: stop after this many file operations, as a kill would.
    /// - Complexity: O(total size of `outputs` + files listed by either manifest).
    package static func commit(_ next: Manifest, outputs: [(name: String, bytes: [UInt8])], into run: URL,
                       stopAfter: Int? = nil) throws {
        var done = 0
        func step(_ operation: () throws -> Void) throws {
            if let stopAfter, done >= stopAfter { throw Stopped() }
            try operation()
            done += 1
        }
        do {
            try step { try AtomicFile.write(next.rendered, to: run.appendingPathComponent(pendingFileName)) }
            for file in outputs {
                try step { try AtomicFile.write(file.bytes, to: stagedURL(file.name, in: run)) }
            }
        } catch let error as AtomicFileError {
            // A write failed (a full disk, a folder made read-only): nothing was renamed yet, so
            // removing what this step wrote leaves the folder exactly as it was.
            for file in outputs {
                let staged = stagedURL(file.name, in: run)
                try? FileManager.default.removeItem(at: staged)
                rmdir(staged.deletingLastPathComponent().path)  // only when this step made it and it is empty
            }
            try? FileManager.default.removeItem(at: run.appendingPathComponent(pendingFileName))
            throw error
        }
        try finish(run, stopAfter: stopAfter.map { $0 - done })
    }

    /// Completes a commit whose pending manifest is complete: renames staged files into
    /// place, removes files only the old manifest lists, renames the pending manifest, and
    /// removes leftovers. Each operation can be repeated, so a kill during `finish` is
    /// finished by the next.
    package static func finish(_ run: URL, stopAfter: Int? = nil) throws {
        var done = 0
        func step(_ operation: () throws -> Void) throws {
            if let stopAfter, done >= stopAfter { throw Stopped() }
            try operation()
            done += 1
        }
        let pendingURL = run.appendingPathComponent(pendingFileName)
        guard let pending = try Manifest.read(pendingURL) else { return }
        let previous = try Manifest.read(run: run)
        let listed = pending.steps.flatMap(\.outputs)
        for record in listed {
            let staged = stagedURL(record.name, in: run)
            guard FileManager.default.fileExists(atPath: staged.path), (try? SHA256.hash(fileAt: staged)) == record.digest else { continue }
            try step {
                let target = run.appendingPathComponent(record.name)
                guard rename(staged.path, target.path) == 0 else { throw AtomicFileError.cannotWrite(target.path, errno) }
                AtomicFile.syncFolder(target.deletingLastPathComponent())
            }
        }
        let kept = Set(listed.map(\.name))
        for name in Set((previous?.steps ?? []).flatMap(\.outputs).map(\.name)).subtracting(kept).sorted() {
            try step { unlink(run.appendingPathComponent(name).path) }
        }
        try step {
            let manifestURL = run.appendingPathComponent(Manifest.fileName)
            guard rename(pendingURL.path, manifestURL.path) == 0 else { throw AtomicFileError.cannotWrite(manifestURL.path, errno) }
            AtomicFile.syncFolder(run)
        }
        for leftover in leftovers(in: run) {
            try step { unlink(run.appendingPathComponent(leftover).path) }
        }
    }

    /// The state a run folder is in.
    /// - Throws: `Diagnostic` when a manifest exists but cannot be read.
    package static func state(of run: URL) throws(Diagnostic) -> RunFolderState {
        let previous = try Manifest.read(run: run)
        let leftovers = leftovers(in: run)
        guard let pending = try Manifest.read(run.appendingPathComponent(pendingFileName)) else {
            return .settled(previous, leftovers: leftovers)
        }
        let new = Array(pending.attempts.dropFirst(previous?.attempts.count ?? 0))
        let complete = pending.steps.flatMap(\.outputs).allSatisfy { record in
            (try? SHA256.hash(fileAt: stagedURL(record.name, in: run))) == record.digest
                || (try? SHA256.hash(fileAt: run.appendingPathComponent(record.name))) == record.digest
        }
        return complete ? .committing(previous: previous, pending: pending, attempts: new, leftovers: leftovers)
                        : .interrupted(previous: previous, pending: pending, attempts: new, leftovers: leftovers)
    }

    /// Brings `run` to a settled state: finishes a complete commit, or records an interrupted
    /// attempt as `interrupted` in `manifest.json` and removes what it wrote; removes leftovers.
    /// - Returns: what was done, nil when the folder was already settled and clean.
    @discardableResult
    package static func recover(_ run: URL) throws -> RunRecovery? {
        switch try state(of: run) {
        case let .settled(_, leftovers):
            guard !leftovers.isEmpty else { return nil }
            for leftover in leftovers { unlink(run.appendingPathComponent(leftover).path) }
            return .removedLeftovers(leftovers)
        case let .committing(_, _, attempts, _):
            try finish(run)
            return .finished(attempts)
        case let .interrupted(previous, pending, attempts, _):
            try AtomicFile.write(rolledBack(previous: previous, pending: pending, attempts: attempts).rendered,
                                 to: run.appendingPathComponent(pendingFileName))
            try finish(run)
            return .rolledBack(attempts)
        }
    }

    /// The previous state with the interrupted `attempts` added as `interrupted`.
    package static func rolledBack(previous: Manifest?, pending: Manifest, attempts: [RunAttempt]) -> Manifest {
        var manifest = previous ?? Manifest(toolVersion: pending.toolVersion, code: pending.code, seed: pending.seed,
                                            commitment: pending.commitment, caseFolder: pending.caseFolder)
        manifest.attempts += attempts.map { a in
            var a = a
            a.outcome = .interrupted
            return a
        }
        return manifest
    }

    /// Files an interrupted write left (staged and partial files, and the pending manifest),
    /// as paths inside `run`, sorted.
    package static func leftovers(in run: URL) -> [String] {
        guard let paths = FileManager.default.enumerator(atPath: run.path)?.allObjects as? [String] else { return [] }
        return paths.filter { path in
            let name = (path as NSString).lastPathComponent
            return path == pendingFileName || (name.hasPrefix(".") && (name.hasSuffix(".staged") || name.hasSuffix(".partial")))
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// The state of a run folder, as `RunCommit` leaves it at any moment.
package enum RunFolderState: Sendable {
    /// No step is being written: the folder is `manifest.json`'s state (nil: no manifest).
    /// `leftovers` are partial files of an interrupted single-file write.
    case settled(Manifest?, leftovers: [String])
    /// A step was interrupted before all its files were written: nothing of the previous
    /// state (`manifest.json`; nil when none) was touched. `attempts` are the attempts the
    /// pending manifest adds.
    case interrupted(previous: Manifest?, pending: Manifest, attempts: [RunAttempt], leftovers: [String])
    /// A step was interrupted after all its files were written: the pending manifest's state
    /// is complete (its files staged or in place); finishing only renames.
    case committing(previous: Manifest?, pending: Manifest, attempts: [RunAttempt], leftovers: [String])
}

/// What `RunCommit.recover` did.
package enum RunRecovery: Equatable, Sendable, CustomStringConvertible {
    case removedLeftovers([String])
    /// Finished the commit of these attempts.
    case finished([RunAttempt])
    /// Removed what these attempts had written and recorded them as interrupted.
    case rolledBack([RunAttempt])

    package var description: String {
        switch self {
        case .removedLeftovers(let files):
            return "removed the leftovers of an interrupted write: \(files.joined(separator: ", "))"
        case .finished(let attempts):
            return "finished writing the interrupted step" + (attempts.isEmpty ? "" : " " + attempts.map(\.label).joined(separator: ", "))
                + ": all its files had been written"
        case .rolledBack(let attempts):
            return "removed the files of the interrupted step " + attempts.map(\.label).joined(separator: ", ")
                + " (it had not written all of them); manifest.json records it as an interrupted attempt"
        }
    }
}
