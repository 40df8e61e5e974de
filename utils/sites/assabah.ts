import type { SiteRule } from './types';

// Assabah (WordPress, Newspaper theme) addresses articles by number: /654321.html.
export const assabah: SiteRule = {
  id: 'assabah',
  name: 'الصباح',
  latinName: 'Assabah',
  hosts: ['assabah.ma'],
  lang: 'ar',
  articlePaths: [/^\/\d{3,}\.html$/i],
  notArticlePaths: [/^\/(?:tag|category|author|search|page)(?:\/|$)/i],
  selectors: {
    title: ['h1.entry-title', '.td-post-title h1', 'article h1', 'h1'],
    body: ['.td-post-content', '.entry-content', 'article .content'],
    date: ['time.entry-date[datetime]', 'time[datetime]', '.td-post-date', '.date'],
    remove: [
      '.td-post-sharing',
      '.share-buttons',
      '.td-related-row',
      '.related-posts',
      '.td-post-source-tags',
      '.td-author-by',
      '#comments',
      '.td-a-rec',
      '.ads',
    ],
  },
  testUrls: {
    article: ['https://assabah.ma/654321.html', 'https://www.assabah.ma/24417.html'],
    notArticle: [
      'https://assabah.ma/',
      'https://assabah.ma/category/%D9%88%D8%B7%D9%86%D9%8A%D8%A9',
      'https://assabah.ma/tag/%D8%A7%D9%84%D8%AD%D8%AF%D9%88%D8%AF',
      'https://assabah.ma/page/2',
    ],
  },
};
