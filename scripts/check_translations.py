"""Fail when a user-facing string is not translated or a catalogue is not compiled.

Brücke is used in seven languages, and people who read little German rely on every label being
there in their language. Django silently falls back to the English msgid when a translation is
missing, so nobody notices in review. CI runs this script so that a new or changed string without
translations, a fuzzy entry, a broken placeholder or an uncompiled catalogue fails the build.

Steps: refresh the catalogues with makemessages, check every entry of every .po file, let msgfmt
check formats and headers, then compile and make sure each django.mo is at least as new as its .po.

Run from anywhere: .venv/bin/python scripts/check_translations.py
Standard library only; needs GNU gettext (msgfmt) on PATH.
"""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
LANGUAGES = ["de", "en", "uk", "ar", "fa", "ru", "tr"]
MAKEMESSAGES = [
    "makemessages",
    *(f"-l{lang}" for lang in LANGUAGES),
    "--ignore=.venv",
    "--ignore=node_modules",
    "--ignore=tests",
    "--ignore=staticfiles",
    "--no-obsolete",
]
COMPILEMESSAGES = ["compilemessages", "--ignore=.venv", "--ignore=node_modules"]


def run(args):
    """Run a command in the project directory; return (ok, combined output)."""
    result = subprocess.run(args, cwd=BASE_DIR, capture_output=True, text=True, check=False)  # noqa: S603 (fixed argv)
    return result.returncode == 0, (result.stdout + result.stderr).strip()


def manage(args):
    return run([sys.executable, "manage.py", *args])


def po_path(lang):
    return BASE_DIR / "locale" / lang / "LC_MESSAGES" / "django.po"


def parse_po(path):
    """Return the entries of a .po file as dicts: msgid, msgstrs (list), fuzzy (bool).

    Obsolete entries (#~) are ignored; msgctxt and msgid_plural are read but only msgid is kept.
    """
    entries, entry, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if line.startswith("#~"):
            continue
        starts_entry = line.startswith(("#", "msgctxt", "msgid ")) and (entry is None or "msgstrs" in entry)
        if not line or starts_entry:
            if entry and "msgstrs" in entry:
                entries.append(entry)
                entry = None
            if not line:
                continue
        if entry is None:
            entry = {"msgid": "", "fuzzy": False}
        if line.startswith("#,"):
            entry["fuzzy"] |= "fuzzy" in line[2:].replace(" ", "").split(",")
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            text = ast.literal_eval(line)
            if field == "msgid":
                entry["msgid"] += text
            elif field == "msgstr":
                entry["msgstrs"][-1] += text
        else:
            keyword, _, value = line.partition(" ")
            text = ast.literal_eval(value)
            if keyword == "msgid":
                field, entry["msgid"] = "msgid", text
            elif keyword.startswith("msgstr"):
                field = "msgstr"
                entry.setdefault("msgstrs", []).append(text)
            else:  # msgctxt, msgid_plural
                field = None
    return entries


def check_catalogue(lang):
    """Return (number of messages, list of problems) for one language."""
    path = po_path(lang)
    if not path.exists():
        return 0, [f"{path.relative_to(BASE_DIR)} is missing"]
    entries = [entry for entry in parse_po(path) if entry["msgid"]]  # skip the header entry
    problems = []
    for entry in entries:
        if entry["fuzzy"]:
            problems.append(f"fuzzy: {entry['msgid']!r}")
        if not all(entry["msgstrs"]):
            problems.append(f"untranslated: {entry['msgid']!r}")
    return len(entries), problems


def main():
    failed = False

    ok, output = manage(MAKEMESSAGES)
    if not ok:
        print(f"makemessages failed:\n{output}")
        return 1

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        print("msgfmt not found: install GNU gettext")
        return 1

    for lang in LANGUAGES:
        count, problems = check_catalogue(lang)
        for problem in problems:
            print(f"{lang}: {problem}")
        ok, output = run([msgfmt, "--check-format", "--check-header", "-o", "/dev/null", str(po_path(lang))])
        if not ok:
            problems.append("msgfmt")
            print(f"{lang}: msgfmt --check-format --check-header failed:\n{output}")
        failed |= bool(problems)
        print(f"{lang}: {count} messages, " + (f"{len(problems)} problem(s)" if problems else "all translated"))

    ok, output = manage(COMPILEMESSAGES)
    if not ok:
        print(f"compilemessages failed:\n{output}")
        return 1
    for lang in LANGUAGES:
        po, mo = po_path(lang), po_path(lang).with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            failed = True
            print(f"{lang}: {mo.relative_to(BASE_DIR)} is missing or older than django.po")

    print("Translations FAILED" if failed else "Translations OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
