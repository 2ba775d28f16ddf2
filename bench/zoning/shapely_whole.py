"""The whole job of `enroll zone`, done with shapely 2.x as a user would script it: the peer that
`enroll zone` (a whole command) is compared with in bench/zoning/run.sh.

usage: shapely_whole.py CASE OUT
Reads CASE/zones.geojson and CASE/primary-applicants.csv (student_id and the home's lon, lat);
checks every zone polygon (valid by GEOS's rules, as `enroll validate` checks rings and
self-crossings) and every pair of zones for an overlap of positive area (as `enroll validate`
refuses overlaps); builds the STRtree over the prepared polygons; locates every home (the zone
containing it, none, or several); marks the homes within near_boundary_metres (policy.json,
default 20) of their zone's boundary (metres taken as degrees × 111,320, × cos(latitude) along
x, at the zone's centre); writes OUT: student_id,zone_id,near_boundary. Prints the counts; exits 1 on an invalid or
overlapping zone."""
import csv
import json
import math
import sys

import numpy as np
import shapely


def main():
    case, out = sys.argv[1], sys.argv[2]
    with open(f"{case}/zones.geojson", encoding="utf-8") as f:
        features = json.load(f)["features"]
    ids = [str(feature["properties"]["zone_id"]) for feature in features]
    polygons = shapely.from_geojson([json.dumps(feature["geometry"]) for feature in features])
    try:
        with open(f"{case}/policy.json", encoding="utf-8") as f:
            near_metres = float(json.load(f).get("near_boundary_metres", 20))
    except FileNotFoundError:
        near_metres = 20.0

    invalid = [ids[k] for k in np.flatnonzero(~shapely.is_valid(polygons))]
    if invalid:
        print(f"invalid zones: {', '.join(invalid[:10])}")
        sys.exit(1)
    shapely.prepare(polygons)
    tree = shapely.STRtree(polygons)
    left, right = tree.query(polygons, predicate="intersects")
    pairs = left < right
    left, right = left[pairs], right[pairs]
    overlap = shapely.area(shapely.intersection(polygons[left], polygons[right])) > 0
    if overlap.any():
        print(f"overlapping zones: {ids[left[overlap][0]]} and {ids[right[overlap][0]]}")
        sys.exit(1)

    students, xs, ys = [], [], []
    with open(f"{case}/primary-applicants.csv", encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            students.append(row["student_id"])
            xs.append(float(row["lon"]))
            ys.append(float(row["lat"]))
    x, y = np.array(xs), np.array(ys)
    points = shapely.points(x, y)
    home, candidate = tree.query(points)
    inside = shapely.contains_xy(polygons[candidate], x[home], y[home])
    count = np.bincount(home[inside], minlength=len(x))
    zone = np.full(len(x), -1, dtype=np.int64)
    zone[home[inside]] = candidate[inside]
    zone[count > 1] = -2

    # Near a boundary: each zone drawn in its own local scale (x × cos of its centre's latitude),
    # the homes in it likewise, then one distance test per home.
    near = np.zeros(len(x), dtype=bool)
    placed = np.flatnonzero(zone >= 0)
    centre_lat = shapely.get_y(shapely.centroid(polygons))
    scale = np.cos(np.radians(centre_lat))
    boundaries = shapely.boundary(polygons)
    scaled = np.array([shapely.transform(b, lambda c, s=s: c * np.array([s, 1.0])) for b, s in zip(boundaries, scale)], dtype=object)
    shapely.prepare(scaled)
    local = shapely.points(x[placed] * scale[zone[placed]], y[placed])
    near[placed] = shapely.dwithin(scaled[zone[placed]], local, near_metres / 111_320)

    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["student_id", "zone_id", "near_boundary"])
        for k, student in enumerate(students):
            z = zone[k]
            writer.writerow([student, ids[z] if z >= 0 else "", "true" if near[k] else "false"])
    print(f"shapely {shapely.__version__}: {len(polygons)} zones, {len(students)} homes: "
          f"{int((zone >= 0).sum())} in one zone, {int((zone == -2).sum())} in several, "
          f"{int(near.sum())} near a boundary")


if __name__ == "__main__":
    main()
