/**
 * Naqi's own clean-up rules, applied to every page after the site's own `remove` selectors.
 * They are deliberately about *kinds* of junk (tickers, share bars, dialogs, related lists)
 * rather than one site's class names, so a redesigned template is still cleaned.
 */

/** Never article content, whatever the site. */
export const JUNK_SELECTORS = [
  'script', 'style', 'link', 'meta', 'template', 'object', 'embed', 'applet', 'form', 'button', 'input',
  'select', 'textarea', 'nav', 'footer', 'aside', 'dialog', 'marquee', 'canvas', 'svg', 'math', 'frameset', 'frame',
  '[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]', '[role="navigation"]', '[role="complementary"]',
  '[role="contentinfo"]', '[role="search"]', '[role="marquee"]', '[hidden]', '[aria-hidden="true"]',
].join(',');

/**
 * Class or id words that mark junk. Matched as whole words of the attribute (split on
 * space, dash, underscore and camelCase), so "header" never matches "ad".
 */
export const JUNK_WORDS = new Set([
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'adsbygoogle', 'adslot', 'adunit', 'dfp', 'gpt',
  'sponsor', 'sponsored', 'promo', 'promoted', 'outbrain', 'taboola', 'teads',
  'share', 'sharing', 'sharer', 'social', 'socials', 'whatsapp', 'facebook', 'twitter', 'telegram',
  'comment', 'comments', 'disqus', 'respond', 'reply',
  'related', 'relatedposts', 'readalso', 'readmore', 'morenews', 'mostread', 'popular', 'trending', 'recommended', 'suggested',
  'ticker', 'marquee', 'breaking', 'urgent', 'headlines',
  'newsletter', 'subscribe', 'subscription', 'cookie', 'cookies', 'consent', 'gdpr',
  'popup', 'modal', 'overlay', 'dialog', 'lightbox', 'toast',
  'breadcrumb', 'breadcrumbs', 'tags', 'taglist', 'keywords', 'authorbox', 'bio', 'sidebar', 'widget', 'widgets',
  'nav', 'navbar', 'navigation', 'menu', 'footer', 'pagination', 'pager', 'print', 'rating', 'reactions', 'emoji',
  'report',
]);

/** Two-word junk names written with a separator ("read-also", "most_read", "author-box"…). */
export const JUNK_PAIRS = new Set(['read also', 'read more', 'more news', 'most read', 'author box', 'related posts', 'tag list', 'see also', 'also read']);

/**
 * Whole-text patterns of boilerplate lines. The aggregator's report dialog and its
 * "click here to read the news at its source" line appear in every Maghress article.
 */
export const BOILERPLATE_PATTERNS: RegExp[] = [
  /^شكرا على الإبلاغ/,
  /سيتم حجب هذه الصورة تلقائيا/,
  /^انقر هنا لقراءة الخبر من مصدره\.?$/,
  /^(?:اقرأ|إقرأ|اقرا) أيضا\s*[:：]?/,
  /^(?:المزيد|مواضيع ذات صلة|أخبار ذات صلة|مقالات ذات صلة)\s*[:：]?$/,
  /^نشر في\s.{1,80}\sيوم\s/,
  /^(?:à lire aussi|lire aussi|lire la suite|voir aussi|articles? similaires?)\s*[:：]?/i,
  /^(?:read also|read more|related|see also)\s*[:：]?$/i,
  /^(?:merci pour votre signalement|cliquez ici pour lire l['’]article)/i,
  /^(?:إشهار|اشهار|إعلان|اعلان|publicité|publicite|annonce|advertisement|sponsorisé|sponsored)$/i,
  /^(?:شارك|تابعونا على|partager|partagez|share)\s*[:：]?$/i,
];

/** Image URLs, classes or alt texts that are never article images. */
export const NON_ARTICLE_IMAGE = /logo|avatar|gravatar|icon|sprite|pixel|spacer|badge|emoji|favicon|doubleclick|googlesyndication|adserver|\/ads?\/|banner-ad|tracking|beacon|placeholder/i;
