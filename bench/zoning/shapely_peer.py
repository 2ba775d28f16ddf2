"""Peer for `enroll-bench zoning`: the same zones and homes through shapely 2.x
(STRtree over prepared polygons, then vectorised contains_xy on the candidate pairs).

usage: shapely_peer.py DIR [RUNS]   (DIR holds zones.geojson and homes.csv)
Prints the median build and locate times (wall clock and CPU) and how many homes fell
in a zone."""
import json
import statistics
import sys
import time

import numpy as np
import shapely


def load(folder):
    with open(f"{folder}/zones.geojson", encoding="utf-8") as f:
        features = json.load(f)["features"]
    polygons = []
    for feature in features:
        rings = feature["geometry"]["coordinates"]
        polygons.append(shapely.Polygon(rings[0], rings[1:]))
    homes = np.loadtxt(f"{folder}/homes.csv", delimiter=",", skiprows=1)
    return np.array(polygons, dtype=object), homes[:, 0].copy(), homes[:, 1].copy()


def build(polygons):
    shapely.prepare(polygons)
    tree = shapely.STRtree(polygons)
    tree.query(shapely.points([0.0], [0.0]))  # GEOS builds the tree lazily, on the first query
    return tree


def locate(tree, polygons, x, y):
    points = shapely.points(x, y)
    home_index, zone_index = tree.query(points)  # bounding-box candidates
    inside = shapely.contains_xy(polygons[zone_index], x[home_index], y[home_index])
    zone = np.full(len(x), -1, dtype=np.int64)
    zone[home_index[inside]] = zone_index[inside]
    return zone


def main():
    folder = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    polygons, x, y = load(folder)
    build_times, locate_times, build_cpu, locate_cpu = [], [], [], []
    for _ in range(runs):
        fresh = np.array([shapely.Polygon(p) for p in polygons], dtype=object)
        start, cpu = time.perf_counter(), time.process_time()
        tree = build(fresh)
        build_times.append(time.perf_counter() - start)
        build_cpu.append(time.process_time() - cpu)
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        zone = locate(tree, fresh, x, y)
        locate_times.append(time.perf_counter() - start)
        locate_cpu.append(time.process_time() - cpu)
    zoned = int((zone >= 0).sum())
    build_ms = round(statistics.median(build_times) * 1000)
    locate_ms = round(statistics.median(locate_times) * 1000)
    print(f"shapely {shapely.__version__}: build {build_ms} ms, locate {locate_ms} ms (median of {runs}), zoned {zoned}")
    build_cpu_ms = round(statistics.median(build_cpu) * 1000)
    locate_cpu_ms = round(statistics.median(locate_cpu) * 1000)
    print(f"RESULT shapely zones={len(polygons)} build_ms={build_ms} locate_ms={locate_ms} zoned={zoned} "
          f"build_cpu_ms={build_cpu_ms} locate_cpu_ms={locate_cpu_ms}")


main()
