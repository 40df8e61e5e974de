import type { SiteRule } from './types';

// Alayam 24 addresses articles as /articles-<id>.html.
export const alayam24: SiteRule = {
  id: 'alayam24',
  name: 'الأيام 24',
  latinName: 'Alayam 24',
  hosts: ['alayam24.com'],
  lang: 'ar',
  articlePaths: [/^\/articles-\d{3,}\.html$/i],
  notArticlePaths: [/^\/(?:tag|category|categories|author|search|page)(?:[/-]|$)/i],
  selectors: {
    title: ['.article-title h1', 'h1.title', 'article h1', 'h1'],
    body: ['.article-content', '.article-body', 'article .content'],
    date: ['.article-date time[datetime]', '.article-date', 'time[datetime]', '.date'],
    remove: ['.share', '.social-share', '.related', '.read-also', '.tags', '.comments', '.ads', '.ad'],
  },
  testUrls: {
    article: ['https://www.alayam24.com/articles-201234.html', 'https://alayam24.com/articles-99001.html'],
    notArticle: [
      'https://www.alayam24.com/',
      'https://www.alayam24.com/categories-3.html',
      'https://www.alayam24.com/search?q=test',
      'https://www.alayam24.com/tag/%D8%A7%D9%84%D8%B1%D8%A8%D8%A7%D8%B7',
    ],
  },
};
