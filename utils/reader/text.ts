import type { Block, Inline } from './types';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;
const RTL_LANGS = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ku', 'yi']);

export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00A0\u200B\u200E\u200F\u202A-\u202E\uFEFF]+/g, ' ').trim();
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
