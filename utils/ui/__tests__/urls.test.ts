import { describe, expect, it } from 'vitest';
import { articleUrlWithImage, displayHost, httpUrl, shortenMiddle } from '../urls';

describe('httpUrl', () => {
  it('accepts http and https only', () => {
    expect(httpUrl('https://www.maghress.com/a/1')).toBe('https://www.maghress.com/a/1');
    expect(httpUrl('http://example.ma')).toBe('http://example.ma/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'not a url', '', 42, null, undefined, 'chrome://settings'])
      expect(httpUrl(bad), String(bad)).toBeUndefined();
  });
});

describe('articleUrlWithImage', () => {
  it('adds the image fragment, replacing an existing fragment', () => {
    const img = 'https://cdn.example.ma/img/a b.jpg?x=1&y=2#z';
    const url = articleUrlWithImage('https://www.maghress.com/hespress/123#comments', img)!;
    expect(url.startsWith('https://www.maghress.com/hespress/123#naqi-image=')).toBe(true);
    const fragment = new URL(url).hash.slice('#naqi-image='.length);
    expect(decodeURIComponent(fragment)).toBe(img);
    expect(url.match(/#/g)).toHaveLength(1);
  });

  it('refuses a page URL that is not http(s)', () => {
    expect(articleUrlWithImage('javascript:alert(1)', 'https://x/y.jpg')).toBeUndefined();
  });
});

describe('display helpers', () => {
  it('shows the host without www', () => {
    expect(displayHost('https://www.maghress.com/x')).toBe('maghress.com');
    expect(displayHost('junk')).toBe('junk');
  });
  it('shortens in the middle', () => {
    expect(shortenMiddle('abc', 10)).toBe('abc');
    const s = shortenMiddle('a'.repeat(50) + 'END', 20);
    expect(s).toHaveLength(20);
    expect(s.endsWith('END')).toBe(true);
    expect(s).toContain('…');
  });
});
