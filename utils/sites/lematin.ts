import type { SiteRule } from './types';

// Le Matin's current site: /<section>/<slug>/<id>; the previous one: /journal/<year>/<slug>_<id>.html
// and /express/<year>/<slug>/<id>.html.
export const lematin: SiteRule = {
  id: 'lematin',
  name: 'Le Matin',
  latinName: 'Le Matin',
  hosts: ['lematin.ma'],
  lang: 'fr',
  articlePaths: [
    /^\/[a-z0-9-]+\/[^/]+\/\d{4,}\/?$/i,
    /^\/(?:journal|express)\/\d{4}\/[^/]+(?:_|\/)\d{3,}\.html$/i,
  ],
  notArticlePaths: [/^\/(?:tag|tags|auteur|author|recherche|search|page)(?:\/|$)/i, /\/page\/\d+\/?$/i],
  selectors: {
    title: ['.article-title h1', 'h1#title', 'h1.title', 'article h1', 'h1'],
    body: ['.article-body', '.card-article-body', '#article-body', 'article .content'],
    date: ['.article-date time[datetime]', '.article-date', 'time[datetime]', '.date'],
    remove: [
      '.share-article',
      '.social-share',
      '.related-articles',
      '.lire-aussi',
      '.article-tags',
      '.tags',
      '.author-card',
      '.comments',
      '.ads',
      '.ad',
    ],
  },
  testUrls: {
    article: [
      'https://lematin.ma/culture/rabat-accueille-le-salon-du-livre-jeunesse/212345',
      'https://lematin.ma/journal/2019/le-port-de-tanger_312345.html',
      'https://lematin.ma/express/2023/la-saison-agricole/389012.html',
    ],
    notArticle: [
      'https://lematin.ma/',
      'https://lematin.ma/culture',
      'https://lematin.ma/tag/livre',
      'https://lematin.ma/recherche?q=livre',
      'https://lematin.ma/culture/page/2',
    ],
  },
};
