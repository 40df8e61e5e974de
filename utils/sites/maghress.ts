import type { SiteRule } from './types';

// Maghress republishes Moroccan papers at /<source-slug>/<numeric id>; the French section
// lives under /fr/<source-slug>/<id>. The original paper is named by the slug and by the
// attribution line "نشر في <paper> يوم <date>", and linked by "انقر هنا لقراءة الخبر من مصدره".
export const maghress: SiteRule = {
  id: 'maghress',
  name: 'مغرس',
  latinName: 'Maghress',
  hosts: ['maghress.com'],
  lang: 'ar',
  articlePaths: [/^\/(?:fr\/)?[a-z0-9][a-z0-9_-]*\/\d+\/?$/i],
  // A slug alone (/hespress, /fr/lematin) is that paper's listing, though its <head> says
  // og:type "article": never an article, whatever the page declares.
  notArticlePaths: [/^\/(?:fr\/)?(?:search|tag|tags|category|cat|page|section)\b/i, /^\/(?:fr\/)?[a-z0-9][a-z0-9_-]*\/?$/i],
  selectors: {
    title: ['.article h1', 'article h1', '#article h1', 'h1.title', 'h1', '.news-title'],
    body: ['.article .content', '#article .content', '.article-body', '.news-body', 'article .content', '.article-text'],
    date: ['.article .date', '.date', 'time[datetime]', '.published'],
    source: ['.article .source', '.source', '.attribution', '.nashr'],
    sourceLink: ['a.source-link', 'a.original', '.source a[href]'],
    remove: ['.report-dialog', '.ticker', '.news-ticker', '.marquee', '.related', '.share', '.comments', '.tags'],
  },
  testUrls: {
    article: [
      'https://www.maghress.com/assabah/123456',
      'https://www.maghress.com/hespress/1234567',
      'https://www.maghress.com/fr/lematin/98765',
      'http://maghress.com/almassae/55/',
    ],
    notArticle: [
      'https://www.maghress.com/',
      'https://www.maghress.com/hespress',
      'https://www.maghress.com/fr/',
      'https://www.maghress.com/search?q=%D8%A7%D9%84%D9%85%D8%BA%D8%B1%D8%A8',
      'https://www.maghress.com/tag/123',
      'https://www.maghress.com/category/politique',
    ],
  },
};
