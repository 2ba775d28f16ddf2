import EnrollmentIO
import EnrollmentVocabulary

/// Reading `primary-applicants.csv` and `junior-applicants.csv`.
package enum ApplicantTable {
    /// The file holding the applicants of `level` (primary or junior).
    package static func fileName(for level: SchoolLevel) -> String {
        "\(level.rawValue)-applicants.csv"
    }

    package static let columns = CSVColumns(
        required: ["student_id", "name", "gender", "birth_date", "residence"],
        optional: ["id_number", "lon", "lat", "address", "categories", "sibling_school", "primary_school",
                   "choices", "score", "together_with", "apart_from", "twin_group",
                   "age_exception", "permit_months", "insurance_months"],
        prefixes: ["score_"]
    )

    /// Reads every applicant, reporting each malformed value, duplicate ids, and
    /// `together_with`/`apart_from` naming nobody in the file. School references are
    /// checked by `CaseValidator`.
    ///
    /// Rows are read in chunks on all cores, and ids checked for duplicates on all cores
    /// (`FirstOccurrences`). The result — applicants, diagnostics and their order — is the same
    /// as reading the rows one by one, whatever the chunks and the timing: each row's problems
    /// come in row order, and a repeated id is reported on the later row, naming the first.
    /// - Complexity: O(rows + requests), spread over all cores.
    package static func read(_ table: CSVTable) -> (applicants: [Applicant], diagnostics: [Diagnostic]) {
        read(table, rowsPerChunk: 8192)
    }

    /// `read(_:)` with chunks of `rowsPerChunk` rows and the id index in 2^`partitionBits`
    /// partitions (tests vary them to check that they do not matter).
    package static func read(_ table: CSVTable, rowsPerChunk: Int, partitionBits: Int? = nil) -> (applicants: [Applicant], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        let c = Columns(table)
        let read = ConcurrentRows.read(table, idColumn: c.id, rowsPerChunk: rowsPerChunk, partitionBits: partitionBits) { r, slot in
            Self.read(&r, c, into: slot)
        }
        diagnostics += read.diagnostics
        diagnostics += requestProblems(read.values, table: table) { id in
            read.firstRows.firstRow(of: id).map { read.kept[$0] } ?? false
        }
        return (read.values, diagnostics)
    }

    /// Reads one row: returns its `student_id`, and whether the row has no problem, in which
    /// case its applicant is built in place at `slot` (uninitialized before; not copied).
    package static func read(_ r: inout CSVRecordReader, _ c: Columns, into slot: UnsafeMutablePointer<Applicant>) -> (id: String?, kept: Bool) {
        let id = r.requiredIdentifier(c.id)
        let name = r.required(c.name)
        let gender = r.parsed(c.gender, required: true, expected: "a gender (M or F, 男 or 女)", fast: Gender.init(bytes:), Gender.init(parsing:))
        let birth = r.parsed(c.birthDate, required: true, expected: "a date that exists, written YYYY-MM-DD",
                             fast: CalendarDate.init(isoBytes:), CalendarDate.init(parsing:))
        let residence = r.parsed(c.residence, required: true,
                                 expected: "a residence type (hukou_and_property, hukou, property, residence_permit or other)",
                                 fast: ResidenceTie.init(bytes:), ResidenceTie.init(parsing:))
        let idNumber = r.residentIDNumber(c.idNumber, birthDate: birth)
        let (lon, lat) = r.coordinates(c.lon, c.lat)
        let address = r.optional(c.address)
        if lon == nil, address == nil, r.isEmpty(c.lon) {
            r.report(c.lon.index != nil ? c.lon : c.address, "no home given: fill lon and lat, or address")
        }
        let score = r.parsed(c.score, required: false, expected: Score.expected, fast: ASCIINumber.hundredths, { Score(parsing: $0)?.hundredths })
        let subjectScores = r.subjectScores(c.subjects)
        let choices = r.list(c.choices)
        r.checkChoices(c.choices, choices)
        let twinGroup = r.optionalIdentifier(c.twinGroup)
        let permitMonths = r.integer(c.permitMonths, required: false, in: 0...1_200)
        let insuranceMonths = r.integer(c.insuranceMonths, required: false, in: 0...1_200)
        guard let id, let name, let gender, let birth, let residence, r.diagnostics.isEmpty else { return (id, false) }
        slot.initialize(to: Applicant(
            id: id, name: name, gender: gender, birthDate: birth, idNumber: idNumber,
            longitude: lon, latitude: lat, address: address, residence: residence,
            categories: r.list(c.categories), siblingSchool: r.optional(c.siblingSchool),
            primarySchool: r.optional(c.primarySchool), choices: choices, score: score.map(Score.init(hundredths:)),
            subjectScores: subjectScores, togetherWith: r.list(c.togetherWith), apartFrom: r.list(c.apartFrom),
            twinGroup: twinGroup, ageException: r.optional(c.ageException), permitMonths: permitMonths,
            insuranceMonths: insuranceMonths, line: r.line))
        return (id, true)
    }

    /// The columns of an applicant file, looked up once per file.
    package struct Columns {
        package let id, name, gender, birthDate, residence, idNumber, lon, lat, address, score, choices: CSVColumn
        package let categories, siblingSchool, primarySchool, togetherWith, apartFrom, twinGroup: CSVColumn
        package let ageException, permitMonths, insuranceMonths: CSVColumn
        package let subjects: [(column: CSVColumn, subject: String)]

        package init(_ t: CSVTable) {
            (id, name, gender, birthDate) = (t.column(named: "student_id"), t.column(named: "name"), t.column(named: "gender"), t.column(named: "birth_date"))
            (residence, idNumber, lon, lat) = (t.column(named: "residence"), t.column(named: "id_number"), t.column(named: "lon"), t.column(named: "lat"))
            (address, score, choices, categories) = (t.column(named: "address"), t.column(named: "score"), t.column(named: "choices"), t.column(named: "categories"))
            (siblingSchool, primarySchool, togetherWith) = (t.column(named: "sibling_school"), t.column(named: "primary_school"), t.column(named: "together_with"))
            (apartFrom, twinGroup) = (t.column(named: "apart_from"), t.column(named: "twin_group"))
            (ageException, permitMonths, insuranceMonths) = (t.column(named: "age_exception"), t.column(named: "permit_months"), t.column(named: "insurance_months"))
            subjects = t.subjectColumns()
        }
    }

    /// `together_with` and `apart_from` must name other applicants of the same file
    /// (`isApplicant` tells whether an id is one).
    package static func requestProblems(_ applicants: [Applicant], table: CSVTable, isApplicant: (String) -> Bool) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // By index: most applicants have no requests, and are not copied to find that out.
        for i in applicants.indices where !applicants[i].togetherWith.isEmpty || !applicants[i].apartFrom.isEmpty {
            let a = applicants[i]
            for column in ["together_with", "apart_from"] {
                for other in column == "together_with" ? a.togetherWith : a.apartFrom where other == a.id || !isApplicant(other) {
                    let why = other == a.id ? "names the applicant themself" : "names \(CSVRecordReader.quotedIdentifier(other)), who is not in this file"
                    problems.append(Diagnostic(SourceLocation(file: table.file, line: a.line, column: table.column(column) ?? 0), "\(column): \(why)"))
                }
            }
            for other in a.togetherWith where a.apartFrom.contains(other) {
                problems.append(Diagnostic(SourceLocation(file: table.file, line: a.line, column: table.column("apart_from") ?? 0),
                                           "apart_from: \(CSVRecordReader.quotedIdentifier(other)) is also in together_with; a pupil cannot be both with and apart from another"))
            }
        }
        return problems
    }
}

extension CSVRecordReader {
    /// The optional `id_number`, validated by GB 11643 and against `birth_date`.
    package mutating func residentIDNumber(_ column: CSVColumn, birthDate: CalendarDate?) -> String? {
        // The common case, a valid number agreeing with `birth_date` in plain bytes, is checked
        // on the bytes, and the text made once; anything else takes the general path below.
        let quick: String?? = withPlainBytes(column) { bytes in
            guard let bytes, let birthDate, case .success(let (birth, lowerX)) = ResidentIDNumber.check(bytes),
                  !lowerX, birth == birthDate else { return .none }
            return .some(String(decoding: bytes, as: UTF8.self))
        }
        if let quick { return quick }
        guard let text = optional(column) else { return nil }
        do {
            let number = try ResidentIDNumber(validating: text)
            if let birthDate, number.birthDate != birthDate {
                report(column, "the birth date inside the id number differs from birth_date (\(birthDate)): one of the two is mistyped")
            }
            return number.text
        } catch {
            report(column, error.description)
            return nil
        }
    }
}
