import type { SiteRule } from './types';

// Febrayer (WordPress) addresses articles by number: /772561.html.
export const febrayer: SiteRule = {
  id: 'febrayer',
  name: 'فبراير',
  latinName: 'Febrayer',
  hosts: ['febrayer.com'],
  lang: 'ar',
  articlePaths: [/^\/\d{3,}\.html$/i],
  notArticlePaths: [/^\/(?:tag|category|author|search|page)(?:\/|$)/i],
  selectors: {
    title: ['.single-post h1.entry-title', 'h1.entry-title', 'h1.post-title', 'article h1', 'h1'],
    body: ['.entry-content', '.post-content', 'article .content'],
    date: ['time.entry-date[datetime]', 'time[datetime]', '.post-date', '.date'],
    remove: [
      '.share-buttons',
      '.social-share',
      '.related-posts',
      '.post-tags',
      '.author-box',
      '#comments',
      '.ads',
      '.ad',
    ],
  },
  testUrls: {
    article: ['https://febrayer.com/772561.html', 'https://www.febrayer.com/801234.html'],
    notArticle: [
      'https://febrayer.com/',
      'https://febrayer.com/category/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9',
      'https://febrayer.com/tag/%D8%A7%D9%84%D8%B1%D8%A8%D8%A7%D8%B7',
      'https://febrayer.com/page/2',
    ],
  },
};
