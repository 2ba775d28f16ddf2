import Enrollment

/// Typed ingest: the input read as a CSV table and given to every table reader of a case
/// (applicants, schools, graduates, teachers, priorities, zone rules, zones). Invariants:
/// every diagnostic points inside the input; no reader returns more records than rows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTables(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    let file = "input.csv"
    guard let table = CSVReader.parse(bytes, file: file).table else { return 0 }
    let extent = Extent.csv(bytes)

    let applicants = ApplicantTable.read(table)
    checkLocations(applicants.diagnostics, file: file, within: extent)
    require(applicants.applicants.count <= table.count, "more applicants than rows")

    let schools = SchoolTable.read(table)
    checkLocations(schools.diagnostics, file: file, within: extent)
    require(schools.schools.count <= table.count, "more schools than rows")
    let schoolIDs = Set(schools.declared.keys)

    let graduates = GraduateTable.read(table)
    checkLocations(graduates.diagnostics, file: file, within: extent)
    require(graduates.graduates.count <= table.count, "more graduates than rows")

    checkLocations(TeacherTable.read(table, schools: schoolIDs).diagnostics, file: file, within: extent)
    checkLocations(PriorityTable.read(table, schools: schools.declared,
                                      students: Dictionary(applicants.applicants.map { ($0.id, SchoolLevel.primary) }) { first, _ in first }).diagnostics, file: file, within: extent)

    let rules = ZoneRuleFile.read(table)
    checkLocations(rules.diagnostics, file: file, within: extent)
    require(rules.rules.count <= table.count, "more zone rules than rows")

    let zones = ZoneTable.read(table)
    checkLocations(zones.diagnostics, file: file, within: extent)
    require(zones.zones.count <= table.count, "more zone declarations than rows")
    return 0
}
