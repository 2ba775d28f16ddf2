import Foundation

/// Writes files so that a reader (or a run killed half-way) sees either the old content or
/// the complete new one, never a part: the bytes go to a temporary file in the same folder,
/// are flushed to disk, the temporary file is renamed over the target, and the folder is
/// flushed so the rename itself survives a power cut.
///
/// Each file alone: several files written together are each whole, but a kill between their
/// renames can leave some old and some new. A step's several files therefore go through
/// `RunCommit`, and a published site or a case is swapped as a whole folder (`FolderReplacement`).
package enum AtomicFile {
    /// Writes `bytes` to `url` atomically, creating the parent folder if needed.
    /// - Complexity: O(n) in the size of `bytes`.
    package static func write(_ bytes: [UInt8], to url: URL) throws {
        try write([(bytes, url)])
    }

    /// Writes several files, each atomically, creating their folders if needed: every file is
    /// first written and flushed beside its target as `.<name>.partial`, and only when all are
    /// complete are they renamed into place, one right after the other. A failure while writing
    /// removes the partial files and changes nothing; a kill can leave a mix of old and new only
    /// between two renames, never a part of a file.
    /// - Complexity: O(total size of the files).
    package static func write(_ files: [(bytes: [UInt8], url: URL)]) throws {
        var staged: [(partial: String, target: URL)] = []
        for (bytes, url) in files {
            let folder = url.deletingLastPathComponent()
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                for file in staged { unlink(file.partial) }
                throw error
            }
            let path = folder.appendingPathComponent(".\(url.lastPathComponent).partial").path
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            let ok = fd >= 0 && writeAll(bytes, to: fd) && fsync(fd) == 0
            let reason = errno
            if fd >= 0 { close(fd) }
            guard ok else {
                unlink(path)
                for file in staged { unlink(file.partial) }
                throw AtomicFileError.cannotWrite(url.path, reason)
            }
            staged.append((path, url))
        }
        for (k, file) in staged.enumerated() where rename(file.partial, file.target.path) != 0 {
            let reason = errno
            for later in staged[k...] { unlink(later.partial) }
            throw AtomicFileError.cannotWrite(file.target.path, reason)
        }
        for folder in Set(staged.map { $0.target.deletingLastPathComponent().path }).sorted() { syncFolder(URL(fileURLWithPath: folder)) }
    }

    /// Writes all of `bytes` to the open file `fd`; false at the first failed write (`errno` tells why).
    package static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var written = 0
        return bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
    }

    /// Flushes `folder`'s entries (names created, renamed or removed in it) to disk; best
    /// effort, as not every file system can.
    package static func syncFolder(_ folder: URL) {
        let fd = open(folder.path, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Writes `text` as UTF-8 (no byte-order mark) to `url` atomically.
    package static func write(_ text: String, to url: URL) throws {
        try write(Array(text.utf8), to: url)
    }
}

/// Why a file could not be written.
package enum AtomicFileError: Error, CustomStringConvertible {
    case cannotWrite(String, Int32)

    package var description: String {
        switch self {
        case let .cannotWrite(path, code) where code == ENOSPC || code == EDQUOT:
            return "\(path): the disk is full (\(String(cString: strerror(code)))); the command's results were not kept: "
                + "free some space, or write to a folder on another disk, and run the command again"
        case let .cannotWrite(path, code):
            return "\(path): cannot write the file (\(String(cString: strerror(code)))); check the folder exists and is writable"
        }
    }
}
