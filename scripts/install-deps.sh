#!/usr/bin/env bash
# Installs the Debian 12 packages plainsight needs to build, test and run its demo. chromium,
# nodejs and npm run the browser tests of `plainsight serve` (tests/browser, which installs its
# pinned npm packages itself).
# Idempotent: installs only what is missing; uses sudo when not root.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config python3 clang libclang-rt-14-dev clang-format clang-tidy
  libgumbo-dev libxml2-dev libicu-dev libcurl4-openssl-dev libre2-dev
  libhunspell-dev hunspell-en-gb myspell-ga libhyphen-dev hyphen-en-gb
  libsqlite3-dev libpq-dev libtomlplusplus-dev libarchive-dev libpsl-dev libcld2-dev libbrotli-dev zlib1g-dev
  nlohmann-json3-dev libcpp-httplib-dev catch2
  libpoppler-cpp-dev libqpdf-dev
  libgoogle-perftools-dev
  diction wget nginx time python3-jsonschema python3-rdflib
  postgresql python3-yaml python3-kubernetes yamllint
  chromium
)
# Node.js and npm from Debian only when the machine has none: a Node.js installed another way
# (its own package bundles npm) conflicts with Debian's npm package.
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "install-deps: missing packages (${missing[*]}) and not root, and no sudo to install them." >&2
    exit 2
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
