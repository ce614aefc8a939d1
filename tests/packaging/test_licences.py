# SPDX-License-Identifier: Apache-2.0
"""The licence facts the README states, checked against the built programs: every library a
program links (readelf's NEEDED entries, resolved by ldd, owned by a Debian package per dpkg)
is listed in packaging/THIRD-PARTY-NOTICES.md with its licence; that licence is one the
package's own Debian copyright file names; and a program that links a GPL library (no LGPL,
no "or", no exception) is named with that library under GPL-3 in the README's Licences
section."""

import os
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("UIS_BIN_DIR", REPO / "build" / "bin"))
PROGRAMS = ["uis-studio", "uisctl", "dcp-local"]
NOTICES = REPO / "packaging" / "THIRD-PARTY-NOTICES.md"


def notice_rows() -> dict:
    """Debian package → (library, licence, linked by) from the notice's first table."""
    rows = {}
    for line in NOTICES.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", cells[0]):
            rows[cells[0]] = tuple(cells[1:])
    return rows


def is_gpl_only(licence: str) -> bool:
    """GPL with no LGPL alternative and no linking exception binds the program that links it."""
    low = licence.lower()
    return "gpl" in low and " or " not in low and "exception" not in low and "lgpl" not in low


@cache
def needed(program: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(program)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out.stdout)


@cache
def resolved(program: Path) -> dict:
    """soname → path, as the dynamic loader finds them."""
    out = subprocess.run(["ldd", str(program)], capture_output=True, text=True)
    found = {}
    for line in out.stdout.splitlines():
        m = re.match(r"\s*(\S+) => (/\S+)", line)
        if m:
            found[m.group(1)] = m.group(2)
    return found


@cache
def package_of(path: str) -> str:
    real = os.path.realpath(path)
    for p in (path, real, real.replace("/usr/lib/", "/lib/", 1)):
        out = subprocess.run(["dpkg", "-S", p], capture_output=True, text=True)
        if out.returncode == 0:
            return out.stdout.split(":", 1)[0].strip()
    raise AssertionError(f"no Debian package owns {path}")


def licences_section() -> str:
    text = (REPO / "README.md").read_text()
    m = re.search(r"^## Licences\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert m, "README.md has no '## Licences' section"
    return m.group(1)


def programs():
    found = [BIN / p for p in PROGRAMS if (BIN / p).exists()]
    if not found:
        pytest.skip(f"no built programs in {BIN}")
    return found


@pytest.mark.parametrize("name", PROGRAMS)
def test_every_linked_library_is_listed_with_its_licence(name):
    program = BIN / name
    if not program.exists():
        pytest.skip(f"{program} is not built")
    rows = notice_rows()
    paths = resolved(program)
    unlisted = []
    for soname in needed(program):
        assert soname in paths, f"{name}: ldd does not resolve {soname}"
        pkg = package_of(paths[soname])
        if pkg not in rows:
            unlisted.append(f"{soname} ({pkg})")
            continue
        licence = rows[pkg][1]
        copyright_file = Path("/usr/share/doc") / pkg / "copyright"
        if copyright_file.exists():
            # The first word of the stated licence (GPL-3, LGPL-3, MIT, BSD-3-Clause …) must be
            # one the package's own copyright file names, so the notice cannot mislabel it.
            first = re.split(r"[ ,]", licence)[0].lower()
            stated = copyright_file.read_text(errors="replace").lower()
            aliases = {"mit": ("mit", "expat", "x11"), "bsd-3-clause": ("bsd-3", "bsd3")}
            assert any(a in stated for a in aliases.get(first, (first,))), (
                f"{pkg}: the notice says {licence!r}, its copyright file names no {first}"
            )
    assert not unlisted, (
        f"{name} links libraries missing from {NOTICES.name}: {', '.join(unlisted)}; "
        "add each with its licence"
    )


def test_gpl_libraries_are_named_in_the_readme():
    rows = notice_rows()
    section = licences_section()
    missing = []
    for program in programs():
        paths = resolved(program)
        for soname in needed(program):
            pkg = package_of(paths[soname])
            if pkg in rows and is_gpl_only(rows[pkg][1]):
                library = rows[pkg][0].split(" (")[0]
                said = [
                    line
                    for line in section.splitlines()
                    if program.name in line and "GPL-3" in line and library in line
                ]
                if not said:
                    missing.append(f"{program.name} links {library} ({rows[pkg][1]})")
    assert not missing, "the README's Licences section does not say: " + "; ".join(missing)


def test_the_rule_catches_gpl():
    """The check itself: the classification that decides what the README must name."""
    assert is_gpl_only("GPL-3")
    assert is_gpl_only("GPL-2+")
    assert not is_gpl_only("LGPL-3 or GPL-2")
    assert not is_gpl_only("GPL-2 with linking exception")
    assert not is_gpl_only("MIT")
