// @vitest-environment jsdom
/**
 * cloneForExtraction (utils/reader/clone.ts): the copy extraction works on. It must be the
 * page, node for node, on every real fixture; flatten (in order, keeping every word) what is
 * nested deeper than MAX_DEPTH; and hold none of the attributes that make document named
 * properties.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { cloneForExtraction, MAX_DEPTH } from '../../../utils/reader/clone';
import { loadFixtures, readPage } from '../../fixtures/index.mjs';

function depthOf(root: Node): number {
  let max = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of Array.from(node.childNodes)) stack.push([c, d + 1]);
  }
  return max;
}

describe('cloneForExtraction', () => {
  it.each(loadFixtures().map((f) => [f.name, f] as const))('%s: the same document as cloneNode(true), minus named-property attributes and template contents', (_name, fixture) => {
    const doc = new JSDOM(readPage(fixture), { url: fixture.url }).window.document;
    const expected = doc.cloneNode(true) as Document;
    for (const el of Array.from(expected.querySelectorAll('img[name], form[name], embed[name], iframe[name], object[name]'))) el.removeAttribute('name');
    for (const el of Array.from(expected.querySelectorAll('object[id]'))) el.removeAttribute('id');
    // A <template>'s content is a separate, inert fragment, never article text: not copied.
    for (const el of Array.from(expected.querySelectorAll('template'))) (el as HTMLTemplateElement).content.replaceChildren();
    const copy = cloneForExtraction(doc);
    expect(copy).not.toBe(doc);
    expect(copy.URL).toBe(doc.URL);
    expect(copy.documentElement.outerHTML).toBe(expected.documentElement.outerHTML);
    expect(copy.childNodes.length).toBe(doc.childNodes.length);
  });

  it('flattens what is deeper than MAX_DEPTH into its ancestor, in order, keeping every word', () => {
    const depth = 5000;
    const html = `<!DOCTYPE html><html><body><p>قبل</p>${'<div><b>'.repeat(depth / 2)}<i>عميق</i> ثم ${'</b></div>'.repeat(depth / 2)}<p>بعد</p></body></html>`;
    const doc = new JSDOM(html).window.document;
    const copy = cloneForExtraction(doc);
    expect(depthOf(copy)).toBeLessThanOrEqual(MAX_DEPTH + 2);
    expect(copy.body.textContent).toBe(doc.body.textContent);
    expect(copy.body.textContent).toBe('قبلعميق ثم بعد');
    expect(copy.querySelectorAll('div').length + copy.querySelectorAll('b').length).toBe(depth);
    // jsdom parses and walks 5,000-deep markup slowly (seconds on a loaded machine).
  }, 60_000);

  it('drops the attributes that would make document named properties', () => {
    const doc = new JSDOM('<img name="body" id="x"><form name="querySelectorAll" id="f"></form><object id="cloneNode" name="y"></object><iframe name="defaultView"></iframe><embed name="title"><input name="keep">').window.document;
    const copy = cloneForExtraction(doc);
    expect(copy.querySelectorAll('[name]').length).toBe(1);
    expect(copy.querySelector('[name]')!.localName).toBe('input');
    expect(copy.querySelector('img')!.id).toBe('x');
    expect(copy.querySelector('form')!.id).toBe('f');
    expect(copy.querySelector('object')!.hasAttribute('id')).toBe(false);
    // The page itself is untouched.
    expect(doc.querySelectorAll('[name]').length).toBe(6);
  });
});
