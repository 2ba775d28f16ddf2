import Foundation
import EnrollmentIO

/// Replacing a site folder as a whole, for every kind of published site (the results of a run,
/// the case before the draw, the hall's slides): `FolderReplacement`, under the site's lock, so
/// a kill leaves the old site or the new one, complete, and a second publication into the same
/// folder waits or is refused naming the first.
enum SiteFolder {
    /// Builds a site with `build` into a staging folder and puts it in the place of `site`.
    /// - Parameters:
    ///   - source: the folder the site is made from (a run, a case), which it must not be in.
    ///   - inside: the error for a `site` that is `source` or inside it, given the site's path.
    ///   - wait: wait for another command writing `site` instead of refusing.
    /// - Throws: `inside(site)`; `FolderLockError.busy`; `PublishingError.notASite` when `site`
    ///   holds files and is not a published site (it would be replaced); what `build` throws; file errors.
    static func replace<Summary>(_ site: URL, outside source: URL, as inside: (String) -> PublishingError, wait: Bool = false,
                                 waiting: (String) -> Void = { _ in }, build: (inout SiteFolderWriter) throws -> Summary) throws -> Summary {
        try check(site, outside: source, as: inside)
        return try FolderReplacement.replace(site, wait: wait, waiting: waiting, refusal: { existing in
            existing.contains("index.html") && existing.contains("SHA256SUMS") ? nil : PublishingError.notASite(site.standardizedFileURL.path)
        }) { staging in
            var writer = SiteFolderWriter(folder: staging)
            do {
                let summary = try build(&writer)
                try writer.finish()
                return summary
            } catch {
                try? writer.finish()  // no write goes on after the error is reported
                throw error
            }
        }
    }

    /// Throws `inside(site)` when `site` is `source` or inside it (symbolic links resolved).
    static func check(_ site: URL, outside source: URL, as inside: (String) -> PublishingError) throws(PublishingError) {
        let sourcePath = source.standardizedFileURL.resolvingSymlinksInPath().path
        let sitePath = site.standardizedFileURL.resolvingSymlinksInPath().path
        if sitePath == sourcePath || sitePath.hasPrefix(sourcePath.hasSuffix("/") ? sourcePath : sourcePath + "/") {
            throw inside(site.standardizedFileURL.path)
        }
    }
}
