import Enrollment

/// The GeoJSON zone map reader and the JSON reader under it. Invariants: every diagnostic
/// points inside the input; a map that reads has zones with ids, schools and rings of at
/// least 3 points, and its zone index places each zone's vertices in a zone it knows; a JSON
/// value written with `JSONWriter` and read again is the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZoneMap(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    let file = "zones.geojson"
    let extent = Extent.text(bytes)
    if let value = try? JSONReader.parse(bytes, file: file) {
        let written = JSONWriter.render(value)
        guard let again = try? JSONReader.parse(written, file: file) else {
            require(false, "JSONWriter wrote JSON that does not read")
            return 0
        }
        require(sameJSON(value, again), "JSON changed when written and read again")
    }
    do {
        let map = try ZoneMap.read(bytes, file: file)
        for zone in map.zones {
            require(!zone.id.isEmpty && !zone.schools.isEmpty && !zone.polygons.isEmpty, "zone \(zone.id) is incomplete")
            require(zone.polygons.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.count >= 3 } }, "zone \(zone.id) has a short ring")
        }
        for level in SchoolLevel.zoned {
            let zones = map.zones.filter { $0.level == level }
            let index = ZoneIndex(zones: zones)
            for zone in zones {
                for hit in index.locate(zone.polygons.flatMap { $0.flatMap { $0 } }) {
                    require(hit.zone.map { (0..<index.zoneCount).contains($0) } ?? true, "a hit in an unknown zone")
                }
            }
        }
    } catch let problem as Diagnostic {
        checkLocations([problem], file: file, within: extent)
    } catch let problems as Diagnostics {
        require(!problems.items.isEmpty, "an empty list of problems")
        checkLocations(problems.items, file: file, within: extent)
    } catch {
        require(false, "unexpected error type: \(error)")
    }
    return 0
}

/// Equal values, ignoring positions.
func sameJSON(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a.kind, b.kind) {
    case (.null, .null): return true
    case let (.bool(x), .bool(y)): return x == y
    case let (.number(x, s), .number(y, t)): return x == y && s == t
    case let (.string(x), .string(y)): return x == y
    case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy(sameJSON)
    case let (.object(x), .object(y)):
        return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && sameJSON($0.value, $1.value) }
    default: return false
    }
}
