#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs every Debian package the project needs that is missing. Idempotent and quiet when
# everything is present, so `make run` and `make test` can call it every time.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config clang clang-format libclang-rt-14-dev
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev
  qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libqt6sql6-psql librdkafka-dev libgl-dev
  libqscintilla2-qt6-dev libyaml-cpp-dev libyaml-dev nlohmann-json3-dev qtkeychain-qt6-dev
  libgtest-dev libbenchmark-dev libgit2-dev
  python3 python3-venv
  xvfb xauth imagemagick fonts-dejavu-core dbus-x11 gnome-keyring libsecret-tools
  wrk nginx-light hyperfine
  openjdk-17-jdk-headless maven postgresql
  help2man lintian desktop-file-utils appstream
)
packages+=(${UIS_EXTRA_DEB_PACKAGES:-})

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "deps: installing ${missing[*]}"
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
