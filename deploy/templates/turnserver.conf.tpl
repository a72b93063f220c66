# coturn for ECHO Hub at {{DOMAIN}}. Written by deploy/render.mjs from deploy/templates/turnserver.conf.tpl:
# change the template (or the render options) and render again rather than editing this file.

realm={{DOMAIN}}
server-name={{DOMAIN}}
{{LISTENING_IPS}}
# TURN over UDP and TCP, and over TLS for networks that pass only HTTPS-like traffic.
listening-port={{TURN_PORT}}
tls-listening-port={{TURN_TLS_PORT}}
cert={{TURN_CERT}}
pkey={{TURN_KEY}}
no-tlsv1
no-tlsv1_1
no-dtls
# Relayed media uses this UDP range: open it in the firewall.
min-port={{RELAY_MIN_PORT}}
max-port={{RELAY_MAX_PORT}}
{{EXTERNAL_IP}}

# Ephemeral credentials (TURN REST): the hub hands out HMAC-SHA1 passwords made with this secret (TURN_SECRET).
use-auth-secret
static-auth-secret={{TURN_SECRET}}
fingerprint
stale-nonce=600

# Quotas: allocations per user (a participant needs a few) and in all; bytes per second per allocation.
user-quota={{USER_QUOTA}}
total-quota={{TOTAL_QUOTA}}
max-bps={{MAX_BPS}}

# The relay reaches the hub's media address and public addresses only, never this network's private ranges.
no-multicast-peers
{{LOOPBACK}}
denied-peer-ip=0.0.0.0-0.255.255.255
denied-peer-ip=10.0.0.0-10.255.255.255
denied-peer-ip=100.64.0.0-100.127.255.255
denied-peer-ip=127.0.0.0-127.255.255.255
denied-peer-ip=169.254.0.0-169.254.255.255
denied-peer-ip=172.16.0.0-172.31.255.255
denied-peer-ip=192.0.0.0-192.0.0.255
denied-peer-ip=192.0.2.0-192.0.2.255
denied-peer-ip=192.88.99.0-192.88.99.255
denied-peer-ip=192.168.0.0-192.168.255.255
denied-peer-ip=198.18.0.0-198.19.255.255
denied-peer-ip=198.51.100.0-198.51.100.255
denied-peer-ip=203.0.113.0-203.0.113.255
denied-peer-ip=224.0.0.0-255.255.255.255
denied-peer-ip=::1
denied-peer-ip=64:ff9b::-64:ff9b::ffff:ffff
denied-peer-ip=::ffff:0.0.0.0-::ffff:255.255.255.255
denied-peer-ip=100::-100::ffff:ffff:ffff:ffff
denied-peer-ip=2001::-2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff
denied-peer-ip=2002::-2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff
denied-peer-ip=fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff
denied-peer-ip=fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff
allowed-peer-ip={{MEDIA_IP}}

no-cli
no-software-attribute
simple-log
log-file={{LOG_FILE}}
