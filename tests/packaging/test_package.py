# SPDX-License-Identifier: Apache-2.0
"""The Debian package as a user gets it: built with CPack from the build tree into a temporary
folder, checked by the Debian tools themselves (lintian, desktop-file-validate, appstreamcli),
then unpacked with dpkg-deb into a temporary root whose programs must run with no display and
no checkout around them."""

import gzip
import os
import re

from conftest import field, headless_env, run, upstream_version
from test_licences import PROGRAMS, is_gpl_only, needed, notice_rows, package_of, resolved


def test_lintian_finds_no_error_and_no_warning_left_unexplained(package):
    """Every warning that stays is overridden in packaging/debian/lintian-overrides, with why."""
    out = run(
        [
            "lintian",
            "--fail-on",
            "error,warning",
            "--no-tag-display-limit",
            str(package[0]),
            str(package[1]),
        ]
    )
    print(out.stdout, out.stderr)
    tags = [line for line in out.stdout.splitlines() if re.match(r"[EW]: ", line)]
    assert out.returncode == 0 and not tags, "lintian:\n" + out.stdout + out.stderr


def test_binaries_are_stripped_and_their_symbols_are_in_dbgsym(package, root):
    listed = run(["dpkg-deb", "-c", str(package[1])]).stdout
    for name in PROGRAMS:
        program = root / "usr/bin" / name
        assert program.exists(), f"{name} is not in the package"
        sections = run(["readelf", "-S", "-W", str(program)]).stdout
        assert ".debug_info" not in sections, f"{name} is not stripped"
        build_id = re.search(
            r"Build ID: ([0-9a-f]{2})([0-9a-f]+)", run(["readelf", "-n", str(program)]).stdout
        )
        assert build_id, f"{name} has no build id"
        debug = f"usr/lib/debug/.build-id/{build_id.group(1)}/{build_id.group(2)}.debug"
        assert debug in listed, f"{name}'s debug symbols ({debug}) are not in {package[1].name}"


def test_depends_on_every_linked_library_and_recommends_the_engines_runtimes(package, root):
    depends = {d.strip().split(" ")[0] for d in re.split(r"[,|]", field(package[0], "Depends"))}
    for name in PROGRAMS:
        program = root / "usr/bin" / name
        paths = resolved(program)
        for soname in needed(program):
            pkg = package_of(paths[soname])
            assert pkg in depends, f"{name} links {soname} of {pkg}, which Depends does not name"
    recommends = field(package[0], "Recommends")
    assert "python3" in recommends.split(", ")
    assert "default-jre-headless | openjdk-17-jre-headless" in recommends.split(", ")


def test_copyright_is_dep5_and_names_each_gpl_program(root):
    """The programs a GPL-only library binds (as test_licences finds them from the built
    binaries) are exactly those the copyright file gives under the GPL-3."""
    text = (root / "usr/share/doc/uis-studio/copyright").read_text()
    assert text.startswith(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    )
    stanzas = [s for s in text.split("\n\n") if s.startswith("Files:")]
    gpl_files = {
        f for s in stanzas if "\nLicense: GPL-3" in s for f in s.split("\n")[0].split()[1:]
    }
    rows = notice_rows()
    bound = set()
    for name in PROGRAMS:
        program = root / "usr/bin" / name
        paths = resolved(program)
        if any(is_gpl_only(rows.get(package_of(paths[s]), ("", ""))[1]) for s in needed(program)):
            bound.add(f"usr/bin/{name}")
    assert gpl_files == bound, (
        f"copyright gives {sorted(gpl_files)} under GPL-3, the binaries {sorted(bound)}"
    )


def test_changelog_is_for_the_packaged_version(package, root):
    with gzip.open(root / "usr/share/doc/uis-studio/changelog.Debian.gz", "rt") as f:
        top = f.readline()
    assert top.startswith(f"uis-studio ({field(package[0], 'Version')})"), top


def test_manual_pages_come_from_each_programs_help(package, root):
    for name in PROGRAMS:
        page = root / "usr/share/man/man1" / f"{name}.1.gz"
        assert page.exists(), f"no manual page for {name}"
        with gzip.open(page, "rt") as f:
            text = f.read().replace("\\-", "-")
        assert upstream_version(package[0]) in text, f"{name}.1 is not made from this version"
        helped = run([str(root / "usr/bin" / name), "--help"], env=headless_env()).stdout
        options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", helped))
        assert options, f"{name} --help names no option"
        for option in options:
            assert option in text, f"{name}.1 does not document {option}"


def test_desktop_file_and_metainfo_validate(package, root):
    desktop = list((root / "usr/share/applications").glob("*.desktop"))
    assert desktop, "no desktop file"
    for path in desktop:
        out = run(["desktop-file-validate", str(path)])
        assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr
    metainfo = list((root / "usr/share/metainfo").glob("*.metainfo.xml"))
    assert metainfo, "no AppStream metainfo"
    for path in metainfo:
        out = run(["appstreamcli", "validate", "--no-net", str(path)])
        assert out.returncode == 0, out.stdout + out.stderr
        newest = re.search(r'<release version="([^"]+)"', path.read_text())
        assert newest and newest.group(1) == upstream_version(package[0]), (
            "metainfo's newest release"
        )


def test_scripts_keep_their_run_bit(root):
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(2) == b"#!":
                    assert os.access(path, os.X_OK), f"{path.relative_to(root)} lost its run bit"


def test_unpacked_programs_answer_with_no_display_and_no_checkout(package, root, tmp_path):
    env = headless_env(tmp_path)
    version = upstream_version(package[0])
    for name, arg in (
        ("uis-studio", "--version"),
        ("uisctl", "--version"),
        ("dcp-local", "--help"),
    ):
        out = run([str(root / "usr/bin" / name), arg], cwd=tmp_path, env=env, timeout=60)
        assert out.returncode == 0, f"{name} {arg}: {out.stdout}{out.stderr}"
        if arg == "--version":
            assert out.stdout.startswith(f"{name} {version}"), out.stdout
        else:
            assert "--listen" in out.stdout, out.stdout
