import Foundation
import EnrollmentIO

/// Reading and writing `commitment.json`:
///
///     {
///       "format": "enroll-commitment/1",
///       "tool": "enroll",
///       "version": "0.2.0",
///       "digest": "<combined digest>",
///       "files": [
///         {"name": "junior-applicants.csv", "form": "enroll-csv/1", "sha256": "<hex>", "rows": 3000},
///         {"name": "policy.json", "form": "raw", "sha256": "<hex>"}
///       ],
///       "note": "…"            (only when given)
///     }
///
/// Written deterministically by `JSONWriter`. Reading recomputes the combined digest from the
/// file list and refuses a file whose recorded digest disagrees.
extension Commitment {
    /// The JSON value written to `commitment.json`.
    package var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("format", .string(Self.format)),
            ("tool", .string("enroll")),
            ("version", .string(toolVersion)),
            ("digest", .string(digest.hex)),
            ("files", .array(files.map { file in
                var m: [(String, JSONValue)] = [("name", .string(file.name)), ("form", .string(file.form.rawValue)),
                                               ("sha256", .string(file.digest.hex))]
                if let rows = file.rows { m.append(("rows", .integer(rows))) }
                return .object(m)
            })),
        ]
        if let note { members.append(("note", .string(note))) }
        return .object(members)
    }

    /// Reads a commitment from the bytes of a `commitment.json` called `file` in messages.
    /// - Throws: `CommitmentError.invalidFile` at the first problem.
    package init(json bytes: [UInt8], file: String) throws(CommitmentError) {
        do throws(Diagnostic) {
            let root = try JSONReader.parse(bytes, file: file)
            let r = try JSONObjectReader(root, file: file, what: "the commitment",
                                         known: ["format", "tool", "version", "digest", "files", "note"])
            let format = try r.required("format")
            guard try JSONObjectReader.string(format, file: file, key: "format") == Self.format else {
                throw Diagnostic(format.location(in: file), "not a commitment this tool reads (expected \"\(Self.format)\")")
            }
            let tool = try r.required("tool")
            guard try JSONObjectReader.string(tool, file: file, key: "tool") == "enroll" else {
                throw Diagnostic(tool.location(in: file), "\"tool\" must be \"enroll\"")
            }
            var files: [File] = []
            for element in try r.array("files") {
                let f = try JSONObjectReader(element, file: file, what: "a committed file", known: ["name", "form", "sha256", "rows"])
                let formValue = try f.required("form")
                guard let form = File.Form(rawValue: try JSONObjectReader.string(formValue, file: file, key: "form")) else {
                    throw Diagnostic(formValue.location(in: file), "\"form\" must be \"enroll-csv/1\" or \"raw\"")
                }
                files.append(File(name: try f.string("name"), form: form, digest: try f.digest("sha256"), rows: try f.optionalInteger("rows")))
            }
            self.init(files: files, toolVersion: try r.string("version"), note: try r.optionalString("note"))
            let recorded = try r.digest("digest")
            guard recorded == digest else {
                throw Diagnostic(try r.required("digest").location(in: file),
                                 "the digest does not match the files listed (it should be \(digest.hex)); the file was altered")
            }
        } catch {
            throw .invalidFile(error)
        }
    }

    /// Reads the commitment file at `url`.
    public init(contentsOf url: URL) throws(CommitmentError) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .unreadable(url.path, reason: FileProblem.reading(url.path))
        }
        try self.init(json: [UInt8](data), file: url.lastPathComponent)
    }

    /// Writes the commitment to `url` atomically.
    package func write(to url: URL) throws {
        try AtomicFile.write(JSONWriter.render(json), to: url)
    }
}
