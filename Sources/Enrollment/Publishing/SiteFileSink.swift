import Foundation
import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRound

/// Where the files of a published site go as they are made, one after the other, so that a
/// city's site never has to be held in memory whole: a folder (`SiteFolderWriter`) or memory
/// (`SiteMemory`, for small sites and tests). Each file's SHA-256 is kept for `SHA256SUMS`.
public protocol SiteFileSink {
    /// Adds the file `path` (inside the site folder, `/`-separated) with `bytes`.
    mutating func add(_ path: String, _ bytes: [UInt8]) throws
}

/// Keeps every file in memory, in the order added.
public struct SiteMemory: SiteFileSink, Sendable {
    public private(set) var files: [(path: String, bytes: [UInt8])] = []

    public init() {}

    public mutating func add(_ path: String, _ bytes: [UInt8]) {
        files.append((path, bytes))
    }
}

/// Writes each file into a folder as it comes (plain writes: the folder is a staging folder
/// that `PublishedSite.publish` flushes once and swaps in as a whole).
package struct SiteFolderWriter: SiteFileSink {
    package let folder: URL
    private var folders: Set<String> = []

    package init(folder: URL) {
        self.folder = folder
    }

    package mutating func add(_ path: String, _ bytes: [UInt8]) throws {
        let url = folder.appendingPathComponent(path)
        let parent = url.deletingLastPathComponent().path
        if folders.insert(parent).inserted {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw AtomicFileError.cannotWrite(url.path, errno) }
        let ok = AtomicFile.writeAll(bytes, to: fd)
        close(fd)
        guard ok else { throw AtomicFileError.cannotWrite(url.path, errno) }
    }
}
