#!/usr/bin/env node
// Runs the end-to-end suite (node's test runner) against the built extension in both
// Debian Chromium and Firefox ESR. A missing browser is a failure, never a skip.
// Each test file runs in its own process; a file that fails is run once more and both
// outcomes are printed, because Firefox over WebDriver BiDi has crashed mid-run on this
// machine now and then. A file that fails twice fails the suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserPath } from './lib/browsers.mjs';
import { extensionDir } from './lib/launch.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  for (const name of ['chromium', 'firefox']) {
    console.log(`e2e: ${name} at ${browserPath(name)}`);
    extensionDir(name);
  }
} catch (error) {
  console.error(`e2e: ${error.message}`);
  process.exit(1);
}

const dir = join(root, 'tests', 'e2e');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
const tapDir = mkdtempSync(join(tmpdir(), 'naqi-e2e-'));

function run(file, attempt) {
  const tap = join(tapDir, `${file}.${attempt}.tap`);
  const result = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, join(dir, file)],
    { stdio: 'inherit', cwd: root },
  );
  const text = readFileSync(tap, 'utf8');
  const count = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)`, 'm'))?.[1] ?? 0);
  return { ok: result.status === 0, pass: count('pass'), fail: count('fail') + count('cancelled') };
}

let passed = 0;
let failed = 0;
const retried = [];
for (const file of files) {
  let outcome = run(file, 1);
  if (!outcome.ok) {
    console.log(`\ne2e: ${file} failed (${outcome.fail} failing); running it once more\n`);
    retried.push(file);
    outcome = run(file, 2);
  }
  passed += outcome.pass;
  failed += outcome.ok ? 0 : Math.max(outcome.fail, 1);
}
if (retried.length) console.log(`\ne2e: retried ${retried.join(', ')}`);
console.log(`\ne2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
