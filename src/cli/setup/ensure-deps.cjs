#!/usr/bin/env node
// Runs before `npm start` and `npm test` (prestart / pretest) so that the README's
// two commands do all set-up on a fresh clone. Plain CommonJS with no dependencies:
// it must work before anything is installed.
//  - `npm ci` when node_modules is absent or older than package-lock.json;
//  - with --system: Debian's chromium (browser tests) and libxml2-utils (xmllint,
//    template validation) when absent, if we are root with apt-get; otherwise it
//    says exactly what to run. Under CI=true a missing tool is an error.
'use strict';
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');
const lock = path.join(root, 'package-lock.json');
const marker = path.join(root, 'node_modules', '.package-lock.json');
const wantSystem = process.argv.includes('--system');
const inCi = process.env.CI === 'true';

function run(cmd) {
  console.log(`> ${cmd}`);
  execSync(cmd, { cwd: root, stdio: 'inherit' });
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

const lockTime = mtime(lock);
const installedTime = mtime(marker);
if (installedTime === undefined || (lockTime !== undefined && lockTime > installedTime)) {
  console.log('Installing dependencies (node_modules is missing or older than package-lock.json)...');
  run('npm ci --no-audit --no-fund');
}

if (wantSystem) {
  const needed = [
    { bin: '/usr/bin/chromium', pkg: 'chromium', why: 'browser tests (end-to-end journeys, accessibility scans)' },
    { bin: '/usr/bin/xmllint', pkg: 'libxml2-utils', why: 'validating the PnP provisioning template' },
  ].filter((n) => !fs.existsSync(n.bin));
  if (needed.length > 0) {
    const pkgs = needed.map((n) => n.pkg).join(' ');
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    let hasApt = false;
    try {
      execSync('command -v apt-get', { stdio: 'ignore', shell: '/bin/sh' });
      hasApt = true;
    } catch {
      hasApt = false;
    }
    if (isRoot && hasApt && process.env.SKIP_SYSTEM_INSTALL !== '1') {
      console.log(`Installing Debian packages for tests: ${pkgs}`);
      run('apt-get update -qq');
      run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs}`);
    } else {
      const lines = needed.map((n) => `  - ${n.bin} (Debian package '${n.pkg}') for ${n.why}`);
      console.error(
        `These tools are missing:\n${lines.join('\n')}\n` +
          `Install them with: sudo apt-get update && sudo apt-get install -y ${pkgs}`,
      );
      if (inCi) process.exit(1);
      console.error('The tests that need them will fail until they are installed.');
    }
  }
}
