# SPDX-License-Identifier: Apache-2.0
"""The Debian package the packaging tests check, built with CPack from the
build tree (debpackage.py: once per `make test`, else once per pytest run) and unpacked with
dpkg-deb, and the helpers they share."""

import os
import shutil
import subprocess
from pathlib import Path

import debpackage
import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get("UIS_BUILD_DIR", REPO / "build"))
TOOLS = ["cpack", "dpkg-deb", "lintian", "desktop-file-validate", "appstreamcli"]


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


@pytest.fixture(scope="session")
def package(tmp_path_factory):
    """(the .deb, the -dbgsym .ddeb) that `cpack -G DEB` makes from the build tree: the one the
    ctest fixture made (UIS_PACKAGE_DIR), else one made here."""
    missing = [t for t in TOOLS if not shutil.which(t)]
    assert not missing, f"missing tools (scripts/deps.sh installs them): {missing}"
    given = os.environ.get("UIS_PACKAGE_DIR")
    if given:
        return debpackage.made(Path(given))
    return debpackage.build(BUILD, tmp_path_factory.mktemp("cpack"))


@pytest.fixture(scope="session")
def root(package, tmp_path_factory):
    """The package's files, unpacked as dpkg would install them."""
    dest = tmp_path_factory.mktemp("root")
    unpacked = run(["dpkg-deb", "-x", str(package[0]), str(dest)])
    assert unpacked.returncode == 0, unpacked.stderr
    return dest


def field(deb: Path, name: str) -> str:
    out = run(["dpkg-deb", "--field", str(deb), name])
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def upstream_version(deb: Path) -> str:
    return field(deb, "Version").split("-")[0]


# Variables that would lead an unpacked program back to the checkout's engines or runners.
CHECKOUT_VARS = ("PYTHONPATH", "VIRTUAL_ENV", "SPARK_HOME", "FLINK_HOME", "PYSPARK_PYTHON")


def headless_env(home=None) -> dict:
    """The environment with no display and no pointer back into a checkout: no UIS_* variable,
    none whose value is inside the checkout (or its .venv and .cache, which may be links), and
    no PATH entry there."""
    inside = {str(REPO), str(REPO.resolve())}
    inside |= {str((REPO / d).resolve()) for d in (".venv", ".cache") if (REPO / d).exists()}

    def points_in(value: str) -> bool:
        return any(c in value for c in inside)

    env = {}
    for k, v in os.environ.items():
        if k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM") or k in CHECKOUT_VARS:
            continue
        if k.startswith("UIS_"):
            continue
        if k == "PATH":
            v = os.pathsep.join(p for p in v.split(os.pathsep) if p and not points_in(p))
        elif points_in(v):
            continue
        env[k] = v
    if home:
        env["HOME"] = str(home)
    return env
