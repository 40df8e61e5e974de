import { describe, expect, it } from 'vitest';
import { REVIEW_SHORTCUTS, isTypingTarget, reviewActionFor } from '../shortcuts';

const el = (tagName: string, type?: string) => ({ tagName, type }) as unknown as EventTarget;

describe('reviewActionFor', () => {
  it('maps the letters', () => {
    expect(reviewActionFor({ key: 'j' })).toBe('next');
    expect(reviewActionFor({ key: 'k' })).toBe('previous');
    expect(reviewActionFor({ key: 'h' })).toBe('hide');
    expect(reviewActionFor({ key: 'd' })).toBe('keep');
    expect(reviewActionFor({ key: 'u' })).toBe('pending');
    expect(reviewActionFor({ key: 'J' })).toBe('next');
    expect(reviewActionFor({ key: 'q' })).toBeUndefined();
  });
  it('has no two actions on one key', () => {
    const actions = Object.values(REVIEW_SHORTCUTS);
    expect(new Set(actions).size).toBe(actions.length);
  });
  it('ignores modified keys and typing', () => {
    expect(reviewActionFor({ key: 'h', ctrlKey: true })).toBeUndefined();
    expect(reviewActionFor({ key: 'h', metaKey: true })).toBeUndefined();
    expect(reviewActionFor({ key: 'h', target: el('INPUT', 'text') })).toBeUndefined();
    expect(reviewActionFor({ key: 'h', target: el('TEXTAREA') })).toBeUndefined();
    expect(reviewActionFor({ key: 'h', target: el('INPUT', 'checkbox') })).toBe('hide');
    expect(reviewActionFor({ key: 'h', target: el('BUTTON') })).toBe('hide');
  });
  it('follows the typed letter on AZERTY and the position on an Arabic layout', () => {
    // AZERTY: the typed letter wins over the physical position.
    expect(reviewActionFor({ key: 'a', code: 'KeyQ' })).toBeUndefined();
    expect(reviewActionFor({ key: 'ت', code: 'KeyJ' })).toBe('next');
    expect(reviewActionFor({ key: 'ا', code: 'KeyH' })).toBe('hide');
  });
  it('knows what a typing target is', () => {
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('INPUT', 'search'))).toBe(true);
    expect(isTypingTarget(el('INPUT', 'file'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
