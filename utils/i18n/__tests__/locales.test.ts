import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../../public/_locales');
type Catalogue = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const load = (locale: string): Catalogue => JSON.parse(readFileSync(join(root, locale, 'messages.json'), 'utf8'));

describe('locales', () => {
  const locales = readdirSync(root);
  const en = load('en');

  it('ships ar, fr and en', () => {
    expect(locales.sort()).toEqual(['ar', 'en', 'fr']);
  });

  for (const locale of ['ar', 'fr']) {
    it(`${locale} has every key of en, and no other`, () => {
      const catalogue = load(locale);
      const missing = Object.keys(en).filter((k) => !(k in catalogue));
      const extra = Object.keys(catalogue).filter((k) => !(k in en));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${locale} keeps the placeholders of en`, () => {
      const catalogue = load(locale);
      for (const [key, entry] of Object.entries(en)) {
        expect(Object.keys(catalogue[key]?.placeholders ?? {}).sort(), key).toEqual(
          Object.keys(entry.placeholders ?? {}).sort(),
        );
      }
    });
  }

  it('has no empty message', () => {
    for (const locale of locales) {
      for (const [key, entry] of Object.entries(load(locale))) expect(entry.message.trim(), `${locale}:${key}`).not.toBe('');
    }
  });

  it('uses only keys that exist, in the code', () => {
    const files = [] as string[];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === '__tests__') continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(tsx?)$/.test(entry.name)) files.push(path);
      }
    };
    for (const dir of ['components', 'entrypoints', 'utils']) walk(join(__dirname, '../../..', dir));
    const used = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    }
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });
});
