import type { SiteRule } from './types';

// Le360 runs on Arc XP: /<section>/<slug>_<26-character id>/ on both le360.ma (Arabic) and
// fr.le360.ma (French). Older links use /<section>/<slug>-<number>. The adapter says 'ar';
// the extractor reads French from the page's own lang attribute and text.
export const le360: SiteRule = {
  id: 'le360',
  name: 'Le360',
  latinName: 'Le360',
  hosts: ['le360.ma'],
  lang: 'ar',
  articlePaths: [
    /^\/(?:[a-z0-9-]+\/){1,2}[^/]+_[A-Z0-9]{20,32}\/?$/,
    /^\/(?:fr\/|ar\/)?[a-z0-9-]+\/[^/]+-\d{5,}\/?$/i,
  ],
  notArticlePaths: [
    /^\/(?:tag|tags|author|authors|auteur|search|recherche|page|videos?)(?:\/|$)/i,
    /\/page\/\d+\/?$/i,
  ],
  selectors: {
    title: ['.article-header h1.article-title', 'h1.article-title', 'h1.headline', 'article h1', 'h1'],
    body: ['.article-body', '.default__ArticleBody', 'article .article-content', '.article-content', 'article .content'],
    date: ['.article-date time[datetime]', '.article-header time[datetime]', 'time[datetime]', '.article-date', '.date'],
    remove: [
      '.share-bar',
      '.social-share',
      '.related-articles',
      '.read-more',
      '.article-tags',
      '.tags',
      '.author-card',
      '.ad-container',
      '.arcad',
      '.OUTBRAIN',
      '.newsletter',
      '.comments',
    ],
  },
  testUrls: {
    article: [
      'https://fr.le360.ma/economie/tourisme-les-arrivees-en-hausse-au-premier-trimestre_KQ7ZP3M5RBD2HFXW4N6YTA8CJE/',
      'https://le360.ma/politique/%D8%A7%D9%84%D8%AD%D9%83%D9%88%D9%85%D8%A9_5JH2ZQK7VXN3BW8RCT4MPD6FLA/',
      'https://fr.le360.ma/societe/une-nouvelle-ligne-de-tramway-143210',
    ],
    notArticle: [
      'https://fr.le360.ma/',
      'https://le360.ma/',
      'https://fr.le360.ma/economie/',
      'https://fr.le360.ma/tags/tourisme/',
      'https://fr.le360.ma/search/?q=tramway',
      'https://fr.le360.ma/economie/page/3',
    ],
  },
};
