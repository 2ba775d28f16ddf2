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
    /// - Complexity: O(rows + requests).
    public static func read(_ table: CSVTable) -> (applicants: [Applicant], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        let subjects = table.header.filter { $0.hasPrefix("score_") }
        var applicants: [Applicant] = []
        applicants.reserveCapacity(table.count)
        var firstLine: [String: Int] = [:]
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let id = r.required("student_id")
            let name = r.required("name")
            let gender = r.parsed("gender", required: true, expected: "a gender (M or F, 男 or 女)", Gender.init(parsing:))
            let birth = r.parsed("birth_date", required: true, expected: "a date that exists, written YYYY-MM-DD", CalendarDate.init(parsing:))
            let residence = r.parsed("residence", required: true,
                                     expected: "a residence type (hukou_and_property, hukou, property, residence_permit or other)",
                                     ResidenceTie.init(parsing:))
            let idNumber = r.residentIDNumber(birthDate: birth)
            let (lon, lat) = r.coordinates()
            let address = r.optional("address")
            if lon == nil, address == nil, r.optional("lon") == nil {
                r.report(table.column("lon") != nil ? "lon" : "address", "no home given: fill lon and lat, or address")
            }
            let score = r.parsed("score", required: false, expected: Score.expected, Score.init(parsing:))
            let subjectScores = r.subjectScores(subjects)
            let choices = r.list("choices")
            if Set(choices).count != choices.count { r.report("choices", "a school appears twice in the choices") }
            r.checkUnique("student_id", id, seen: &firstLine)
            diagnostics += r.diagnostics
            if let id, let name, let gender, let birth, let residence, r.diagnostics.isEmpty {
                applicants.append(Applicant(
                    id: id, name: name, gender: gender, birthDate: birth, idNumber: idNumber,
                    longitude: lon, latitude: lat, address: address, residence: residence,
                    categories: r.list("categories"), siblingSchool: r.optional("sibling_school"),
                    primarySchool: r.optional("primary_school"), choices: choices, score: score,
                    subjectScores: subjectScores, togetherWith: r.list("together_with"), apartFrom: r.list("apart_from"),
                    twinGroup: r.optional("twin_group"), line: r.line))
            }
        }
        diagnostics += requestProblems(applicants, table: table)
        return (applicants, diagnostics)
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
    mutating func residentIDNumber(birthDate: CalendarDate?) -> String? {
        guard let text = optional("id_number") else { return nil }
        do {
            let number = try ResidentIDNumber(validating: text)
            if let birthDate, number.birthDate != birthDate {
                report("id_number", "the birth date inside the id number is \(number.birthDate), but birth_date is \(birthDate)")
            }
            return number.text
        } catch {
            report("id_number", error.description)
            return nil
        }
    }
}
