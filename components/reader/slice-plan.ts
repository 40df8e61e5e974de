import type { Block, Inline } from '@/utils/reader/types';

/**
 * How the reader view splits an article's blocks into slices rendered one frame apart, so a
 * very long article shows its first screenful without waiting for the layout of all the rest
 * (about 2,000 Arabic paragraphs take a third of a second to lay out on a slow machine).
 *
 * Sizes are in characters, a rough stand-in for layout cost: laying out text is mostly
 * shaping it and breaking it into lines.
 */

/** Each block costs something beyond its text: its boxes, margins, a DOM node or several. */
const BLOCK_OVERHEAD = 40;
/** Frame, image, caption and report button: cheap to lay out, but several elements. */
const FIGURE_WEIGHT = 300;
/**
 * The first slice must fill the screen, or the reader sees the text end for a frame: 12,000
 * characters is more than a 2160-pixel-tall window shows at the smallest font size.
 */
export const FIRST_SLICE_WEIGHT = 12_000;
/**
 * Each later slice. A frame has fixed costs besides the slice (style, pre-paint, waiting for
 * the next frame), so fewer, bigger slices finish the article sooner: on the long benchmark
 * page, 48,000-character slices took 40–50 ms frames on the busy 2-core benchmark machine and
 * completed it in ~840 ms (Chromium), where 24,000 took ~1,140 ms.
 */
export const SLICE_WEIGHT = 48_000;
/** Up to this, the whole article renders at once: its layout costs no more than a frame or two. */
export const ONE_PASS_WEIGHT = 40_000;

function inlineLength(nodes: Inline[]): number {
  let n = 0;
  for (const node of nodes) n += typeof node === 'string' ? node.length : inlineLength(node.children);
  return n;
}

export function blockWeight(block: Block): number {
  switch (block.type) {
    case 'figure':
      return FIGURE_WEIGHT;
    case 'video':
      return BLOCK_OVERHEAD;
    case 'ul':
    case 'ol':
      return block.items.reduce((sum, item) => sum + BLOCK_OVERHEAD + inlineLength(item), BLOCK_OVERHEAD);
    default:
      return BLOCK_OVERHEAD + inlineLength(block.content);
  }
}

/**
 * The end (exclusive block index) of each slice, in order; the last is `blocks.length`.
 * A short article is one slice. Every slice holds at least one block.
 */
export function planSlices(blocks: readonly Block[]): number[] {
  const weights = blocks.map(blockWeight);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= ONE_PASS_WEIGHT) return [blocks.length];
  const ends: number[] = [];
  let budget = FIRST_SLICE_WEIGHT;
  let filled = 0;
  weights.forEach((weight, i) => {
    filled += weight;
    if (filled >= budget && i + 1 < blocks.length) {
      ends.push(i + 1);
      filled = 0;
      budget = SLICE_WEIGHT;
    }
  });
  ends.push(blocks.length);
  return ends;
}

/** The index of the slice holding block `index`. */
export function sliceOf(ends: readonly number[], index: number): number {
  const slice = ends.findIndex((end) => index < end);
  return slice === -1 ? ends.length - 1 : slice;
}
