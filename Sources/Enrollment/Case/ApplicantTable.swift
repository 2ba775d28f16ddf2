/// Reading `primary-applicants.csv` and `junior-applicants.csv`.
public enum ApplicantTable {
    /// The file holding the applicants of `level` (primary or junior).
    public static func fileName(for level: SchoolLevel) -> String {
        "\(level.rawValue)-applicants.csv"
    }

    public static let columns = CSVColumns(
        required: ["student_id", "name", "gender", "birth_date", "residence"],
        optional: ["id_number", "lon", "lat", "address", "categories", "sibling_school", "primary_school",
                   "choices", "score", "together_with", "apart_from", "twin_group"],
        prefixes: ["score_"]
    )

    /// Reads every applicant, reporting each malformed value, duplicate ids, and
    /// `together_with`/`apart_from` naming nobody in the file. School references are
    /// checked by `CaseValidator`.
    /// - Complexity: O(rows + requests); about a microsecond a row in a release build.
    public static func read(_ table: CSVTable) -> (applicants: [Applicant], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        let c = Columns(table)
        var applicants: [Applicant] = []
        applicants.reserveCapacity(table.count)
        var firstLine: [String: Int] = [:]
        firstLine.reserveCapacity(table.count)
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let id = r.required(c.id)
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
            if lon == nil, address == nil, r.text(c.lon).isEmpty {
                r.report(c.lon.index != nil ? c.lon : c.address, "no home given: fill lon and lat, or address")
            }
            let score = r.parsed(c.score, required: false, expected: Score.expected, fast: ASCIINumber.hundredths, { Score(parsing: $0)?.hundredths })
            let subjectScores = r.subjectScores(c.subjects)
            let choices = r.list(c.choices)
            if choices.count > 1, Set(choices).count != choices.count { r.report(c.choices, "a school appears twice in the choices") }
            r.checkUnique(c.id, id, seen: &firstLine)
            diagnostics += r.diagnostics
            if let id, let name, let gender, let birth, let residence, r.diagnostics.isEmpty {
                applicants.append(Applicant(
                    id: id, name: name, gender: gender, birthDate: birth, idNumber: idNumber,
                    longitude: lon, latitude: lat, address: address, residence: residence,
                    categories: r.list(c.categories), siblingSchool: r.optional(c.siblingSchool),
                    primarySchool: r.optional(c.primarySchool), choices: choices, score: score.map(Score.init(hundredths:)),
                    subjectScores: subjectScores, togetherWith: r.list(c.togetherWith), apartFrom: r.list(c.apartFrom),
                    twinGroup: r.optional(c.twinGroup), line: r.line))
            }
        }
        diagnostics += requestProblems(applicants, table: table)
        return (applicants, diagnostics)
    }

    /// The columns of an applicant file, looked up once per file.
    struct Columns {
        let id, name, gender, birthDate, residence, idNumber, lon, lat, address, score, choices: CSVColumn
        let categories, siblingSchool, primarySchool, togetherWith, apartFrom, twinGroup: CSVColumn
        let subjects: [CSVColumn]

        init(_ t: CSVTable) {
            (id, name, gender, birthDate) = (t.column(named: "student_id"), t.column(named: "name"), t.column(named: "gender"), t.column(named: "birth_date"))
            (residence, idNumber, lon, lat) = (t.column(named: "residence"), t.column(named: "id_number"), t.column(named: "lon"), t.column(named: "lat"))
            (address, score, choices, categories) = (t.column(named: "address"), t.column(named: "score"), t.column(named: "choices"), t.column(named: "categories"))
            (siblingSchool, primarySchool, togetherWith) = (t.column(named: "sibling_school"), t.column(named: "primary_school"), t.column(named: "together_with"))
            (apartFrom, twinGroup) = (t.column(named: "apart_from"), t.column(named: "twin_group"))
            subjects = t.header.filter { $0.hasPrefix("score_") }.map(t.column(named:))
        }
    }

    /// `together_with` and `apart_from` must name other applicants of the same file.
    static func requestProblems(_ applicants: [Applicant], table: CSVTable) -> [Diagnostic] {
        let known = Set(applicants.map(\.id))
        var problems: [Diagnostic] = []
        for a in applicants {
            for (column, ids) in [("together_with", a.togetherWith), ("apart_from", a.apartFrom)] {
                for other in ids where other == a.id || !known.contains(other) {
                    let why = other == a.id ? "names the applicant themself" : "names '\(other)', who is not in this file"
                    problems.append(Diagnostic(SourceLocation(file: table.file, line: a.line, column: table.column(column) ?? 0), "\(column): \(why)"))
                }
            }
            for other in a.togetherWith where a.apartFrom.contains(other) {
                problems.append(Diagnostic(SourceLocation(file: table.file, line: a.line, column: table.column("apart_from") ?? 0),
                                           "apart_from: '\(other)' is also in together_with; a pupil cannot be both with and apart from another"))
            }
        }
        return problems
    }
}

extension CSVRecordReader {
    /// The optional `id_number`, validated by GB 11643 and against `birth_date`.
    mutating func residentIDNumber(_ column: CSVColumn, birthDate: CalendarDate?) -> String? {
        guard let text = optional(column) else { return nil }
        do {
            let number = try ResidentIDNumber(validating: text)
            if let birthDate, number.birthDate != birthDate {
                report(column, "the birth date inside the id number is \(number.birthDate), but birth_date is \(birthDate)")
            }
            return number.text
        } catch {
            report(column, error.description)
            return nil
        }
    }
}
