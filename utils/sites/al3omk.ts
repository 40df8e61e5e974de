import type { SiteRule } from './types';

// Al3omk (WordPress, Jannah theme) addresses articles by number: /876543.html.
export const al3omk: SiteRule = {
  id: 'al3omk',
  name: 'العمق المغربي',
  latinName: 'Al3omk',
  hosts: ['al3omk.com'],
  lang: 'ar',
  articlePaths: [/^\/\d{3,}\.html$/i],
  notArticlePaths: [/^\/(?:tag|category|author|search|page)(?:\/|$)/i],
  selectors: {
    title: ['h1.post-title.entry-title', 'h1.entry-title', 'article h1', 'h1'],
    body: ['.entry-content.entry', '.entry-content', 'article .content'],
    date: ['.post-meta .date', 'time[datetime]', '.post-date', '.date'],
    remove: [
      '.share-buttons',
      '.post-footer-share',
      '#related-posts',
      '.related-posts',
      '.post-components',
      '.tagcloud',
      '.post-tags',
      '.about-author',
      '#comments',
      '.stream-item',
      '.ads',
    ],
  },
  testUrls: {
    article: ['https://al3omk.com/876543.html', 'https://www.al3omk.com/912004.html'],
    notArticle: [
      'https://al3omk.com/',
      'https://al3omk.com/category/politics',
      'https://al3omk.com/tag/%D8%A7%D9%84%D8%B1%D8%A8%D8%A7%D8%B7',
      'https://al3omk.com/page/4',
      'https://al3omk.com/author/redaction',
    ],
  },
};
