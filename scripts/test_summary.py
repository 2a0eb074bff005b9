#!/usr/bin/env python3
"""Prints "N passed, N failed" from meson's test logs of the given build
directories (one JSON object per test) and exits non-zero when any failed.
A build directory without a log counts as one failure: its tests never ran.
Skipped tests are reported on a line of their own, before the summary."""
import json
import os
import sys

passed = failed = skipped = 0
for directory in sys.argv[1:]:
    log = os.path.join(directory, "meson-logs", "testlog.json")
    if not os.path.exists(log):
        failed += 1
        continue
    with open(log, encoding="utf-8") as lines:
        for line in lines:
            result = json.loads(line).get("result")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
if skipped:
    print(f"{skipped} skipped")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
