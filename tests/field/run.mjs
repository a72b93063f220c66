#!/usr/bin/env node
// Field tests: real network conditions in network namespaces this script makes, loopback
// addresses only (127.20.0.0/24 on a veth pair). The hub side (hub, coturn, the delay relay, the
// facilitator's Chromium and the Playwright runner) is one namespace; the spoke's Chromium runs in another
// whose firewall passes only TCP to port 443 of the hub side, like a hospital network.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const has = (cmd, ...args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const missing = [
  process.getuid?.() !== 0 && 'root (network namespaces)',
  !has('ip', '-V') && 'iproute2',
  !has('iptables', '-V') && 'iptables',
  !has('turnserver', '--version') && 'coturn',
].filter(Boolean);
if (missing.length) {
  // Setup installs the packages; without root there are no namespaces: say so plainly.
  console.log(`[field] skipped: needs ${missing.join(', ')} (node scripts/setup.mjs --test as root installs them)`);
  process.exit(process.env.CI ? 1 : 0);
}

const id = process.pid;
const hub = `echohub-field-hub-${id}`;
const spoke = `echohub-field-spoke-${id}`;
const net = { hubIp: '127.20.0.1', turnIp: '127.20.0.3', relayIp: '127.20.0.4', spokeIp: '127.20.0.2' };
const run = (...argv) => {
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`[field] failed: ${argv.join(' ')}`);
};
const inNs = (ns, ...argv) => run('ip', 'netns', 'exec', ns, ...argv);

let status = 1;
try {
  run('ip', 'netns', 'add', hub);
  run('ip', 'netns', 'add', spoke);
  run('ip', 'link', 'add', 'fh0', 'netns', hub, 'type', 'veth', 'peer', 'name', 'fs0', 'netns', spoke);
  for (const [ns, dev, addrs] of [
    [hub, 'fh0', [net.hubIp, net.turnIp, net.relayIp]],
    [spoke, 'fs0', [net.spokeIp]],
  ]) {
    inNs(ns, 'ip', 'link', 'set', 'lo', 'up');
    // 127.x on an interface other than lo: the kernel routes it only with route_localnet.
    inNs(ns, 'sysctl', '-qw', 'net.ipv4.conf.all.route_localnet=1', `net.ipv4.conf.${dev}.route_localnet=1`);
    for (const a of addrs) inNs(ns, 'ip', 'addr', 'add', `${a}/24`, 'dev', dev);
    inNs(ns, 'ip', 'link', 'set', dev, 'up');
  }
  // The clinic's firewall: its own loopback, answers to what it opened, and TCP to port 443 of the hub side.
  const fw = (...rule) => inNs(spoke, 'iptables', ...rule);
  fw('-P', 'OUTPUT', 'DROP');
  fw('-A', 'OUTPUT', '-o', 'lo', '-j', 'ACCEPT');
  fw('-A', 'OUTPUT', '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT');
  fw('-A', 'OUTPUT', '-p', 'tcp', '-d', '127.20.0.0/24', '--dport', '443', '-j', 'ACCEPT');
  fw('-P', 'INPUT', 'DROP');
  fw('-A', 'INPUT', '-i', 'lo', '-j', 'ACCEPT');
  fw('-A', 'INPUT', '-m', 'conntrack', '--ctstate', 'ESTABLISHED,RELATED', '-j', 'ACCEPT');
  console.log(
    `[field] namespaces ${hub} (hub ${net.hubIp}, TURN ${net.turnIp}, delay relay ${net.relayIp}) and ${spoke} (${net.spokeIp}, TCP 443 only)`,
  );
  status =
    spawnSync(
      'ip',
      ['netns', 'exec', hub, 'npx', 'playwright', 'test', '--config', 'playwright.config.ts', ...process.argv.slice(2)],
      {
        cwd: here,
        stdio: 'inherit',
        env: {
          ...process.env,
          FIELD_SPOKE_NS: spoke,
          FIELD_HUB_IP: net.hubIp,
          FIELD_TURN_IP: net.turnIp,
          FIELD_RELAY_IP: net.relayIp,
        },
      },
    ).status ?? 1;
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
} finally {
  spawnSync('ip', ['netns', 'del', spoke], { stdio: 'inherit' });
  spawnSync('ip', ['netns', 'del', hub], { stdio: 'inherit' });
}
process.exit(status);
