// Launches Debian's Chromium or Firefox ESR with the built extension loaded, pointed at the
// fixture server, through playwright-core (which never downloads a browser).
import { chromium, firefox } from 'playwright-core';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { browserPath } from './browsers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const GECKO_ID = 'naqi@naqi.example';
// Fixed so tests can build moz-extension:// URLs before the extension has started.
const FIREFOX_UUID = '6b1c7c0e-4a54-4f5e-9d4e-2f8a1c1e9a11';

export function extensionDir(browserName) {
  const dir = join(root, '.output', browserName === 'firefox' ? 'firefox-mv3' : 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No build in ${dir}. Run "npm run build:all" first.`);
  }
  return dir;
}

/** Zips the Firefox build (web-ext build) so it can be installed from the profile. */
function firefoxXpi() {
  const out = join(root, '.output', 'xpi');
  rmSync(out, { recursive: true, force: true });
  execFileSync(join(root, 'node_modules', '.bin', 'web-ext'), ['build', '--source-dir', extensionDir('firefox'), '--artifacts-dir', out, '--overwrite-dest'], {
    stdio: 'ignore',
  });
  const file = readdirSync(out).find((f) => f.endsWith('.zip'));
  if (!file) throw new Error('web-ext build made no archive');
  return join(out, file);
}

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--no-default-browser-check',
];

/**
 * @param {'chromium'|'firefox'} browserName
 * @param {{ port: number, headless?: boolean, locale?: string, startUrl?: string }} options
 */
export async function launchWithExtension(browserName, { port, headless = true, locale = 'en-US' }) {
  const profile = mkdtempSync(join(tmpdir(), `naqi-${browserName}-`));
  let context;
  let extensionId;
  let scheme;
  if (browserName === 'chromium') {
    const ext = extensionDir('chromium');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browserPath('chromium'),
      headless,
      locale,
      ignoreHTTPSErrors: true,
      viewport: { width: 1200, height: 900 },
      env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
      args: [
        ...CHROMIUM_FLAGS,
        `--lang=${locale}`,
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
        `--host-resolver-rules=MAP * 127.0.0.1:${port}, EXCLUDE localhost`,
      ],
    });
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15000 });
    extensionId = new URL(worker.url()).host;
    scheme = 'chrome-extension';
  } else {
    mkdirSync(join(profile, 'extensions'), { recursive: true });
    copyFileSync(firefoxXpi(), join(profile, 'extensions', `${GECKO_ID}.xpi`));
    context = await firefox.launchPersistentContext(profile, {
      executablePath: browserPath('firefox'),
      headless,
      locale,
      ignoreHTTPSErrors: true,
      viewport: { width: 1200, height: 900 },
      env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
      proxy: { server: `http://127.0.0.1:${port}` },
      firefoxUserPrefs: {
        'xpinstall.signatures.required': false,
        'extensions.autoDisableScopes': 0,
        'extensions.enabledScopes': 15,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        'network.proxy.allow_hijacking_localhost': true,
        'intl.locale.requested': locale,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
      },
    });
    extensionId = FIREFOX_UUID;
    scheme = 'moz-extension';
  }
  const extensionUrl = (path) => `${scheme}://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    browserName,
    context,
    extensionId,
    extensionUrl,
    /** Opens an extension page; Firefox needs waitUntil 'commit' for moz-extension:// URLs. */
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(extensionUrl(path), { waitUntil: browserName === 'firefox' ? 'commit' : 'load' });
      await page.waitForLoadState('domcontentloaded');
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
