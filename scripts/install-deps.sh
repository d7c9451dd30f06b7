#!/usr/bin/env bash
# Installs the Debian packages byline builds and tests with, when they are missing.
# As root it runs apt-get; otherwise through sudo when there is one; otherwise it says what to install.
set -euo pipefail

packages=(
  libncursesw5-dev libcmark-gfm-dev libcmark-gfm-extensions-dev  # the C libraries byline links
  libxml2-dev pkg-config                                         # libxml2's HTML parser; pkg-config finds its headers
  libsqlite3-dev                                                 # SQLite with FTS5, for the persistent index (GRDB)
  util-linux                                                     # setpriv, for the unprivileged-user test
  tmux                                                           # the terminal the end-to-end tests drive
  openssh-server openssh-client                                  # a real sshd on loopback for the SSH end-to-end tests and the visitors bench
  sqlite3                                                        # reads the visitors' state files in the SSH end-to-end tests
  python3                                                        # drives byline in a pty of its own (fuzz/pty_fuzz.py)
)

# `--bench` adds the peers the benchmarks compare against.
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(lowdown python3 newsboat fzf w3m)
fi
# `--screenshots` adds what turns terminal screens into PNG files.
if [[ "${1:-}" == "--screenshots" ]]; then
  packages+=(python3-pyte chromium fonts-dejavu-core fonts-noto-color-emoji fonts-wqy-microhei)
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ! command -v swift >/dev/null 2>&1; then
  echo "install-deps: the Swift toolchain is not on PATH (https://www.swift.org/install/linux/)" >&2
  exit 1
fi

[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "install-deps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: please install: ${missing[*]} (apt-get install ${missing[*]})" >&2
  exit 1
fi
