/**
 * The reader's stylesheet, injected into its shadow root so page CSS cannot reach it.
 * Logical properties (inline-start/end) make RTL right rather than mirrored. System fonts
 * only: no request leaves the page for a font.
 */
export const READER_CSS = /* css */ `
:host {
  /* !important in a shadow tree beats the page's !important on the host (cascade contexts):
     a page cannot hide, shrink or restyle the view through its host element. */
  all: initial !important; display: block !important; visibility: visible !important; opacity: 1 !important;
  position: static !important; width: 0 !important; height: 0 !important; filter: none !important;
  transform: none !important; clip-path: none !important;
}
.naqi-reader, .naqi-dialog, .naqi-toast, .naqi-open { visibility: visible; opacity: 1; }
.naqi-sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
*, *::before, *::after { box-sizing: border-box; }
.naqi-reader, .naqi-dialog, .naqi-toast, .naqi-open {
  --bg: #fdfdfb; --fg: #1c1c1c; --muted: #4d4d4d; --link: #0a58a8; --accent: #0b6e4f; --accent-fg: #ffffff;
  --panel: #f1f3f2; --border: #c9cfcc; --focus: #c2410c;
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", Tahoma, Arial, sans-serif;
  color: var(--fg);
}
.theme-dark { --bg: #15171a; --fg: #ebe8e3; --muted: #b9b5ae; --link: #93c0ff; --accent: #3fb68b; --accent-fg: #0b1410; --panel: #22262b; --border: #454b52; --focus: #ffb86b; }
.theme-sepia { --bg: #f4ecd8; --fg: #35291a; --muted: #5b4932; --link: #7a3b00; --accent: #6b4a1c; --accent-fg: #fff8ea; --panel: #ebe0c6; --border: #c7b48e; --focus: #9a1f00; }
@media (prefers-color-scheme: dark) {
  .theme-system { --bg: #15171a; --fg: #ebe8e3; --muted: #b9b5ae; --link: #93c0ff; --accent: #3fb68b; --accent-fg: #0b1410; --panel: #22262b; --border: #454b52; --focus: #ffb86b; }
}
.naqi-reader {
  position: fixed; inset: 0; z-index: 2147483646; overflow: auto; overscroll-behavior: contain;
  background: var(--bg); color: var(--fg); text-align: start;
}
.naqi-toolbar { position: sticky; top: 0; z-index: 1; background: var(--panel); border-block-end: 1px solid var(--border); font-size: 14px; }
.naqi-toolbar-inner { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; padding: 8px 16px; max-width: 72em; margin-inline: auto; }
.naqi-brand { font-weight: 700; color: var(--accent); margin-inline-end: auto; }
.naqi-group { display: inline-flex; align-items: center; gap: 4px; }
.naqi-size { min-width: 2ch; text-align: center; }
.naqi-field { display: inline-flex; align-items: center; gap: 6px; color: var(--fg); }
.naqi-field select { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 4px 6px; }
.naqi-button {
  font: inherit; font-size: 14px; cursor: pointer; color: var(--fg); background: var(--bg);
  border: 1px solid var(--border); border-radius: 8px; padding: 6px 12px; min-height: 32px;
}
.naqi-button:hover { border-color: var(--accent); }
.naqi-button:disabled { opacity: .55; cursor: default; }
.naqi-primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); font-weight: 600; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.naqi-main { padding: 24px 16px 64px; }
.naqi-article {
  max-width: var(--naqi-width, 42em); margin-inline: auto; font-size: var(--naqi-font-size, 20px);
  line-height: var(--naqi-line-height, 1.75);
}
.naqi-article:lang(ar) {
  font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Geeza Pro", "Traditional Arabic", "Segoe UI", Tahoma, sans-serif;
}
.naqi-article:lang(fr), .naqi-article:lang(en) { font-family: Charter, "Iowan Old Style", Georgia, "Noto Serif", "DejaVu Serif", serif; }
.naqi-article h1 { font-size: 1.6em; line-height: 1.35; margin: 0 0 .4em; }
.naqi-meta { color: var(--muted); font-size: .8em; margin: 0 0 1.5em; }
.naqi-article a { color: var(--link); }
.naqi-body p { margin: 0 0 1em; }
.naqi-body h2, .naqi-body h3, .naqi-body h4 { line-height: 1.4; margin: 1.4em 0 .5em; }
.naqi-body blockquote { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 4px solid var(--border); color: var(--muted); }
.naqi-body ul, .naqi-body ol { padding-inline-start: 1.5em; margin: 0 0 1em; }
.naqi-body pre { white-space: pre-wrap; font-size: .85em; }
.naqi-figure { margin: 1.5em 0; position: relative; }
.naqi-frame { position: relative; overflow: hidden; border-radius: 8px; background: var(--panel); }
.naqi-figure img { display: block; width: 100%; height: auto; max-height: 80vh; object-fit: contain; }
.naqi-figure.is-covered img { filter: blur(28px) saturate(.4); }
.naqi-figure[data-state="hidden"].is-covered img { visibility: hidden; min-height: 8em; }
.naqi-figure.is-highlighted .naqi-frame { outline: 4px solid var(--focus); outline-offset: 3px; }
.naqi-cover {
  position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center;
  gap: 8px; padding: 12px; text-align: center; font-size: 15px; background: rgba(0, 0, 0, .45); color: #fff;
}
.naqi-cover p { margin: 0; }
.naqi-figure figcaption { font-size: .75em; color: var(--muted); margin-block-start: .4em; }
.naqi-report { margin-block-start: .4em; font-size: 13px; padding: 3px 10px; min-height: 28px; }
.naqi-read-source { margin-block-start: 2em; font-size: .85em; }
.naqi-open {
  position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483645;
  background: #0b6e4f; color: #fff; border-color: #0b6e4f; font-weight: 600; box-shadow: 0 2px 10px rgba(0,0,0,.25);
}
.naqi-dialog {
  background: #ffffff; color: #1c1c1c; border: 1px solid #c9cfcc; border-radius: 12px; padding: 20px;
  max-width: min(30rem, calc(100vw - 32px)); width: 100%; font-size: 15px; line-height: 1.5;
}
.naqi-dialog::backdrop { background: rgba(0, 0, 0, .5); }
.naqi-dialog h2 { margin: 0 0 12px; font-size: 18px; }
.naqi-dialog-preview { display: flex; gap: 12px; align-items: center; margin-block-end: 8px; }
.naqi-dialog-preview img { width: 72px; height: 54px; object-fit: cover; border-radius: 6px; flex: none; background: #eee; }
.naqi-dialog fieldset { border: 1px solid #c9cfcc; border-radius: 8px; margin: 0 0 12px; padding: 8px 12px; }
.naqi-reason { display: flex; align-items: center; gap: 8px; padding: 4px 0; cursor: pointer; }
.naqi-note { display: flex; flex-direction: column; gap: 4px; }
.naqi-note textarea { font: inherit; resize: vertical; border: 1px solid #8a918e; border-radius: 6px; padding: 6px; }
.naqi-note small { color: #4d4d4d; align-self: end; }
.naqi-error { color: #a11a1a; font-weight: 600; }
.naqi-dialog-actions, .naqi-toast-actions { display: flex; gap: 8px; margin-block-start: 12px; flex-wrap: wrap; }
.naqi-dialog .naqi-button { background: #fff; color: #1c1c1c; border-color: #8a918e; }
.naqi-dialog .naqi-primary { background: #0b6e4f; color: #fff; border-color: #0b6e4f; }
.naqi-toast {
  position: fixed; z-index: 2147483647; inset-block-end: 16px; inset-inline-start: 50%; transform: translateX(-50%);
  background: #1f2a26; color: #fff; border-radius: 10px; padding: 12px 16px; max-width: min(34rem, calc(100vw - 32px));
  box-shadow: 0 4px 16px rgba(0,0,0,.3); font-size: 15px; line-height: 1.5;
}
.naqi-toast[dir="rtl"] { transform: translateX(50%); }
.naqi-toast p { margin: 0; }
.naqi-toast .naqi-button { background: transparent; color: #fff; border-color: #9fb3ab; }
@media (prefers-reduced-motion: no-preference) { .naqi-reader { scroll-behavior: smooth; } }

/* Long words (URLs, compounds) and wide embeds must never push the article sideways. */
.naqi-article { overflow-wrap: break-word; }
.naqi-article h1 { overflow-wrap: anywhere; }
.naqi-body img, .naqi-body video, .naqi-body iframe { max-width: 100%; height: auto; }
.naqi-body table { display: block; max-width: 100%; overflow-x: auto; }
/* The display settings sit in the toolbar row; on a narrow screen they fold (below). */
.naqi-display { display: contents; }
.naqi-display-toggle { display: none; }
/* The dialog scrolls inside itself when it is taller than the screen (a phone, the on-screen
   keyboard open): its actions stay in view at the bottom. */
.naqi-dialog { max-height: calc(100vh - 16px); max-height: calc(100dvh - 16px); overflow: auto; overscroll-behavior: contain; }
.naqi-dialog-actions { position: sticky; inset-block-end: -20px; margin-block-end: -20px; padding-block: 10px 20px; background: #ffffff; }

/* Touch screens and phones: every control at least 44×44 CSS px (WCAG 2.5.5 target size);
   the report button is always shown, nothing waits for a hover. */
@media (pointer: coarse), (max-width: 40em) {
  .naqi-button, .naqi-field select { min-height: 44px; min-width: 44px; }
  .naqi-report { min-height: 44px; min-width: 44px; font-size: 15px; padding: 8px 14px; }
  .naqi-reason, .naqi-check { min-height: 44px; }
  .naqi-reason input, .naqi-check input { width: 20px; height: 20px; margin: 0; flex: none; }
  .naqi-note textarea { font-size: 16px; }
}
@media (max-width: 40em) {
  .naqi-toolbar-inner { gap: 6px; padding: 6px 8px; }
  .naqi-brand { display: none; }
  .naqi-display-toggle { display: inline-block; margin-inline-start: auto; }
  .naqi-display-toggle[aria-expanded="true"] { border-color: var(--accent); background: var(--bg); }
  .naqi-display { display: none; }
  .naqi-display.is-open { display: flex; flex-direction: column; align-items: stretch; gap: 8px; flex-basis: 100%; padding-block: 4px 6px; }
  .naqi-display .naqi-field, .naqi-display .naqi-group { justify-content: space-between; }
  .naqi-display .naqi-check { justify-content: flex-start; }
  .naqi-main { padding: 16px 14px 96px; }
  .naqi-article h1 { font-size: 1.35em; }
  .naqi-dialog { padding: 14px; max-width: calc(100vw - 16px); }
  .naqi-dialog-actions { inset-block-end: -14px; margin-block-end: -14px; padding-block: 10px 14px; }
  .naqi-dialog-actions .naqi-button { flex: 1 1 auto; }
  .naqi-toast, .naqi-toast[dir="rtl"] { inset-inline: 8px; transform: none; max-width: none; }
  .naqi-toast-actions .naqi-button { flex: 1 1 auto; }
}
`;
