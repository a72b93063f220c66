#!/usr/bin/env node
// Starts Firefox for Playwright's WebDriver BiDi support and sits between the two.
//
// Playwright 1.65 sends `emulation.setMediaFeaturesOverride` for every new browser context;
// Firefox ESR 153 (Debian) does not know that command yet and answers "unknown command",
// which fails `browser.newContext()`. This launcher runs Firefox with Playwright's arguments,
// announces a WebSocket proxy of its own instead of Firefox's BiDi endpoint, and turns
// Firefox's "unknown command" answer to those optional emulation commands into success
// (no emulation is then applied: the specs do not emulate media features). Everything else
// passes through unchanged; once Firefox implements the command, its real answer goes through.
//
//   FIREFOX_BIN  the Firefox to run (default /usr/bin/firefox-esr)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

// `ws` is in the workspace already (socket.io depends on it).
const { WebSocket, WebSocketServer } = createRequire(import.meta.url)('ws');

/** Commands whose absence only means "no emulation": an "unknown command" answer becomes success. */
const OPTIONAL_COMMANDS = new Set(['emulation.setMediaFeaturesOverride']);
const LISTENING = /^(.*WebDriver BiDi listening on )ws:\/\/([^/\s]+)(.*)$/;

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
let upstreamHost = null;

server.on('connection', (client, req) => {
  const upstream = new WebSocket(`ws://${upstreamHost}${req.url ?? ''}`, { perMessageDeflate: false });
  const pending = [];
  const optionalIds = new Set();
  const closeBoth = (code) => {
    const safe = typeof code === 'number' && code >= 1000 && code < 5000 && code !== 1005 && code !== 1006;
    for (const socket of [client, upstream]) {
      if (socket.readyState === WebSocket.OPEN) socket.close(safe ? code : 1000);
      else if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
    }
  };
  client.on('message', (data) => {
    const text = data.toString();
    try {
      const message = JSON.parse(text);
      if (OPTIONAL_COMMANDS.has(message.method)) optionalIds.add(message.id);
    } catch {
      // not JSON: Firefox will say so
    }
    if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
    else pending.push(text);
  });
  upstream.on('open', () => {
    for (const text of pending.splice(0)) upstream.send(text);
  });
  upstream.on('message', (data) => {
    let text = data.toString();
    if (optionalIds.size > 0) {
      try {
        const message = JSON.parse(text);
        if (optionalIds.delete(message.id) && message.type === 'error' && message.error === 'unknown command') {
          text = JSON.stringify({ type: 'success', id: message.id, result: {} });
        }
      } catch {
        // pass it on as it is
      }
    }
    if (client.readyState === WebSocket.OPEN) client.send(text);
  });
  client.on('close', closeBoth);
  upstream.on('close', closeBoth);
  client.on('error', () => closeBoth(1011));
  upstream.on('error', () => closeBoth(1011));
});

const firefox = spawn(process.env.FIREFOX_BIN || '/usr/bin/firefox-esr', process.argv.slice(2), {
  stdio: ['ignore', 'inherit', 'pipe'],
});
createInterface({ input: firefox.stderr }).on('line', (line) => {
  const match = LISTENING.exec(line);
  if (match) {
    upstreamHost = match[2];
    line = `${match[1]}ws://127.0.0.1:${server.address().port}${match[3]}`;
  }
  process.stderr.write(`${line}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => firefox.kill(signal));
firefox.on('error', (error) => {
  process.stderr.write(`[firefox-bidi-shim] could not start Firefox: ${error.message}\n`);
  process.exit(1);
});
firefox.on('exit', (code, signal) => {
  server.close();
  process.exit(code ?? (signal ? 1 : 0));
});
