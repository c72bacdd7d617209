"""Split ``./gendan test``'s pytest run over N processes of about equal time.

    python tests/split_suite.py N            N lines, each the pytest paths
                                             of one process
    python tests/split_suite.py --record XML...
                                             tests/durations.json from the
                                             JUnit XML files of a full run

The units are the test files of the modules (savepoint tests: any order,
any database copy) and ``tests/`` as one unit (its server and browser
tests commit, in the order of their files). Each unit weighs its time in
tests/durations.json, measured on a full run; a module file not measured
yet weighs its number of tests times the mean time of a measured module
test. The
heaviest unit goes first to the least loaded process (LPT). In each
process the module tests run before ``tests/``, so they see the freshly
upgraded database and ``tests/`` finds it as before.
"""
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DURATIONS = os.path.join(ROOT, "tests", "durations.json")
SERVER_TESTS = "tests"
TEST_DEF = re.compile(r"^\s*def test_", re.M)


def units():
    files = sorted(os.path.relpath(path, ROOT) for path in glob.glob(
        os.path.join(ROOT, "addons", "gendan_*", "tests", "test_*.py")))
    return files + [SERVER_TESTS]


def test_count(unit):
    paths = ([unit] if unit.endswith(".py") else
             glob.glob(os.path.join(ROOT, unit, "test_*.py")))
    count = 0
    for path in paths:
        with open(os.path.join(ROOT, path)) as source:
            count += len(TEST_DEF.findall(source.read()))
    return max(count, 1)


def weights(all_units):
    measured = {}
    if os.path.exists(DURATIONS):
        with open(DURATIONS) as source:
            measured = json.load(source)
    # the mean test of the module files (tests/' are slower: servers, browser)
    files = [unit for unit in all_units if unit != SERVER_TESTS]
    seconds = sum(measured.get(unit, {}).get("seconds", 0) for unit in files)
    tests = sum(measured.get(unit, {}).get("tests", 0) for unit in files)
    per_test = seconds / tests if tests else 2.0
    return {unit: measured[unit]["seconds"] if unit in measured
            else test_count(unit) * per_test for unit in all_units}


def split(count):
    all_units = units()
    weight = weights(all_units)
    loads = [[0.0, []] for _i in range(count)]
    for unit in sorted(all_units, key=lambda u: (-weight[u], u)):
        load = min(loads, key=lambda item: item[0])
        load[0] += weight[unit]
        load[1].append(unit)
    # module files in path order, tests/ (it commits) last
    return [(total, sorted(paths, key=lambda p: (p == SERVER_TESTS, p)))
            for total, paths in loads]


def record(xml_paths):
    """Per unit: total seconds (setup, call, teardown) and number of tests."""
    result = {}
    for xml_path in xml_paths:
        for case in ET.parse(xml_path).iter("testcase"):
            path = case.get("file") or ""
            unit = SERVER_TESTS if path.startswith(SERVER_TESTS + "/") else path
            if not unit:
                continue
            entry = result.setdefault(unit, {"seconds": 0.0, "tests": 0})
            entry["seconds"] += float(case.get("time") or 0)
            entry["tests"] += 1
    for entry in result.values():
        entry["seconds"] = round(entry["seconds"], 1)
    with open(DURATIONS, "w") as target:
        json.dump(result, target, indent=1, sort_keys=True)
        target.write("\n")


def main(argv):
    if argv[:1] == ["--record"]:
        record(argv[1:])
        return
    for total, paths in split(int(argv[0]) if argv else 2):
        sys.stderr.write("%5.0f s  %s\n" % (total, " ".join(paths)))
        print(" ".join(paths))


if __name__ == "__main__":
    main(sys.argv[1:])
