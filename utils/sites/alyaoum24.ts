import type { SiteRule } from './types';

// Alyaoum 24 (WordPress) addresses articles by number alone: /1873456.html.
export const alyaoum24: SiteRule = {
  id: 'alyaoum24',
  name: 'اليوم 24',
  latinName: 'Alyaoum 24',
  hosts: ['alyaoum24.com'],
  lang: 'ar',
  articlePaths: [/^\/\d{4,}\.html$/i],
  notArticlePaths: [/^\/(?:tag|category|author|search|page)(?:\/|$)/i],
  selectors: {
    title: ['.single-post-title', 'h1.post-title', 'h1.entry-title', 'article h1', 'h1'],
    body: ['.post-content .entry', '.post-content', '.entry-content', 'article .content'],
    date: ['.post-meta time[datetime]', 'time[datetime]', '.post-date', '.date'],
    remove: [
      '.post-share',
      '.share-buttons',
      '.related-posts',
      '.yarpp-related',
      '.post-tags',
      '.author-box',
      '#comments',
      '.comments-area',
      '.ads',
      '.ad',
      '[id^="div-gpt-ad"]',
    ],
  },
  testUrls: {
    article: ['https://alyaoum24.com/1873456.html', 'https://www.alyaoum24.com/1500023.html'],
    notArticle: [
      'https://alyaoum24.com/',
      'https://alyaoum24.com/category/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9',
      'https://alyaoum24.com/tag/%D8%A7%D9%84%D8%B7%D9%82%D8%B3',
      'https://alyaoum24.com/?s=%D8%A7%D9%84%D8%B7%D9%82%D8%B3',
      'https://alyaoum24.com/page/2',
    ],
  },
};
