#!/usr/bin/env bash
# Crawler bench (issue 4): pages per second on loopback with politeness off, crawl and link
# extraction only, against `wget --recursive` on the same generated site served by the same
# nginx in the same run; then the crawler's peak memory (GNU time) on that crawl.
#
# usage: bench/crawler/run_bench.sh BUILD_DIR [PAGES=100000] [CONNECTIONS=8]
# Needs nginx, wget and GNU time (scripts/install-deps.sh installs them). Contacts only
# 127.0.0.1. nginx runs in the foreground (daemon off) and is stopped by its pid at the end.
set -euo pipefail

BUILD_DIR=${1:?usage: run_bench.sh BUILD_DIR [PAGES] [CONNECTIONS]}
PAGES=${2:-100000}
CONNECTIONS=${3:-8}
TOOL="$BUILD_DIR/cli/plainsight"
HERE="$(cd "$(dirname "$0")" && pwd)"
[ -x "$TOOL" ] || { echo "build plainsight first ($TOOL)" >&2; exit 2; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx missing" >&2; exit 2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/plainsight-crawl-bench.XXXXXX)
SITE="$WORK/site"
NGINX_PID=""
cleanup() {
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "generating $PAGES pages..."
python3 "$HERE/gen_site.py" "$PAGES" "$SITE"
chmod -R a+rX "$WORK"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$WORK/nginx"
# Debian's stock nginx.conf settings where they matter (worker_processes auto, sendfile);
# access logging off so that disk writes do not dominate.
cat > "$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  default_type text/html;
  sendfile on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server { listen 127.0.0.1:$PORT; root $SITE; }
}
CONF
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
for _ in $(seq 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/index.html" && break
  sleep 0.1
done
URL="http://127.0.0.1:$PORT/index.html"

now() { date +%s.%N; }

echo "wget --recursive..."
mkdir -p "$WORK/wget"
t0=$(now)
wget --recursive --level=inf --no-parent --quiet --delete-after -e robots=on \
  --directory-prefix="$WORK/wget" "$URL" || true
t1=$(now)
# Every page plus /index.html and robots.txt (404) were requested; count the pages.
WGET_PAGES=$((PAGES + 1))

echo "plainsight crawl..."
/usr/bin/time -v -o "$WORK/time.txt" "$TOOL" crawl "$URL" --allow-private --delay-ms 0 \
  --per-host "$CONNECTIONS" --concurrency "$CONNECTIONS" --max-pages $((PAGES * 2)) \
  --max-depth 1000 --no-sitemaps --quiet --progress none > "$WORK/crawl.txt"
OURS_PAGES=$(sed -n 's/^total: \([0-9]*\) fetched.*/\1/p' "$WORK/crawl.txt")
OURS_SECONDS=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt" \
  | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
PEAK_KB=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")

python3 - "$WGET_PAGES" "$t0" "$t1" "$OURS_PAGES" "$OURS_SECONDS" "$PEAK_KB" <<'PY'
import sys
wp, t0, t1, op, os_, kb = sys.argv[1:]
wget_s = float(t1) - float(t0)
wget_rate = int(wp) / wget_s
ours_rate = int(op) / float(os_)
print(f"wget --recursive : {wp} pages in {wget_s:.2f} s = {wget_rate:.0f} pages/s")
print(f"plainsight crawl : {op} pages in {float(os_):.2f} s = {ours_rate:.0f} pages/s")
print(f"ratio            : {ours_rate / wget_rate:.2f}x (target >= 1.5x)")
print(f"peak memory      : {int(kb) / 1024:.1f} MB (target < 200 MB)")
PY
