#!/usr/bin/env bash
# make demo, in two parts.
#  1. A sector: the bundled demo sector (corpora/sector: five fictional public bodies with good,
#     partial and missing accessibility statements, charters, Irish pages, PDFs and DOCX) is
#     served by nginx on loopback, each body as http://ID.localhost:PORT/; `plainsight scan`
#     crawls and audits it into a store and `plainsight report` writes the sector report.
#  2. One site: `plainsight audit` of the bundled sample site (corpora/sites/ballykeeran), as a
#     webmaster would run it, with its text, JSON and HTML reports.
# Contacts only 127.0.0.1. nginx runs in the foreground for the scan and is stopped at the end.
#
# usage: scripts/demo.sh [BUILD_DIR]   (make demo installs what is missing and builds first)
set -uo pipefail
BUILD=${1:-build}
BIN="$BUILD/cli/plainsight"
OUT="$BUILD/demo"
SECTOR=corpora/sector
SITE=corpora/sites/ballykeeran

[ -x "$BIN" ] || { echo "demo: build plainsight first ($BIN)" >&2; exit 2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "demo: nginx missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
mkdir -p "$OUT"

WORK=$(mktemp -d /tmp/plainsight-demo.XXXXXX)
NGINX_PID=""
cleanup() {
  if [ -n "$NGINX_PID" ]; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---- Part 1: the sector -----------------------------------------------------------------
# A copy readable by nginx's workers (they drop to an unprivileged user when run as root).
cp -r "$SECTOR" "$WORK/sector"
chmod -R a+rX "$WORK"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed "s/@PORT@/$PORT/g" "$SECTOR/bodies.csv.in" > "$WORK/bodies.csv"

mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  types {
    text/html html; text/css css; text/plain txt; image/svg+xml svg; application/pdf pdf;
    application/vnd.openxmlformats-officedocument.wordprocessingml.document docx;
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/html text/css text/plain;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$PORT default_server;
    server_name _;
    return 404;
  }
  server {
    listen 127.0.0.1:$PORT;
    server_name ~^(?<body>[a-z0-9-]+)\.localhost\$;
    root $WORK/sector/\$body;
    index index.html;
    error_page 404 /404.html;
  }
}
CONF
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2> "$WORK/nginx/start.log" &
NGINX_PID=$!
FIRST=$(awk -F, 'NR == 2 { print $1; exit }' "$WORK/bodies.csv")
for _ in $(seq 100); do
  # Python rather than curl (not a dependency); the Host header picks the body, as a browser's would.
  python3 -c 'import http.client, sys
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=1)
c.request("GET", "/", headers={"Host": sys.argv[2]})
sys.exit(0 if c.getresponse().status == 200 else 1)' "$PORT" "$FIRST.localhost:$PORT" 2>/dev/null && break
  if ! kill -0 "$NGINX_PID" 2>/dev/null; then
    echo "demo: nginx did not start:" >&2
    cat "$WORK/nginx/start.log" "$WORK/nginx/error.log" >&2 2>/dev/null
    exit 2
  fi
  sleep 0.1
done

DB="$OUT/sector.db"
REPORT="$OUT/sector-report"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "== Part 1: a sector of $(($(wc -l < "$WORK/bodies.csv") - 1)) fictional public bodies, served on 127.0.0.1:$PORT"
echo "== plainsight scan bodies.csv --db $DB"
# Politeness off (our own server on loopback); robots.txt is still obeyed.
if ! "$BIN" scan "$WORK/bodies.csv" --db "$DB" --allow-private --delay-ms 0 --progress plain; then
  echo "demo: the scan failed" >&2
  exit 2
fi
"$BIN" scan --db "$DB" --status
echo
echo "== plainsight report --db $DB --out $REPORT"
rm -rf "$REPORT"
if ! "$BIN" report --db "$DB" --out "$REPORT"; then
  echo "demo: the report failed" >&2
  exit 2
fi
SECTOR_DONE="Sector report: $REPORT/index.html (open data beside it: bodies.csv, pages.csv,
findings.csv, report.json, datapackage.json, earl.jsonld); the store: $DB"
kill "$NGINX_PID" 2>/dev/null || true
wait "$NGINX_PID" 2>/dev/null || true
NGINX_PID=""

# ---- Part 2: one site -------------------------------------------------------------------
echo
echo "== Part 2: one site. plainsight audit $SITE (text, as in a terminal or CI log)"
"$BIN" audit "$SITE"
status=$?
"$BIN" audit "$SITE" --format json --out "$OUT/report.json"
"$BIN" audit "$SITE" --format html --out "$OUT/report.html"
echo
echo "Exit status $status (0 nothing failed, 1 something failed, 2 bad input)."
echo
echo "$SECTOR_DONE"
echo "Single-site reports: $OUT/report.html (for people) and $OUT/report.json (for tools)."
if [ "$status" -eq 2 ]; then
  exit 2
fi
exit 0
