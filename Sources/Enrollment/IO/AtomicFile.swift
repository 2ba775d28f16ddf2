import Foundation

/// Writes files so that a reader (or a run killed half-way) sees either the old content or
/// the complete new one, never a part: the bytes go to a temporary file in the same folder,
/// are flushed to disk, the temporary file is renamed over the target, and the folder is
/// flushed so the rename itself survives a power cut.
///
/// One file only: a step that writes several files goes through `RunCommit`, and a published
/// site is swapped as a whole folder (`PublishedSite.write`).
package enum AtomicFile {
    /// Writes `bytes` to `url` atomically, creating the parent folder if needed.
    /// - Complexity: O(n) in the size of `bytes`.
    package static func write(_ bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).partial")
        let path = temporary.path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw AtomicFileError.cannotWrite(url.path, errno) }
        let ok = writeAll(bytes, to: fd)
        let synced = fsync(fd) == 0
        close(fd)
        guard ok, synced else {
            unlink(path)
            throw AtomicFileError.cannotWrite(url.path, errno)
        }
        guard rename(path, url.path) == 0 else {
            unlink(path)
            throw AtomicFileError.cannotWrite(url.path, errno)
        }
        syncFolder(folder)
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
