#!/usr/bin/env node
// Runs the end-to-end suite (node's test runner) against the built extension in both
// Debian Chromium and Firefox ESR. A missing browser is a failure, never a skip.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
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
  .map((f) => join(dir, f));
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
