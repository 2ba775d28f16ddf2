import Foundation
import EnrollmentIO
import EnrollmentVocabulary
import EnrollmentZones

/// Reads a case folder from disk into an `AdmissionCase`, collecting every problem of every
/// file (each as `file:line:column: message`) rather than stopping at the first.
package struct CaseFolder: Sendable {
    /// The folder.
    package let url: URL
    /// The text encoding of the CSV files, or nil to detect it per file.
    package let encoding: TextEncoding?

    package init(url: URL, encoding: TextEncoding? = nil) {
        self.url = url
        self.encoding = encoding
    }

    /// The result of loading: the case (as far as it could be read) and every problem found.
    package struct Loaded: Sendable {
        package var admissionCase: AdmissionCase
        package var diagnostics: [Diagnostic]
        /// What was read but is worth saying (a workbook's dates stored as plain numbers).
        package var notes: [Diagnostic] = []
        /// The SHA-256 of the raw bytes of every file read, by name (what a manifest records
        /// of a step's inputs).
        package var fileDigests: [String: SHA256Digest] = [:]
        /// With `load(committing: true)`: the commitment to the folder, made from the very
        /// bytes and tables read (`Commitment(caseFolder:)` gives the same); nil when a
        /// covered file could not be made canonical (`Commitment(caseFolder:)` says why).
        package var commitment: Commitment?
    }

    /// Reads and checks every file of the case, each read once and parsed once.
    /// - Parameters:
    ///   - committing: also make the commitment to the folder from what was read,
    ///     reading only the covered files the case does not otherwise read.
    ///   - verified: committed CSV files already shown to hash to their entry, by name, with the
    ///     SHA-256 of the raw bytes that did (`VerifiedFile`); a file whose bytes have that digest
    ///     now takes the entry without being made canonical again.
    /// - Throws: `CaseFolderError` when the folder itself cannot be read.
    /// - Complexity: O(total size of the files); with `committing`, plus sorting the rows of
    ///   each CSV file not in `verified` with the same bytes.
    package func load(committing: Bool = false, verified: [String: VerifiedFile] = [:]) throws -> Loaded {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CaseFolderError.notAFolder(url.path)
        }
        var diagnostics: [Diagnostic] = []
        var result = AdmissionCase(schools: [])
        let log = FileLog(committing: committing, verified: verified)

        var notes: [Diagnostic] = []
        func table(_ name: String, required: Bool) -> CSVTable? {
            let workbook = Self.workbookName(of: name)
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(workbook).path) {
                guard !FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) else {
                    diagnostics.append(Diagnostic(SourceLocation(file: workbook),
                        "both \(name) and \(workbook) hold this table: keep one of them (move the other out of the case folder)"))
                    return nil
                }
                result.sourceFiles[name] = workbook
                return read(workbook, as: name, required: false)
            }
            return read(name, as: name, required: required)
        }
        // The table `name` from the file `file` (itself, or its workbook).
        func read(_ file: String, as name: String, required: Bool) -> CSVTable? {
            guard let bytes = readFile(file, required: required, into: &diagnostics, log: log) else { return nil }
            result.files.append(file)
            let parsed = TableFile.read(bytes, file: file, encoding: encoding)
            diagnostics += parsed.diagnostics
            notes += parsed.notes
            if let t = parsed.table { result.headers[name] = t.header }
            log.commit(file, as: name, table: parsed.table, clean: parsed.diagnostics.isEmpty)
            return parsed.table
        }

        if let t = table(SchoolTable.fileName, required: true) {
            let (schools, declared, problems) = SchoolTable.read(t)
            result.schools = schools
            result.declaredSchools = declared
            diagnostics += problems
        }
        var policyRead = true
        let policyBytes = readFile(PolicyFile.fileName, required: false, into: &diagnostics, log: log)
        if let bytes = policyBytes {
            result.files.append(PolicyFile.fileName)
            let (policy, problems) = PolicyFile.read(bytes, file: PolicyFile.fileName)
            result.policy = policy
            diagnostics += problems
            policyRead = problems.isEmpty
        }
        // A policy with problems says nothing reliable about the datum: the map is not checked
        // against the defaults, which would only add a second, misleading problem.
        let zones = loadZones(policy: policyRead ? result.policy : nil, log: log, table: table)
        (result.zoneMap, result.zoneRules, result.zoneDeclarations) = (zones.map, zones.rules, zones.declarations)
        result.rejectedZoneIDs = zones.rejectedIDs
        if zones.mapFileRead { result.files.append("zones.geojson") }
        diagnostics += zones.diagnostics
        var (applicantFiles, applicantFilesRead) = (0, 0)
        for level in [SchoolLevel.primary, .junior] {
            let name = ApplicantTable.fileName(for: level)
            if let t = table(name, required: false) {
                let (applicants, problems) = ApplicantTable.read(t)
                if level == .primary { result.primaryApplicants = applicants } else { result.juniorApplicants = applicants }
                diagnostics += problems
                applicantFilesRead += 1
            }
            if result.gives(name) { applicantFiles += 1 }
        }
        if let t = table(PriorityTable.fileName, required: false) {
            var students: [String: SchoolLevel] = [:]
            for level in [SchoolLevel.primary, .junior] {
                for a in result.applicants(level) { students[a.id] = level }
            }
            let (tiers, problems) = PriorityTable.read(t, schools: result.declaredSchools, students: applicantFiles > 0 && applicantFilesRead == applicantFiles ? students : nil)
            result.explicitTiers = tiers
            diagnostics += problems
        }
        if let t = table(TeacherTable.fileName, required: false) {
            let (teachers, problems) = TeacherTable.read(t, schools: Set(result.declaredSchools.keys))
            result.teachers = teachers
            diagnostics += problems
        }
        if let t = table(ResourceTable.fileName, required: false) {
            let (resources, problems) = ResourceTable.read(t, schools: result.declaredSchools)
            result.resources = resources
            diagnostics += problems
        }
        if let t = table(GraduateTable.fileName, required: false) {
            let (graduates, problems) = GraduateTable.read(t)
            result.graduates = graduates
            diagnostics += problems
        }
        if let policyBytes, policyRead {
            diagnostics += PolicyFile.referenceProblems(policyBytes, in: result)
        }
        diagnostics += CaseValidator.problems(in: result)
        let secondRoundFolder = url.appendingPathComponent(SecondRound.folder)
        var isSubfolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: secondRoundFolder.path, isDirectory: &isSubfolder), isSubfolder.boolValue {
            var round = SecondRound()
            var declinedTables: [SchoolLevel: CSVTable] = [:]
            for level in [SchoolLevel.primary, .junior] {
                if let t = table(SecondRound.applicantsFile(level), required: false) {
                    let (applicants, problems) = ApplicantTable.read(t)
                    round.applicants[level] = applicants
                    diagnostics += problems
                }
                if let t = table(SecondRound.declinedFile(level), required: false) {
                    diagnostics += StudentListFile.withdrawals.missing(in: t)
                    let column = t.index(of: "student_id")
                    round.declined[level] = column.map { k in (0..<t.count).map { t[$0, k] }.filter { !$0.isEmpty } } ?? []
                    if column != nil { declinedTables[level] = t }
                }
            }
            round.commitment = try? Commitment(caseFolder: secondRoundFolder, encoding: encoding)
            result.secondRound = round
            diagnostics += CaseValidator.secondRoundProblems(in: result, declinedTables: declinedTables)
        }
        return Loaded(admissionCase: result, diagnostics: diagnostics.sorted(), notes: notes, fileDigests: log.digests,
                      commitment: committing ? try log.commitment(of: url, encoding: encoding) : nil)
    }

    /// The workbook that may hold the table `name` in place of its CSV file: `schools.csv` →
    /// `schools.xlsx`.
    package static func workbookName(of name: String) -> String {
        String(name.dropLast(".csv".count)) + ".xlsx"
    }

    /// The CSV name of the table a workbook holds: `schools.xlsx` → `schools.csv`.
    package static func csvName(of workbook: String) -> String {
        String(workbook.dropLast(".xlsx".count)) + ".csv"
    }

    /// The columns a workbook may not hold as numbers (ids: Excel drops leading zeros and
    /// digits past 15) and those holding dates, in every table of a case.
    package static let workbookColumns = XLSXReader.ColumnRules(
        text: ["student_id", "id_number", "school_id", "teacher_id", "zone_id", "twin_group", "together_with", "apart_from",
               "primary_school", "junior_school", "sibling_school", "feeds", "children"],
        dates: ["birth_date"])

    /// What loading learnt of each file it read: the SHA-256 of its bytes and, when committing,
    /// its entry in the commitment.
    ///
    /// The digests and canonical forms are made on another core while loading goes on (each
    /// file's result kept by its name, so nothing depends on which finishes first); `finish()`
    /// waits for them.
    package final class FileLog: @unchecked Sendable {
        package let committing: Bool
        package let verified: [String: VerifiedFile]
        private let work = DispatchGroup()
        private let lock = NSLock()
        private var digestsByName: [String: SHA256Digest] = [:]
        private var committedByName: [String: Commitment.File] = [:]
        /// Covered files read that cannot be made canonical (a CSV with problems).
        private var uncommitted: Set<String> = []
        /// Parsed CSV files in `verified`, made canonical only if their bytes are not those verified.
        private var deferred: [String: (entryName: String, table: CSVTable)] = [:]

        package init(committing: Bool, verified: [String: VerifiedFile] = [:]) {
            self.committing = committing
            self.verified = verified
        }

        /// Runs `body` on another core, storing what it finds under the lock.
        private func inBackground(_ body: @escaping @Sendable () -> (SHA256Digest?, Commitment.File?), name: String) {
            work.enter()
            DispatchQueue.global().async { [self] in
                let (digest, file) = body()
                lock.withLock {
                    if let digest { digestsByName[name] = digest }
                    if let file { committedByName[name] = file }
                }
                work.leave()
            }
        }

        /// Records the bytes of `name`, read.
        package func read(_ name: String, _ bytes: [UInt8]) {
            let raw = committing && !name.hasSuffix(".csv")
            inBackground({
                let digest = SHA256.hash(bytes)
                return (digest, raw ? Commitment.File(name: name, form: .raw, digest: digest) : nil)
            }, name: name)
        }

        /// Records the table `name` as read (nil, or not `clean`, when it has problems): a CSV
        /// file, or a workbook committed as the CSV file `entryName` holding the same rows.
        package func commit(_ name: String, as entryName: String? = nil, table: CSVTable?, clean: Bool) {
            guard committing else { return }
            guard let table, clean else {
                lock.withLock { _ = uncommitted.insert(name) }
                return
            }
            let entryName = entryName ?? name
            guard verified[name] == nil else {
                lock.withLock { deferred[name] = (entryName, table) }
                return
            }
            inBackground({ (nil, Self.entry(entryName, table)) }, name: name)
        }

        /// The commitment entry of the CSV file `name`, made canonical.
        private static func entry(_ name: String, _ table: CSVTable) -> Commitment.File {
            let canonical = CanonicalCSV(table)
            return Commitment.File(name: name, form: .csv, digest: canonical.digest, rows: canonical.rowCount)
        }

        /// The SHA-256 of every file read, once all are made.
        package var digests: [String: SHA256Digest] {
            work.wait()
            return lock.withLock { digestsByName }
        }

        /// The commitment to `folder`: the entries of the files read, and of the other covered
        /// files, read now; nil when a covered file cannot be made canonical.
        package func commitment(of folder: URL, encoding: TextEncoding?) throws -> Commitment? {
            work.wait()
            let (made, uncommitted, deferred, digests) = lock.withLock { (committedByName, self.uncommitted, self.deferred, digestsByName) }
            var committed = made
            for (name, table) in deferred {
                committed[name] = digests[name] == verified[name]?.raw ? verified[name]!.entry : Self.entry(table.entryName, table.table)
            }
            var files: [Commitment.File] = []
            for name in try Commitment.coveredFiles(in: folder) {
                if let file = committed[name] {
                    files.append(file)
                } else if uncommitted.contains(name) {
                    return nil
                } else {
                    guard let bytes = FileBytes.read(folder.appendingPathComponent(name).path),
                          let file = try? Commitment.File(name: name, bytes: bytes, encoding: encoding) else { return nil }
                    files.append(file)
                }
            }
            return Commitment(files: files)
        }
    }

    /// The zones of a case: the map, the address rules and the declarations (and the ids of
    /// declarations left out), and their problems.
    package struct Zones {
        package var map: ZoneMap?
        package var rules: [ZoneRule] = []
        package var declarations: [ZoneTable.Declaration] = []
        package var rejectedIDs: Set<String> = []
        package var mapFileRead = false
        package var diagnostics: [Diagnostic] = []
    }

    /// Reads `zones.geojson` (checking its datum against the policy's), `zone-rules.csv`
    /// (with its conflicts) and `zones.csv`.
    /// With `policy` nil (it could not be read) the map's datum is not checked.
    package func loadZones(policy: Policy?, log: FileLog, table: (String, Bool) -> CSVTable?) -> Zones {
        var zones = Zones()
        let mapFile = "zones.geojson"
        if let bytes = readFile(mapFile, required: false, into: &zones.diagnostics, log: log) {
            zones.mapFileRead = true
            do {
                let map = try ZoneMap.read(bytes, file: mapFile, overlapToleranceMetres: policy?.overlapToleranceMetres ?? 0)
                // Kept even when its datum is wrong, so that the zones it draws are still known.
                zones.map = map
                if let policy, let expected = ZoneMap.CoordinateSystem(rawValue: policy.coordinateSystem) {
                    try map.checkCoordinateSystem(expected: expected, file: mapFile)
                }
            } catch let problems as Diagnostics {
                zones.diagnostics += problems.items
            } catch let problem as Diagnostic {
                zones.diagnostics.append(problem)
            } catch {
                zones.diagnostics.append(Diagnostic(SourceLocation(file: mapFile), "\(error)"))
            }
        }
        if let t = table(ZoneRuleFile.fileName, false) {
            let (rules, problems) = ZoneRuleFile.read(t)
            zones.rules = rules
            zones.diagnostics += problems
        }
        if let t = table(ZoneTable.fileName, false) {
            let (declared, rejected, problems) = ZoneTable.read(t)
            zones.declarations = declared
            zones.rejectedIDs = rejected
            zones.diagnostics += problems
        }
        return zones
    }

    /// The bytes of `name` in the folder, recorded in `log`; nil (with a diagnostic when
    /// required) if absent.
    package func readFile(_ name: String, required: Bool, into diagnostics: inout [Diagnostic], log: FileLog) -> [UInt8]? {
        let fileURL = url.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: fileURL.path) else {
            if required {
                diagnostics.append(Diagnostic(SourceLocation(file: name), "the file is missing: a case needs \(name) (see docs/FORMATS.md)"))
            }
            return nil
        }
        guard let bytes = FileBytes.read(fileURL.path) else {
            diagnostics.append(Diagnostic(SourceLocation(file: name), FileProblem.reading(fileURL.path)))
            return nil
        }
        log.read(name, bytes)
        return bytes
    }
}

/// A committed CSV file of the case that an earlier step has shown to hash to its commitment entry
/// (made canonical then), and the SHA-256 of the raw bytes it had: the same bytes make the same
/// canonical form, so a later step that reads those bytes takes `entry` as it is.
package struct VerifiedFile: Sendable {
    /// The SHA-256 of the file's raw bytes when it was verified.
    package var raw: SHA256Digest
    /// Its entry in the commitment.
    package var entry: Commitment.File

    package init(raw: SHA256Digest, entry: Commitment.File) {
        self.raw = raw
        self.entry = entry
    }
}

/// Why a case folder cannot be read at all.
package enum CaseFolderError: Error, CustomStringConvertible {
    case notAFolder(String)

    package var description: String {
        switch self {
        case .notAFolder(let path): return "\(path): no such case folder (a case is a folder holding schools.csv and the other files of docs/FORMATS.md)"
        }
    }
}
