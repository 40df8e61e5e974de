import type { SiteRule } from './types';

// Médias24 (WordPress) uses dated permalinks, /2024/05/14/<slug>/; the old site used
// /content/<id>.html and still redirects from it.
export const medias24: SiteRule = {
  id: 'medias24',
  name: 'Médias24',
  latinName: 'Médias24',
  hosts: ['medias24.com'],
  lang: 'fr',
  articlePaths: [/^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/?$/i, /^\/content\/\d{3,}\.html$/i],
  notArticlePaths: [/^\/(?:tag|category|categorie|author|auteur|search|page)(?:\/|$)/i],
  selectors: {
    title: ['.single-post h1.entry-title', 'h1.entry-title', 'article h1', 'h1'],
    body: ['.single-post .entry-content', '.entry-content', '.single-post-content', 'article .content'],
    date: ['time.entry-date[datetime]', 'time[datetime]', '.entry-date', '.date'],
    remove: [
      '.share-buttons',
      '.social-share',
      '.related-posts',
      '.post-tags',
      '.author-box',
      '.newsletter',
      '#comments',
      '.ads',
      '.ad',
    ],
  },
  testUrls: {
    article: [
      'https://medias24.com/2024/05/14/immobilier-les-prix-se-stabilisent-a-casablanca/',
      'https://www.medias24.com/2023/01/03/bourse-de-casablanca-ouverture-en-hausse',
      'https://medias24.com/content/123456.html',
    ],
    notArticle: [
      'https://medias24.com/',
      'https://medias24.com/categorie/economie/',
      'https://medias24.com/tag/immobilier/',
      'https://medias24.com/2024/05/14/',
      'https://medias24.com/page/2/',
    ],
  },
};
