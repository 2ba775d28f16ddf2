import EnrollmentIO

/// The seed ceremony as a file (`enroll seed --out ceremony.json`), which the drawing commands
/// take (`--contributions`) to record in the manifest how the seed was made:
///
///     {
///       "format": "enroll-seed/1",
///       "contributions": [{"label": "notary", "value": "4921"}, …],   in the order announced
///       "seed": "<64 hex digits>"
///     }
///
/// The seed is written for the reader's eyes; reading derives it again and refuses a file
/// whose contributions give another.
extension SeedCeremony {
    /// The file's JSON.
    package var json: JSONValue {
        .object([
            ("format", .string(Self.domain)),
            ("contributions", SeedContribution.json(contributions)),
            ("seed", .string(seed)),
        ])
    }

    /// Reads a ceremony file.
    /// - Throws: a `Diagnostic` at the first problem: not this format, a contribution breaking
    ///   the rules, or a seed the contributions do not give.
    package init(json bytes: [UInt8], file: String) throws(Diagnostic) {
        let root = try JSONReader.parse(bytes, file: file)
        let r = try JSONObjectReader(root, file: file, what: "the seed ceremony", known: ["format", "contributions", "seed"])
        let format = try r.required("format")
        guard try JSONObjectReader.string(format, file: file, key: "format") == Self.domain else {
            throw Diagnostic(format.location(in: file), "\"format\" must be \"\(Self.domain)\": this is not a file `enroll seed --out` writes")
        }
        let list = try SeedContribution.list(try r.required("contributions"), file: file)
        do {
            try self.init(list)
        } catch {
            throw Diagnostic(root.location(in: file), "the contributions: \(error)")
        }
        let recorded = try r.required("seed")
        guard try JSONObjectReader.string(recorded, file: file, key: "seed") == seed else {
            throw Diagnostic(recorded.location(in: file), "the contributions give the seed \(seed), not this one: the file was changed")
        }
    }
}

extension SeedContribution {
    /// Contributions as JSON: an array of `{"label", "value"}` objects, in order.
    package static func json(_ list: [SeedContribution]) -> JSONValue {
        .array(list.map { .object([("label", .string($0.label)), ("value", .string($0.value))]) })
    }

    /// Reads what `json(_:)` writes: a non-empty array of `{"label", "value"}` objects.
    /// - Throws: a `Diagnostic` at the first value of another shape.
    package static func list(_ value: JSONValue, file: String) throws(Diagnostic) -> [SeedContribution] {
        guard case .array(let items) = value.kind, !items.isEmpty else {
            throw Diagnostic(value.location(in: file), "\"contributions\" must be an array of {\"label\", \"value\"} objects, in the order announced")
        }
        return try items.map { (item: JSONValue) throws(Diagnostic) -> SeedContribution in
            let c = try JSONObjectReader(item, file: file, what: "a contribution", known: ["label", "value"])
            return SeedContribution(label: try c.string("label"), value: try c.string("value"))
        }
    }
}
