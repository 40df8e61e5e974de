import type { ImageState } from '../protocol';
import { t, uiDir, uiLang } from '../i18n';
import { realImageUrl } from '../reader/lazy-images';
import type { Article, ArticleImage } from '../reader/types';
import type { ReaderActions } from './reader-actions';

interface Tracked {
  img: HTMLImageElement;
  image: ArticleImage;
  host: HTMLElement;
  filter: string;
}

const BUTTON_CSS = `
:host { all: initial; }
button { font: 600 13px system-ui, "Segoe UI", Tahoma, sans-serif; cursor: pointer; color: #fff; background: #0b6e4f;
  border: 1px solid #0b6e4f; border-radius: 8px; padding: 4px 10px; margin: 4px 0; }
button:focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
/* Touch screens: a 44×44 px target (there is no context menu to report with on Android). */
@media (pointer: coarse) { button { min-height: 44px; min-width: 44px; padding: 8px 14px; font-size: 15px; } }
`;

/**
 * Naqi on the original page, when the reader view is closed: a report button under each
 * article image (never on logos, ads or teasers: only images the extractor kept), and the
 * blur of images this reader reported or that are hidden.
 */
export class PageImages {
  private tracked: Tracked[] = [];

  constructor(
    private readonly doc: Document,
    private readonly actions: ReaderActions & { isRevealed(url: string): boolean },
  ) {}

  attach(article: Article, states: Record<string, ImageState>): void {
    this.clear();
    const bySrc = new Map(article.images.map((image) => [image.src, image]));
    const base = this.doc.baseURI;
    for (const img of Array.from(this.doc.images)) {
      const src = realImageUrl(img, base);
      const image = src ? bySrc.get(src) : undefined;
      if (!image) continue;
      bySrc.delete(image.src); // one button per article image, on its first appearance
      this.tracked.push({ img, image, host: this.makeButton(img, image), filter: img.style.filter });
    }
    this.applyStates(states);
  }

  private makeButton(img: HTMLImageElement, image: ArticleImage): HTMLElement {
    const host = this.doc.createElement('naqi-report-button');
    host.setAttribute('style', 'all: initial; display: block;');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = BUTTON_CSS;
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.dataset.testid = 'page-report-image';
    button.dir = uiDir();
    button.lang = uiLang();
    button.setAttribute('aria-label', t('reportImageLabel'));
    button.setAttribute('aria-haspopup', 'dialog');
    button.textContent = `⚑ ${t('reportImage')}`;
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted) this.actions.openReport(image, button);
    });
    shadow.append(style, button);
    const anchor = img.closest('picture') ?? img;
    // Inside a link the button would navigate; put it after the link instead.
    (anchor.closest('a') ?? anchor).after(host);
    return host;
  }

  applyStates(states: Record<string, ImageState>): void {
    for (const entry of this.tracked) {
      const state = states[entry.image.src] ?? 'visible';
      const covered = state !== 'visible' && !this.actions.isRevealed(entry.image.src);
      entry.img.style.filter = covered ? 'blur(28px)' : entry.filter;
      entry.img.dataset.naqiState = state;
    }
  }

  highlight(src: string): void {
    const entry = this.tracked.find((e) => e.image.src === src);
    if (!entry) return;
    entry.img.style.outline = '4px solid #c2410c';
    entry.img.scrollIntoView({ block: 'center' });
  }

  clear(): void {
    for (const entry of this.tracked) {
      entry.host.remove();
      entry.img.style.filter = entry.filter;
      delete entry.img.dataset.naqiState;
    }
    this.tracked = [];
  }
}
