import Foundation
import EnrollmentIO
import EnrollmentVocabulary
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRound

/// The workbooks the school offices and the bureau print from (issue 29): each school's class
/// lists as one .xlsx per school — a sheet per class, named for the school and the class
/// (`城关小学 1班`), its rows the class's pupils by `student_id` with their number, name,
/// gender and head teacher — and each level's placements as one .xlsx (the columns of
/// `placements.csv`, then the name and the id number).
///
/// Names and id numbers are masked as on the published site (`Masking`), or given whole when
/// the caller asks; either way the workbooks are written only into a folder the caller names,
/// outside the run, the case and the site (`write`), never into a published site.
package enum SchoolWorkbooks {
    /// A workbook: its file name and bytes.
    struct Workbook: Sendable {
        var name: String
        var bytes: [UInt8]
    }

    /// A workbook to make: its file name and its sheets, made when asked.
    struct Job {
        var name: String
        var sheets: () -> [XLSXWriter.Sheet]
    }

    /// The workbooks of `results`, in order: per level its placements, then its schools'
    /// class lists (schools in order of their ids). The case must be known (for the names).
    /// - Throws: `PublishingError.caseNeeded` without the case; `.missingColumn` for a run file
    ///   without a column it reads.
    /// - Complexity: O(rows of the placement and class files) to plan; each job compresses its workbook.
    static func jobs(_ results: RunResults, masked: Bool, language: SiteLanguage) throws(PublishingError) -> [Job] {
        guard let c = results.admissionCase else { throw .caseNeeded }
        let page = SitePage(language: language, notice: nil)
        let schoolNames = Dictionary(c.schools.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var jobs: [Job] = []
        for level in results.levels {
            let applicants = c.applicants(level.level)
            var index: [String: Int] = [:]
            index.reserveCapacity(applicants.count)
            for (k, a) in applicants.enumerated() where index[a.id] == nil { index[a.id] = k }
            let people = People(applicants: applicants, index: index, masked: masked)
            let p = level.placements
            let sid = try p.index("student_id")
            let levelName = page.levelName(level.level)
            jobs.append(Job(name: "\(level.level.rawValue)-placements.xlsx") {
                [XLSXWriter.Sheet(name: page.t(.placementsSheet, levelName),
                                  header: p.columns + [page.t(masked ? .name : .fullName), page.t(masked ? .idNumber : .fullIDNumber)],
                                  rows: p.rows.map { row in row + [people.name(row[sid]), people.idNumber(row[sid])] })]
            })
            guard let classes = level.classes else { continue }
            let (cs, cn, csc) = (try classes.index(ClassesFile.Column.studentID), try classes.index(ClassesFile.Column.classNumber),
                                 try classes.index(ClassesFile.Column.schoolID))
            var heads: [String: String] = [:]
            if let h = level.headTeachers {
                let (hs, hc, ht) = (try h.index("school_id"), try h.index("class_no"), try h.index("teacher_id"))
                for row in h.rows { heads[row[hs] + "\n" + row[hc]] = row[ht] }
            }
            // Per school, per class number, the pupils' ids.
            var bySchool: [String: [Int: [String]]] = [:]
            for row in classes.rows {
                bySchool[row[csc], default: [:]][Int(row[cn]) ?? 0, default: []].append(row[cs])
            }
            let header = [page.t(.rowNumber), page.t(.studentID), page.t(masked ? .name : .fullName), page.t(.gender), page.t(.headTeacher)]
            let (male, female) = (page.t(.male), page.t(.female))
            for school in bySchool.keys.sorted() {
                let label = schoolNames[school] ?? school
                let numbered = bySchool[school]!.sorted { $0.key < $1.key }
                jobs.append(Job(name: "\(level.level.rawValue)-\(HTMLText.fileNamePart(school))-classes.xlsx") {
                    numbered.map { number, ids in
                        let head = heads[school + "\n" + String(number)] ?? ""
                        let rows = ids.sorted().enumerated().map { k, id -> [String] in
                            [String(k + 1), id, people.name(id), people.gender(id).map { $0 == .male ? male : female } ?? "", head]
                        }
                        return XLSXWriter.Sheet(name: page.t(.classSheet, label, String(number)), header: header, rows: rows)
                    }
                })
            }
        }
        return jobs
    }

    /// A level's applicants by `student_id`, with their names and id numbers masked or whole.
    struct People {
        let applicants: [Applicant]
        let index: [String: Int]
        let masked: Bool

        func name(_ id: String) -> String {
            let whole = index[id].map { applicants[$0].name } ?? ""
            return masked ? Masking.name(whole) : whole
        }

        func idNumber(_ id: String) -> String {
            let whole = index[id].flatMap { applicants[$0].idNumber } ?? ""
            return masked ? Masking.idNumber(whole) : whole
        }

        func gender(_ id: String) -> Gender? { index[id].map { applicants[$0].gender } }
    }

    /// The workbooks of `jobs`, made on all cores a batch at a time (so that at most a batch
    /// is held in memory), each handed to `body` in order.
    static func make(_ jobs: [Job], batch: Int = 32, _ body: (Workbook) throws -> Void) rethrows {
        for start in stride(from: 0, to: jobs.count, by: batch) {
            let part = Array(jobs[start..<min(jobs.count, start + batch)])
            for book in concurrentMap(count: part.count, { k in Workbook(name: part[k].name, bytes: XLSXWriter.workbook(part[k].sheets())) }) {
                try body(book)
            }
        }
    }

    /// Checks, before anything is written, that `folder` may take the workbooks.
    /// - Throws: `PublishingError.workbooksInside` when `folder` is one of `outside` or inside
    ///   one; `.notAWorkbookFolder` when it holds other files than workbooks.
    package static func check(_ folder: URL, outside: [URL]) throws {
        for source in outside { try SiteFolder.check(folder, outside: source, as: PublishingError.workbooksInside) }
        if let error = refusal(folder, existing: (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []) { throw error }
    }

    /// The error for a `folder` holding `existing` files that are not all workbooks.
    static func refusal(_ folder: URL, existing: [String]) -> PublishingError? {
        existing.allSatisfy { $0.hasSuffix(".xlsx") } ? nil : .notAWorkbookFolder(folder.standardizedFileURL.path)
    }

    /// Writes the workbooks of `results` into `folder`, which is replaced as a whole
    /// (`FolderReplacement`: a kill leaves the old folder or the new one); they are made on all
    /// cores a batch at a time and written as they are made.
    /// - Complexity: O(rows of the placement and class files), plus compressing every workbook.
    /// - Parameters:
    ///   - outside: the folders `folder` may not be or be inside: the run, the case, the site.
    /// - Throws: `PublishingError.workbooksInside` for a folder inside one of `outside`;
    ///   `.notAWorkbookFolder` for an existing folder holding other files than workbooks;
    ///   `FolderLockError.busy`; what `jobs` throws; file errors.
    /// - Returns: the names of the files written.
    @discardableResult
    package static func write(_ results: RunResults, masked: Bool, language: SiteLanguage, to folder: URL, outside: [URL],
                              wait: Bool = false, waiting: (String) -> Void = { _ in }) throws -> [String] {
        try check(folder, outside: outside)
        let planned = try jobs(results, masked: masked, language: language)
        return try FolderReplacement.replace(folder, wait: wait, waiting: waiting, refusal: { refusal(folder, existing: $0) }) { staging in
            try make(planned) { book in try AtomicFile.write(book.bytes, to: staging.appendingPathComponent(book.name)) }
            return planned.map(\.name)
        }
    }
}
