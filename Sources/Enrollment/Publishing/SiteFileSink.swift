import Foundation
import EnrollmentIO

/// Where the files of a published site go as they are made, one after the other, so that a
/// city's site never has to be held in memory whole: a folder (`SiteFolderWriter`) or memory
/// (`SiteMemory`, for small sites and tests). Each file's SHA-256 is kept for `SHA256SUMS`.
protocol SiteFileSink {
    /// Adds the file `path` (inside the site folder, `/`-separated) with `bytes`.
    mutating func add(_ path: String, _ bytes: [UInt8]) throws
    /// Returns when every file added is stored; throws the first error storing one.
    func finish() throws
}

extension SiteFileSink {
    func finish() throws {}
}

/// Keeps every file in memory, in the order added.
struct SiteMemory: SiteFileSink, Sendable {
    private(set) var files: [(path: String, bytes: [UInt8])] = []

    init() {}

    mutating func add(_ path: String, _ bytes: [UInt8]) {
        files.append((path, bytes))
    }
}

/// Writes each file into a folder as it comes, on another thread while the next is made (plain
/// writes: the folder is a staging folder that `PublishedSite.publish` flushes once and swaps in
/// as a whole). A write that fails is reported by the next `add` or by `finish`.
struct SiteFolderWriter: SiteFileSink {
    let folder: URL
    private var folders: Set<String> = []
    private let worker = SerialWorker(label: "enroll.site-writer")
    private let failure = FirstFailure()

    init(folder: URL) {
        self.folder = folder
    }

    mutating func add(_ path: String, _ bytes: [UInt8]) throws {
        try failure.rethrow()
        let url = folder.appendingPathComponent(path)
        let parent = url.deletingLastPathComponent().path
        if folders.insert(parent).inserted {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        worker.run { [failure] in
            let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { return failure.record(AtomicFileError.cannotWrite(url.path, errno)) }
            let ok = AtomicFile.writeAll(bytes, to: fd)
            let code = errno
            close(fd)
            if !ok { failure.record(AtomicFileError.cannotWrite(url.path, code)) }
        }
    }

    func finish() throws {
        worker.wait()
        try failure.rethrow()
    }
}

/// The first error of work done on another thread, kept for the caller to throw.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?

    func record(_ error: any Error) {
        lock.withLock { if self.error == nil { self.error = error } }
    }

    func rethrow() throws {
        if let error = lock.withLock({ error }) { throw error }
    }
}
