import type { SiteRule } from './types';

// Barlamane.com (WordPress) uses bare slugs: /<arabic-slug>/, /fr/<slug>/, /en/<slug>/.
// A slug always has a hyphen; single words are sections or pages, listed as non-articles.
export const barlamane: SiteRule = {
  id: 'barlamane',
  name: 'برلمان.كوم',
  latinName: 'Barlamane',
  hosts: ['barlamane.com'],
  lang: 'ar',
  articlePaths: [/^\/(?:fr\/|en\/)?[^/.]+-[^/.]+\/?$/i],
  notArticlePaths: [
    /^\/(?:fr\/|en\/)?(?:category|tag|author|page|search|feed|wp-content|wp-json)(?:\/|$)/i,
    /^\/(?:fr\/|en\/)?(?:contact|about|privacy|mentions-legales|qui-sommes-nous)[^/]*\/?$/i,
    /\/page\/\d+\/?$/i,
  ],
  selectors: {
    title: ['.single-post h1.entry-title', 'h1.entry-title', 'article h1', 'h1'],
    body: ['.single-post .entry-content', '.entry-content', '.post-content', 'article .content'],
    date: ['time.entry-date[datetime]', 'time[datetime]', '.entry-date', '.date'],
    remove: [
      '.sharedaddy',
      '.share-buttons',
      '.social-share',
      '.jp-relatedposts',
      '.related-posts',
      '.post-tags',
      '.tags-links',
      '.author-info',
      '#comments',
      '.ads',
      '.ad',
    ],
  },
  testUrls: {
    article: [
      'https://www.barlamane.com/%D8%AC%D8%A7%D9%85%D8%B9%D8%A9-%D9%85%D8%AD%D9%85%D8%AF-%D8%A7%D9%84%D8%AE%D8%A7%D9%85%D8%B3/',
      'https://www.barlamane.com/fr/rabat-accueille-un-colloque-international/',
      'https://barlamane.com/en/morocco-hosts-ai-forum',
    ],
    notArticle: [
      'https://www.barlamane.com/',
      'https://www.barlamane.com/fr/',
      'https://www.barlamane.com/category/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/',
      'https://www.barlamane.com/tag/%D8%A7%D9%84%D8%B1%D8%A8%D8%A7%D8%B7/',
      'https://www.barlamane.com/page/2/',
      'https://www.barlamane.com/contact-us/',
    ],
  },
};
