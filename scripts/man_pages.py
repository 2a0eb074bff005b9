#!/usr/bin/env python3
"""Keeps tui/man/ as `htx help --man` writes it.

Usage: man_pages.py check|write HTX MAN_DIR

The manual pages are made from htx's own tables (options, commands, lists),
so they are written by htx itself: htx.1 in Vietnamese, htx.en.1 in English.
"write" rewrites them; "check" exits 1, naming the page, when a table has
changed and the page was not written again.
"""
import os
import subprocess
import sys

PAGES = {"htx.1": "vi", "htx.en.1": "en"}


def written(htx, lang):
    env = {k: v for k, v in os.environ.items() if k not in ("HTX_LANG", "HTX_DB")}
    return subprocess.run([htx, "--lang", lang, "help", "--man"], check=True, capture_output=True,
                          env=env).stdout


def main():
    mode, htx, man_dir = sys.argv[1:4]
    stale = []
    for page, lang in PAGES.items():
        path = os.path.join(man_dir, page)
        text = written(htx, lang)
        if mode == "write":
            with open(path, "wb") as f:
                f.write(text)
            continue
        try:
            with open(path, "rb") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            stale.append(path)
    for path in stale:
        print(f"{path} is out of date: run scripts/man_pages.py write build/tui/htx tui/man")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
