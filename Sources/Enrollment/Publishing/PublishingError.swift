import EnrollmentIO

/// Why a run cannot be published; every message names the file (and line, column) to look at.
enum PublishingError: Error, CustomStringConvertible, Equatable {
    /// A run file the publication needs is missing.
    case missingFile(String)
    /// A run file does not read as CSV or JSON (the first problem).
    case unreadable(Diagnostic)
    /// A run file lacks a column the publication reads.
    case missingColumn(file: String, column: String)
    /// The run has no level folder with `placements.csv`.
    case nothingToPublish(String)
    /// The seed contributions given do not derive the run's seed.
    case contributionsDoNotGiveSeed(derived: String, recorded: String)
    /// The site folder is the run folder or inside it.
    case siteInsideRun(String)
    /// Case files changed (or missing) since the run: their SHA-256 is not the one the manifest records.
    case caseChanged([String])
    /// The site folder is the case folder or inside it.
    case siteInsideCase(String)
    /// The site folder exists, holds files, and is not a site `enroll publish` wrote.
    case notASite(String)
    /// The workbooks need the case (for the names).
    case caseNeeded
    /// The workbooks' folder is the run, the case or the site, or inside one of them.
    case workbooksInside(String)
    /// The workbooks' folder exists and holds other files than workbooks.
    case notAWorkbookFolder(String)

    var description: String {
        switch self {
        case .missingFile(let file): "\(file): the file is missing from the run folder"
        case .unreadable(let d): "\(d)"
        case let .missingColumn(file, column): "\(file):1: the column \"\(column)\" is missing"
        case .nothingToPublish(let run): "\(run): no primary/placements.csv or junior/placements.csv: nothing to publish"
        case let .contributionsDoNotGiveSeed(derived, recorded):
            "the seed contributions give the seed \(derived), but the run was drawn with \(recorded): give the contributions as announced, in order"
        case .siteInsideRun(let path): "\(path): the site must be written outside the run folder (publish never writes into a run)"
        case .caseChanged(let files):
            files.map { "\($0): the case file is not the one the run was made from (its SHA-256 is not the one manifest.json records); publish with the case the run was made from" }
                .joined(separator: "\n")
        case .siteInsideCase(let path): "\(path): the site must be written outside the case folder (it would become part of the case)"
        case .notASite(let path): "\(path): the folder holds files but no index.html and SHA256SUMS of a published site; publishing replaces the whole folder, so give a new or empty folder"
        case .caseNeeded: "the workbooks need the case the run was made from (for the names): give --case"
        case .workbooksInside(let path):
            "\(path): the workbooks must be written outside the run folder, the case folder and the site (they would be published, or become part of the run or the case)"
        case .notAWorkbookFolder(let path):
            "\(path): the folder holds other files than .xlsx workbooks; the workbooks replace the whole folder, so give a new or empty folder"
        }
    }
}
