import Foundation
import EnrollmentIO

/// The commitment to a case's input files (承诺摘要), published before the seed exists, so
/// that nobody can change an applicant list once the seed is known.
///
/// It covers every file at the top of the case folder whose name ends in `.csv` (by the
/// SHA-256 of its canonical form, `CanonicalCSV`, so that re-saving the same table changes
/// nothing), `.xlsx` (its first sheet's rows, committed as the CSV file holding them: the
/// same canonical form, under the table's `.csv` name, so that a roster saved as CSV or as a
/// workbook gives the same commitment), `.json` or `.geojson` (by the SHA-256 of its raw
/// bytes, as `sha256sum` prints it), except `commitment.json` itself. Hidden files (a name
/// starting with `.`), folders and other files are not covered. The combined digest is the SHA-256 of the text
///
///     "enroll-commitment/1" LF
///     for each file, in order of the names' UTF-8 bytes:
///         form SP hex SP name LF
///
/// where `form` is `enroll-csv/1` or `raw` and `hex` the file's digest. Nothing time-based
/// enters the digest; the tool version is recorded beside it but not hashed, so a later
/// version that keeps the canonical form gives the same digest.
public struct Commitment: Hashable, Sendable {
    /// The first line of the combined text; the `1` is the version of this rule.
    package static let format = "enroll-commitment/1"
    /// The file name `enroll commit` writes into the case folder.
    package static let fileName = "commitment.json"

    /// One committed file.
    package struct File: Hashable, Sendable {
        /// How a file is hashed.
        package enum Form: String, Sendable {
            /// The canonical form of a CSV table (`CanonicalCSV.form`).
            case csv = "enroll-csv/1"
            /// The file's raw bytes.
            case raw
        }

        /// The name inside the case folder.
        package var name: String
        package var form: Form
        package var digest: SHA256Digest
        /// Data rows, for CSV files (informative: not hashed).
        package var rows: Int?

        package init(name: String, form: Form, digest: SHA256Digest, rows: Int? = nil) {
            self.name = name
            self.form = form
            self.digest = digest
            self.rows = rows
        }

        /// The entry of the file `name` holding `bytes`: a `.csv` file by its canonical form,
        /// an `.xlsx` workbook as the CSV file of the same rows (its first sheet's canonical
        /// form, under the name with `.csv`), any other by its raw bytes.
        /// - Throws: `CommitmentError.malformed` for a CSV file or workbook that cannot be made canonical.
        package init(name: String, bytes: [UInt8], encoding: TextEncoding?) throws(CommitmentError) {
            if name.hasSuffix(".xlsx") {
                let read = TableFile.read(bytes, file: name, encoding: encoding)
                guard let table = read.table, read.diagnostics.isEmpty else { throw .malformed(name, Diagnostics(read.diagnostics)) }
                let canonical = CanonicalCSV(table)
                self.init(name: String(name.dropLast(".xlsx".count)) + ".csv", form: .csv, digest: canonical.digest, rows: canonical.rowCount)
                return
            }
            guard name.hasSuffix(".csv") else {
                self.init(name: name, form: .raw, digest: SHA256.hash(bytes))
                return
            }
            do {
                let canonical = try CanonicalCSV(fileBytes: bytes, file: name, encoding: encoding)
                self.init(name: name, form: .csv, digest: canonical.digest, rows: canonical.rowCount)
            } catch {
                throw .malformed(name, error)
            }
        }
    }

    /// The files, in order of their names' UTF-8 bytes.
    package let files: [File]
    /// The combined digest: the one value to publish.
    public let digest: SHA256Digest
    /// The version of the tool that made the commitment (not hashed).
    package var toolVersion: String
    /// A free note for the humans (where and by whom it was made; not hashed).
    package var note: String?

    /// The commitment to `files` (sorted here by name).
    package init(files: [File], toolVersion: String = EnrollmentVersion.current, note: String? = nil) {
        let sorted = files.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        var text = Self.format + "\n"
        for file in sorted {
            text += "\(file.form.rawValue) \(file.digest.hex) \(file.name)\n"
        }
        self.files = sorted
        self.digest = SHA256.hash(text)
        self.toolVersion = toolVersion
        self.note = note
    }

    /// Hashes the case folder at `caseFolder`.
    /// - Parameter encoding: the encoding of the CSV files, or nil to detect it per file.
    /// - Throws: `CommitmentError` if the folder or a file cannot be read, or a CSV file is
    ///   malformed (every problem of that file, at file:line:column).
    /// - Complexity: O(total size of the files), plus sorting each CSV's rows.
    public init(caseFolder: URL, encoding: TextEncoding? = nil, note: String? = nil) throws(CommitmentError) {
        var files: [File] = []
        for name in try Self.coveredFiles(in: caseFolder) {
            let path = caseFolder.appendingPathComponent(name).path
            guard let bytes = FileBytes.read(path) else { throw .unreadable(name, reason: FileProblem.reading(path)) }
            files.append(try File(name: name, bytes: bytes, encoding: encoding))
        }
        self.init(files: files, note: note)
    }

    /// The names of the files a commitment covers in `folder`, sorted.
    package static func coveredFiles(in folder: URL) throws(CommitmentError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw .notAFolder(folder.path)
        }
        let covered = names.filter { name in
            guard !name.hasPrefix("."), name != fileName,
                  [".csv", ".xlsx", ".json", ".geojson"].contains(where: name.hasSuffix) else { return false }
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in covered where name.hasSuffix(".xlsx") && covered.contains(CaseFolder.csvName(of: name)) {
            throw .twoFiles(CaseFolder.csvName(of: name), name)
        }
        return covered
    }

    /// Checks that the case folder still hashes to this commitment; a drawing command calls
    /// this before it draws and refuses to draw when it throws.
    /// - Throws: `CommitmentError.changed` naming every file that changed, disappeared or
    ///   appeared (or the reading problem that stopped the check).
    public func verify(caseFolder: URL, encoding: TextEncoding? = nil) throws(CommitmentError) {
        try verify(against: try Commitment(caseFolder: caseFolder, encoding: encoding))
    }

    /// Checks that `now`, the commitment the case folder gives now, is this one.
    /// - Throws: `CommitmentError.changed` naming every file that changed, disappeared or appeared.
    package func verify(against now: Commitment) throws(CommitmentError) {
        guard now.digest != digest else { return }
        var changes: [CommitmentError.Change] = []
        let current = Dictionary(now.files.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let committed = Set(files.map(\.name))
        for file in files {
            guard let found = current[file.name] else {
                changes.append(.missing(file.name))
                continue
            }
            if found.form != file.form || found.digest != file.digest { changes.append(.changed(file.name)) }
        }
        for file in now.files where !committed.contains(file.name) {
            changes.append(.added(file.name))
        }
        throw .changed(changes)
    }
}

/// Why a case folder cannot be committed, or no longer matches its commitment.
public enum CommitmentError: Error, CustomStringConvertible {
    /// One difference between a case folder and its commitment.
    public enum Change: Hashable, Sendable, CustomStringConvertible {
        case changed(String)
        case missing(String)
        case added(String)

        public var description: String {
            switch self {
            case .changed(let name): return "\(name): changed since the commitment was made"
            case .missing(let name): return "\(name): committed, but no longer in the case folder"
            case .added(let name): return "\(name): in the case folder, but not covered by the commitment"
            }
        }
    }

    case notAFolder(String)
    /// A file that cannot be read, and why (`FileProblem`).
    case unreadable(String, reason: String)
    case malformed(String, Diagnostics)
    /// A table given both as a CSV file and as a workbook.
    case twoFiles(String, String)
    case changed([Change])
    /// A `commitment.json` that cannot be read, at file:line:column.
    case invalidFile(Diagnostic)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            return "\(path): no such case folder"
        case let .unreadable(name, reason):
            return "\(name): \(reason)"
        case let .malformed(name, diagnostics):
            return "\(name) cannot be committed until it is a well-formed \(name.hasSuffix(".xlsx") ? "workbook" : "CSV file"):\n\(diagnostics)"
        case let .twoFiles(csv, workbook):
            return "both \(csv) and \(workbook) hold the same table: keep one of them (move the other out of the case folder)"
        case .changed(let changes):
            return "the case no longer matches its commitment; nothing may be drawn:\n"
                + changes.map { "  " + $0.description }.joined(separator: "\n")
                + "\nrestore the committed files, or make and publish a new commitment before the seed is made"
        case .invalidFile(let diagnostic):
            return diagnostic.description
        }
    }
}
