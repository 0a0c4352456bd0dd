#!/usr/bin/env bash
# End-to-end tests of `plainsight serve` in a real headless browser (issue 14 item 7): Debian's
# chromium driven by puppeteer-core, pages checked with axe-core, both from npm (never a
# downloaded browser). Run by ctest as browser:serve_end_to_end.
# usage: run.sh PLAINSIGHT_BINARY FIXTURE_BINARY SAMPLE.docx
# Exit 77 (ctest: skipped) only when node or chromium is not installed; scripts/install-deps.sh
# installs both.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
chromium=${PLAINSIGHT_CHROMIUM:-/usr/bin/chromium}
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "SKIPPED: node and npm are not installed (run scripts/install-deps.sh)"
  exit 77
fi
if [ ! -x "$chromium" ]; then
  echo "SKIPPED: $chromium is not installed (run scripts/install-deps.sh)"
  exit 77
fi
# The npm packages, exactly as package-lock.json pins them, when not installed yet.
if [ ! -f "$here/node_modules/puppeteer-core/package.json" ] ||
  [ ! -f "$here/node_modules/axe-core/axe.min.js" ]; then
  echo "installing puppeteer-core and axe-core (npm ci)"
  (cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
exec node "$here/serve_e2e.js" "$@" "$chromium"
