/**
 * Assertions shared by the hostile-page tests: an Article is plain data of the agreed shape,
 * every URL in it is http(s), and nothing from a payload survived — not even as text.
 */
import { expect } from 'vitest';
import type { Article, Block, Inline } from '../../../utils/reader/types';
import { blocksText, normaliseSpace } from '../../../utils/reader/text';
import { PARAGRAPHS } from './corpus';

const ARTICLE_KEYS = new Set(['url', 'siteId', 'siteName', 'title', 'source', 'date', 'lang', 'dir', 'blocks', 'images']);
const TEXT_BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'blockquote', 'pre']);
const INLINE_TAGS = new Set(['a', 'strong', 'em', 'b', 'i', 'u', 'code', 'sub', 'sup', 'br', 'mark', 'small', 'q']);

/** Strings a payload carries: none may reach the Article, in any field. */
export const PAYLOAD_MARKERS: RegExp[] = [/__pwned/, /evil\.example/i, /javascript\s*:/i, /vbscript\s*:/i, /\bdata\s*:/i, /<\s*script/i, /\bon[a-z]+\s*=/i];

export function expectHttpUrl(value: unknown, where: string): void {
  expect(typeof value, where).toBe('string');
  const s = value as string;
  expect(s, where).toMatch(/^https?:\/\/[^\s]/);
  const parsed = new URL(s);
  expect(['http:', 'https:'], where).toContain(parsed.protocol);
  expect(parsed.hostname, where).not.toBe('');
}

function expectKeys(obj: object, allowed: string[], where: string): void {
  for (const key of Object.keys(obj)) expect(allowed, `${where} has unexpected key "${key}"`).toContain(key);
}

function checkInline(node: Inline, where: string, urls: string[]): void {
  if (typeof node === 'string') return;
  expect(typeof node, where).toBe('object');
  expect(INLINE_TAGS.has(node.tag), `${where}: tag ${node.tag}`).toBe(true);
  expectKeys(node, node.tag === 'a' ? ['tag', 'href', 'children'] : ['tag', 'children'], where);
  if (node.tag === 'a') {
    expectHttpUrl(node.href, `${where}.href`);
    urls.push(node.href!);
  }
  expect(Array.isArray(node.children), where).toBe(true);
  node.children.forEach((c, i) => checkInline(c, `${where}.children[${i}]`, urls));
}

function checkBlock(block: Block, where: string, article: Article, urls: string[]): void {
  if (block.type === 'figure') {
    expectKeys(block, ['type', 'image'], where);
    expect(article.images[block.image], where).toBeDefined();
  } else if (block.type === 'video') {
    expectKeys(block, ['type', 'href'], where);
    expectHttpUrl(block.href, `${where}.href`);
    urls.push(block.href);
  } else if (block.type === 'ul' || block.type === 'ol') {
    expectKeys(block, ['type', 'items'], where);
    block.items.forEach((item, i) => item.forEach((n, j) => checkInline(n, `${where}.items[${i}][${j}]`, urls)));
  } else {
    expect(TEXT_BLOCKS.has(block.type), `${where}: type ${block.type}`).toBe(true);
    expectKeys(block, ['type', 'content'], where);
    (block as { content: Inline[] }).content.forEach((n, i) => checkInline(n, `${where}.content[${i}]`, urls));
  }
}

/**
 * The Article is plain JSON of the agreed shape (so it cannot carry markup, handlers or
 * styles), every link/image/source URL is http(s), and no payload marker is anywhere in it.
 * Returns every URL found.
 */
export function expectCleanArticle(article: Article | null, label = 'article'): string[] {
  expect(article, `${label}: extraction returned an article`).not.toBeNull();
  const a = article!;
  // Plain data: survives a JSON round trip unchanged (no functions, nodes, getters, prototypes).
  expect(JSON.parse(JSON.stringify(a)), label).toEqual(a);
  for (const key of Object.keys(a)) expect(ARTICLE_KEYS.has(key), `${label}: key ${key}`).toBe(true);
  const urls: string[] = [];
  expectHttpUrl(a.url, `${label}.url`);
  if (a.source?.url !== undefined) {
    expectHttpUrl(a.source.url, `${label}.source.url`);
    urls.push(a.source.url);
  }
  a.images.forEach((img, i) => {
    expectKeys(img, ['src', 'caption', 'alt'], `${label}.images[${i}]`);
    expectHttpUrl(img.src, `${label}.images[${i}].src`);
    urls.push(img.src);
  });
  a.blocks.forEach((b, i) => checkBlock(b, `${label}.blocks[${i}]`, a, urls));
  const json = JSON.stringify(a);
  for (const marker of PAYLOAD_MARKERS) expect(json, `${label}: ${marker} in the article JSON`).not.toMatch(marker);
  return urls;
}

/** Every real paragraph of the corpus article is in the body, whole and in order. */
export function expectRealText(article: Article | null, label = 'article'): void {
  const body = normaliseSpace(blocksText(article?.blocks ?? []));
  let from = 0;
  for (const p of PARAGRAPHS) {
    const at = body.indexOf(normaliseSpace(p), from);
    expect(at, `${label}: paragraph missing or out of order: ${p.slice(0, 40)}…\n--- body ---\n${body.slice(0, 1500)}`).toBeGreaterThanOrEqual(0);
    from = at + p.length;
  }
}
