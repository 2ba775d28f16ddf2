import Foundation
import EnrollmentIO
import EnrollmentVocabulary

extension ZoneMap {
    /// Reads a zone map from GeoJSON (RFC 7946): a `FeatureCollection` whose Features have
    /// `Polygon` or `MultiPolygon` geometry in `[longitude, latitude]` order and the
    /// properties `zone_id` (string, unique per level), `level` (`primary` | `junior`),
    /// `schools` (array of school ids, or one string of ids separated by `;`) and optionally
    /// `name`. An optional top-level member `coordinate_system` declares the datum.
    ///
    /// Every problem is reported at its exact JSON position: wrong types, missing or
    /// duplicate `zone_id`, unknown level, no schools, empty geometries, positions that are
    /// not two numbers or are out of range, rings of fewer than 4 positions, unclosed rings,
    /// rings that touch or cross themselves, and zones of one level that overlap. Ring
    /// orientation is not checked and not relied upon.
    ///
    /// Overlaps narrower than `overlapToleranceMetres` (the policy's `overlap_tolerance_metres`,
    /// 0 by default) are accepted into `acceptedOverlaps` instead of refused; every overlap
    /// refused names its width and area.
    ///
    /// - Throws: `Diagnostic` for JSON syntax errors, `Diagnostics` (sorted) for all the
    ///   problems of the map.
    package static func read(_ bytes: [UInt8], file: String, overlapToleranceMetres: Double = 0) throws -> ZoneMap {
        let root = try JSONReader.parse(bytes, file: file)
        var reader = ZoneMapReader(file: file)
        var map = reader.read(root)
        var problems = reader.problems
        if problems.isEmpty {
            for level in SchoolLevel.zoned {
                for overlap in map.overlaps(level: level) {
                    if overlap.widthMetres < overlapToleranceMetres {
                        map.acceptedOverlaps.append(overlap)
                        continue
                    }
                    let second = map.zones.first { $0.level == level && $0.id == overlap.second }!
                    let tolerance = overlapToleranceMetres > 0
                        ? " and the policy accepts only overlaps narrower than \(ZoneOverlap.metres(overlapToleranceMetres)) m (overlap_tolerance_metres)" : ""
                    problems.append(Diagnostic(second.location, "\(level.rawValue) zones \(overlap.first) and \(overlap.second) overlap, for example at \(overlap.point) (\(overlap.extent)); a home must fall in one zone only\(tolerance)"))
                }
            }
        }
        if !problems.isEmpty { throw Diagnostics(problems) }
        return map
    }
}

/// The checks of `ZoneMap.read`, collecting diagnostics instead of stopping at the first.
struct ZoneMapReader {
    let file: String
    var problems: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    private mutating func problem(_ value: JSONValue, _ message: String) {
        problems.append(Diagnostic(value.location(in: file), message))
    }

    mutating func read(_ root: JSONValue) -> ZoneMap {
        guard root.members != nil else {
            problem(root, "expected a GeoJSON FeatureCollection object, found \(root.kindName)")
            return ZoneMap(coordinateSystem: nil, zones: [])
        }
        for duplicate in root.duplicateKeys {
            problems.append(Diagnostic(SourceLocation(file: file, line: duplicate.line, column: duplicate.column), "member \"\(duplicate.key)\" appears twice"))
        }
        if root["type"]?.string != "FeatureCollection" {
            problem(root["type"] ?? root, "\"type\" must be \"FeatureCollection\"")
        }
        var system: ZoneMap.CoordinateSystem?
        if let declared = root["coordinate_system"] {
            if let text = declared.string, let known = ZoneMap.CoordinateSystem(rawValue: text) {
                system = known
            } else {
                problem(declared, "coordinate_system must be one of \(ZoneMap.CoordinateSystem.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
            }
        }
        guard let featuresValue = root["features"], let features = featuresValue.elements else {
            problem(root["features"] ?? root, "expected \"features\": an array of Features")
            return ZoneMap(coordinateSystem: system, zones: [])
        }
        var zones: [ZoneMap.Zone] = []
        var firstSeen: [String: SourceLocation] = [:]
        for feature in features {
            guard let zone = readFeature(feature) else { continue }
            let key = "\(zone.level.rawValue)\u{0}\(zone.id)"
            if let earlier = firstSeen[key] {
                problem(feature["properties"]?["zone_id"] ?? feature, "zone_id \(zone.id) is used twice for \(zone.level.rawValue) zones (first at line \(earlier.line))")
            } else {
                firstSeen[key] = zone.location
            }
            zones.append(zone)
        }
        return ZoneMap(coordinateSystem: system, zones: zones)
    }

    private mutating func readFeature(_ feature: JSONValue) -> ZoneMap.Zone? {
        guard feature.members != nil else {
            problem(feature, "expected a Feature object, found \(feature.kindName)")
            return nil
        }
        if feature["type"]?.string != "Feature" {
            problem(feature["type"] ?? feature, "\"type\" must be \"Feature\"")
        }
        guard let properties = feature["properties"], properties.members != nil else {
            problem(feature["properties"] ?? feature, "expected \"properties\": an object with zone_id, level and schools")
            return nil
        }
        var valid = true
        var id = ""
        if let value = properties["zone_id"] {
            if let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                id = text
            } else if let number = value.number, let whole = Int(exactly: number) {
                id = String(whole)
            } else {
                problem(value, "zone_id must be a non-empty string")
                valid = false
            }
            if valid, let why = Identifier.problem(id) {
                problem(value, "zone_id: \(why)")
                valid = false
            }
        } else {
            problem(properties, "missing zone_id")
            valid = false
        }
        var level = SchoolLevel.primary
        if let value = properties["level"], let text = value.string, let known = SchoolLevel(rawValue: text), SchoolLevel.zoned.contains(known) {
            level = known
        } else {
            problem(properties["level"] ?? properties, "level must be \"primary\" or \"junior\"")
            valid = false
        }
        var schools: [String] = []
        switch properties["schools"]?.kind {
        case let .string(text):
            schools = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case let .array(items):
            for item in items {
                if let text = item.string, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                    schools.append(text.trimmingCharacters(in: .whitespaces))
                } else {
                    problem(item, "a school id must be a non-empty string")
                    valid = false
                }
            }
        default:
            break
        }
        if schools.isEmpty && valid {
            problem(properties["schools"] ?? properties, "schools must list at least one school id (an array, or ids separated by ';')")
            valid = false
        }
        var name: String?
        if let value = properties["name"] {
            if let text = value.string { name = text } else if value.kind != .null {
                problem(value, "name must be a string")
            }
        }
        guard let polygons = readGeometry(feature["geometry"] ?? feature, zone: id) else { return nil }
        guard valid else { return nil }
        return ZoneMap.Zone(id: id, level: level, schools: schools, name: name, polygons: polygons, location: feature.location(in: file))
    }

    private mutating func readGeometry(_ geometry: JSONValue, zone: String) -> [[[GridPoint]]]? {
        guard geometry.members != nil else {
            problem(geometry, "expected \"geometry\": a Polygon or MultiPolygon object")
            return nil
        }
        guard let type = geometry["type"]?.string, type == "Polygon" || type == "MultiPolygon" else {
            problem(geometry["type"] ?? geometry, "geometry type must be \"Polygon\" or \"MultiPolygon\"")
            return nil
        }
        guard let coordinates = geometry["coordinates"], let parts = coordinates.elements else {
            problem(geometry["coordinates"] ?? geometry, "expected \"coordinates\": an array")
            return nil
        }
        if parts.isEmpty {
            problem(coordinates, "empty geometry: the zone has no polygon")
            return nil
        }
        let polygonValues = type == "Polygon" ? [coordinates] : parts
        var polygons: [[[GridPoint]]] = []
        var ok = true
        for polygonValue in polygonValues {
            guard let ringValues = polygonValue.elements else {
                problem(polygonValue, "expected a polygon: an array of rings")
                ok = false
                continue
            }
            if ringValues.isEmpty {
                problem(polygonValue, "empty polygon: it has no ring")
                ok = false
                continue
            }
            var rings: [[GridPoint]] = []
            for ringValue in ringValues {
                if let ring = readRing(ringValue) { rings.append(ring) } else { ok = false }
            }
            polygons.append(rings)
        }
        return ok ? polygons : nil
    }

    private mutating func readRing(_ ringValue: JSONValue) -> [GridPoint]? {
        guard let positions = ringValue.elements else {
            problem(ringValue, "expected a ring: an array of [longitude, latitude] positions")
            return nil
        }
        var points: [GridPoint] = []
        for position in positions {
            guard let pair = position.elements, pair.count >= 2, pair.count <= 3,
                  let lon = pair[0].number, let lat = pair[1].number,
                  pair.count == 2 || pair[2].number != nil else {
                problem(position, "expected a position: [longitude, latitude] as two numbers")
                return nil
            }
            guard (-180...180).contains(lon), (-90...90).contains(lat) else {
                problem(position, "position out of range: longitude must be within −180..180 and latitude within −90..90 (is the order [longitude, latitude]?)")
                return nil
            }
            points.append(GridPoint(longitude: lon, latitude: lat))
        }
        guard positions.count >= 4 else {
            problem(ringValue, "a ring needs at least 4 positions (the first repeated at the end), found \(positions.count)")
            return nil
        }
        guard points.first == points.last else {
            problem(ringValue, "the ring is not closed: its last position must repeat the first")
            return nil
        }
        points.removeLast()
        var ring: [GridPoint] = []
        for p in points where ring.last != p { ring.append(p) }
        if ring.count > 1, ring.first == ring.last { ring.removeLast() }
        guard ring.count >= 3 else {
            problem(ringValue, "the ring has fewer than 3 distinct positions")
            return nil
        }
        if let crossing = ZoneMapReader.selfIntersection(ring) {
            problem(ringValue, "the ring touches or crosses itself near \(crossing); draw it as a simple closed line")
            return nil
        }
        return ring
    }

    /// A vertex near where a ring (without repeated points) touches or crosses itself, or nil
    /// when it is simple. Adjacent edges may only share their common vertex; others nothing.
    /// Of all the faulty pairs of edges (i, j), i < j, the first in that order names the
    /// vertex: the vertex they share when they are adjacent, else the start of edge i.
    /// - Complexity: O(n) for a ring drawn like a real boundary: the pairs tested are those
    ///   whose edges share a cell of `SegmentBuckets`, not all n² of them.
    static func selfIntersection(_ ring: [GridPoint]) -> GridPoint? {
        let n = ring.count
        var first: (Int, Int)?
        func consider(_ i: Int, _ j: Int) {
            if let (fi, fj) = first, (fi, fj) <= (i, j) { return }
            if edgesMeetWrongly(ring, i, j) { first = (i, j) }
        }
        if n <= 2 * SegmentBuckets.crowded {
            for i in 0..<n { for j in (i + 1)..<n { consider(i, j) } }
        } else {
            let lo = ring.indices.map { min(ring[$0], ring[($0 + 1) % n]) }
            let hi = ring.indices.map { max(ring[$0], ring[($0 + 1) % n]) }
            SegmentBuckets.forEachCandidatePair(lo: lo, hi: hi, consider)
        }
        guard let (i, j) = first else { return nil }
        if j == i + 1 { return ring[j] }
        return ring[i]
    }

    /// Whether edges i < j of a ring (edge k runs from vertex k to vertex k + 1) share more
    /// than a simple ring allows: adjacent edges their common vertex only, others nothing.
    private static func edgesMeetWrongly(_ ring: [GridPoint], _ i: Int, _ j: Int) -> Bool {
        let n = ring.count
        let a = ring[i], b = ring[(i + 1) % n], c = ring[j], d = ring[(j + 1) % n]
        if max(c.x, d.x) < min(a.x, b.x) || min(c.x, d.x) > max(a.x, b.x) || max(c.y, d.y) < min(a.y, b.y) || min(c.y, d.y) > max(a.y, b.y) {
            return false
        }
        if j == i + 1 {
            return GridPoint.orientation(a, b, d) == 0 && (GridPoint.isOnSegment(d, a, b) || GridPoint.isOnSegment(a, c, d))
        }
        if i == 0 && j == n - 1 {
            return GridPoint.orientation(c, d, b) == 0 && (GridPoint.isOnSegment(b, c, d) || GridPoint.isOnSegment(c, a, b))
        }
        return GridPoint.segmentsIntersect(a, b, c, d)
    }
}
