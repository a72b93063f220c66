#!/usr/bin/env bash
# Installs ECHO Hub on a fresh Debian 12 or Ubuntu 24.04 server with a domain name pointing at it:
# Caddy (automatic HTTPS), PostgreSQL, Redis, coturn and ffmpeg from the distribution, Node.js 20, the hub
# built from this checkout, its configuration (deploy/render.mjs) and systemd units, then starts everything.
# Run again to upgrade after `git pull`: secrets and the database are kept.
#
#   sudo deploy/install.sh --domain echo.example.org --email admin@example.org [--public-ip IP] [--instances N]
set -euo pipefail

app_dir=$(cd "$(dirname "$0")/.." && pwd)
conf_dir=/etc/echo-hub
data_dir=/var/lib/echo-hub
cache_dir=/var/cache/echo-hub
domain='' email='' public_ip='' instances=1

usage() {
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case $1 in
    --domain) domain=${2:-}; shift 2 ;;
    --email) email=${2:-}; shift 2 ;;
    --public-ip) public_ip=${2:-}; shift 2 ;;
    --instances) instances=${2:-}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "unknown option: $1" >&2; usage ;;
  esac
done
step() { printf '\n[install] %s\n' "$*"; }
fail() { printf '[install] %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (sudo $0 ...)"
if [ -z "$domain" ] || [ -z "$email" ]; then usage; fi
. /etc/os-release
case "$ID:${VERSION_ID:-}" in
  debian:12 | debian:13 | ubuntu:24.04 | ubuntu:24.10 | ubuntu:25.04) ;;
  *) fail "Debian 12 or Ubuntu 24.04 expected (their caddy and coturn packages), found $PRETTY_NAME" ;;
esac
# The service user must be able to read the checkout: keep it somewhere like /opt/echo-hub.
case $app_dir in /root/* | /home/*) fail "move the checkout out of $app_dir (e.g. to /opt/echo-hub): the service cannot read home directories" ;; esac
own_ip=$(ip -4 route get 1.1.1.1 | sed -n 's/.* src \([0-9.]*\).*/\1/p')
if [ -z "$public_ip" ]; then
  public_ip=$own_ip
  echo "[install] public address: $public_ip (the address of the default route; pass --public-ip if browsers reach another)"
fi
# Behind 1:1 NAT (most clouds) coturn must know both addresses.
nat=()
[ "$own_ip" != "$public_ip" ] && nat=(--private-ip "$own_ip")

step "Debian packages: caddy postgresql redis-server coturn ffmpeg"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends ca-certificates curl gnupg git iproute2 \
  caddy postgresql redis-server coturn ffmpeg

# Node.js 20 or newer: Debian 12 and Ubuntu 24.04 ship 18, so it comes from NodeSource's signed repository.
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  step "Node.js 20 from deb.nodesource.com"
  install -d -m 755 /etc/apt/keyrings
  curl -fsSL https://deb.nodesource.com/gpgkey/nodesource-repo.gpg.key | gpg --dearmor --yes -o /etc/apt/keyrings/nodesource.gpg
  echo "deb [signed-by=/etc/apt/keyrings/nodesource.gpg] https://deb.nodesource.com/node_20.x nodistro main" \
    >/etc/apt/sources.list.d/nodesource.list
  apt-get update
  apt-get install -y nodejs
fi

step "user echo-hub, $data_dir"
id echo-hub >/dev/null 2>&1 || useradd --system --home-dir "$data_dir" --shell /usr/sbin/nologin echo-hub
install -d -o echo-hub -g echo-hub -m 750 "$data_dir"

step "building the hub (the mediasoup worker is built once into $cache_dir)"
export XDG_CACHE_HOME=$cache_dir
(cd "$app_dir" && node scripts/setup.mjs)
worker_bin=$(cd "$app_dir" && node -e 'import("./scripts/worker-path.mjs").then((m) => console.log(m.workerBinPath()))')

step "configuration in $conf_dir"
install -d -m 750 -g echo-hub "$conf_dir"
rendered=$(node "$app_dir/deploy/render.mjs" --domain "$domain" --email "$email" --public-ip "$public_ip" \
  --instances "$instances" --workers "$(nproc)" --app-dir "$app_dir" --conf-dir "$conf_dir" \
  --data-dir "$data_dir" --worker-bin "$worker_bin" --node "$(command -v node)" "${nat[@]}" --out "$conf_dir")
echo "$rendered"
chgrp echo-hub "$conf_dir"/*.env
install -m 644 "$conf_dir/Caddyfile" /etc/caddy/Caddyfile
install -m 640 -g turnserver "$conf_dir/turnserver.conf" /etc/turnserver.conf
install -m 644 "$conf_dir"/echo-hub@.service "$conf_dir"/echo-hub-turn-cert.service "$conf_dir"/echo-hub-turn-cert.timer \
  /etc/systemd/system/

step "PostgreSQL database echo_hub"
db_password=$(sed -n 's#^DATABASE_URL=postgres://echo_hub:\([^@]*\)@.*#\1#p' "$conf_dir/echo-hub.env")
systemctl enable --now postgresql
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -v password="$db_password" -f - <"$app_dir/deploy/database.sql"

step "Redis, Caddy"
systemctl enable --now redis-server
systemctl enable caddy
systemctl restart caddy

step "hub instances 1-$instances"
systemctl daemon-reload
# The first instance runs the migrations; the others start once it answers.
for n in $(seq 1 "$instances"); do
  systemctl enable "echo-hub@$n"
  systemctl restart "echo-hub@$n"
  port=$(sed -n 's/^PORT=//p' "$conf_dir/instance-$n.env")
  for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break; sleep 2; done
  curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null || fail "echo-hub@$n did not start: journalctl -u echo-hub@$n"
done

step "coturn with Caddy's certificate for $domain"
# Caddy asks Let's Encrypt for the certificate on start; give it a minute before coturn needs it.
for _ in $(seq 1 30); do "$app_dir/deploy/turn-cert.sh" "$domain" /etc/coturn/certs 2>/dev/null && break; sleep 2; done
"$app_dir/deploy/turn-cert.sh" "$domain" /etc/coturn/certs ||
  echo "[install] coturn starts without TLS for now; echo-hub-turn-cert.timer copies the certificate once Caddy has it"
systemctl enable --now echo-hub-turn-cert.timer
systemctl enable coturn
systemctl restart coturn

step "done: https://$domain"
echo "$rendered" | sed -n '/^open these ports/,$p'
echo "The first account to sign up at https://$domain becomes the instance admin."
