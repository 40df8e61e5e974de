import type { SiteRule } from './types';

// Hespress (WordPress) puts the id at the end of an Arabic slug on the Arabic site
// (/<slug>-1354210.html) and at the start on en./fr. (/84567-<slug>.html). The 2010s site used
// /<section>/<id>.html, still linked from old pages. Sections are bare words (/politique).
export const hespress: SiteRule = {
  id: 'hespress',
  name: 'هسبريس',
  latinName: 'Hespress',
  hosts: ['hespress.com'],
  lang: 'ar',
  articlePaths: [
    /^\/[^/]+-\d{3,}\.html$/i,
    /^\/\d{3,}-[^/]+\.html$/i,
    /^\/[a-z0-9-]+\/\d{3,}\.html$/i,
  ],
  notArticlePaths: [
    /^\/(?:tag|tags|author|search|category|page|videos?|feed|wp-content|wp-json)(?:\/|$)/i,
    /\/page\/\d+\/?$/i,
  ],
  selectors: {
    title: ['.article-header h1.post-title', 'h1.post-title', 'h1.entry-title', 'article h1', 'h1'],
    body: ['.article-content', '.post-content .entry-content', '.entry-content', 'article .content'],
    date: ['.article-header .date-post', '.date-post', 'time[datetime]', '.post-date', '.date'],
    remove: [
      '.share-post',
      '.social-share',
      '.box-related',
      '.related-posts',
      '.read-also',
      '.tags-list',
      '.post-tags',
      '.author-box',
      '#comments',
      '.comments-area',
      '.ads',
      '.ad',
      '[id^="div-gpt-ad"]',
      '.newsletter',
    ],
  },
  testUrls: {
    article: [
      'https://www.hespress.com/%D9%85%D9%87%D9%86%D9%8A%D9%88-%D8%A7%D9%84%D9%86%D9%82%D9%84-%D8%A7%D9%84%D8%B7%D8%B1%D9%82%D9%8A-1354210.html',
      'https://www.hespress.com/the-slug-in-latin-letters-987654.html',
      'https://en.hespress.com/84567-morocco-launches-new-water-plan.html',
      'https://fr.hespress.com/331234-le-maroc-lance-un-nouveau-plan.html',
      'http://hespress.com/politique/123456.html',
    ],
    notArticle: [
      'https://www.hespress.com/',
      'https://www.hespress.com/politique',
      'https://www.hespress.com/tag/%D8%A7%D9%84%D9%85%D8%BA%D8%B1%D8%A8',
      'https://www.hespress.com/search?q=%D8%A7%D9%84%D9%85%D8%BA%D8%B1%D8%A8',
      'https://www.hespress.com/author/redaction-1234.html',
      'https://www.hespress.com/politique/page/2',
      'https://en.hespress.com/',
    ],
  },
};
