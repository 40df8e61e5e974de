// Launches Debian's Chromium or Firefox ESR with the built extension loaded, pointed at the
// fixture server, through playwright-core (which never downloads a browser).
import { chromium, firefox } from 'playwright-core';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync, spawnSync } from 'node:child_process';
import { browserPath } from './browsers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const GECKO_ID = 'naqi@naqi.example';
// Fixed so tests can build moz-extension:// URLs before the extension has started.
const FIREFOX_UUID = '6b1c7c0e-4a54-4f5e-9d4e-2f8a1c1e9a11';

/** Closing an extension page over Firefox's BiDi can wait forever: never wait long. */
export async function closePage(page) {
  await Promise.race([page.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 1500))]);
}

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
 * @param {{ port: number, headless?: boolean, locale?: string, startUrl?: string,
 *   viewport?: { width: number, height: number }, isMobile?: boolean, hasTouch?: boolean }} options
 *   viewport/isMobile/hasTouch: phone emulation (tests/e2e/phone.test.mjs); isMobile is Chromium-only.
 */
export async function launchWithExtension(browserName, { port, headless = true, locale = 'en-US', viewport = { width: 1200, height: 900 }, isMobile, hasTouch }) {
  // Only passed when asked for, so every other caller launches exactly as before.
  const touch = hasTouch ? { hasTouch: true } : {};
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
      viewport,
      ...touch,
      ...(isMobile ? { isMobile: true, deviceScaleFactor: 2 } : {}),
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
      // A "moz-" channel makes Playwright speak WebDriver BiDi, which stock Firefox ESR has
      // (its default protocol, Juggler, exists only in Playwright's own Firefox builds).
      channel: 'moz-firefox',
      executablePath: browserPath('firefox'),
      headless,
      locale,
      ignoreHTTPSErrors: true,
      viewport,
      ...touch,
      env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
      firefoxUserPrefs: {
        'xpinstall.signatures.required': false,
        'extensions.autoDisableScopes': 0,
        'extensions.enabledScopes': 15,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        // Every host goes through the fixture server, acting as an HTTP proxy (the BiDi
        // launcher does not apply Playwright's own proxy option).
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': port,
        'network.proxy.no_proxies_on': '',
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
    /** Opens an extension page and resolves once it has loaded. */
    async openExtensionPage(path) {
      if (browserName !== 'firefox') {
        const page = await context.newPage();
        await page.goto(extensionUrl(path));
        return page;
      }
      // Firefox over BiDi is fussy with moz-extension:// tabs: a fresh about:blank tab sent
      // straight there sometimes never answers, there is no load event, and the page's CSP
      // forbids waitForFunction. So: pass through a plain web page first, then poll with
      // short, time-limited evaluate calls, and retry in a fresh tab.
      for (let attempt = 1; ; attempt++) {
        const page = await context.newPage();
        await page.goto('http://naqi-blank.test/', { timeout: 10000 }).catch(() => {});
        await page.goto(extensionUrl(path), { waitUntil: 'commit', timeout: 15000 }).catch(() => {});
        const deadline = Date.now() + 6000;
        while (Date.now() < deadline) {
          const ready = await Promise.race([
            page.evaluate(() => document.readyState === 'complete').catch(() => false),
            new Promise((resolve) => setTimeout(() => resolve(false), 1000)),
          ]);
          if (ready) return page;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        void closePage(page);
        if (attempt === 3) throw new Error(`${path} did not load in Firefox`);
      }
    },
    async close() {
      // Closing Firefox over BiDi can hang; a browser that will not close is killed.
      const closed = context.close().catch(() => {});
      const timedOut = await Promise.race([closed.then(() => false), new Promise((r) => setTimeout(() => r(true), 8000))]);
      // A persistent context exposes no process handle: find the browser by its profile.
      if (timedOut) spawnSync('pkill', ['-9', '-f', profile]);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
