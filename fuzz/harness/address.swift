import Enrollment

/// The address parser and matcher. The input is a zone-rules table (CSV) and addresses, one
/// per line, separated by a NUL byte; without one, every line is an address matched against
/// the sample county's rules (and a few more). Each line is also read as a house number, a
/// published range, a groups field and a parity field. Invariants: address normalisation is
/// idempotent; house numbers and ranges read back from their printed form; a village's
/// groups are sorted, apart, and exactly the groups parsed; a match names a zone of its
/// table; diagnostics point inside the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAddress(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    var tables = [sampleTable]
    var addresses = bytes[...]
    if let nul = bytes.firstIndex(of: 0) {
        let rulesBytes = Array(bytes[..<nul])
        addresses = bytes[(nul + 1)...]
        if let table = CSVReader.parse(rulesBytes, file: ZoneRuleFile.fileName).table {
            let (rules, diagnostics) = ZoneRuleFile.read(table)
            checkLocations(diagnostics, file: ZoneRuleFile.fileName, within: .csv(rulesBytes))
            if diagnostics.isEmpty { tables.append(AddressZoneTable(rules: rules)) }
        }
    }
    for line in addresses.split(separator: 0x0A, omittingEmptySubsequences: false) {
        let text = String(decoding: line, as: UTF8.self)
        checkFragments(text)
        for table in tables {
            if let zone = table.match(address: text).zoneID {
                require(table.rules.contains { $0.zoneID == zone }, "matched zone \(zone) is not in the table")
            }
        }
    }
    return 0
}

func checkFragments(_ text: String) {
    let normalized = TextNormalization.normalizedAddress(text)
    require(TextNormalization.normalizedAddress(normalized) == normalized, "normalizedAddress is not idempotent")
    if let number = HouseNumber(text) {
        require(HouseNumber(number.description) == number, "house number \(number) does not read back")
    }
    if let range = HouseNumberRange(published: text) {
        require(!range.isUnbounded, "a published range without ends")
        require(HouseNumberRange(published: range.description) == range, "range \(range) does not read back")
    }
    if let groups = Village.parseGroups(text) {
        let merged = Village(name: "李家村", groups: groups).groups
        require(zip(merged, merged.dropFirst()).allSatisfy { $0.upperBound + 1 < $1.lowerBound }, "a village's groups overlap or touch")
        let probes = groups.flatMap { [$0.lowerBound - 1, $0.lowerBound, $0.upperBound, $0.upperBound + 1] }
        require(probes.allSatisfy { g in groups.contains { $0.contains(g) } == merged.contains { $0.contains(g) } }, "merging changed the groups")
    }
    _ = Parity(field: text)
}

/// The zone rules of the sample county (zones/sample-county/case/zone-rules.csv), plus an
/// open-ended range and a second group rule of the same village.
let sampleTable: AddressZoneTable = {
    let csv = """
    zone_id,kind,street,from,to,range,parity,numbers,except,compound,aliases,village,groups
    PZ13,street,人民路,1,99,,单号,,,,,,
    PZ13,street,人民路,2,98,,双号,,50,,,,
    PZ01,street,人民路,,,,,50,,,,,
    PZ13,street,解放路,,,1-63号,,,,,,,
    PZ01,street,解放路,,,65号以后,,,,,,,
    PZ13,street,和平街,,,,,,,,,,
    PZ13,compound,,,,,,,,阳光花园,阳光花园一期;阳光苑,,
    PZ13,village,,,,,,,,,,李家村,1-4
    PZ01,village,,,,,,,,,,李家村,5-8组
    """
    let table = CSVReader.parse(Array(csv.utf8), file: ZoneRuleFile.fileName).table!
    let (rules, diagnostics) = ZoneRuleFile.read(table)
    require(diagnostics.isEmpty, "the sample rules have problems: \(diagnostics)")
    return AddressZoneTable(rules: rules)
}()
