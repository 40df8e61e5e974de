#!/usr/bin/env node
// Renders public/icon/naqi.svg to the PNG sizes the manifests use, with the system Chromium.
// Run by hand after changing the SVG; the PNGs are committed.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { browserPath } from './lib/browsers.mjs';

const svg = readFileSync(fileURLToPath(new URL('../public/icon/naqi.svg', import.meta.url)), 'utf8');
const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [16, 32, 48, 96, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: fileURLToPath(new URL(`../public/icon/${size}.png`, import.meta.url)), omitBackground: true });
  await page.close();
}
await browser.close();
