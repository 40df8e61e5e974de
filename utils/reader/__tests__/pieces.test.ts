// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { largestFromSrcset, realImageUrl, resolveLazyImages } from '../lazy-images';
import { cleanTitle } from '../title';
import { parseDate } from '../date';
import { looksLikeJunk, isBoilerplateText } from '../cleanup';
import { sanitiseInPlace } from '../sanitise';
import { buildBlocks } from '../blocks';
import { blocksText, dominantScript } from '../text';

const el = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};
const base = 'https://www.maghress.com/assabah/123';

/** As extraction does it: markup in an inert document, sanitised where it stands. */
const sanitised = (html: string) => {
  const inert = document.implementation.createHTMLDocument('');
  const div = inert.createElement('div');
  div.innerHTML = html;
  return sanitiseInPlace(div, window);
};

describe('lazy images', () => {
  it('prefers data-src over a placeholder src, even without a file extension', () => {
    const img = el('<img src="data:image/gif;base64,R0lGOD" data-src="//images2.maghress.com/assabah/123/thumb">').firstElementChild!;
    expect(realImageUrl(img, base)).toBe('https://images2.maghress.com/assabah/123/thumb');
  });
  it('takes the widest srcset candidate', () => {
    expect(largestFromSrcset('a.jpg 480w, b.jpg 1024w, c.jpg 800w')).toBe('b.jpg');
    expect(largestFromSrcset('a.jpg 1x, b.jpg 2x')).toBe('b.jpg');
  });
  it('reads a <picture> source when the img has nothing', () => {
    const root = el('<picture><source data-srcset="/x-640.webp 640w, /x-1280.webp 1280w"><img src="/blank.gif"></picture>');
    resolveLazyImages(root, base);
    expect(root.innerHTML).toBe('<img src="https://www.maghress.com/x-1280.webp">');
  });
  it('drops images with no real URL', () => {
    const root = el('<img src="javascript:alert(1)"><img>');
    resolveLazyImages(root, base);
    expect(root.querySelectorAll('img')).toHaveLength(0);
  });
});

describe('titles', () => {
  it('strips a site name in Arabic that Readability would keep', () => {
    expect(cleanTitle('تنسيقات أمنية مكثفة لحماية الحدود - مغرس', ['مغرس', 'Maghress'])).toBe('تنسيقات أمنية مكثفة لحماية الحدود');
    expect(cleanTitle('Hespress | المغرب يفوز', ['هسبريس', 'Hespress'])).toBe('المغرب يفوز');
  });
  it('keeps a separator that belongs to the headline', () => {
    expect(cleanTitle('كيوسك الجمعة | إيطاليا تبسط إجراءات', ['مغرس'])).toBe('كيوسك الجمعة | إيطاليا تبسط إجراءات');
  });
});

describe('dates', () => {
  it('reads the formats these sites use', () => {
    expect(parseDate('نشر في الصباح يوم 12 - 11 - 2011')).toBe('2011-11-12');
    expect(parseDate('الجمعة 22 نونبر 2024')).toBe('2024-11-22');
    expect(parseDate('Publié le 1er décembre 2023')).toBe('2023-12-01');
    expect(parseDate('2024-05-03T10:00:00+01:00')).toBe('2024-05-03');
    expect(parseDate('٠٣/٠٥/٢٠٢٤')).toBe('2024-05-03');
    expect(parseDate('31 - 02 - 2024')).toBeUndefined();
  });
});

describe('clean-up rules', () => {
  it('matches junk by whole words of class and id', () => {
    expect(looksLikeJunk(el('<div class="share-bar"></div>').firstElementChild!)).toBe(true);
    expect(looksLikeJunk(el('<div class="newsTicker"></div>').firstElementChild!)).toBe(true);
    expect(looksLikeJunk(el('<div id="read-also"></div>').firstElementChild!)).toBe(true);
    expect(looksLikeJunk(el('<div class="header shadow"></div>').firstElementChild!)).toBe(false);
    expect(looksLikeJunk(el('<div class="article-content"></div>').firstElementChild!)).toBe(false);
  });
  it('knows the aggregator boilerplate lines', () => {
    expect(isBoilerplateText('انقر هنا لقراءة الخبر من مصدره.')).toBe(true);
    expect(isBoilerplateText('شكرا على الإبلاغ! سيتم حجب هذه الصورة تلقائيا')).toBe(true);
    expect(isBoilerplateText('نشر في الصباح يوم 12 - 11 - 2011')).toBe(true);
    expect(isBoilerplateText('المغرب يعزز تنسيقه الأمني مع إسبانيا')).toBe(false);
  });
});

describe('sanitising and blocks', () => {
  it('keeps text, drops every active thing', () => {
    const fragment = sanitised(
      '<p onclick="x()">Hello <a href="javascript:alert(1)">bad</a> <a href="https://ok.ma/">ok</a><script>alert(1)</script></p>' +
        '<img src="x" onerror="alert(1)"><form><input></form><iframe srcdoc="<script>alert(1)</script>"></iframe>' +
        '<svg><script>alert(1)</script></svg><math><mi xlink:href="javascript:alert(1)">m</mi></math>',
    );
    const { blocks } = buildBlocks(fragment, base);
    expect(JSON.stringify(blocks)).not.toMatch(/javascript|alert|onclick|onerror|script/);
    expect(blocks[0]).toEqual({
      type: 'p',
      content: ['Hello ', 'bad', ' ', { tag: 'a', href: 'https://ok.ma/', children: ['ok'] }],
    });
  });
  it('splits <br>-separated text into paragraphs and keeps figures with captions', () => {
    const fragment = sanitised(
      'First paragraph.<br>Second paragraph.<figure><img src="https://i.ma/a.jpg" alt="A"><figcaption>Caption A</figcaption></figure>' +
        '<div class="wp-caption"><img src="https://i.ma/b.jpg" width="800"><p class="wp-caption-text">Caption B</p></div>',
    );
    const { blocks, images } = buildBlocks(fragment, base);
    expect(blocksText(blocks)).toBe('First paragraph.\n\nSecond paragraph.');
    expect(images).toEqual([
      { src: 'https://i.ma/a.jpg', caption: 'Caption A', alt: 'A' },
      { src: 'https://i.ma/b.jpg', caption: 'Caption B', alt: '' },
    ]);
  });
  it('never takes logos, pixels or teaser thumbnails for article images', () => {
    const fragment = sanitised(
      '<img src="https://x.ma/logo.png"><img src="https://x.ma/p.gif" width="1" height="1">' +
        '<a href="https://x.ma/other-article"><img src="https://x.ma/teaser.jpg"></a><img src="https://x.ma/real.jpg">',
    );
    expect(buildBlocks(fragment, base).images.map((i) => i.src)).toEqual(['https://x.ma/real.jpg']);
  });
  it('fails closed: a sanitiser that cannot run on the window given is an error, not markup passed through', () => {
    const div = document.implementation.createHTMLDocument('').createElement('div');
    div.innerHTML = '<img src="x" onerror="alert(1)">';
    expect(() => sanitiseInPlace(div, {} as Window)).toThrow(/cannot run/);
  });
  it('detects the script of a text', () => {
    expect(dominantScript('المغرب Maroc')).toBe('arabic');
    expect(dominantScript('Le Maroc et le monde')).toBe('latin');
  });
});
