#!/usr/bin/env node
// ECHO Hub setup: system packages, the mediasoup worker, npm dependencies, builds.
// Plain Node with no dependencies, so it runs before `npm ci`. Every step skips
// work already done; a failing step names itself and what to install.
//
//   node scripts/setup.mjs            everything needed to run the hub
//   node scripts/setup.mjs --test     also what the tests need (Chromium, Firefox ESR)
//   node scripts/setup.mjs --no-build skip the web/server build
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mediasoupVersion, workerBinPath, cacheRoot } from './worker-path.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const forTests = args.has('--test');

// Debian packages: the worker links against these at build and run time.
const WORKER_PACKAGES = [
  'g++',
  'make',
  'python3',
  'python3-pip',
  'pkg-config',
  'ninja-build',
  'libssl-dev',
  'libuv1-dev',
  // libsrtp2 is built from Debian's source package with OpenSSL (ensureSrtp): dpkg-source unpacks it
  'dpkg-dev',
  'libusrsctp-dev',
  'libabsl-dev',
  'nlohmann-json3-dev',
  'catch2',
];
const RUNTIME_PACKAGES = [
  'ffmpeg',
  // Uploads: metadata read and removed (ExifTool, qpdf); text of PDFs and images read (poppler, Tesseract).
  'libimage-exiftool-perl',
  'qpdf',
  'poppler-utils',
  'tesseract-ocr',
  'tesseract-ocr-eng',
  // Automatic captions (CAPTIONS_ENGINE=pocketsphinx): the offline engine and the English model it ships.
  'pocketsphinx',
  'pocketsphinx-en-us',
];
const TEST_PACKAGES = [
  // Speech generated for the captions engine's tests, the word error rate bench and the fake microphones of the
  // e2e and field tests (tests/field/speech.ts).
  'espeak-ng',
  'chromium',
  'iproute2',
  'fonts-dejavu-core',
  // the integration specs' PostgreSQL pass and its scale-out suite (two instances)
  'postgresql',
  'redis-server',
  // the field tests (a firewalled clinic reaching the hub through TURN)
  'coturn',
  'iptables',
  // deploy/: the tests run the generated configuration with these (systemd for systemd-analyze only)
  'caddy',
  'openssl',
  'systemd',
  // a person's data export is a zip: the tests open it with unzip/zipinfo
  'unzip',
];
// Installed with the others when we can; without it the Firefox e2e project is skipped.
const OPTIONAL_TEST_PACKAGES = ['firefox-esr'];

class StepError extends Error {
  constructor(step, message, hint) {
    super(message);
    this.step = step;
    this.hint = hint;
  }
}

const log = (msg) => console.log(`[setup] ${msg}`);

function run(step, cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', ...opts });
  if (r.error || r.status !== 0) {
    throw new StepError(
      step,
      `\`${cmd} ${argv.join(' ')}\` failed${r.error ? `: ${r.error.message}` : ` (exit ${r.status})`}`,
      opts.hint,
    );
  }
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

// --- 1. system packages ------------------------------------------------------
function missingDebianPackages(pkgs) {
  return pkgs.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureSystemPackages(needWorkerBuild) {
  const step = 'system packages';
  if (!has('dpkg-query')) {
    log(
      `not a Debian/Ubuntu system: make sure these (or their equivalents) are installed: ${[...WORKER_PACKAGES, ...RUNTIME_PACKAGES].join(' ')}`,
    );
    return;
  }
  const wanted = [...(needWorkerBuild ? WORKER_PACKAGES : []), ...RUNTIME_PACKAGES, ...(forTests ? TEST_PACKAGES : [])];
  const missing = missingDebianPackages(wanted);
  const optional = forTests ? missingDebianPackages(OPTIONAL_TEST_PACKAGES) : [];
  if (missing.length === 0 && optional.length === 0) {
    log('system packages: all present');
    return;
  }
  const hint = `install them yourself: sudo apt-get install -y ${missing.join(' ')}`;
  const skipOptional = (why) =>
    log(`${optional.join(' ')} not installed (${why}): the Firefox e2e tests will be skipped`);
  let prefix;
  if (process.getuid?.() === 0) prefix = [];
  else if (has('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) prefix = ['sudo', '-n'];
  else if (missing.length === 0) return skipOptional('not root, no password-less sudo');
  else
    throw new StepError(step, `missing Debian packages: ${missing.join(' ')} (not root, no password-less sudo)`, hint);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptArgv = (argv) => (prefix.length ? [prefix[0], [...prefix.slice(1), 'apt-get', ...argv]] : ['apt-get', argv]);
  const apt = (argv) => run(step, ...aptArgv(argv), { env, hint });
  if (missing.length) {
    log(`installing Debian packages: ${missing.join(' ')}`);
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', ...missing]);
  }
  if (optional.length) {
    // A failure here only skips the Firefox tests.
    log(`installing Debian packages: ${optional.join(' ')}`);
    const tryApt = (argv) => spawnSync(...aptArgv(argv), { stdio: 'inherit', env }).status === 0;
    const installed =
      (missing.length > 0 || tryApt(['update'])) && tryApt(['install', '-y', '--no-install-recommends', ...optional]);
    if (!installed) skipOptional('apt-get install failed');
  }
}

// --- 2. meson (>= 1.1; Debian 12 ships 1.0.1) ----------------------------------
function mesonCommand() {
  const step = 'meson';
  const ok = (argv, env) => {
    const r = spawnSync(argv[0], [...argv.slice(1), '--version'], { encoding: 'utf8', env });
    if (r.status !== 0) return false;
    const [maj, min] = r.stdout.trim().split('.').map(Number);
    return maj > 1 || (maj === 1 && min >= 1);
  };
  if (has('meson') && ok(['meson'])) return { argv: ['meson'], env: process.env };
  const target = join(cacheRoot(), 'tools', 'meson');
  const env = { ...process.env, PYTHONPATH: target };
  const argv = ['python3', join(target, 'bin', 'meson')];
  if (existsSync(argv[1]) && ok(argv, env)) return { argv, env };
  log(`installing meson >= 1.1 with pip into ${target}`);
  run(
    step,
    'python3',
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--retries',
      '1',
      '--timeout',
      '10',
      '--upgrade',
      '--target',
      target,
      'meson>=1.1',
    ],
    {
      hint: 'install meson 1.1 or newer (pip install meson) and put it on PATH',
    },
  );
  if (!ok(argv, env)) throw new StepError(step, 'meson installed but does not run', 'pip install meson');
  return { argv, env };
}

// --- 3. the mediasoup worker ---------------------------------------------------
// Each wrap in worker/subprojects names a directory; meson uses an existing
// directory instead of downloading. These small projects declare Debian's
// libraries under the names mediasoup's meson.build asks for.
// mediasoup passes default_options to some subprojects; they must be declared.
const SUBPROJECT_OPTIONS = {
  'libuv-v1.44.2': ['build_tests', 'build_benchmarks'],
  'libsrtp-2.5.0': ['crypto-library', 'crypto-library-kdf', 'tests'],
  'usrsctp-4e06feb01cadcd127d119486b98a4bd3d64aa1e7': ['sctp_build_programs'],
};

function subprojectFiles() {
  const shim = (name) =>
    `static_library('${name}_shim', configure_file(output: '${name}_shim.c', configuration: {'N': '${name}'}, input: 'shim.c.in'))`;
  return {
    'openssl-3.0.8': `project('openssl', 'c')
crypto = dependency('libcrypto')
ssl = dependency('libssl')
openssl_dep = declare_dependency(dependencies: [ssl, crypto])
libcrypto_lib = ${shim('libcrypto')}
libssl_lib = ${shim('libssl')}
`,
    'nlohmann_json-3.10.5': `project('nlohmann_json', 'c')
nlohmann_json_dep = dependency('nlohmann_json')
`,
    'libuv-v1.44.2': `project('libuv', 'c')
libuv_dep = dependency('libuv')
libuv = ${shim('libuv')}
`,
    'libsrtp-2.5.0': `project('libsrtp2', 'c')
srtp = dependency('libsrtp2', static: true)
libsrtp2_dep = declare_dependency(dependencies: srtp, compile_args: ['-I' + srtp.get_variable(pkgconfig: 'includedir') / 'srtp2'])
libsrtp2 = ${shim('libsrtp2')}
`,
    'usrsctp-4e06feb01cadcd127d119486b98a4bd3d64aa1e7': `project('usrsctp', 'c')
usrsctp_dep = dependency('usrsctp')
usrsctp = ${shim('usrsctp')}
`,
    'abseil-cpp-20220623.0': `project('abseil-cpp', 'c', 'cpp')
absl_container_dep = declare_dependency(dependencies: [
  dependency('absl_flat_hash_map'), dependency('absl_flat_hash_set'), dependency('absl_btree'),
  dependency('absl_inlined_vector'), dependency('absl_memory'),
])
absl_strings_dep = dependency('absl_strings')
absl_types_dep = dependency('absl_optional')
absl_container_lib = ${shim('absl_container')}
`,
    'Catch2-2.13.7': `project('catch2', 'c')
catch2_dep = dependency('catch2', required: false)
`,
  };
}

function prepareWorkerSource(step) {
  const installed = join(root, 'node_modules', 'mediasoup');
  const pkgFile = join(installed, 'package.json');
  if (existsSync(pkgFile) && JSON.parse(readFileSync(pkgFile, 'utf8')).version === mediasoupVersion()) {
    return join(installed, 'worker');
  }
  const dir = mkdtempSync(join(tmpdir(), 'echo-hub-mediasoup-'));
  log(`fetching mediasoup ${mediasoupVersion()} sources from the npm registry`);
  const out = execFileSync('npm', ['pack', `mediasoup@${mediasoupVersion()}`, '--silent', '--pack-destination', dir], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  run(step, 'tar', ['xzf', join(dir, out), '-C', dir]);
  return join(dir, 'package', 'worker');
}

function ninjaWithProgress(step, argv, env) {
  // ninja prints "[n/N] ..." per edge; show a compact running percentage.
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = [];
    let last = -1;
    const onData = (buf) => {
      for (const line of buf.toString().split('\n')) {
        if (!line) continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
        const m = /^\[(\d+)\/(\d+)\]/.exec(line);
        if (m) {
          const pct = Math.floor((100 * Number(m[1])) / Number(m[2]));
          if (pct !== last && (pct % 5 === 0 || Number(m[1]) === Number(m[2]))) {
            last = pct;
            log(`building mediasoup-worker: ${pct}% (${m[1]}/${m[2]})`);
          }
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => reject(new StepError(step, e.message)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        console.error(tail.join('\n'));
        reject(
          new StepError(
            step,
            `ninja failed (exit ${code})`,
            `the lines above show the compiler error; check that these Debian packages are installed: ${WORKER_PACKAGES.join(' ')}`,
          ),
        );
      }
    });
  });
}

async function ensureWorker() {
  const step = 'mediasoup worker';
  if (process.env.MEDIASOUP_WORKER_BIN) {
    if (!existsSync(process.env.MEDIASOUP_WORKER_BIN))
      throw new StepError(
        step,
        `MEDIASOUP_WORKER_BIN=${process.env.MEDIASOUP_WORKER_BIN} does not exist`,
        'unset it to let setup build the worker',
      );
    log(`mediasoup worker: using MEDIASOUP_WORKER_BIN=${process.env.MEDIASOUP_WORKER_BIN}`);
    return process.env.MEDIASOUP_WORKER_BIN;
  }
  const bin = workerBinPath();
  if (existsSync(bin)) {
    log(`mediasoup worker ${mediasoupVersion()}: cached at ${bin}`);
    return bin;
  }
  const srtp = ensureSrtp();
  const meson = mesonCommand();
  meson.env = {
    ...meson.env,
    PKG_CONFIG_PATH: [join(srtp, 'lib', 'pkgconfig'), meson.env.PKG_CONFIG_PATH].filter(Boolean).join(':'),
  };
  const src = prepareWorkerSource(step);
  const work = join(cacheRoot(), `mediasoup-build-${mediasoupVersion()}-srtp-openssl`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  run(step, 'cp', ['-r', src, join(work, 'worker')]);
  const sub = join(work, 'worker', 'subprojects');
  for (const [name, body] of Object.entries(subprojectFiles())) {
    mkdirSync(join(sub, name), { recursive: true });
    writeFileSync(join(sub, name, 'meson.build'), body);
    writeFileSync(join(sub, name, 'shim.c.in'), 'int echo_hub_@N@_shim = 0;\n');
    const options = (SUBPROJECT_OPTIONS[name] ?? []).map((o) => `option('${o}', type: 'string', value: '')\n`);
    if (options.length) writeFileSync(join(sub, name, 'meson_options.txt'), options.join(''));
  }
  const build = join(work, 'build');
  log(`configuring mediasoup-worker ${mediasoupVersion()} against the system libraries (meson)`);
  run(
    step,
    meson.argv[0],
    [
      ...meson.argv.slice(1),
      'setup',
      '--wrap-mode=nodownload',
      '--buildtype=release',
      '-Db_ndebug=true',
      '-Db_pie=true',
      '-Db_staticpic=true',
      build,
      join(work, 'worker'),
    ],
    {
      env: meson.env,
      stdio: ['ignore', 'inherit', 'inherit'],
      hint: `check that these Debian packages are installed: ${WORKER_PACKAGES.join(' ')}`,
    },
  );
  log('compiling mediasoup-worker (about 5 minutes on 2 cores)');
  await ninjaWithProgress(step, ['ninja', '-C', build, 'mediasoup-worker'], meson.env);
  mkdirSync(dirname(bin), { recursive: true });
  copyFileSync(join(build, 'mediasoup-worker'), `${bin}.tmp`);
  chmodSync(`${bin}.tmp`, 0o755);
  run(step, 'mv', [`${bin}.tmp`, bin]);
  rmSync(work, { recursive: true, force: true });
  log(`mediasoup worker built: ${bin}`);
  return bin;
}

// --- 3a. libsrtp2 built with OpenSSL --------------------------------------------
// Debian's libsrtp2 does AES with NSS: libsrtp's own `srtp_driver -t` gives 4.8 µs per 1 kB packet
// for AES-CM-128 + HMAC-SHA1, against 0.9 µs for the same Debian source built with --enable-openssl.
// The worker links that build statically; it is cached by Debian source version next to the worker.
const DEB_SRC_LIST = '/etc/apt/sources.list.d/echo-hub-deb-src.sources';
const DEBIAN_SOURCES = '/etc/apt/sources.list.d/debian.sources';

function ensureDebSrc(step) {
  const hasDebSrc = () =>
    spawnSync('apt-cache', ['showsrc', '--only-source', 'libsrtp2'], { encoding: 'utf8' }).stdout?.includes('Version:');
  if (hasDebSrc()) return;
  if (!existsSync(DEB_SRC_LIST)) {
    if (!existsSync(DEBIAN_SOURCES))
      throw new StepError(step, `no deb-src entry and no ${DEBIAN_SOURCES} to copy one from`, 'add a deb-src line');
    log(`adding Debian source entries (${DEB_SRC_LIST}) for libsrtp2's source package`);
    const src = readFileSync(DEBIAN_SOURCES, 'utf8').replace(/^Types: deb$/gm, 'Types: deb-src');
    writeFileSync(DEB_SRC_LIST, src);
  }
  run(step, 'apt-get', ['update', '-q'], { hint: 'run setup as root, or add a deb-src entry and apt-get update' });
  if (!hasDebSrc()) throw new StepError(step, 'apt-cache showsrc libsrtp2 finds nothing', 'add a deb-src entry');
}

/** The prefix (lib/libsrtp2.a, include/srtp2, lib/pkgconfig) of libsrtp2 built with OpenSSL. */
function ensureSrtp() {
  const step = 'libsrtp2 with OpenSSL';
  ensureDebSrc(step);
  const showsrc = execFileSync('apt-cache', ['showsrc', '--only-source', 'libsrtp2'], { encoding: 'utf8' });
  const version = /^Version: (\S+)/m.exec(showsrc)[1];
  const prefix = join(cacheRoot(), `libsrtp2-${version}-openssl`);
  const stamp = join(prefix, '.built');
  if (existsSync(stamp)) {
    log(`libsrtp2 ${version} with OpenSSL: cached at ${prefix}`);
    return prefix;
  }
  const dir = mkdtempSync(join(tmpdir(), 'echo-hub-libsrtp2-'));
  log(`building libsrtp2 ${version} from Debian's source package with --enable-openssl`);
  run(step, 'apt-get', ['source', '--download-only', `libsrtp2=${version}`], { cwd: dir });
  run(step, 'dpkg-source', ['-x', `libsrtp2_${version.replace(/^\d+:/, '')}.dsc`, 'src'], { cwd: dir });
  const src = join(dir, 'src');
  rmSync(prefix, { recursive: true, force: true });
  // -fPIC: the worker is a PIE and links this archive.
  run(step, './configure', ['--enable-openssl', `--prefix=${prefix}`], {
    cwd: src,
    env: { ...process.env, CFLAGS: '-O3 -fPIC' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const jobs = String(Math.max(1, availableParallelism()));
  run(step, 'make', ['-j', jobs, 'libsrtp2.a', 'test/srtp_driver'], {
    cwd: src,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  run(step, 'make', ['install'], { cwd: src, stdio: ['ignore', 'ignore', 'inherit'] });
  // Kept for the bench: `srtp_driver -t` prints this build's SRTP throughput.
  mkdirSync(join(prefix, 'bin'), { recursive: true });
  copyFileSync(join(src, 'test', 'srtp_driver'), join(prefix, 'bin', 'srtp_driver'));
  writeFileSync(stamp, `${version}\n`);
  rmSync(dir, { recursive: true, force: true });
  return prefix;
}

// --- 4. npm dependencies -------------------------------------------------------
function ensureNpmDependencies(workerBin) {
  const step = 'npm dependencies';
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.echo-hub-installed');
  const hash = existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : 'none';
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    log('npm dependencies: up to date');
    return;
  }
  log('installing npm dependencies');
  // MEDIASOUP_WORKER_BIN makes mediasoup's postinstall skip its download/build.
  const env = { ...process.env, MEDIASOUP_WORKER_BIN: workerBin };
  run(step, 'npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund'], {
    cwd: root,
    env,
    hint: 'see the npm error above',
  });
  writeFileSync(stamp, hash);
}

// --- 5. builds ----------------------------------------------------------------
function build() {
  log('building libraries, server and web client (nx; cached when unchanged)');
  run('build', 'npx', ['nx', 'run-many', '-t', 'build', '--output-style=stream'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false' },
  });
}

async function main() {
  const cachedWorker = process.env.MEDIASOUP_WORKER_BIN || existsSync(workerBinPath());
  ensureSystemPackages(!cachedWorker);
  const workerBin = await ensureWorker();
  ensureNpmDependencies(workerBin);
  if (!args.has('--no-build')) build();
  log('done');
}

main().catch((e) => {
  if (e instanceof StepError) {
    console.error(`\n[setup] FAILED at step "${e.step}": ${e.message}`);
    if (e.hint) console.error(`[setup] to fix: ${e.hint}`);
  } else {
    console.error(`\n[setup] FAILED: ${e.stack ?? e}`);
  }
  process.exit(1);
});
