#!/usr/bin/env node
// `npm start [-- --firefox]`: builds Naqi and opens a browser with it loaded on the bundled
// demo Maghress article, served on this machine at its real address. Headed when a display
// exists; headless otherwise (then it takes a screenshot and says where it is).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './lib/fixture-server.mjs';
import { launchWithExtension } from './lib/launch.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const browserName = process.argv.includes('--firefox') ? 'firefox' : 'chromium';
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const wxt = fileURLToPath(new URL('../node_modules/.bin/wxt', import.meta.url));

console.log(`Building Naqi for ${browserName}…`);
execFileSync(wxt, ['build', ...(browserName === 'firefox' ? ['-b', 'firefox'] : [])], { stdio: 'inherit', cwd: root });

const server = await startFixtureServer();
const demo = server.fixtures.find((f) => f.name === 'maghress/seed-article');
const browser = await launchWithExtension(browserName, { port: server.port, headless });
const page = await browser.context.newPage();
await page.goto(demo.url);
console.log(`\nNaqi is running in ${browserName} on the demo article: ${demo.url}`);
console.log('(served from tests/fixtures on this machine; no internet needed)');

if (headless) {
  await page.getByTestId('reader-view').waitFor({ state: 'visible', timeout: 15000 });
  mkdirSync(`${root}/test-results`, { recursive: true });
  const shot = `${root}/test-results/demo-${browserName}.png`;
  await page.screenshot({ path: shot });
  console.log(`No display found: ran headless and saved a screenshot to ${shot}`);
  await browser.close();
  await server.close();
} else {
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  const stop = async () => {
    await browser.close();
    await server.close();
    process.exit(0);
  };
  browser.context.on('close', stop);
  process.on('SIGINT', stop);
}
