import type { ArticleImage, Block, Inline, InlineTag, TextBlockType } from './types';
import { NON_ARTICLE_IMAGE } from './cleanup-rules';
import { absoluteHttpUrl } from './lazy-images';
import { hasText, inlineText, normaliseSpace } from './text';

const INLINE_TAGS: Record<string, InlineTag> = {
  A: 'a', STRONG: 'strong', B: 'b', EM: 'em', I: 'i', U: 'u', CODE: 'code', SUB: 'sub', SUP: 'sup', MARK: 'mark',
  SMALL: 'small', Q: 'q', CITE: 'em',
};
const UNWRAP_INLINE = new Set(['SPAN', 'FONT', 'ABBR', 'TIME', 'LABEL', 'BDI', 'BDO', 'DATA']);
const HEADING: Record<string, TextBlockType> = { H1: 'h2', H2: 'h2', H3: 'h3', H4: 'h4', H5: 'h4', H6: 'h4' };
const CAPTION_CLASS = /caption|legend|credit|wp-caption-text|image-desc|photo-desc|img-desc/i;
const IMAGE_URL = /\.(?:jpe?g|png|webp|gif|avif)(?:$|\?)/i;

export interface BuildResult {
  blocks: Block[];
  images: ArticleImage[];
}

/**
 * Turns a sanitised fragment into blocks of plain data. Text directly in containers (the
 * Maghress body is text separated by <br>) becomes paragraphs; images become figures with
 * their captions; anything else is reduced to its text.
 */
export function buildBlocks(root: ParentNode, pageUrl: string): BuildResult {
  const blocks: Block[] = [];
  const images: ArticleImage[] = [];
  const seenImages = new Set<string>();
  let pending: Inline[] = [];
  let pendingFigures: number[] = [];
  let lastFigure: number | null = null;

  const pushBlock = (block: Block) => {
    blocks.push(block);
    lastFigure = block.type === 'figure' ? block.image : null;
  };

  const flush = () => {
    const content = trimInline(pending);
    pending = [];
    if (content.length && hasText(inlineText(content))) pushBlock({ type: 'p', content });
    for (const index of pendingFigures) pushBlock({ type: 'figure', image: index });
    pendingFigures = [];
  };

  const addImage = (img: Element, caption: string): number | null => {
    const src = absoluteHttpUrl(img.getAttribute('src'), pageUrl);
    if (!src || !isArticleImage(img, src, pageUrl) || seenImages.has(src)) return null;
    seenImages.add(src);
    images.push({ src, caption: normaliseSpace(caption), alt: normaliseSpace(img.getAttribute('alt') ?? '') });
    return images.length - 1;
  };

  const toInline = (node: Node): Inline[] => {
    if (node.nodeType === 3) return [node.textContent ?? ''];
    if (node.nodeType !== 1) return [];
    const el = node as Element;
    if (el.tagName === 'BR') return [{ tag: 'br', children: [] }];
    if (el.tagName === 'IMG') {
      const index = addImage(el, '');
      if (index !== null) pendingFigures.push(index);
      return [];
    }
    const children = Array.from(el.childNodes).flatMap(toInline);
    const tag = INLINE_TAGS[el.tagName];
    if (tag === 'a') {
      const href = absoluteHttpUrl(el.getAttribute('href'), pageUrl);
      return href ? [{ tag, href, children }] : children;
    }
    if (tag) return [{ tag, children }];
    if (UNWRAP_INLINE.has(el.tagName)) return children;
    // A block element inside inline content: keep its text, separated.
    return [' ', ...children, ' '];
  };

  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      if (node.textContent) pending.push(node.textContent);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName;

    if (el.hasAttribute('data-naqi-video')) {
      flush();
      const href = absoluteHttpUrl(el.getAttribute('href'), pageUrl);
      if (href) pushBlock({ type: 'video', href });
      return;
    }
    if (tag === 'BR') {
      // Consecutive text separated by <br> is how the aggregator lays out paragraphs.
      flush();
      return;
    }
    if (CAPTION_CLASS.test(el.getAttribute('class') ?? '') && lastFigure !== null && !pending.length && !el.querySelector('img')) {
      const image = images[lastFigure];
      if (image && !image.caption) image.caption = normaliseSpace(el.textContent ?? '');
      return;
    }
    if (tag === 'P') {
      flush();
      pending = Array.from(el.childNodes).flatMap(toInline);
      flush();
      return;
    }
    const heading = HEADING[tag];
    if (heading) {
      flush();
      const content = trimInline(Array.from(el.childNodes).flatMap(toInline));
      if (hasText(inlineText(content))) pushBlock({ type: heading, content });
      flushFiguresOnly();
      return;
    }
    if (tag === 'UL' || tag === 'OL') {
      flush();
      const items = Array.from(el.children)
        .filter((li) => li.tagName === 'LI')
        .map((li) => trimInline(Array.from(li.childNodes).flatMap(toInline)))
        .filter((item) => hasText(inlineText(item)));
      if (items.length) pushBlock({ type: tag === 'UL' ? 'ul' : 'ol', items });
      flushFiguresOnly();
      return;
    }
    if (tag === 'BLOCKQUOTE' || tag === 'PRE') {
      flush();
      const content =
        tag === 'PRE'
          ? [el.textContent ?? '']
          : trimInline(Array.from(el.childNodes).flatMap(toInline));
      if (hasText(inlineText(content))) pushBlock({ type: tag === 'PRE' ? 'pre' : 'blockquote', content });
      flushFiguresOnly();
      return;
    }
    if (tag === 'FIGURE' || tag === 'IMG') {
      const img = tag === 'IMG' ? el : el.querySelector('img');
      if (img) {
        flush();
        const figcaption = tag === 'FIGURE' ? el.querySelector('figcaption') : null;
        const index = addImage(img, figcaption?.textContent ?? '');
        if (index !== null) pushBlock({ type: 'figure', image: index });
        // A caption whose image is not shown (a duplicate, a logo) is dropped with it;
        // a gallery's text is in its captions, so one without any image is read below.
        return;
      }
    }
    if (INLINE_TAGS[tag] || UNWRAP_INLINE.has(tag)) {
      // An <a> wrapping an image (link to the full-size file) is a figure, not a link.
      if (el.querySelector('img') && !hasText(el.textContent ?? '')) {
        for (const child of Array.from(el.childNodes)) visit(child);
        return;
      }
      pending.push(...toInline(el));
      return;
    }
    if (tag === 'HR') {
      flush();
      return;
    }
    // Containers (div, section, table, td, …): their edges are paragraph boundaries.
    flush();
    for (const child of Array.from(el.childNodes)) visit(child);
    flush();
  };

  function flushFiguresOnly() {
    for (const index of pendingFigures) pushBlock({ type: 'figure', image: index });
    pendingFigures = [];
  }

  for (const child of Array.from(root.childNodes)) visit(child);
  flush();
  return { blocks, images };
}

function trimInline(nodes: Inline[]): Inline[] {
  const out = [...nodes];
  while (out.length && isBlank(out[0]!)) out.shift();
  while (out.length && isBlank(out[out.length - 1]!)) out.pop();
  return out;
}

function isBlank(node: Inline): boolean {
  return typeof node === 'string' ? !hasText(node) : node.tag === 'br';
}

/** Logos, avatars, pixels, icons and teaser thumbnails are not article images. */
export function isArticleImage(img: Element, src: string, pageUrl: string): boolean {
  const width = Number.parseInt(img.getAttribute('width') ?? '', 10);
  const height = Number.parseInt(img.getAttribute('height') ?? '', 10);
  if ((width > 0 && width < 100) || (height > 0 && height < 80)) return false;
  const names = `${src} ${img.getAttribute('class') ?? ''} ${img.getAttribute('alt') ?? ''}`;
  if (NON_ARTICLE_IMAGE.test(names)) return false;
  const link = img.closest('a[href]');
  if (link) {
    const href = absoluteHttpUrl(link.getAttribute('href'), pageUrl);
    // A thumbnail linking to another page is a teaser; linking to its own file is a zoom.
    if (href && href !== absoluteHttpUrl(pageUrl, pageUrl) && !IMAGE_URL.test(href) && !href.includes('images')) return false;
  }
  return true;
}
