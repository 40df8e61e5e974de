import type { SiteRule } from './types';

// Goud (WordPress) ends its Arabic slugs with the post id: /<slug>-1204567/.
export const goud: SiteRule = {
  id: 'goud',
  name: 'گود',
  latinName: 'Goud',
  hosts: ['goud.ma'],
  lang: 'ar',
  articlePaths: [/^\/[^/]+-\d{4,}\/?$/i],
  notArticlePaths: [/^\/(?:tag|category|author|search|page)(?:\/|$)/i],
  selectors: {
    title: ['.single-header h1.post-title', 'h1.post-title', 'h1.entry-title', 'article h1', 'h1'],
    body: ['.post-content', '.entry-content', 'article .content'],
    date: ['.single-header .post-date', '.post-date', 'time[datetime]', '.date'],
    remove: [
      '.share-box',
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
    article: [
      'https://www.goud.ma/%D9%85%D9%87%D8%B1%D8%AC%D8%A7%D9%86-%D9%84%D9%84%D9%81%D9%86%D9%88%D9%86-1204567/',
      'https://goud.ma/some-latin-slug-998877/',
    ],
    notArticle: [
      'https://www.goud.ma/',
      'https://www.goud.ma/category/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/',
      'https://www.goud.ma/tag/%D8%A7%D9%84%D8%B1%D8%A8%D8%A7%D8%B7-2024/',
      'https://www.goud.ma/page/2/',
      'https://www.goud.ma/author/goud-1234/',
    ],
  },
};
