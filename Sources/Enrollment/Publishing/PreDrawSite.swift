import Foundation
import EnrollmentIO
import EnrollmentCase
import EnrollmentVocabulary

/// The site published before the draw (招生公示): static pages that work offline from the file
/// system and on a phone, made from the case alone, before the seed exists, so that families,
/// the notary and the press can check the list of applicants the draw will use.
///
/// Layout of the site folder (docs/PUBLISHING.md):
/// - `index.html`: the date of the draw and the commitment to the case (as `enroll commit`
///   prints it), the search by student_id and its card (the applicant's masked name, zone,
///   schools — stated choices, then feeder and zone schools — and tier at each, in words), the
///   levels, the files the commitment covers;
/// - `roster-<level>.html` (paged, `-<k>`): every applicant of the level, masked;
/// - `schools-<level>.html`: each school's plan (seats), classes, zones, paired junior school,
///   boarding, purchased places and reserved seats;
/// - `zones-<level>.html` with `map-<level>.svg` (the zones drawn from `zones.geojson`, the
///   schools marked) and `addresses-<level>.html` (paged: the address lists of `zone-rules.csv`);
/// - `policy.html`: the rules of the round in words; `files.html`; `site.css`, `site.js`;
///   `search/*.js`; `data/` (`<level>-roster`, `<level>-schools`, `<level>-zones`,
///   `<level>-addresses` as CSV, described in `tables.json`; `commitment.json`); `SHA256SUMS`.
///
/// Names and id numbers are masked by the rules of the results site (`Masking`); the same
/// case, commitment, date, notice and language always give the same bytes.
package struct PreDrawSite: Sendable {
    /// What a publication made.
    package struct Summary: Sendable {
        /// The commitment the site shows.
        package var commitment: SHA256Digest
        /// The applicants listed, per level.
        package var applicants: [(level: SchoolLevel, count: Int)]
        /// Every file of the site, in path order (bytes of the UTF-8 paths).
        package var files: [(path: String, digest: SHA256Digest)]
    }

    /// Every file of the site, in path order.
    package let files: [(path: String, bytes: [UInt8])]
    package let summary: Summary

    /// Builds the site in memory (a small case, tests).
    /// - Parameters:
    ///   - commitment: the commitment to `admissionCase` as `enroll commit` wrote it (the caller
    ///     checks that the case still hashes to it: `Commitment.verify`).
    ///   - drawDate: the day of the draw, as announced.
    /// - Throws: `PlacementError` for a level that cannot be placed into (no school, a public
    ///   school without a location, `priorities.csv` naming a school of another level).
    /// - Complexity: O(applicants × schools held + zone vertices + address rules), and memory
    ///   for every file.
    package init(_ admissionCase: AdmissionCase, commitment: Commitment, drawDate: CalendarDate, language: SiteLanguage = .zh,
                notice: PublicationNotice? = nil) throws {
        var memory = SiteMemory()
        summary = try PreDrawSiteBuilder.build(admissionCase, commitment: commitment, drawDate: drawDate, language: language,
                                               notice: notice, into: &memory)
        files = memory.files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// Publishes the site into the folder `site`, replacing it as a whole (`SiteFolder`: a kill
    /// leaves the old site or the new one; another publication into `site` waits, with `wait`,
    /// or is refused naming it).
    /// - Throws: `PublishingError.siteInsideCase` when `site` is `caseFolder` or inside it;
    ///   `PublishingError.notASite` when `site` holds files and is not a published site;
    ///   `PlacementError`; file errors.
    package static func publish(_ admissionCase: AdmissionCase, commitment: Commitment, drawDate: CalendarDate, language: SiteLanguage = .zh,
                               notice: PublicationNotice? = nil, to site: URL, caseFolder: URL, wait: Bool = false) throws -> Summary {
        try SiteFolder.replace(site, outside: caseFolder, as: PublishingError.siteInsideCase, wait: wait) { writer in
            try PreDrawSiteBuilder.build(admissionCase, commitment: commitment, drawDate: drawDate, language: language, notice: notice, into: &writer)
        }
    }
}
