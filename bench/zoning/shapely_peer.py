"""Peer for `enroll-bench zoning`: the same zones and homes through shapely 2.x
(STRtree over prepared polygons, then vectorised contains_xy on the candidate pairs).

usage: shapely_peer.py DIR [RUNS]
DIR holds zones.geojson (or case/zones.geojson) and homes.csv. Prints the median build and
locate times (wall clock and CPU), peak memory, and how many homes fell in a zone; writes
DIR/shapely-hits.txt: per home the zone_id when exactly one zone contains it, `-` for none
and `*` for several (contains_xy leaves out points on a boundary)."""
import json
import os
import resource
import statistics
import sys
import time

import numpy as np
import shapely


def load(folder):
    path = f"{folder}/zones.geojson"
    if not os.path.exists(path):
        path = f"{folder}/case/zones.geojson"
    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    polygons = [shapely.geometry.shape(feature["geometry"]) for feature in features]
    ids = [str(feature["properties"]["zone_id"]) for feature in features]
    homes = np.loadtxt(f"{folder}/homes.csv", delimiter=",", skiprows=1)
    return np.array(polygons, dtype=object), ids, homes[:, 0].copy(), homes[:, 1].copy()


def build(polygons):
    shapely.prepare(polygons)
    tree = shapely.STRtree(polygons)
    tree.query(shapely.points([0.0], [0.0]))  # GEOS builds the tree lazily, on the first query
    return tree


def locate(tree, polygons, x, y):
    """Per home: the index of the zone containing it, -1 for none, -2 for several."""
    points = shapely.points(x, y)
    home_index, zone_index = tree.query(points)  # bounding-box candidates
    inside = shapely.contains_xy(polygons[zone_index], x[home_index], y[home_index])
    count = np.bincount(home_index[inside], minlength=len(x))
    zone = np.full(len(x), -1, dtype=np.int64)
    zone[home_index[inside]] = zone_index[inside]
    zone[count > 1] = -2
    return zone


def main():
    folder = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    polygons, ids, x, y = load(folder)
    build_times, locate_times, build_cpu, locate_cpu = [], [], [], []
    for _ in range(runs):
        fresh = shapely.from_wkb(shapely.to_wkb(polygons))
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
    with open(f"{folder}/shapely-hits.txt", "w", encoding="utf-8") as f:
        f.writelines((ids[z] if z >= 0 else ("-" if z == -1 else "*")) + "\n" for z in zone)
    build_ms = round(statistics.median(build_times) * 1000)
    locate_ms = round(statistics.median(locate_times) * 1000)
    peak_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(f"shapely {shapely.__version__}: build {build_ms} ms, locate {locate_ms} ms (median of {runs}), "
          f"zoned {zoned} (in exactly one zone), {int((zone == -2).sum())} in several; peak memory {peak_mb} MB")
    build_cpu_ms = round(statistics.median(build_cpu) * 1000)
    locate_cpu_ms = round(statistics.median(locate_cpu) * 1000)
    print(f"RESULT shapely zones={len(polygons)} build_ms={build_ms} locate_ms={locate_ms} zoned={zoned} "
          f"build_cpu_ms={build_cpu_ms} locate_cpu_ms={locate_cpu_ms}")


main()
