// @vitest-environment node
/**
 * Least privilege, as configured (wxt.config.ts), for both browsers: the four API permissions
 * and the supported sites only; no content_security_policy key (extension pages keep the
 * browser's default MV3 CSP: no inline or remote script, no eval); nothing exposed to web pages
 * (no web_accessible_resources, no externally_connectable); and extension pages whose markup
 * holds no inline script or handler the default CSP would have to allow.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../../../wxt.config';
import { SUPPORTED_HOST_PATTERNS } from '../../../utils/sites/host-patterns';

const root = join(__dirname, '../../..');

describe.each(['chrome', 'firefox'] as const)('%s manifest', (browser) => {
  const make = config.manifest as (env: { browser: string; manifestVersion: number; mode: string; command: string }) => Record<string, unknown>;
  const manifest = make({ browser, manifestVersion: 3, mode: 'production', command: 'build' });

  it('asks for storage, activeTab, scripting and contextMenus only', () => {
    expect([...(manifest.permissions as string[])].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest).not.toHaveProperty('optional_permissions');
  });

  it('has host access to the supported news sites only', () => {
    expect(manifest.host_permissions).toEqual(SUPPORTED_HOST_PATTERNS);
    for (const pattern of manifest.host_permissions as string[]) {
      expect(pattern).toMatch(/^\*:\/\/\*\.[a-z0-9-]+\.[a-z]+\/\*$/);
      expect(pattern).not.toMatch(/<all_urls>|^\*:\/\/\*\/|^https?:\/\/\*\//);
    }
  });

  it('keeps the default CSP and exposes nothing to web pages or other extensions', () => {
    for (const key of ['content_security_policy', 'web_accessible_resources', 'externally_connectable', 'sandbox', 'content_scripts']) {
      expect(manifest, key).not.toHaveProperty(key);
    }
  });
});

describe('extension pages', () => {
  it.each(['popup', 'review'])('%s/index.html has no inline script, handler or remote resource', (page) => {
    const html = readFileSync(join(root, 'entrypoints', page, 'index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag).toMatch(/\bsrc="\.\/[^"]+"/);
    expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
    expect(html).not.toMatch(/http-equiv/i);
  });
});
