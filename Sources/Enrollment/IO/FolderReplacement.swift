import Foundation

/// Replacing a folder as a whole — a published site, a synthetic case — so that a kill leaves
/// the old folder or the new one, complete, never a mix, and two commands never write it at
/// once. The command takes the target's lock (`FolderLock(beside:)`) for the whole run; the new
/// files are written into the sibling folder `.<name>.staging`, which is flushed to disk and
/// then takes the place of the target — on Linux by one atomic exchange of the two names
/// (`renameat2` `RENAME_EXCHANGE`); elsewhere, or where the file system cannot exchange, by two
/// renames, between which the target is briefly absent while both complete copies exist.
/// Leftover staging folders of an earlier interrupted command are removed first.
package enum FolderReplacement {
    /// Builds the new folder with `build` (given the staging folder to write into) and puts it
    /// in the place of `target`.
    /// - Parameters:
    ///   - wait: wait for another command replacing `target` instead of refusing; `waiting` is
    ///     told who holds it first.
    ///   - refusal: given the names in an existing `target`, the error to refuse with when it is
    ///     not a folder this command may replace (a site, a case); nil to go on.
    /// - Throws: `FolderLockError`; `refusal`'s error; what `build` throws; file errors.
    package static func replace<Result>(_ target: URL, wait: Bool = false, waiting: (String) -> Void = { _ in },
                                        refusal: ([String]) -> (any Error)?, build: (URL) throws -> Result) throws -> Result {
        let target = target.standardizedFileURL
        let lock = try FolderLock(beside: target, wait: wait, waiting: waiting)
        defer { withExtendedLifetime(lock) {} }
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: target.path), !existing.isEmpty, let error = refusal(existing) {
            throw error
        }
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).staging")
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).old")
        for leftover in [staging, old] where fm.fileExists(atPath: leftover.path) { try fm.removeItem(at: leftover) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        let result = try build(staging)
        sync()
        guard fm.fileExists(atPath: target.path) else {
            try rename(staging, to: target)
            return result
        }
        if exchange(staging, target) {
            AtomicFile.syncFolder(parent)
            try fm.removeItem(at: staging)
        } else {
            try rename(target, to: old)
            try rename(staging, to: target)
            try fm.removeItem(at: old)
        }
        return result
    }

    static func rename(_ from: URL, to: URL) throws {
        guard Foundation.rename(from.path, to.path) == 0 else { throw AtomicFileError.cannotWrite(to.path, errno) }
        AtomicFile.syncFolder(to.deletingLastPathComponent())
    }

    /// Exchanges the names of two folders atomically; false where the system cannot.
    static func exchange(_ a: URL, _ b: URL) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentFolder: Int32 = -100, exchangeNames: UInt32 = 2  // AT_FDCWD, RENAME_EXCHANGE
        return renameat2(atCurrentFolder, a.path, atCurrentFolder, b.path, exchangeNames) == 0
        #else
        return false
        #endif
    }
}
