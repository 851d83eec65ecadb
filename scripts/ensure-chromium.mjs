// Makes sure a Chromium is there for the browser tests, installing Debian's when it can.
// Never skips silently: no browser means exit 1 with one line saying how to get one.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const FIX = 'run "sudo apt-get install -y chromium" or set CHROMIUM_PATH=/path/to/chromium';

function fail(message) {
  console.error(message);
  process.exit(1);
}

function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(command) {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir !== '' && isExecutableFile(join(dir, command)));
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    fail(
      `"${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal}); ${FIX}`,
    );
  }
}

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutableFile(fromEnv)) {
      fail(`CHROMIUM_PATH=${fromEnv} is not an executable file; point it at a Chromium binary`);
    }
    return fromEnv;
  }
  return isExecutableFile(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

let chromium = findChromium();
if (!chromium) {
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    fail(`No Chromium for the browser tests: ${FIX}`);
  }
  console.log(
    "Chromium not found: installing Debian's chromium with apt-get (needed for the browser tests)…",
  );
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium'], {
    ...process.env,
    DEBIAN_FRONTEND: 'noninteractive',
  });
  chromium = findChromium();
  if (!chromium) fail(`apt-get installed chromium but ${DEBIAN_CHROMIUM} is still missing; ${FIX}`);
}

// Debian's launcher script prints shell noise on stderr on some machines; the version is on stdout.
const version = spawnSync(chromium, ['--version'], { encoding: 'utf8', timeout: 30_000 });
const versionLine = version.stdout?.trim().split('\n')[0];
if (version.status !== 0 || !versionLine) {
  const reason = version.error?.message ?? version.stderr?.trim() ?? `exit ${version.status}`;
  fail(`${chromium} --version failed (${reason}); reinstall it: ${FIX}`);
}
console.log(`Chromium for the browser tests: ${chromium} (${versionLine})`);
