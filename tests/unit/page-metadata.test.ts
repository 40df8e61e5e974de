// @vitest-environment jsdom
// What a page declares about itself (og:*, JSON-LD) and what Naqi makes of it: detection of an
// article outside the adapter's URL patterns, the declared lead image, title / date / language
// when the markup lacks them, and the Maghress attribution over the slug table (issue 11).
// Each case is a minimal page written for it.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { detectArticlePage, extractArticle } from '../../utils/reader/extract';
import { readPageMetadata } from '../../utils/reader/page-metadata';

const page = (html: string, url: string) => new JSDOM(html, { url }).window.document;

const PARAS = [
  'Le gouvernement a présenté mardi un nouveau programme de soutien aux petites exploitations agricoles des régions touchées par la sécheresse.',
  'Selon le ministère, plus de cent mille exploitants pourront bénéficier des aides, versées en deux tranches au cours des prochains mois.',
  'Les organisations professionnelles saluent une mesure attendue, tout en demandant un calendrier plus précis pour les premiers versements.',
];
const AR_PARAS = [
  'أعلنت الحكومة، اليوم الثلاثاء، عن برنامج جديد لدعم الفلاحين الصغار بالمناطق المتضررة من الجفاف، يشمل مساعدات مالية مباشرة وتوزيع البذور.',
  'وحسب بلاغ للوزارة، فإن أزيد من مائة ألف فلاح سيستفيدون من هذا الدعم الذي سيصرف على دفعتين خلال الأشهر المقبلة بتنسيق مع السلطات.',
  'ورحبت الهيئات المهنية بهذا الإجراء، مطالبة في الوقت نفسه بجدولة زمنية أوضح لصرف الدفعات الأولى وبتبسيط مساطر الاستفادة.',
];
const paras = (list: string[]) => list.map((p) => `<p>${p}</p>`).join('');

const newsArticleLd = (extra: Record<string, unknown> = {}) =>
  `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', ...extra })}</script>`;

describe('detection: what the page declares', () => {
  // alyaoum24's pattern is /<number>.html; this URL shape is not in it.
  const url = 'https://alyaoum24.com/politique/programme-de-soutien-aux-agriculteurs/';

  it('opens an article outside the pattern list that says og:type=article and has the site\'s article body', () => {
    const doc = page(`<html lang="ar"><head><meta property="og:type" content="article"></head><body><h1>عنوان</h1><div class="entry-content">${paras(AR_PARAS)}</div></body></html>`, url);
    expect(detectArticlePage(doc, url)).toMatchObject({ site: { id: 'alyaoum24' }, isArticle: true });
  });

  it('does not take og:type=article alone for an article: themes leave it on listings (Maghress\'s do)', () => {
    const listing = 'https://alyaoum24.com/politique';
    const doc = page(`<head><meta property="og:type" content="article"></head><body><h1>سياسة</h1><ul><li><a href="/1.html">عنوان</a></li></ul></body>`, listing);
    expect(detectArticlePage(doc, listing).isArticle).toBe(false);
  });

  it('opens one that declares a JSON-LD NewsArticle, also in a @graph, an array, or as a type list', () => {
    for (const ld of [
      { '@type': 'NewsArticle' },
      { '@type': 'ReportageNewsArticle' },
      { '@type': ['Article', 'Thing'] },
      { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle' }] },
      [{ '@type': 'Organization' }, { '@type': 'https://schema.org/Article' }],
    ]) {
      const doc = page(`<head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body></body>`, url);
      expect(detectArticlePage(doc, url).isArticle, JSON.stringify(ld)).toBe(true);
    }
  });

  it('opens one that only dates itself as an article (article:published_time)', () => {
    const doc = page('<head><meta property="article:published_time" content="2024-05-14T09:30:00+01:00"></head>', url);
    expect(detectArticlePage(doc, url).isArticle).toBe(true);
  });

  it('keeps a category page closed: og:type=website, a CollectionPage, teasers typed NewsArticle inside an ItemList', () => {
    const categoryUrl = 'https://alyaoum24.com/politique/';
    const doc = page(
      `<head><meta property="og:type" content="website"><meta property="og:url" content="${categoryUrl}">
      <script type="application/ld+json">${JSON.stringify({
        '@type': 'CollectionPage',
        mainEntity: { '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: { '@type': 'NewsArticle', headline: 'x' } }] },
      })}</script></head><body><h1>سياسة</h1></body>`,
      categoryUrl,
    );
    expect(detectArticlePage(doc, categoryUrl)).toMatchObject({ site: { id: 'alyaoum24' }, isArticle: false });
  });

  it('keeps home, search, tag and listing pages closed whatever they declare', () => {
    const declared = `<head><meta property="og:type" content="article">${newsArticleLd()}</head>`;
    for (const u of [
      'https://alyaoum24.com/',
      'https://fr.le360.ma/',
      'https://alyaoum24.com/tag/maroc/',
      'https://alyaoum24.com/search/maroc',
      'https://www.maghress.com/search?q=x',
      'https://www.maghress.com/fr/',
    ]) {
      expect(detectArticlePage(page(declared, u), u).isArticle, u).toBe(false);
    }
  });

  it('ignores metadata that describes another page (a single-page navigation before the <head> caught up)', () => {
    const doc = page(`<head><link rel="canonical" href="https://alyaoum24.com/1873456.html">${newsArticleLd()}</head>`, url);
    expect(detectArticlePage(doc, url).isArticle).toBe(false);
    const same = page(`<head><link rel="canonical" href="${url}">${newsArticleLd()}</head>`, `${url}?utm_source=x`);
    expect(detectArticlePage(same, `${url}?utm_source=x`).isArticle).toBe(true);
  });

  it('still detects by URL alone, and never opens an unsupported site by itself', () => {
    expect(detectArticlePage(page('', 'https://alyaoum24.com/1873456.html'), 'https://alyaoum24.com/1873456.html').isArticle).toBe(true);
    const other = 'https://news.example.org/2024/05/x';
    expect(detectArticlePage(page(`<head>${newsArticleLd()}</head>`, other), other)).toEqual({ site: undefined, isArticle: false });
  });

  it('does not throw on malformed, huge or hostile JSON-LD, nor on a page that shadows document members', () => {
    const hostile = [
      '{"@type": "NewsArticle",}',
      '{"@type": ',
      '<!-- -->',
      'null',
      '42',
      '"NewsArticle"',
      JSON.stringify({ '@type': { toString: 'NewsArticle' }, image: { url: { url: { url: 'x' } } } }),
      JSON.stringify({ '@graph': 'NewsArticle', '@type': null }),
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      JSON.stringify({ '@type': 'WebPage', filler: 'x'.repeat(300_000) }),
      JSON.stringify({ '@graph': Array.from({ length: 50_000 }, () => ({ '@type': 'Thing' })) }),
      JSON.stringify({ __proto__: { isArticle: true }, constructor: { prototype: 1 }, '@type': 'Thing' }),
    ];
    for (const text of hostile) {
      const doc = page(`<head><script type="application/ld+json">${text.replace(/</g, '\\u003c')}</script></head>`, url);
      expect(() => readPageMetadata(doc), text.slice(0, 40)).not.toThrow();
      expect(detectArticlePage(doc, url).isArticle, text.slice(0, 40)).toBe(false);
    }
    // Still read when a good script follows a broken one.
    const mixed = page(`<head><script type="application/ld+json">{oops</script>${newsArticleLd({ headline: 'Titre' })}</head>`, url);
    expect(readPageMetadata(mixed)).toMatchObject({ article: 'declared', title: 'Titre' });
    const clobbered = page(`<head>${newsArticleLd()}</head><body><img name="querySelectorAll"><form name="querySelector"></form></body>`, url);
    expect(() => detectArticlePage(clobbered, url)).not.toThrow();
  });
});

describe('lead image: the declared image shown in the article region', () => {
  const url = 'https://alyaoum24.com/1873999.html';
  const featured = 'https://alyaoum24.com/wp-content/uploads/2024/05/agriculteurs.jpg';
  const head = (image: string) =>
    `<head><meta property="og:type" content="article"><meta property="og:image" content="${image}">
    ${newsArticleLd({ headline: 'برنامج لدعم الفلاحين الصغار', image: { '@type': 'ImageObject', url: image } })}</head>`;
  const logo = '<header class="site-header"><a href="/" class="brand"><img src="https://alyaoum24.com/wp-content/uploads/site-mark.png" alt="اليوم 24"></a></header>';

  it('takes a WordPress .post-thumbnail above the headline, outside .entry-content', () => {
    const doc = page(
      `<html lang="ar">${head(featured)}<body>${logo}<article>
        <div class="post-thumbnail"><img src="https://alyaoum24.com/wp-content/uploads/2024/05/agriculteurs-1024x576.jpg"
          srcset="https://alyaoum24.com/wp-content/uploads/2024/05/agriculteurs-1024x576.jpg 1024w, ${featured} 1600w" alt=""></div>
        <header class="entry-header"><h1 class="entry-title">برنامج لدعم الفلاحين الصغار</h1></header>
        <div class="entry-content">${paras(AR_PARAS)}</div></article></body></html>`,
      url,
    );
    const article = extractArticle(doc, url)!;
    // Matched to the declared full size through its srcset; shown at the size the page shows.
    expect(article.images.map((i) => i.src)).toEqual(['https://alyaoum24.com/wp-content/uploads/2024/05/agriculteurs-1024x576.jpg']);
    expect(article.blocks[0]?.type).toBe('figure');
  });

  it('takes a figure.wp-block-post-featured-image between the header and the body, on a page with no site rules', () => {
    const other = 'https://news.example.org/2024/05/programme';
    const image = 'https://news.example.org/uploads/programme.jpg';
    const doc = page(
      `<html lang="fr">${head(image)}<body><header><nav><a href="/">Accueil</a></nav></header><main>
        <h1>Un programme de soutien aux agriculteurs</h1>
        <figure class="wp-block-post-featured-image"><img src="${image}" alt="Des agriculteurs"></figure>
        <div class="wp-block-post-content">${paras(PARAS)}</div></main></body></html>`,
      other,
    );
    expect(extractArticle(doc, other)!.images.map((i) => i.src)).toEqual([image]);
  });

  it('never takes a logo the page declares as its og:image, nor an ad showing the declared image', () => {
    const logoUrl = 'https://alyaoum24.com/wp-content/uploads/logo.png';
    const doc = page(
      `<html lang="ar">${head(logoUrl)}<body><header class="site-header"><img src="${logoUrl}" alt=""></header><article>
        <div class="post-thumbnail"><img src="${logoUrl}" alt=""></div>
        <header class="entry-header"><h1 class="entry-title">برنامج لدعم الفلاحين الصغار</h1></header>
        <div class="entry-content">${paras(AR_PARAS)}</div></article></body></html>`,
      url,
    );
    expect(extractArticle(doc, url)!.images).toEqual([]);

    const adImage = 'https://alyaoum24.com/wp-content/uploads/2024/05/campagne.jpg';
    const withAd = page(
      `<html lang="ar">${head(adImage)}<body><article><div class="ad-slot"><img src="${adImage}" alt=""></div>
        <header class="entry-header"><h1 class="entry-title">برنامج لدعم الفلاحين الصغار</h1></header>
        <div class="entry-content">${paras(AR_PARAS)}</div></article></body></html>`,
      url,
    );
    expect(extractArticle(withAd, url)!.images).toEqual([]);
  });

  it('never takes the declared image from a site header outside the article', () => {
    const doc = page(
      `<html lang="ar">${head(featured)}<body><header class="site-header"><img src="${featured}" alt=""></header><article>
        <header class="entry-header"><h1 class="entry-title">برنامج لدعم الفلاحين الصغار</h1></header>
        <div class="entry-content">${paras(AR_PARAS)}</div></article></body></html>`,
      url,
    );
    expect(extractArticle(doc, url)!.images).toEqual([]);
  });
});

describe('title, date and language from metadata when the markup lacks them', () => {
  it('reads the JSON-LD headline, datePublished and inLanguage; og:title and og:locale without JSON-LD', () => {
    const other = 'https://news.example.org/2024/05/programme';
    const doc = page(
      `<html><head><title>Accueil - Example News</title>${newsArticleLd({
        headline: 'Un programme de soutien aux agriculteurs',
        datePublished: '2024-05-14T09:30:00+01:00',
        inLanguage: 'fr-MA',
      })}</head><body><div class="story">${paras(PARAS.map((p) => p.replace(/[éè]/g, 'e')))}</div></body></html>`,
      other,
    );
    expect(extractArticle(doc, other)).toMatchObject({ title: 'Un programme de soutien aux agriculteurs', date: '2024-05-14', lang: 'fr', dir: 'ltr' });

    const og = page(
      `<html><head><title>Example News</title><meta property="og:title" content="Un programme de soutien aux agriculteurs">
      <meta property="og:locale" content="en_US"><meta property="article:published_time" content="2024-05-15T08:00:00Z">
      </head><body><div class="story">${paras(PARAS)}</div></body></html>`,
      other,
    );
    expect(extractArticle(og, other)).toMatchObject({ title: 'Un programme de soutien aux agriculteurs', date: '2024-05-15', lang: 'en' });
  });

  it('keeps what the markup says over the metadata', () => {
    const other = 'https://news.example.org/2024/05/programme';
    const doc = page(
      `<html lang="fr"><head><meta property="og:locale" content="en_US">${newsArticleLd({ headline: 'Autre titre' })}</head>
      <body><article><h1>Un programme de soutien aux agriculteurs</h1>${paras(PARAS)}</article></body></html>`,
      other,
    );
    expect(extractArticle(doc, other)).toMatchObject({ title: 'Un programme de soutien aux agriculteurs', lang: 'fr' });
  });
});

describe('Maghress: the page names the paper, the slug table fills gaps', () => {
  const article = (url: string, lang: string, attribution: string, link = '') =>
    page(
      `<html lang="${lang}"><body><div class="article"><h1>${lang === 'fr' ? 'Un programme de soutien aux agriculteurs' : 'برنامج لدعم الفلاحين الصغار'}</h1>
      <div class="source">${attribution}</div><div class="content">${paras(lang === 'fr' ? PARAS : AR_PARAS)}${link}</div></div></body></html>`,
      url,
    );

  it('French: "Publié dans Albayane" stays Albayane, not the Arabic sister paper Bayane Al Yaoume', () => {
    const url = 'https://www.maghress.com/fr/albayane/123456';
    const source = extractArticle(article(url, 'fr', 'Publié dans <a href="#">Albayane</a> le 14 - 05 - 2024'), url)!.source;
    expect(source?.name).toBe('Albayane');
    expect(source?.name).not.toMatch(/Yaoum/);
  });

  it('the table gives Al Bayane, not Bayane Al Yaoume, when the page names no paper; بيان اليوم is bayanealyaoume', () => {
    const fr = 'https://www.maghress.com/fr/albayane/123457';
    expect(extractArticle(article(fr, 'fr', ''), fr)!.source?.name).toBe('Al Bayane');
    const ar = 'https://www.maghress.com/bayanealyaoume/123458';
    expect(extractArticle(article(ar, 'ar', ''), ar)!.source?.name).toBe('بيان اليوم');
  });

  it('an attribution that disagrees with the slug wins, and the other paper\'s home is not given as its link', () => {
    const url = 'https://www.maghress.com/assabah/123459';
    const source = extractArticle(article(url, 'ar', 'نشر في المساء يوم 14 - 05 - 2024'), url)!.source;
    expect(source).toEqual({ name: 'المساء' });
  });

  it('without an attribution line, the paper whose site the source link points to names it', () => {
    const url = 'https://www.maghress.com/assabah/123460';
    const link = '<p><a href="https://www.hespress.com/programme-1354210.html">انقر هنا لقراءة الخبر من مصدره</a></p>';
    expect(extractArticle(article(url, 'ar', '', link), url)!.source).toEqual({ name: 'هسبريس', url: 'https://www.hespress.com/programme-1354210.html' });
  });
});
