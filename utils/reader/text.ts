import type { Block, Inline } from './types';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;
const RTL_LANGS = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ku', 'yi']);

/** Whitespace, and the invisible characters these sites sprinkle in Arabic text. */
const SPACES = /[\s\u00A0\u200B\u200E\u200F\u202A-\u202E\uFEFF]+/g;
const NOT_SPACE = /[^\s\u00A0\u200B\u200E\u200F\u202A-\u202E\uFEFF]/;

export function normaliseSpace(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** Whether `normaliseSpace(text)` would be non-empty, without building it. */
export function hasText(text: string): boolean {
  return NOT_SPACE.test(text);
}

/**
 * Whether `normaliseSpace(text)` is at least `n` characters long, normalising no more of a long
 * text than it takes to tell: a prefix's normal form is never longer than the whole text's.
 */
export function hasAtLeastChars(text: string, n: number): boolean {
  for (let end = Math.max(64, n * 2); ; end *= 4) {
    if (normaliseSpace(text.slice(0, end)).length >= n) return true;
    if (end >= text.length) return false;
  }
}

/** Which script the text is mostly written in; declared `lang` attributes are often wrong on these sites. */
export function dominantScript(text: string): 'arabic' | 'latin' | 'none' {
  const sample = text.slice(0, 6000);
  const arabic = sample.match(ARABIC)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  if (arabic === 0 && latin === 0) return 'none';
  return arabic >= latin ? 'arabic' : 'latin';
}

export function dirForLang(lang: string): 'rtl' | 'ltr' {
  return RTL_LANGS.has(lang.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

export function inlineText(nodes: Inline[]): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += node;
    else if (node.tag === 'br') out += '\n';
    else out += inlineText(node.children);
  }
  return out;
}

/** The body as plain text, one block per paragraph: what tests compare and what search indexes. */
export function blocksText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.type === 'ul' || block.type === 'ol') parts.push(...block.items.map((item) => normaliseSpace(inlineText(item))));
    else if ('content' in block) parts.push(normaliseSpace(inlineText(block.content)));
  }
  return parts.filter(Boolean).join('\n\n');
}
