import Foundation
import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRunFolder
import EnrollmentVocabulary

/// A CSV file of a run, as read: its header and rows of text.
///
/// Rows read from a file stay in the parsed file's bytes (`CSVTable`: the bytes and 4 bytes a
/// field), and a field becomes a `String` only when it is read (`Row`), so a city's run is held
/// at about the size of its files and a pass that reads three columns of a row makes three strings.
struct RunCSV: Sendable, Equatable {
    /// The path inside the run folder (`junior/placements.csv`).
    var file: String
    var columns: [String]
    var rows: Rows

    /// The rows of a table.
    struct Rows: RandomAccessCollection, Sendable, Equatable {
        enum Storage: Sendable {
            case table(CSVTable)
            case array([[String]])
        }

        let storage: Storage

        var startIndex: Int { 0 }
        var endIndex: Int {
            switch storage {
            case .table(let t): t.count
            case .array(let a): a.count
            }
        }

        /// Row `k`, its fields read when asked for.
        subscript(k: Int) -> Row { Row(rows: self, index: k) }

        /// Row `k`'s field in column `c`.
        /// - Complexity: O(size of the field).
        subscript(k: Int, c: Int) -> String {
            switch storage {
            case .table(let t): t[k, c]
            case .array(let a): a[k][c]
            }
        }

        /// Appends row `k`'s fields as CSV (as `CSVWriter.appendRow` writes them, without the
        /// line end), without making strings of a row read from a file.
        func appendCSVFields(ofRow k: Int, to bytes: inout [UInt8]) {
            switch storage {
            case .table(let t): t.appendCSVFields(ofRow: k, to: &bytes)
            case .array(let a):
                for (c, field) in a[k].enumerated() {
                    if c > 0 { bytes.append(UInt8(ascii: ",")) }
                    CSVWriter.appendField(field, to: &bytes)
                }
            }
        }

        /// The number of fields of row `k`.
        func fieldCount(ofRow k: Int) -> Int {
            switch storage {
            case .table(let t): t.fieldCount(ofRow: k)
            case .array(let a): a[k].count
            }
        }

        static func == (a: Rows, b: Rows) -> Bool { a.elementsEqual(b) }
    }

    /// One row of a table: its fields, each made a `String` when it is read.
    struct Row: RandomAccessCollection, Equatable {
        let rows: Rows
        let index: Int

        var startIndex: Int { 0 }
        var endIndex: Int { rows.fieldCount(ofRow: index) }

        /// Field `c`.
        /// - Complexity: O(size of the field).
        subscript(c: Int) -> String { rows[index, c] }

        static func == (a: Row, b: Row) -> Bool { a.elementsEqual(b) }
    }

    init(file: String, columns: [String], rows: [[String]]) {
        self.file = file
        self.columns = columns
        self.rows = Rows(storage: .array(rows))
    }

    /// Parses `bytes` (UTF-8, optional byte-order mark).
    /// - Throws: `PublishingError.unreadable` at the first problem.
    init(file: String, bytes: [UInt8]) throws(PublishingError) {
        let parsed = CSVReader.parse(bytes, file: file)
        if let first = parsed.diagnostics.first { throw .unreadable(first) }
        guard let table = parsed.table else { throw .unreadable(Diagnostic(SourceLocation(file: file, line: 1), "the file has no header")) }
        self.file = file
        columns = table.header
        rows = Rows(storage: .table(table))
    }

    /// The index of `column`.
    /// - Throws: `PublishingError.missingColumn`.
    func index(_ column: String) throws(PublishingError) -> Int {
        guard let k = columns.firstIndex(of: column) else { throw .missingColumn(file: file, column: column) }
        return k
    }

    /// The position of a column of a schema (`PlacementsFile.Column`, `ZoningFile.Column`).
    /// - Throws: `PublishingError.missingColumn`.
    func index<Column: RawRepresentable>(_ column: Column) throws(PublishingError) -> Int where Column.RawValue == String {
        try index(column.rawValue)
    }
}

/// The results of one level of a run (`RUN/<level>/`).
struct LevelResults: Sendable {
    var level: SchoolLevel
    var placements: RunCSV
    var cutoffs: RunCSV
    var zoning: RunCSV?
    var ranks: RunCSV?
    var classes: RunCSV?
    var classSummary: RunCSV?
    var classBalance: RunCSV?
    var headTeachers: RunCSV?
    /// `waitlists.csv`: who wanted each seat group more than what they got (the ceremony's draw lists).
    var waitlists: RunCSV? = nil
}

/// The quota results of a run (`quota-allocation.csv`, `quota-admissions.csv`, `quota-unfilled.csv`).
struct QuotaResults: Sendable {
    var allocation: RunCSV
    var admissions: RunCSV?
    var unfilled: RunCSV?
}

/// Everything a publication reads: the run's files and manifest, and optionally the case (for
/// school names, applicants' names and id numbers to mask, feeders and plans), the case's
/// `commitment.json` and the seed ceremony's contributions. Reading never writes anything.
package struct RunResults: Sendable {
    package var manifest: Manifest?
    /// `lottery-numbers.csv` of the run, when present (published as it is: ids and numbers only).
    var lotteryNumbers: RunCSV?
    var levels: [LevelResults]
    /// The second rounds (`<level>/second-round/`), level by level, when the run has them.
    var secondRounds: [LevelResults]
    var quota: QuotaResults?
    package var admissionCase: AdmissionCase?
    /// The case's commitment (`commitment.json`), when the case folder holds one.
    package var commitment: Commitment?
    /// The seed ceremony, when its contributions were given (checked against the manifest's seed).
    package var ceremony: SeedCeremony?

    init(manifest: Manifest?, lotteryNumbers: RunCSV? = nil, levels: [LevelResults], secondRounds: [LevelResults] = [],
                quota: QuotaResults?, admissionCase: AdmissionCase?, commitment: Commitment?, ceremony: SeedCeremony?) {
        self.manifest = manifest
        self.lotteryNumbers = lotteryNumbers
        self.levels = levels
        self.secondRounds = secondRounds
        self.quota = quota
        self.admissionCase = admissionCase
        self.commitment = commitment
        self.ceremony = ceremony
    }

    /// The folder of the run holding the quota files (`enroll quota` writes `quota/`).
    package static let quotaFolders = ["quota/"]

    /// Reads the run folder `run`: `manifest.json` if any (its seed contributions stand for
    /// `ceremony` when that is nil), `<level>/placements.csv` and
    /// `cutoffs.csv` of each level that has them (the other files of a level when present), the
    /// same of each level's second round (`<level>/second-round/`), the quota files when present;
    /// and the case folder `caseFolder` (when given) for the names and id numbers the site masks,
    /// its `commitment.json` when there is one — only when the case is still the one the run was
    /// made from: every file the manifest records as a step's input must still have its digest.
    /// - Throws: `Diagnostics` for a case with problems; `PublishingError.caseChanged` naming
    ///   every case file changed or missing since the run; `PublishingError` (a missing
    ///   `cutoffs.csv` beside a `placements.csv`, an unreadable file, a ceremony that does not
    ///   give the recorded seed); errors reading the case.
    /// - Complexity: O(size of the run's tables + size of the case).
    package static func read(run: URL, caseFolder: URL?, encoding: TextEncoding? = nil, ceremony: SeedCeremony?) throws -> RunResults {
        let manifest = try Manifest.read(run: run)
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: run.appendingPathComponent(path).path) }
        let levelFolders = [SchoolLevel.primary, .junior].flatMap { level in
            [(level: level, folder: level.rawValue + "/", round: 1), (level: level, folder: level.rawValue + "/" + SecondRound.folder + "/", round: 2)]
        }
        let levelFiles = [PlacementsFile.name, CutoffsFile.name, ZoningFile.name, RanksFile.name, "classes.csv", "class-summary.csv",
                          "class-balance.csv", "head-teachers.csv", WaitlistsFile.name]
        let quotaFiles = ["quota-allocation.csv", "quota-admissions.csv", "quota-unfilled.csv"]
        // The files the reading below asks for, parsed first on all cores (each its own slot);
        // each is then taken, or its problem thrown, where the reading asks for it, in its order.
        var wanted = levelFolders.filter { exists($0.folder + PlacementsFile.name) }.flatMap { level in levelFiles.map { level.folder + $0 } }
        if let folder = quotaFolders.first(where: { exists($0 + quotaFiles[0]) }) { wanted += quotaFiles.map { folder + $0 } }
        wanted = (wanted + ["lottery-numbers.csv"]).filter(exists)
        let parsed = concurrentMap(count: wanted.count) { k in
            Result { () throws(PublishingError) in
                let url = run.appendingPathComponent(wanted[k])
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw .unreadable(Diagnostic(SourceLocation(file: wanted[k]), FileProblem.reading(url.path)))
                }
                return try RunCSV(file: wanted[k], bytes: [UInt8](data))
            }
        }
        let tables = Dictionary(uniqueKeysWithValues: zip(wanted, parsed))
        func csv(_ path: String) throws(PublishingError) -> RunCSV? { try tables[path]?.get() }
        var levels: [LevelResults] = [], secondRounds: [LevelResults] = []
        for (level, folder, round) in levelFolders {
            guard let placements = try csv(folder + PlacementsFile.name) else { continue }
            guard let cutoffs = try csv(folder + CutoffsFile.name) else { throw PublishingError.missingFile(folder + CutoffsFile.name) }
            let results = LevelResults(level: level, placements: placements, cutoffs: cutoffs,
                                       zoning: try csv(folder + ZoningFile.name), ranks: try csv(folder + RanksFile.name),
                                       classes: try csv(folder + "classes.csv"), classSummary: try csv(folder + "class-summary.csv"),
                                       classBalance: try csv(folder + "class-balance.csv"), headTeachers: try csv(folder + "head-teachers.csv"),
                                       waitlists: try csv(folder + WaitlistsFile.name))
            if round == 1 { levels.append(results) } else { secondRounds.append(results) }
        }
        guard !levels.isEmpty else { throw PublishingError.nothingToPublish(run.path) }
        var quota: QuotaResults?
        for folder in quotaFolders {
            guard let allocation = try csv(folder + quotaFiles[0]) else { continue }
            quota = QuotaResults(allocation: allocation, admissions: try csv(folder + quotaFiles[1]), unfilled: try csv(folder + quotaFiles[2]))
            break
        }
        if let ceremony, let manifest, ceremony.seed != manifest.seed {
            throw PublishingError.contributionsDoNotGiveSeed(derived: ceremony.seed, recorded: manifest.seed)
        }
        // Without contributions given, those the manifest records (which `verify` checks give its seed).
        let ceremony = try ceremony ?? manifest?.contributions.map { list throws(PublishingError) in
            let recorded = try? SeedCeremony(list)
            guard let recorded, recorded.seed == manifest?.seed else {
                throw PublishingError.contributionsDoNotGiveSeed(derived: recorded?.seed ?? "none", recorded: manifest?.seed ?? "")
            }
            return recorded
        }
        var admissionCase: AdmissionCase?, commitment: Commitment?
        if let caseFolder {
            let loaded = try CaseFolder(url: caseFolder, encoding: encoding).load()
            guard loaded.diagnostics.isEmpty else { throw Diagnostics(loaded.diagnostics) }
            if let manifest {
                let check = manifest.changedInputs(in: caseFolder, digests: loaded.fileDigests)
                guard check.changed.isEmpty, check.missing.isEmpty else { throw PublishingError.caseChanged(check.changed + check.missing) }
            }
            admissionCase = loaded.admissionCase
            let committed = caseFolder.appendingPathComponent(Commitment.fileName)
            if FileManager.default.fileExists(atPath: committed.path) { commitment = try Commitment(contentsOf: committed) }
        }
        return RunResults(manifest: manifest, lotteryNumbers: try csv("lottery-numbers.csv"), levels: levels, secondRounds: secondRounds,
                          quota: quota, admissionCase: admissionCase, commitment: commitment, ceremony: ceremony)
    }
}
