// Shared set-up for every e2e test file: one fixture server, and for each browser a
// freshly launched browser with the extension loaded (a new profile each time).
import { after, before, describe } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startFixtureServer } from '../../../scripts/lib/fixture-server.mjs';
import { closePage, launchWithExtension } from '../../../scripts/lib/launch.mjs';

export { closePage };

export const BROWSERS = (process.env.NAQI_BROWSERS ?? 'chromium,firefox').split(',');

/**
 * describe() once per browser. `fn` receives a getter for { server, browser } that is
 * ready inside tests. `launch(browserName)` may add launch options (a phone's viewport, touch).
 */
export function forEachBrowser(title, fn, { locale, launch } = {}) {
  for (const browserName of BROWSERS) {
    describe(`${title} [${browserName}]`, () => {
      const env = {};
      before(async () => {
        env.server = await startFixtureServer();
        env.browser = await launchWithExtension(browserName, { port: env.server.port, locale, ...(launch?.(browserName) ?? {}) });
      });
      after(async () => {
        await env.browser?.close();
        await env.server?.close();
      });
      fn(() => env, browserName);
    });
  }
}

export function fixtureUrl(env, name) {
  const fixture = env.server.fixtures.find((f) => f.name === name);
  if (!fixture) throw new Error(`No fixture ${name}`);
  return fixture;
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (through the automation protocol, so page CSP does not block
 * it) and returns the serious and critical violations within `include` (a selector).
 */
export async function seriousA11yViolations(page, include) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (selector) => {
    const context = selector ? { include: [selector] } : document;
    const result = await globalThis.axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, include ?? null);
  return violations;
}

/** Sends a protocol message from an extension page (popup/review), as the UI would. */
export async function sendFromExtensionPage(page, message, timeoutMs = 5000) {
  // The reply is serialised inside the page and raced against an in-page timer: over
  // Firefox's BiDi, a promise from the extension's privileged realm was seen never to
  // settle for the automation client, which would hang the test instead of failing it.
  const text = await page.evaluate(
    `Promise.race([
      (globalThis.browser ?? globalThis.chrome).runtime.sendMessage(${JSON.stringify(message)})
        .then((reply) => JSON.stringify({ reply: reply ?? null }), (error) => JSON.stringify({ thrown: String(error && error.message || error) })),
      new Promise((resolve) => setTimeout(() => resolve(JSON.stringify({ thrown: 'no reply within ${timeoutMs} ms' })), ${timeoutMs})),
    ])`,
  );
  const result = JSON.parse(text);
  if ('thrown' in result) throw new Error(`sendMessage failed: ${result.thrown}`);
  return result.reply;
}
