import type { SiteRule } from './types';

// Akhbarona files articles under a section: /<section>/<id>.html (sometimes two levels).
export const akhbarona: SiteRule = {
  id: 'akhbarona',
  name: 'أخبارنا',
  latinName: 'Akhbarona',
  hosts: ['akhbarona.com'],
  lang: 'ar',
  articlePaths: [/^\/(?:[a-z0-9_-]+\/){1,2}\d{4,}\.html$/i],
  notArticlePaths: [/^\/(?:tag|search|author|page)(?:\/|$)/i],
  selectors: {
    title: ['#article_holder h1', 'h1.article-title', 'article h1', 'h1'],
    body: ['#article_body', '.article_body', '.article-content', 'article .content'],
    date: ['#article_holder .story_date', '.story_date', 'time[datetime]', '.date'],
    remove: [
      '.share_buttons',
      '.social-share',
      '.related_news',
      '.related-articles',
      '.tags',
      '.comments',
      '#comments',
      '.ads',
      '.ad',
    ],
  },
  testUrls: {
    article: [
      'https://www.akhbarona.com/politic/383654.html',
      'https://www.akhbarona.com/economy/morocco/412345.html',
      'https://akhbarona.com/sport/401122.html',
    ],
    notArticle: [
      'https://www.akhbarona.com/',
      'https://www.akhbarona.com/politic/',
      'https://www.akhbarona.com/politic/index.1.html',
      'https://www.akhbarona.com/search?q=test',
      'https://www.akhbarona.com/tag/rabat',
    ],
  },
};
