import Foundation
import EnrollmentIO

/// Replacing a site folder as a whole, for every kind of published site (the results of a run,
/// the case before the draw): its files are written into the sibling folder `.<site>.staging`,
/// which is flushed to disk and then takes the place of `site` — on Linux by one atomic
/// exchange of the two names (`renameat2` `RENAME_EXCHANGE`), so a kill leaves the old site or
/// the new one, complete; elsewhere, or where the file system cannot exchange, by two renames,
/// between which `site` is briefly absent while both complete copies exist. Leftover staging
/// folders of an earlier interrupted publication are removed first.
enum SiteFolder {
    /// Builds a site with `build` into a staging folder and puts it in the place of `site`.
    /// - Parameters:
    ///   - source: the folder the site is made from (a run, a case), which it must not be in.
    ///   - inside: the error for a `site` that is `source` or inside it, given the site's path.
    /// - Throws: `inside(site)`; `PublishingError.notASite` when `site` holds files and is not a
    ///   published site (it would be replaced); what `build` throws; file errors.
    static func replace<Summary>(_ site: URL, outside source: URL, as inside: (String) -> PublishingError,
                                         build: (inout SiteFolderWriter) throws -> Summary) throws -> Summary {
        try check(site, outside: source, as: inside)
        let site = site.standardizedFileURL
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: site.path), !existing.isEmpty,
           !(existing.contains("index.html") && existing.contains("SHA256SUMS")) {
            throw PublishingError.notASite(site.path)
        }
        let parent = site.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(site.lastPathComponent).staging")
        let old = parent.appendingPathComponent(".\(site.lastPathComponent).old")
        for leftover in [staging, old] where fm.fileExists(atPath: leftover.path) { try fm.removeItem(at: leftover) }
        var writer = SiteFolderWriter(folder: staging)
        let summary: Summary
        do {
            summary = try build(&writer)
            try writer.finish()
        } catch {
            try? writer.finish()  // no write goes on after the error is reported
            throw error
        }
        sync()
        guard fm.fileExists(atPath: site.path) else {
            try rename(staging, to: site)
            return summary
        }
        if exchange(staging, site) {
            AtomicFile.syncFolder(parent)
            try fm.removeItem(at: staging)
        } else {
            try rename(site, to: old)
            try rename(staging, to: site)
            try fm.removeItem(at: old)
        }
        return summary
    }

    /// Throws `inside(site)` when `site` is `source` or inside it (symbolic links resolved).
    static func check(_ site: URL, outside source: URL, as inside: (String) -> PublishingError) throws(PublishingError) {
        let sourcePath = source.standardizedFileURL.resolvingSymlinksInPath().path
        let sitePath = site.standardizedFileURL.resolvingSymlinksInPath().path
        if sitePath == sourcePath || sitePath.hasPrefix(sourcePath.hasSuffix("/") ? sourcePath : sourcePath + "/") {
            throw inside(site.standardizedFileURL.path)
        }
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
