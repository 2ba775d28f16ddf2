import Foundation
import EnrollmentIO

/// The public site of a run (公开招生结果): static pages that work offline from the file
/// system and on a phone, a public CSV copy of every table (described in `data/tables.json`) with personal data
/// masked, the search data in small shards, the draw's credentials and `SHA256SUMS`.
///
/// Layout of the site folder (docs/PUBLISHING.md):
/// - `index.html`: the search by student_id and its result card first, then the levels, the
///   credentials of the draw and the supervision report; under 500 KB at any size;
/// - `schools-<level>.html` (paged): the schools of a level; `school-<id>.html`: one school,
///   its class balance and head-teacher draw, with its placed applicants by class on pages of
///   at most `SiteBuilder.rowsPerPage` rows (`school-<id>-list-<k>.html`);
/// - `quota.html` and `quota-admissions-<k>.html` when the run has quota files;
/// - `about.html` (the seed, the commitment and the lottery number in plain words, and how to
///   check them), `files.html` (every file with its SHA-256);
/// - `search/*.js`: the search data by student_id prefix (`SearchShards`), one `<script>` each;
/// - `site.css`, `site.js` (`SiteAssets`); `data/` as before; `SHA256SUMS`.
///
/// The same run, case, notice and language always give the same bytes.
package struct PublishedSite: Sendable {
    /// What a publication made: the report, the public tables' names, every file with its SHA-256.
    package struct Summary: Sendable {
        package var report: SupervisionReport
        package var tables: [String]
        /// Every file of the site, in path order (bytes of the UTF-8 paths).
        package var files: [(path: String, digest: SHA256Digest)]
    }

    /// Every file of the site, in path order.
    package let files: [(path: String, bytes: [UInt8])]
    package let summary: Summary
    package var report: SupervisionReport { summary.report }

    /// Builds the site in memory (a small run, tests).
    /// - Throws: `PublishingError.missingColumn` when a run file lacks a column the site reads.
    /// - Complexity: O(rows of the run's files + applicants of the case), and memory for every file.
    package init(_ results: RunResults, language: SiteLanguage = .zh, notice: PublicationNotice? = nil) throws {
        var memory = SiteMemory()
        summary = try SiteBuilder.build(results, language: language, notice: notice, into: &memory)
        files = memory.files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// Publishes the site into the folder `site`, writing each file as it is made (so memory
    /// does not grow with the size of the site), and replaces `site` as a whole: every file
    /// goes into the sibling folder `.<site>.staging`, which is flushed to disk and then takes
    /// the place of `site` — on Linux by one atomic exchange of the two names (`renameat2`
    /// `RENAME_EXCHANGE`), so a kill leaves the old site or the new one, complete; elsewhere,
    /// or where the file system cannot exchange, by two renames, between which `site` is
    /// briefly absent while both complete copies exist. Leftover staging folders of an earlier
    /// interrupted publication are removed first. The site's lock (`FolderLock(beside:)`) is held
    /// throughout: another publication into `site` waits (`wait`) or is refused naming it.
    /// - Throws: `PublishingError.siteInsideRun` when `site` is `run` or inside it; `FolderLockError.busy`;
    ///   `PublishingError.notASite` when `site` holds files and is not a published site
    ///   (it would be replaced); `PublishingError.missingColumn`; file errors.
    package static func publish(_ results: RunResults, language: SiteLanguage = .zh, notice: PublicationNotice? = nil,
                               to site: URL, run: URL, wait: Bool = false, waiting: (String) -> Void = { _ in }) throws -> Summary {
        try SiteFolder.replace(site, outside: run, as: PublishingError.siteInsideRun, wait: wait, waiting: waiting) { writer in
            try SiteBuilder.build(results, language: language, notice: notice, into: &writer)
        }
    }
}
