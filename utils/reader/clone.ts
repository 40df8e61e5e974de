/**
 * The copy of the page that extraction works on. Built without recursion and at most
 * `MAX_DEPTH` elements deep: whatever a page nests deeper is flattened, in document order, into
 * its ancestor at that depth (as Chromium's HTML parser does at 512). So a hostile page's
 * 5,000-deep nesting cannot overflow the stack anywhere downstream: the clone itself (jsdom's
 * `cloneNode` recurses), the sanitiser, the block builder, or the reader's renderer.
 *
 * The tree is read through the `Node.prototype` / `Document.prototype` members of its own realm,
 * never through the nodes' own properties, so named properties a page controls (`<img
 * name="cloneNode">` on the document, `<input name="firstChild">` in a form) cannot hide or fake
 * anything. And the copy drops the attributes that make such named properties (`name` on img,
 * form, embed, iframe, object; `id` on object), so `<img name="body">` cannot shadow the copy's
 * own `body` or `querySelectorAll` for the code that reads it. A `<template>`'s content (an
 * inert fragment, never article text) is not copied.
 */

import { NEVER_CONTENT } from './cleanup-rules';

/** Element depth kept as is. Preact and the block builder handle several times this. */
export const MAX_DEPTH = 256;

type Getter = (this: Node) => Node | null;

function member(obj: object, name: string): PropertyDescriptor {
  for (let proto: object | null = Object.getPrototypeOf(obj); proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor;
  }
  throw new TypeError(`No ${name} on this node`);
}

/** Elements that become named properties of their document (HTML § Document named properties). */
const NAMED = new Set(['img', 'form', 'embed', 'iframe', 'object']);

/** Selector of any element more than MAX_DEPTH elements deep. */
const TOO_DEEP = Array.from({ length: MAX_DEPTH + 1 }, () => '*').join(' > ');

/**
 * The browser's own deep clone is about twice as fast as the walk below; it is used when the
 * page is not deeper than MAX_DEPTH (every real page), through the prototypes' methods so
 * named properties cannot interfere, and with the same name/id attributes dropped.
 */
export function cloneForExtraction(doc: Document): Document {
  const querySelector = member(doc, 'querySelector').value as (this: ParentNode, selector: string) => Element | null;
  if (!querySelector.call(doc, TOO_DEEP)) {
    const copy = (member(doc, 'cloneNode').value as (this: Node, deep: boolean) => Node).call(doc, true) as Document;
    stripNamedMembers(copy);
    return copy;
  }
  return walkClone(doc);
}

/**
 * What of the page's <head> extraction reads: the title, the metadata (og:*, article:*,
 * JSON-LD) and the canonical link. Its styles and scripts are the costly part of a copy.
 */
const HEAD_KEPT = 'title, meta, script[type="application/ld+json" i], link[rel~="canonical" i]';
/**
 * Never text to read, dropped from the body's copy before it joins a document (where a
 * <style> would be parsed). `meta` (microdata dates) and JSON-LD scripts stay: they are read.
 */
const BODY_DROPPED = `${NEVER_CONTENT.split(',').filter((tag) => tag !== 'meta' && tag !== 'script').join(',')}, noscript, script:not([type="application/ld+json" i])`;

/**
 * The copy the generic extractor works on, made for reading rather than as a replica: an inert
 * document holding the page's <html> attributes, its <body> without code, styles and embeds
 * (removed before the copy joins the document, so no style sheet is parsed), the head's
 * metadata, and a <base> with the page's base URL (an inert document's own URL is
 * about:blank). About a third cheaper than `cloneForExtraction`, and lighter for every step
 * after it. Falls back to that replica for a page deeper than MAX_DEPTH or without a body.
 */
export function copyForReading(doc: Document): Document {
  const querySelector = member(doc, 'querySelector').value as (this: ParentNode, selector: string) => Element | null;
  const body = member(doc, 'body').get!.call(doc) as HTMLElement | null;
  if (!body || body.localName !== 'body' || querySelector.call(doc, TOO_DEEP)) return stripNeverContent(cloneForExtraction(doc));
  const implementation = member(doc, 'implementation').get!.call(doc) as DOMImplementation;
  const importNode = member(doc, 'importNode').value as (this: Document, node: Node, deep: boolean) => Node;
  // No argument: no empty <title> of its own to stand before the page's.
  const copy = implementation.createHTMLDocument();
  const html = member(doc, 'documentElement').get!.call(doc) as Element;
  for (const attr of Array.from(html.attributes)) copy.documentElement.setAttribute(attr.name, attr.value);
  const base = copy.createElement('base');
  base.setAttribute('href', member(doc, 'baseURI').get!.call(doc) as string);
  copy.head.append(base);
  const head = member(doc, 'head').get!.call(doc) as HTMLHeadElement | null;
  if (head) for (const el of Array.from(head.querySelectorAll(HEAD_KEPT))) copy.head.append(importNode.call(copy, el, true));
  const bodyCopy = importNode.call(copy, body, true) as HTMLElement;
  dropNeverContent(bodyCopy);
  stripNamedMembers(bodyCopy);
  copy.documentElement.replaceChild(bodyCopy, copy.body);
  return copy;
}

/** The replica without code, styles and embeds in its body. */
function stripNeverContent(copy: Document): Document {
  const body = copy.body ?? copy.documentElement;
  if (body) dropNeverContent(body);
  return copy;
}

/** Removes what BODY_DROPPED names from `root`. */
function dropNeverContent(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll(BODY_DROPPED))) el.remove();
}

/** Elements that would become named members of the document holding them, and templates. */
const NAMED_SELECTOR = 'img[name], form[name], embed[name], iframe[name], object[name], object[id]';

/**
 * Whether page markup shadows members of the live document (`<img name="querySelector">`):
 * then only a copy made by `cloneForExtraction` may be read. Checked through the prototype.
 */
export function hasNamedMembers(doc: Document): boolean {
  const querySelector = member(doc, 'querySelector').value as (this: ParentNode, selector: string) => Element | null;
  return querySelector.call(doc, NAMED_SELECTOR) !== null;
}

/**
 * Copies of a few elements of the live page (the article body and its lead images) in a
 * new inert document: no browsing context, so nothing in them loads or runs. Far cheaper
 * than copying the whole page when the site's rules have already found the body. Null when
 * an element nests deeper than MAX_DEPTH: the caller copies the whole page instead.
 */
export function copyElements(doc: Document, elements: Element[]): { inert: Document; copies: Element[] } | null {
  for (const el of elements) if (el.querySelector(TOO_DEEP)) return null;
  const inert = doc.implementation.createHTMLDocument('');
  const copies = elements.map((el) => inert.importNode(el, true));
  for (const copy of copies) stripNamedMembers(copy);
  return { inert, copies };
}

/** Drops what makes named properties in a copy, and a template's inert content. */
function stripNamedMembers(root: ParentNode): void {
  const querySelectorAll = member(root, 'querySelectorAll').value as (this: ParentNode, selector: string) => NodeListOf<Element>;
  const named = Array.from(querySelectorAll.call(root, `${NAMED_SELECTOR}, template`));
  if ((root as Element).nodeType === 1 && (root as Element).matches(`${NAMED_SELECTOR}, template`)) named.push(root as Element);
  for (const el of named) {
    const removeAttribute = member(el, 'removeAttribute').value as (this: Element, name: string) => void;
    // A template's content is an inert fragment, never article text: not copied.
    if (el.localName === 'template') (el as HTMLTemplateElement).content.replaceChildren();
    else {
      removeAttribute.call(el, 'name');
      if (el.localName === 'object') removeAttribute.call(el, 'id');
    }
  }
}

/** Copies without recursion, flattening what lies deeper than MAX_DEPTH. */
function walkClone(doc: Document): Document {
  const firstChild = member(doc, 'firstChild').get as Getter;
  const nextSibling = member(doc, 'nextSibling').get as Getter;
  const parentNode = member(doc, 'parentNode').get as Getter;
  const cloneNode = member(doc, 'cloneNode').value as (this: Node, deep: boolean) => Node;
  const importNode = member(doc, 'importNode').value as (this: Document, node: Node, deep: boolean) => Node;
  const appendChild = member(doc, 'appendChild').value as (this: Node, child: Node) => Node;
  let removeAttribute: ((this: Element, name: string) => void) | undefined;
  const copyOf = (node: Node): Node => {
    const made = importNode.call(copy, node, false);
    if (made.nodeType === 1 && NAMED.has((made as Element).localName)) {
      removeAttribute ??= member(made, 'removeAttribute').value as (this: Element, name: string) => void;
      removeAttribute.call(made as Element, 'name');
      if ((made as Element).localName === 'object') removeAttribute.call(made as Element, 'id');
    }
    return made;
  };

  const copy = cloneNode.call(doc, false) as Document;
  /** Where the copies of the current node's children go, for each open ancestor. */
  const targets: Node[] = [];
  let target: Node = copy;
  let node: Node | null = firstChild.call(doc);
  while (node) {
    const current: Node = node;
    const made = appendChild.call(target, copyOf(current));
    const child = firstChild.call(current);
    if (child) {
      targets.push(target);
      // Below MAX_DEPTH the children go into the copy; deeper, into the same target (flattened).
      if (targets.length <= MAX_DEPTH) target = made;
      node = child;
      continue;
    }
    // No children: the next sibling, or the next sibling of the nearest ancestor that has one.
    let up: Node = current;
    let next: Node | null = nextSibling.call(up);
    while (!next) {
      const parent: Node | null = parentNode.call(up);
      if (!parent || parent === doc) return copy;
      target = targets.pop() ?? copy;
      up = parent;
      next = nextSibling.call(up);
    }
    node = next;
  }
  return copy;
}
