#!/bin/sh
# Copies the certificate Caddy obtained for DOMAIN (and its key) to DIR for coturn, and restarts coturn when
# the copy changed. Usage: turn-cert.sh DOMAIN DIR [CADDY_DATA_DIR]
set -eu
domain=$1
dir=$2
caddy_data=${3:-/var/lib/caddy/.local/share/caddy}
crt=$(find "$caddy_data/certificates" -name "$domain.crt" -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -1 | cut -d' ' -f2-)
if [ -z "$crt" ]; then
  echo "no certificate for $domain under $caddy_data/certificates yet (does DNS point here and port 80/443 reach Caddy?)" >&2
  exit 1
fi
key=${crt%.crt}.key
mkdir -p "$dir"
if cmp -s "$crt" "$dir/turn.crt" && cmp -s "$key" "$dir/turn.key"; then exit 0; fi
install -m 644 "$crt" "$dir/turn.crt"
install -m 640 -g turnserver "$key" "$dir/turn.key"
echo "copied $crt for coturn"
if command -v systemctl >/dev/null && systemctl is-active --quiet coturn; then systemctl restart coturn; fi
