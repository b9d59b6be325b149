#!/bin/sh
# Deployment test: builds the real site for a sub-path, serves it with nginx (Debian package) from a configuration
# in a temporary folder on 127.0.0.1, and fetches every file of the manifest and every link of every page.
set -eu
cd "$(dirname "$0")/.."
command -v nginx >/dev/null 2>&1 || GONGKAI_EXTRA_PACKAGES="nginx" sh scripts/install-deps.sh
BIN="${GONGKAI_BIN:-.build/debug/gongkai}"
[ -x "$BIN" ] || swift build --product gongkai
TMP=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT/fzzfjs/"
"$BIN" build --base-url "$BASE" --output "$TMP/site" >/dev/null
chmod -R a+rX "$TMP"
mkdir -p "$TMP/logs"
sed -e "s#/var/www/fzzfjs/#$TMP/site/#" deploy/nginx-subpath.conf > "$TMP/location.conf"
cat > "$TMP/nginx.conf" <<CONF
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/logs/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $TMP/body; proxy_temp_path $TMP/proxy; fastcgi_temp_path $TMP/fastcgi;
    uwsgi_temp_path $TMP/uwsgi; scgi_temp_path $TMP/scgi;
    server {
        listen 127.0.0.1:$PORT;
        include $TMP/location.conf;
    }
}
CONF
nginx -c "$TMP/nginx.conf" -p "$TMP"
trap 'kill "$(cat "$TMP/nginx.pid")" 2>/dev/null || true; rm -rf "$TMP"' EXIT
python3 scripts/nginx_check.py "$BASE" "$TMP/site/manifest.json"
