import Foundation

/// One writer at a time: an exclusive advisory lock (`flock`) on a lock file, held for as long
/// as this value lives and released by the system when the process ends in any way (a kill
/// included), so a lock is never left behind. The file's text names the holder (its process and
/// command line; its modification time says since when) for the message another command gives;
/// the file itself stays, empty of meaning once unlocked.
///
/// A run folder is locked by the file `.enroll.lock` inside it (`init(_:)`); a folder or file
/// that is replaced whole — a published site, a synthetic case, a zoning file — by the file
/// `.<name>.lock` beside it (`init(beside:)`), since the target itself is swapped.
///
/// A command that finds the lock held either refuses at once (`FolderLockError.busy`) or waits
/// for it; it never touches what another live process is writing.
package final class FolderLock: Sendable {
    /// The lock file's name inside a run folder; never a result, never listed in a manifest.
    package static let fileName = ".enroll.lock"

    private let descriptor: Int32

    /// Takes the lock of the run folder `folder`, creating the folder and the lock file when missing.
    /// - Parameters:
    ///   - wait: wait for the holder to finish instead of refusing; `waiting` is told who holds it first.
    /// - Throws: `FolderLockError.busy` naming the holder when it is held and `wait` is false;
    ///   `FolderLockError.cannotLock` when the folder or the lock file cannot be made.
    package convenience init(_ folder: URL, wait: Bool = false, waiting: (String) -> Void = { _ in }) throws(FolderLockError) {
        try self.init(lockFile: folder.appendingPathComponent(Self.fileName), target: folder, kind: "folder", wait: wait, waiting: waiting)
    }

    /// Takes the lock of `target`, a folder or file replaced whole, by the file `.<name>.lock`
    /// in its parent folder (created when missing).
    package convenience init(beside target: URL, isFolder: Bool = true, wait: Bool = false, waiting: (String) -> Void = { _ in }) throws(FolderLockError) {
        let target = target.standardizedFileURL
        try self.init(lockFile: target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).lock"), target: target,
                      kind: isFolder ? "folder" : "file", wait: wait, waiting: waiting)
    }

    private init(lockFile: URL, target: URL, kind: String, wait: Bool, waiting: (String) -> Void) throws(FolderLockError) {
        let path = lockFile.path
        do {
            try FileManager.default.createDirectory(at: lockFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .cannotLock(path, String(describing: error))
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotLock(path, String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = Self.holder(fd)
            guard wait else {
                close(fd)
                throw .busy(target.path, kind: kind, holder: holder)
            }
            waiting(holder)
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(fd)
                    throw .cannotLock(path, reason)
                }
            }
        }
        descriptor = fd
        // The holder's process and command line; when it took the lock is the file's own
        // modification time, read by the file system, not by this program's clock.
        let text = Array("process \(getpid()): \(CommandLine.arguments.joined(separator: " "))\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        close(descriptor)
    }

    /// What the lock file says of its holder, and since when (the file's modification time).
    /// A holder writes its line just after it takes the lock: a file still empty is read again a
    /// few times, for up to a tenth of a second, before the holder is called just "another enroll
    /// command". (Only this message waits on it; nothing a command writes does.)
    private static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4_096)
        var text = ""
        for attempt in 0..<20 {
            if attempt > 0 { usleep(5_000) }
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            text = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            if !text.isEmpty { break }
        }
        guard !text.isEmpty else { return "another enroll command" }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return text }
        #if canImport(Darwin)
        let seconds = status.st_mtimespec.tv_sec
        #else
        let seconds = status.st_mtim.tv_sec
        #endif
        return text + ", since " + Date(timeIntervalSince1970: TimeInterval(seconds)).ISO8601Format()
    }
}

/// Why a lock was not taken.
package enum FolderLockError: Error, Equatable, CustomStringConvertible {
    /// Another live command holds the folder (or file: `kind`).
    case busy(String, kind: String, holder: String)
    /// The lock file cannot be made or locked.
    case cannotLock(String, String)

    package var description: String {
        switch self {
        case let .busy(target, kind, holder):
            "\(target): the \(kind) is busy: another command is writing into it (\(holder)); "
                + "wait until it ends and run this command again, or give --wait to wait for it"
        case let .cannotLock(path, reason):
            "\(path): cannot be locked for writing (\(reason)); check that the folder can be written"
        }
    }
}
