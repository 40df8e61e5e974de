import type { SiteRule } from './types';

// Hiba Press serves Arabic at ar.hibapress.com and French at fr.hibapress.com, both with
// /details-<id>.html article pages.
export const hibapress: SiteRule = {
  id: 'hibapress',
  name: 'هبة بريس',
  latinName: 'Hiba Press',
  hosts: ['hibapress.com'],
  lang: 'ar',
  articlePaths: [/^\/details-\d{3,}\.html$/i, /^\/(?:ar|fr)\/details-\d{3,}\.html$/i],
  notArticlePaths: [/^\/(?:tag|category|author|search|page)(?:\/|$)/i],
  selectors: {
    title: ['.details-title h1', 'h1.entry-title', 'article h1', 'h1'],
    body: ['.details-content', '.entry-content', '.article-content', 'article .content'],
    date: ['.details-date time[datetime]', '.details-date', 'time[datetime]', '.date'],
    remove: [
      '.share-buttons',
      '.social-share',
      '.related-news',
      '.related-posts',
      '.post-tags',
      '.author-box',
      '.comments',
      '#comments',
      '.ads',
      '.ad',
    ],
  },
  testUrls: {
    article: [
      'https://ar.hibapress.com/details-567891.html',
      'https://fr.hibapress.com/details-123456.html',
      'https://hibapress.com/details-98765.html',
    ],
    notArticle: [
      'https://ar.hibapress.com/',
      'https://ar.hibapress.com/category/%D9%85%D8%AC%D8%AA%D9%85%D8%B9',
      'https://ar.hibapress.com/tag/%D9%85%D8%B1%D8%A7%D9%83%D8%B4',
      'https://ar.hibapress.com/search?q=test',
      'https://ar.hibapress.com/author/hiba',
    ],
  },
};
