import Foundation
import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis

/// `enroll-bench zoning --zones N --homes M --out DIR [--runs R]`: a made-up county of N
/// zones (a jittered grid with wiggly shared sides) and M homes, written as GeoJSON and a
/// `lon,lat` CSV for the peer (bench/zoning/shapely_peer.py); then times building the
/// `ZoneIndex` and locating every home (median of R runs). `--near-boundary METRES` (default
/// 20) sets the near-boundary distance; 0 times containment alone.
///
/// `enroll-bench zoning --map DIR [--runs R]` times the same on a real map instead:
/// DIR/case/zones.geojson and DIR/homes.csv, as bench/zoning/real_maps.py writes them; it
/// also times reading and checking the map (parse, ring checks, overlap check) and writes
/// the zone of every home to DIR/enroll-hits.txt (one `zone_id` a line, empty for none).
func benchZoning(_ arguments: [String]) throws {
    var options: [String: String] = [:]
    var k = 0
    while k + 1 < arguments.count {
        options[arguments[k]] = arguments[k + 1]
        k += 2
    }
    let runs = Int(options["--runs"] ?? "5") ?? 5
    // 20 m is the policy default; 0 turns the near-boundary flag off, to time containment
    // alone as shapely's contains_xy does.
    let nearMetres = Double(options["--near-boundary"] ?? "20") ?? 20
    if let folder = options["--map"] {
        try benchRealMap(URL(fileURLWithPath: folder), runs: runs, nearMetres: nearMetres)
        return
    }
    let wanted = Int(options["--zones"] ?? "2000") ?? 2000
    let homeCount = Int(options["--homes"] ?? "1000000") ?? 1_000_000
    let out = options["--out"].map { URL(fileURLWithPath: $0) }

    // Columns × rows = zones, with a 4:3 shape as near as a divisor allows.
    let ideal = (Double(wanted) * 4 / 3).squareRoot()
    let columns = (1...wanted).filter { wanted % $0 == 0 }.min { abs(Double($0) - ideal) < abs(Double($1) - ideal) }!
    let rows = wanted / columns
    // About 60 km × 45 km near latitude 39.5°.
    let map = SyntheticZoneMap(columns: columns, rows: rows, origin: GridPoint(longitude: 116.0, latitude: 39.5),
                               width: 7_000_000, height: 4_050_000, pointsPerSide: 5, seed: 20_240_901)
    let homes = map.homes(count: homeCount, seed: 77)
    let edgeCount = map.zones.reduce(0) { $0 + $1.edges.count }
    print("zoning: \(map.zones.count) zones (\(columns)×\(rows)), \(edgeCount) edges, \(homes.count) homes, \(ProcessInfo.processInfo.activeProcessorCount) cores")

    if let out {
        try AtomicFile.write(JSONWriter.render(geoJSON(map.zones)), to: out.appendingPathComponent("zones.geojson"))
        var csv = "lon,lat\n"
        csv.reserveCapacity(homes.count * 24)
        for home in homes { csv += home.description + "\n" }
        try AtomicFile.write(csv, to: out.appendingPathComponent("homes.csv"))
        let bytes = try [UInt8](Data(contentsOf: out.appendingPathComponent("zones.geojson")))
        let parseTime = ContinuousClock().measure { _ = try? JSONReader.parse(bytes, file: "zones.geojson") }
        print("parse JSON only (\(bytes.count / 1_000_000) MB): \(milliseconds(parseTime)) ms")
        let readTime = ContinuousClock().measure { _ = try? ZoneMap.read(bytes, file: "zones.geojson") }
        print("read+validate GeoJSON (\(bytes.count / 1_000_000) MB, incl. overlap check): \(milliseconds(readTime)) ms")
    }

    print(timeIndex(zones: map.zones, homes: homes, runs: runs, nearMetres: nearMetres).1)
}

/// Times building the index (median of `runs`) and locating every home (median of `runs`, then
/// once on one core); prints the figures and returns the hits and the RESULT line.
private func timeIndex(zones: [ZoneMap.Zone], homes: [GridPoint], runs: Int, nearMetres: Double) -> ([ZoneHit], String) {
    var index = ZoneIndex(zones: zones, nearBoundaryMetres: nearMetres)
    var buildTimes: [Duration] = [], buildCPU: [Double] = []
    for _ in 0..<runs {
        buildTimes.append(ContinuousClock().measure {
            index = BenchCSV.withCPUSeconds(into: &buildCPU) { ZoneIndex(zones: zones, nearBoundaryMetres: nearMetres) }
        })
    }
    var hits: [ZoneHit] = []
    var locateTimes: [Duration] = [], locateCPU: [Double] = []
    for _ in 0..<runs {
        locateTimes.append(ContinuousClock().measure { hits = BenchCSV.withCPUSeconds(into: &locateCPU) { index.locate(homes) } })
    }
    let serialTime = ContinuousClock().measure { hits = homes.map(index.locate) }
    let zoned = hits.filter { $0.zone != nil }.count
    let near = hits.filter(\.nearBoundary).count
    let buildMS = milliseconds(median(buildTimes)), locateMS = milliseconds(median(locateTimes))
    let buildCPUMS = Int((BenchCSV.median(buildCPU) * 1000).rounded()), locateCPUMS = Int((BenchCSV.median(locateCPU) * 1000).rounded())
    print("build index: \(buildMS) ms (median of \(runs), all cores; CPU \(buildCPUMS) ms)")
    print("locate \(homes.count) homes: \(locateMS) ms (median of \(runs), all cores; CPU \(locateCPUMS) ms); one core: \(milliseconds(serialTime)) ms")
    print("zoned \(zoned), unzoned \(homes.count - zoned), near_boundary \(near)")
    return (hits, "RESULT swift\(nearMetres == 0 ? "-contain" : "") zones=\(zones.count) build_ms=\(buildMS) locate_ms=\(locateMS) zoned=\(zoned) build_cpu_ms=\(buildCPUMS) locate_cpu_ms=\(locateCPUMS)")
}

/// The real-map benchmark (see `benchZoning`).
private func benchRealMap(_ folder: URL, runs: Int, nearMetres: Double) throws {
    let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("case/zones.geojson")))
    var parseCPU: [Double] = [], readCPU: [Double] = []
    let parseTimes = (0..<runs).map { _ in
        ContinuousClock().measure { _ = BenchCSV.withCPUSeconds(into: &parseCPU) { try? JSONReader.parse(bytes, file: "zones.geojson") } }
    }
    var map: ZoneMap?
    var readError: String?
    let readTimes = (0..<runs).map { _ in
        ContinuousClock().measure {
            BenchCSV.withCPUSeconds(into: &readCPU) {
                do { map = try ZoneMap.read(bytes, file: "zones.geojson") } catch { readError = "\(error)" }
            }
        }
    }
    guard let map else { throw BenchZoningError.unreadableMap(readError ?? "") }
    let text = try String(contentsOf: folder.appendingPathComponent("homes.csv"), encoding: .utf8)
    let homes = text.split(separator: "\n").dropFirst().map { line -> GridPoint in
        let parts = line.split(separator: ",")
        return GridPoint(longitude: Double(parts[0])!, latitude: Double(parts[1])!)
    }
    let vertices = map.zones.reduce(0) { $0 + $1.edges.count }
    print("zoning (real map): \(map.zones.count) zones, \(vertices) edges, \(homes.count) homes, \(bytes.count / 1_000_000) MB of GeoJSON, \(ProcessInfo.processInfo.activeProcessorCount) cores")
    let parseMS = milliseconds(median(parseTimes)), readMS = milliseconds(median(readTimes))
    print("parse JSON only: \(parseMS) ms (CPU \(Int((BenchCSV.median(parseCPU) * 1000).rounded())) ms); read + check the map (rings, overlaps): \(readMS) ms (CPU \(Int((BenchCSV.median(readCPU) * 1000).rounded())) ms), median of \(runs)")
    let (hits, line) = timeIndex(zones: map.zones, homes: homes, runs: runs, nearMetres: nearMetres)
    var out = ""
    for hit in hits { out += (hit.zone.map { map.zones[$0].id } ?? "") + "\n" }
    try AtomicFile.write(out, to: folder.appendingPathComponent("enroll-hits.txt"))
    print("peak memory: \(Int(peakMemoryMB().rounded())) MB")
    print(line + " read_ms=\(readMS) parse_ms=\(parseMS)")
}

enum BenchZoningError: Error, CustomStringConvertible {
    case unreadableMap(String)

    var description: String {
        switch self {
        case .unreadableMap(let problems): return "the map does not read: \(problems)"
        }
    }
}


private func median(_ times: [Duration]) -> Duration {
    times.sorted()[times.count / 2]
}

private func milliseconds(_ d: Duration) -> String {
    let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    return String(Int(ms.rounded()))
}

private func geoJSON(_ zones: [ZoneMap.Zone]) -> JSONValue {
    func number(_ units: Int64) -> JSONValue {
        JSONValue(.number(Double(units) / GridPoint.unitsPerDegree, text: GridPoint.degreesText(units)))
    }
    func string(_ s: String) -> JSONValue { JSONValue(.string(s)) }
    let features = zones.map { zone in
        let rings = zone.polygons[0].map { ring in
            JSONValue(.array((ring + [ring[0]]).map { JSONValue(.array([number($0.x), number($0.y)])) }))
        }
        return JSONValue(.object([
            JSONValue.Member("type", string("Feature")),
            JSONValue.Member("properties", JSONValue(.object([
                JSONValue.Member("zone_id", string(zone.id)),
                JSONValue.Member("level", string(zone.level.rawValue)),
                JSONValue.Member("schools", JSONValue(.array(zone.schools.map(string)))),
            ]))),
            JSONValue.Member("geometry", JSONValue(.object([
                JSONValue.Member("type", string("Polygon")),
                JSONValue.Member("coordinates", JSONValue(.array(rings))),
            ]))),
        ]))
    }
    return JSONValue(.object([
        JSONValue.Member("type", string("FeatureCollection")),
        JSONValue.Member("coordinate_system", string("WGS-84")),
        JSONValue.Member("features", JSONValue(.array(features))),
    ]))
}
