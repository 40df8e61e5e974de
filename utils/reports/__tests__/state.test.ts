import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampThreshold, computeImageState, summarizeImage } from '../state';
import type { StoredReport } from '../../protocol';

const base = { reporters: 0, mine: false, decision: 'pending' as const };

describe('computeImageState', () => {
  it.each([
    ['nobody reported', base, 3, 'visible'],
    ['I reported, below threshold', { ...base, reporters: 1, mine: true }, 3, 'blurred'],
    ['others reported, below threshold', { ...base, reporters: 2 }, 3, 'visible'],
    ['threshold reached by others', { ...base, reporters: 3 }, 3, 'hidden'],
    ['threshold reached including me', { ...base, reporters: 3, mine: true }, 3, 'hidden'],
    ['threshold 1: one reporter hides', { ...base, reporters: 1 }, 1, 'hidden'],
    ['above threshold', { ...base, reporters: 25 }, 20, 'hidden'],
    ['moderator hide with no report', { ...base, decision: 'hide' as const }, 3, 'hidden'],
    ['moderator hide below threshold', { ...base, reporters: 1, decision: 'hide' as const }, 3, 'hidden'],
    ['moderator keep overrides threshold', { ...base, reporters: 10, decision: 'keep' as const }, 3, 'visible'],
    ['moderator keep leaves my own blur', { ...base, reporters: 10, mine: true, decision: 'keep' as const }, 3, 'blurred'],
  ] as const)('%s', (_label, input, threshold, expected) => {
    expect(computeImageState(input, threshold)).toBe(expected);
  });

  it('clamps the threshold into 1..20 (default 3)', () => {
    expect(clampThreshold(0)).toBe(1);
    expect(clampThreshold(50)).toBe(20);
    expect(clampThreshold('3')).toBe(3);
    expect(clampThreshold(2.5)).toBe(3);
    expect(clampThreshold(7)).toBe(7);
  });

  it('property: monotonic in reporters, and hidden exactly at the threshold without a decision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 20 }), fc.boolean(), (n, t, mine) => {
        const s = computeImageState({ reporters: n, mine, decision: 'pending' }, t);
        if (n >= t) expect(s).toBe('hidden');
        else expect(s).toBe(mine ? 'blurred' : 'visible');
        // One more reporter never makes an image more visible.
        const rank = { visible: 0, blurred: 1, hidden: 2 };
        expect(rank[computeImageState({ reporters: n + 1, mine, decision: 'pending' }, t)]).toBeGreaterThanOrEqual(rank[s]);
      }),
    );
  });
});

describe('summarizeImage', () => {
  const r = (over: Partial<StoredReport>): StoredReport => ({
    id: 'id',
    imageUrl: 'https://x.com/a.jpg',
    pageUrl: 'https://x.com/p1',
    pageTitle: 'P1',
    site: 'maghress',
    source: 'Hespress',
    reason: 'hate',
    note: '',
    createdAt: 1000,
    updatedAt: 1000,
    reporterId: 'r1',
    status: 'pending',
    ...over,
  });

  it('counts distinct reporters, reasons, pages and times', () => {
    const s = summarizeImage(
      'https://x.com/a.jpg',
      [
        r({ id: 'a' }),
        r({ id: 'b', reporterId: 'r2', reason: 'violence', createdAt: 500, updatedAt: 3000, pageUrl: 'https://x.com/p2', pageTitle: 'P2', note: 'Bad' }),
        r({ id: 'c', reporterId: 'r3', createdAt: 2000, updatedAt: 2000, site: null, source: null }),
      ],
      { imageUrl: 'https://x.com/a.jpg', decision: 'keep', note: 'ok', decidedAt: 4000 },
    );
    expect(s.reporters).toBe(3);
    expect(s.reporterIds).toEqual(['r1', 'r2', 'r3']);
    expect(s.reasons).toEqual({ hate: 2, violence: 1 });
    expect(s.pages).toEqual([
      { url: 'https://x.com/p2', title: 'P2' },
      { url: 'https://x.com/p1', title: 'P1' },
    ]);
    expect(s.firstAt).toBe(500);
    expect(s.lastAt).toBe(3000);
    expect(s.decision).toBe('keep');
    expect(s.status).toBe('kept');
    expect(s.decisionNote).toBe('ok');
    expect(s.sites).toEqual(['maghress']);
    expect(s.search).toContain('bad');
  });

  it('summarises a decision without reports', () => {
    const s = summarizeImage('https://x.com/a.jpg', [], { imageUrl: 'https://x.com/a.jpg', decision: 'hide', note: '', decidedAt: 9 });
    expect(s).toMatchObject({ reporters: 0, firstAt: 0, lastAt: 9, status: 'hidden', decision: 'hide' });
  });
});
