import Foundation
import Enrollment

/// `enroll-bench zoning --zones N --homes M --out DIR [--runs R]`: a made-up county of N
/// zones (a jittered grid with wiggly shared sides) and M homes, written as GeoJSON and a
/// `lon,lat` CSV for the peer (bench/zoning/shapely_peer.py); then times building the
/// `ZoneIndex` and locating every home (median of R runs). `--near-boundary METRES` (default
/// 20) sets the near-boundary distance; 0 times containment alone.
func benchZoning(_ arguments: [String]) throws {
    var options: [String: String] = [:]
    var k = 0
    while k + 1 < arguments.count {
        options[arguments[k]] = arguments[k + 1]
        k += 2
    }
    let wanted = Int(options["--zones"] ?? "2000") ?? 2000
    let homeCount = Int(options["--homes"] ?? "1000000") ?? 1_000_000
    let runs = Int(options["--runs"] ?? "5") ?? 5
    // 20 m is the policy default; 0 turns the near-boundary flag off, to time containment
    // alone as shapely's contains_xy does.
    let nearMetres = Double(options["--near-boundary"] ?? "20") ?? 20
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

    var index = ZoneIndex(zones: map.zones, nearBoundaryMetres: nearMetres)
    var buildTimes: [Duration] = [], buildCPU: [Double] = []
    for _ in 0..<runs {
        buildTimes.append(ContinuousClock().measure {
            index = BenchCSV.withCPUSeconds(into: &buildCPU) { ZoneIndex(zones: map.zones, nearBoundaryMetres: nearMetres) }
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
    print("RESULT swift\(nearMetres == 0 ? "-contain" : "") zones=\(map.zones.count) build_ms=\(buildMS) locate_ms=\(locateMS) zoned=\(zoned) build_cpu_ms=\(buildCPUMS) locate_cpu_ms=\(locateCPUMS)")
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
