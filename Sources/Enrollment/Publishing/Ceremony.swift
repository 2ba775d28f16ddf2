import Foundation
import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentVocabulary

/// The folder the hall's projector shows during the public draw (电脑派位现场): one `index.html`
/// of slides at 1920×1080, stepped through with the keyboard, that works offline from the file
/// system on the hall's laptop:
///
/// 1. before the seed exists (from the case and its commitment): the date, the commitment, and
///    per level the round in numbers — schools, seats, applicants, the schools whose first
///    choices exceed their seats (`RoundOutline`);
/// 2. the seed made in the hall: the parties' contributions typed as announced (a committed
///    party's value checked against its published commitment), the seed computed in the page
///    by the formula of docs/LOTTERY.md section 5 — the seed `enroll seed` prints;
/// 3. with a run (after `enroll place`): each seat group the lottery decided (`DrawnGroup`), 60
///    applicants a slide, masked as on the results site, every lottery number recomputed in the
///    page from the seed and marked as checked, the line after the last seat; then the records
///    to sign (`DrawRecord`, also in the folder).
///
/// Files: `index.html`, `ceremony.css`, `ceremony.js`, `site.js` (its SHA-256), with a run
/// `record-<level>.html` and `site.css`; `SHA256SUMS`. The same inputs give the same bytes.
package struct Ceremony: Sendable {
    /// What the folder holds.
    package struct Summary: Sendable {
        /// The slides, in order, by id.
        package var slides: [String]
        /// The seat groups whose draw is shown, per level key (`junior`, `primary-second-round`).
        package var drawnGroups: Int
        /// Every file of the folder, in path order.
        package var files: [(path: String, digest: SHA256Digest)]
    }

    package let files: [(path: String, bytes: [UInt8])]
    package let summary: Summary

    /// Builds the folder in memory (a small case, tests).
    /// - Parameters:
    ///   - commitment: the case's published commitment (the caller checks the case still hashes to it).
    ///   - seedCommitments: the parties' published commitments to their secrets (section 6), checked in the page.
    ///   - results: the run, read with the case, for the draw and the records; nil before the draw.
    /// - Throws: `PlacementError` for a level that cannot be placed into; `PublishingError` for a
    ///   run file without a column the ceremony reads.
    /// - Complexity: O(applicants × schools held + rows of the run's placements, cutoffs and waitlists).
    package init(_ admissionCase: AdmissionCase, commitment: Commitment, drawDate: CalendarDate, seedCommitments: [SeedCommitment] = [],
                 results: RunResults? = nil, language: SiteLanguage = .zh) throws {
        var memory = SiteMemory()
        summary = try CeremonyBuilder.build(admissionCase, commitment: commitment, drawDate: drawDate, seedCommitments: seedCommitments,
                                            results: results, language: language, into: &memory)
        files = memory.files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// Writes the folder `folder`, replacing it as a whole (`SiteFolder`: a kill leaves the old
    /// folder or the new one).
    /// - Throws: `PublishingError.siteInsideCase`, `.siteInsideRun` when `folder` is in the case
    ///   or the run; `PublishingError.notASite` when it holds other files; what `init` throws;
    ///   file errors.
    package static func publish(_ admissionCase: AdmissionCase, commitment: Commitment, drawDate: CalendarDate,
                                seedCommitments: [SeedCommitment] = [], results: RunResults? = nil, language: SiteLanguage = .zh,
                                to folder: URL, caseFolder: URL, run: URL?, wait: Bool = false) throws -> Summary {
        if let run { try SiteFolder.check(folder, outside: run, as: PublishingError.siteInsideRun) }
        return try SiteFolder.replace(folder, outside: caseFolder, as: PublishingError.siteInsideCase, wait: wait) { writer in
            try CeremonyBuilder.build(admissionCase, commitment: commitment, drawDate: drawDate, seedCommitments: seedCommitments,
                                      results: results, language: language, into: &writer)
        }
    }
}
