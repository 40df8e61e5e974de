import { describe, expect, it } from 'vitest';
import { pagesFor, scrollTopFor, visibleRange } from '../windowing';

describe('visibleRange', () => {
  it('renders only the visible rows plus overscan', () => {
    expect(visibleRange(0, 400, 80, 100_000, 2)).toEqual({ start: 0, end: 7 });
    expect(visibleRange(8000, 400, 80, 100_000, 2)).toEqual({ start: 98, end: 107 });
  });
  it('clamps to the list', () => {
    expect(visibleRange(0, 400, 80, 3, 4)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(1e9, 400, 80, 10, 2)).toEqual({ start: 10, end: 10 });
    expect(visibleRange(-50, 400, 80, 10, 0)).toEqual({ start: 0, end: 5 });
    expect(visibleRange(0, 400, 80, 0)).toEqual({ start: 0, end: 0 });
  });
  it('stays small for a huge list', () => {
    const { start, end } = visibleRange(123_456 * 80, 560, 80, 1_000_000);
    expect(end - start).toBeLessThan(20);
  });
});

describe('scrollTopFor', () => {
  it('scrolls only when the row is out of view', () => {
    expect(scrollTopFor(2, 0, 400, 80)).toBeUndefined();
    expect(scrollTopFor(10, 0, 400, 80)).toBe(480);
    expect(scrollTopFor(1, 400, 400, 80)).toBe(80);
  });
});

describe('pagesFor', () => {
  it('lists the pages covering a range', () => {
    expect(pagesFor(0, 10, 50)).toEqual([0]);
    expect(pagesFor(45, 55, 50)).toEqual([0, 1]);
    expect(pagesFor(100, 100, 50)).toEqual([]);
  });
});

describe('evictFarPages', () => {
  it('keeps the pages nearest the screen', async () => {
    const { evictFarPages } = await import('../paged');
    const pages = new Map<number, unknown>([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((p) => [p, p]));
    evictFarPages(pages, 6, 4);
    expect([...pages.keys()].sort((a, b) => a - b)).toEqual([5, 6, 7, 8]);
    const small = new Map<number, unknown>([[1, 1]]);
    evictFarPages(small, 100, 4);
    expect(small.size).toBe(1);
  });
});
