# SPDX-License-Identifier: Apache-2.0
"""The Debian package of a build tree, made by `cpack -G DEB`: once per `make test` by the ctest
fixture `packaging_build` (`debpackage.py BUILD_DIR OUT_DIR`, tests/packaging/CMakeLists.txt),
which both packaging tests then read (UIS_PACKAGE_DIR), instead of a minute of cpack each; or
by the conftest's `package` fixture when a test runs alone."""

import shutil
import subprocess
import sys
from pathlib import Path


def made(out: Path) -> tuple:
    """(the .deb, the -dbgsym .ddeb) in `out`; AssertionError unless exactly one of each."""
    debs, ddebs = list(out.glob("*.deb")), list(out.glob("*-dbgsym*.ddeb"))
    assert len(debs) == 1 and len(ddebs) == 1, f"cpack made {sorted(p.name for p in out.iterdir())}"
    return debs[0], ddebs[0]


def build(build_dir: Path, out: Path) -> tuple:
    """Makes the package of `build_dir` into an emptied `out`."""
    assert (build_dir / "CPackConfig.cmake").exists(), f"{build_dir} is not a configured build tree"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    cmd = ["cpack", "-G", "DEB", "--config", str(build_dir / "CPackConfig.cmake"), "-B", str(out)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr
    return made(out)


if __name__ == "__main__":
    deb, ddeb = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{deb}\n{ddeb}")
