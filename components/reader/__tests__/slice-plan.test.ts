import { describe, expect, it } from 'vitest';
import type { Block } from '@/utils/reader/types';
import { FIRST_SLICE_WEIGHT, ONE_PASS_WEIGHT, SLICE_WEIGHT, blockWeight, planSlices, sliceOf } from '../slice-plan';

const paragraph = (chars: number): Block => ({ type: 'p', content: ['ب'.repeat(chars)] });
const weightOf = (blocks: Block[], from: number, to: number) => blocks.slice(from, to).reduce((a, b) => a + blockWeight(b), 0);

describe('planSlices', () => {
  it('renders a short article in one slice', () => {
    const blocks = Array.from({ length: 30 }, () => paragraph(300));
    expect(weightOf(blocks, 0, blocks.length)).toBeLessThanOrEqual(ONE_PASS_WEIGHT);
    expect(planSlices(blocks)).toEqual([30]);
    expect(planSlices([])).toEqual([0]);
  });

  it('splits a long article: a screenful first, then bounded slices covering every block once', () => {
    const blocks: Block[] = [];
    for (let i = 0; i < 2000; i++) {
      blocks.push(paragraph(150 + (i % 7) * 30));
      if (i % 13 === 12) blocks.push({ type: 'figure', image: blocks.length });
    }
    const ends = planSlices(blocks);
    expect(ends.length).toBeGreaterThan(5);
    expect(ends.at(-1)).toBe(blocks.length);
    let from = 0;
    ends.forEach((to, i) => {
      expect(to).toBeGreaterThan(from);
      const weight = weightOf(blocks, from, to);
      if (i === 0) expect(weight).toBeGreaterThanOrEqual(FIRST_SLICE_WEIGHT);
      // A slice stops at the first block that reaches its budget.
      expect(weight - blockWeight(blocks[to - 1]!)).toBeLessThan(i === 0 ? FIRST_SLICE_WEIGHT : SLICE_WEIGHT);
      from = to;
    });
  });

  it('never makes an empty slice, even when one block is bigger than a slice', () => {
    const blocks = [paragraph(100_000), paragraph(10), paragraph(100_000)];
    expect(planSlices(blocks)).toEqual([1, 3]);
  });

  it('finds the slice holding a block', () => {
    expect(sliceOf([10, 40, 70], 0)).toBe(0);
    expect(sliceOf([10, 40, 70], 10)).toBe(1);
    expect(sliceOf([10, 40, 70], 69)).toBe(2);
  });

  it('weighs lists by their items and inline markup by its text', () => {
    const list: Block = { type: 'ul', items: [['abc'], [{ tag: 'strong', children: ['de'] }]] };
    expect(blockWeight(list)).toBeGreaterThan(5);
    const nested: Block = { type: 'p', content: ['ab', { tag: 'a', href: 'https://x.ma/', children: [{ tag: 'em', children: ['cde'] }] }] };
    expect(blockWeight(nested)).toBe(blockWeight(paragraph(5)));
  });
});
