import { describe, expect, it } from 'vitest';
import { formatDateTime, isoDate, relativeParts, relativeTime } from '../time';

const now = Date.UTC(2025, 5, 15, 12, 0, 0);

describe('relativeParts', () => {
  it('picks the largest fitting unit', () => {
    expect(relativeParts(-30_000)).toEqual({ value: -30, unit: 'second' });
    expect(relativeParts(-5 * 60_000)).toEqual({ value: -5, unit: 'minute' });
    expect(relativeParts(-3 * 3_600_000)).toEqual({ value: -3, unit: 'hour' });
    expect(relativeParts(-2 * 86_400_000)).toEqual({ value: -2, unit: 'day' });
    expect(relativeParts(-14 * 86_400_000)).toEqual({ value: -2, unit: 'week' });
    expect(relativeParts(-65 * 86_400_000)).toEqual({ value: -2, unit: 'month' });
    expect(relativeParts(-800 * 86_400_000)).toEqual({ value: -2, unit: 'year' });
  });
});

describe('relativeTime', () => {
  it('speaks the UI language', () => {
    expect(relativeTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(relativeTime(now - 5 * 60_000, now, 'fr')).toBe('il y a 5 minutes');
    const ar = relativeTime(now - 5 * 60_000, now, 'ar');
    expect(ar).toMatch(/5/); // Western digits, as Moroccan readers write them
    expect(ar).toMatch(/[\u0600-\u06ff]/);
  });

  it('says "now" for the present and for a clock slightly ahead', () => {
    expect(relativeTime(now, now, 'en')).toBe('now');
    expect(relativeTime(now + 3_000, now, 'en')).toBe('now');
  });

  it('says "yesterday" when numeric is auto', () => {
    expect(relativeTime(now - 86_400_000, now, 'en')).toBe('yesterday');
    expect(relativeTime(now - 86_400_000, now, 'fr')).toBe('hier');
  });

  it('returns nothing for an invalid timestamp', () => {
    expect(relativeTime(Number.NaN, now, 'en')).toBe('');
    expect(formatDateTime(Number.NaN, 'en')).toBe('');
    expect(isoDate(Number.NaN)).toBe('');
  });

  it('gives an ISO date for <time datetime>', () => {
    expect(isoDate(now)).toBe('2025-06-15T12:00:00.000Z');
    expect(formatDateTime(now, 'en')).toMatch(/2025/);
  });
});
