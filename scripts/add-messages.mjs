#!/usr/bin/env node
// Adds or updates UI strings in all three locales at once, so no locale falls behind.
// Usage: node scripts/add-messages.mjs '{"key": {"en": "...", "ar": "...", "fr": "..."}}'
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entries = JSON.parse(process.argv[2] ?? '{}');
for (const locale of ['en', 'ar', 'fr']) {
  const file = fileURLToPath(new URL(`../public/_locales/${locale}/messages.json`, import.meta.url));
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  for (const [key, texts] of Object.entries(entries)) {
    if (!texts[locale]) throw new Error(`${key}: missing ${locale}`);
    messages[key] = { message: texts[locale], ...(texts.description ? { description: texts.description } : {}) };
    if (texts.placeholders) messages[key].placeholders = texts.placeholders;
  }
  const sorted = Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, JSON.stringify(sorted, null, 2) + '\n');
}
