/**
 * Naqi's own clean-up rules, applied to every page after the site's own `remove` selectors.
 * They are deliberately about *kinds* of junk (tickers, share bars, dialogs, related lists)
 * rather than one site's class names, so a redesigned template is still cleaned.
 */

/** Code, styles and embedded objects: never text to read. Removed from every copy, no questions asked. */
export const NEVER_CONTENT = [
  'script', 'style', 'link', 'meta', 'template', 'object', 'embed', 'applet', 'canvas', 'svg', 'math', 'frameset', 'frame',
].join(',');

/**
 * Certainly not the article: the page's landmarks (nav, footer, complementary), controls,
 * dialogs and hidden elements. This is all that is removed before the generic extractor runs,
 * and even these stay when one holds most of the page's text (a page that puts its article in
 * an <aside>, or hides its content behind an open cookie dialog with aria-hidden).
 */
export const CERTAIN_JUNK = [
  'button', 'input', 'select', 'textarea', 'nav', 'footer', 'aside', 'dialog', 'marquee',
  '[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]', '[role="navigation"]', '[role="complementary"]',
  '[role="contentinfo"]', '[role="search"]', '[role="marquee"]', '[hidden]', '[aria-hidden="true"]',
].join(',');

/**
 * Likely junk, removed only inside the article the site rules or the generic extractor found:
 * forms there are comment and newsletter forms, but a whole page can sit in one (ASP.NET's
 * form#aspnetForm), so a form is never removed from the page before the extractor runs.
 */
export const LIKELY_JUNK = ['form'].join(',');

/** Every selector-based junk rule, for checks on the live page (lead images). */
export const JUNK_SELECTORS = [NEVER_CONTENT, CERTAIN_JUNK, LIKELY_JUNK].join(',');

/**
 * Class or id words that mark junk. Matched as whole words of the attribute (split on
 * space, dash, underscore and camelCase), so "header" never matches "ad". Only applied inside
 * the article once it is found, where a wrong guess costs a line, not the article. Words that
 * content management systems put on the article's own wrappers are not here: "widget"
 * (Elementor's elementor-widget-wrap, Blogger's div.widget.Blog), "print" (print-friendly
 * bodies), "report" (SpecialReportArticle-ArticleBody).
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
  'breadcrumb', 'breadcrumbs', 'tags', 'taglist', 'keywords', 'authorbox', 'bio', 'sidebar',
  'nav', 'navbar', 'navigation', 'menu', 'footer', 'pagination', 'pager', 'rating', 'reactions', 'emoji',
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
  /^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))/i,
  /^.{0,80}(?:جميع الحقوق محفوظة|tous droits réservés|all rights reserved)\.?$/i,
];

/** Image URLs, classes or alt texts that are never article images. */
export const NON_ARTICLE_IMAGE = /logo|avatar|gravatar|icon|sprite|pixel|spacer|badge|emoji|favicon|doubleclick|googlesyndication|adserver|\/ads?\/|banner-ad|tracking|beacon|placeholder/i;
