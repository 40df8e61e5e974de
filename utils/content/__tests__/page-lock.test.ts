// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { lockPage } from '../page-lock';

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '<div style="width: 728px">ad</div>';
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
});

describe('lockPage', () => {
  it('stops the page scrolling and widening the screen, then gives back exactly what it had', () => {
    document.documentElement.style.overflow = 'scroll';
    document.body.style.setProperty('overflow-x', 'auto');
    const unlock = lockPage(document);
    expect(document.documentElement.style.overflow).toBe('hidden');
    expect(document.body.style.getPropertyValue('overflow-x')).toBe('clip');
    expect(document.body.style.getPropertyPriority('overflow-x')).toBe('important');
    unlock();
    expect(document.documentElement.style.overflow).toBe('scroll');
    expect(document.body.style.getPropertyValue('overflow-x')).toBe('auto');
    expect(document.body.style.getPropertyPriority('overflow-x')).toBe('');
  });

  it('leaves no style behind on a page that had none', () => {
    lockPage(document)();
    expect(document.documentElement.getAttribute('style') ?? '').toBe('');
    expect(document.body.getAttribute('style') ?? '').toBe('');
  });

  it('adds a phone viewport only to a page without one, for as long as the view is open', () => {
    const unlock = lockPage(document);
    const meta = document.querySelector('meta[name="viewport"]');
    expect(meta?.getAttribute('content')).toBe('width=device-width, initial-scale=1');
    unlock();
    expect(document.querySelector('meta[name="viewport"]')).toBeNull();

    document.head.innerHTML = '<meta name="viewport" content="width=1024">';
    lockPage(document)();
    expect(document.querySelectorAll('meta[name="viewport"]')).toHaveLength(1);
    expect(document.querySelector('meta[name="viewport"]')?.getAttribute('content')).toBe('width=1024');
  });
});
