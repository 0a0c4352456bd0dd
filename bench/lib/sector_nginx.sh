# Sourced by the scan and fleet benches: serves a generated sector (bench/scan/make_sector.cpp)
# with nginx on 127.0.0.1, one virtual host per body (root DIR/<host>).
#
#   start_sector_nginx DIR PORT WORKDIR   sets NGINX_PID; waits until b0001.localhost answers
#   stop_sector_nginx
NGINX_PID=""

start_sector_nginx() {
  local root=$1 port=$2 work=$3
  local nginx
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  [ -x "$nginx" ] || { echo "nginx missing (scripts/install-deps.sh)" >&2; return 2; }
  mkdir -p "$work"
  cat > "$work/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  types { text/html html; text/css css; text/plain txt; application/pdf pdf; }
  default_type text/html;
  sendfile on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  server {
    listen 127.0.0.1:$port;
    server_name _;
    root $root/\$host;
    index index.html;
  }
}
CONF
  "$nginx" -c "$work/nginx.conf" -p "$work" &
  NGINX_PID=$!
  for _ in $(seq 100); do
    curl -sf -o /dev/null "http://b0001.localhost:$port/" && return 0
    sleep 0.1
  done
  echo "nginx did not answer on port $port" >&2
  return 1
}

stop_sector_nginx() {
  if [ -n "$NGINX_PID" ]; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=""
  fi
}
