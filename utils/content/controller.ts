import { h } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { NaqiApp } from '@/components/reader/NaqiApp';
import { READER_CSS } from '@/components/reader/styles';
import { t } from '../i18n';
import { isTabMessage, sendMessage, type ErrorReply, type Reason } from '../protocol';
import { detectArticlePage } from '../reader/detect';
import { extractArticleWith, needsGenericExtractor, type GenericExtractor } from '../reader/extract-core';
import { absoluteHttpUrl } from '../reader/lazy-images';
import type { Article, ArticleImage } from '../reader/types';
import { autoOpens, loadReaderSettings, saveReaderSettings, watchReaderSettings } from '../settings/reader-settings';
import { mountInShadow } from './mount';
import { lockPage } from './page-lock';
import { PageImages } from './page-images';
import type { ReaderActions } from './reader-actions';
import { createReaderStore, type ReaderStore } from './reader-state';

const HIGHLIGHT_PREFIX = '#naqi-image=';

/** Asks the background to inject Readability into this frame (see entrypoints/readability.ts). */
async function loadGenericExtractor(): Promise<GenericExtractor | null> {
  const scope = globalThis as { naqiReadability?: GenericExtractor };
  if (!scope.naqiReadability) {
    const reply = await sendMessage({ type: 'extractor.load' });
    if (!reply.ok) console.warn('[Naqi] generic extractor unavailable:', reply.error.message);
  }
  return scope.naqiReadability ?? null;
}

/**
 * Naqi on one page: detects the site, extracts the article, shows the reader view, and
 * carries reports to the background. All listeners go through WXT's `ctx`, so an extension
 * update leaves this instance silent instead of throwing into the page.
 */
export class ReaderController implements ReaderActions {
  readonly store: ReaderStore = createReaderStore();
  private pageImages: PageImages;
  /** Gives the page back what lockPage took while the view is open. */
  private unlockPage: (() => void) | null = null;
  private url: string;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document = document,
  ) {
    this.url = doc.location.href;
    this.pageImages = new PageImages(doc, this);
  }

  async start(): Promise<void> {
    const settings = await loadReaderSettings();
    if (this.ctx.isInvalid) return;
    this.store.set({ settings });
    // Once the extension is reloaded or updated this instance is orphaned and the extension
    // APIs are gone (browser.i18n, browser.runtime…): a re-render would throw into the page.
    // Drop every update from then on; checking isInvalid also fires onInvalidated, which
    // removes the view.
    const set = this.store.set;
    this.store.set = (patch) => {
      if (!this.ctx.isInvalid) set(patch);
    };
    const app = mountInShadow(this.doc, 'naqi-reader-root', READER_CSS, h(NaqiApp, { store: this.store, actions: this }));
    this.ctx.onInvalidated(() => {
      // Not close(): that re-attaches the in-page report buttons, whose labels need browser.i18n.
      this.unlockPage?.();
      this.unlockPage = null;
      this.pageImages.clear();
      app.unmount();
    });
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.onNavigate());
    this.ctx.addEventListener(window, 'hashchange', () => this.applyHighlightFromHash());
    browser.runtime.onMessage.addListener(this.onMessage);
    const unwatch = watchReaderSettings((next) => this.store.set({ settings: next }));
    // The listeners die with the orphaned context; removing them may throw there.
    this.ctx.onInvalidated(() => {
      try {
        browser.runtime.onMessage.removeListener(this.onMessage);
        unwatch();
      } catch {
        // Nothing left to remove.
      }
    });
    await this.detect(true);
  }

  /** Runs on first load and after single-page navigation. */
  private async detect(initial: boolean): Promise<void> {
    this.url = this.doc.location.href;
    const { site, isArticle } = detectArticlePage(this.doc, this.url);
    if (!initial) this.close();
    this.pageImages.clear();
    this.store.set({ isArticlePage: isArticle, article: null, states: {}, revealed: {} });
    if (!isArticle || !site) return;
    const article = await this.extract();
    if (!article) return;
    this.store.set({ article });
    await this.refreshStates();
    const wantsHighlight = this.doc.location.hash.startsWith(HIGHLIGHT_PREFIX);
    if (autoOpens(this.store.get().settings, site.id) || wantsHighlight) await this.open();
    else this.pageImages.attach(article, this.store.get().states);
    this.applyHighlightFromHash();
  }

  private async extract(): Promise<Article | null> {
    try {
      const generic = needsGenericExtractor(this.doc, this.url) ? await loadGenericExtractor() : null;
      const article = extractArticleWith(this.doc, this.url, generic);
      return article && (article.blocks.length || article.images.length) ? article : null;
    } catch (error) {
      console.warn('[Naqi] extraction failed', error);
      return null;
    }
  }

  /**
   * WXT fires this from the Navigation API's `navigate` event, before the URL commits and
   * usually before a single-page site has drawn the new page: look once things settled.
   */
  private onNavigate(): void {
    this.ctx.setTimeout(() => {
      if (this.doc.location.href !== this.url) void this.detect(false);
    }, 300);
  }

  private onMessage = (raw: unknown): undefined => {
    if (this.ctx.isInvalid || !isTabMessage(raw)) return undefined;
    switch (raw.type) {
      case 'reader.toggle':
        if (this.store.get().open) this.close();
        else void this.open();
        break;
      case 'reader.open':
        void this.open();
        break;
      case 'images.changed':
        void this.refreshStates();
        break;
      case 'reader.reportImage':
        void this.reportBySrc(raw.srcUrl);
        break;
    }
    return undefined;
  };

  async open(): Promise<void> {
    let { article } = this.store.get();
    if (!article) {
      // On demand (toolbar, shortcut) on any page, including sites without an adapter.
      article = await this.extract();
      if (!article) {
        this.notify('info', t('readerNoArticle'));
        return;
      }
      this.store.set({ article });
      void this.refreshStates();
    }
    this.unlockPage ??= lockPage(this.doc);
    this.pageImages.clear();
    this.store.set({ open: true });
  }

  close(): void {
    if (!this.store.get().open) return;
    this.unlockPage?.();
    this.unlockPage = null;
    this.store.set({ open: false });
    const { article, isArticlePage, states } = this.store.get();
    if (article && isArticlePage) this.pageImages.attach(article, states);
  }

  updateSettings(patch: Partial<ReturnType<ReaderStore['get']>['settings']>): void {
    const settings = { ...this.store.get().settings, ...patch };
    this.store.set({ settings });
    void saveReaderSettings(settings);
  }

  setAutoOpen(on: boolean): void {
    const siteId = this.store.get().article?.siteId;
    if (!siteId) return;
    const { settings } = this.store.get();
    this.updateSettings({ autoOpen: { ...settings.autoOpen, [siteId]: on } });
  }

  openReport(image: ArticleImage, returnFocus: HTMLElement | null): void {
    this.store.set({ report: { image, returnFocus }, thanks: null, notice: null });
  }

  cancelReport(): void {
    const focus = this.store.get().report?.returnFocus;
    this.store.set({ report: null });
    focus?.focus();
  }

  async submitReport(reason: Reason, note: string): Promise<string | null> {
    const { report, article } = this.store.get();
    if (!report) return null;
    const reply = await sendMessage({
      type: 'report.submit',
      report: {
        imageUrl: report.image.src,
        pageUrl: this.url,
        pageTitle: (article?.title ?? this.doc.title).slice(0, 500),
        site: article?.siteId ?? null,
        source: article?.source?.name.slice(0, 200) ?? null,
        reason,
        note,
      },
    });
    if (!reply.ok) return this.errorText(reply);
    this.store.set((s) => ({
      report: null,
      thanks: { reportId: reply.report.id, imageUrl: reply.report.imageUrl, updated: reply.updated },
      states: { ...s.states, [report.image.src]: reply.state },
    }));
    this.pageImages.applyStates(this.store.get().states);
    report.returnFocus?.focus();
    return null;
  }

  async undoReport(): Promise<void> {
    const { thanks } = this.store.get();
    if (!thanks) return;
    const reply = await sendMessage({ type: 'report.undo', id: thanks.reportId });
    if (!reply.ok) {
      this.notify('error', this.errorText(reply));
      return;
    }
    this.store.set({ thanks: null });
    await this.refreshStates();
  }

  dismissThanks(): void {
    this.store.set({ thanks: null });
  }

  reveal(imageUrl: string): void {
    this.store.set((s) => ({ revealed: { ...s.revealed, [imageUrl]: true } }));
    this.pageImages.applyStates(this.store.get().states);
  }

  isRevealed(imageUrl: string): boolean {
    return Boolean(this.store.get().revealed[imageUrl]);
  }

  private async refreshStates(): Promise<void> {
    const article = this.store.get().article;
    if (!article?.images.length) return;
    const reply = await sendMessage({ type: 'images.state', imageUrls: article.images.map((i) => i.src).slice(0, 500) });
    if (!reply.ok || this.store.get().article !== article) return;
    this.store.set({ states: reply.states });
    this.pageImages.applyStates(reply.states);
  }

  /** The context-menu entry: report whichever article image was right-clicked. */
  private async reportBySrc(srcUrl: string): Promise<void> {
    const src = absoluteHttpUrl(srcUrl, this.url);
    const article = this.store.get().article ?? (await this.extract());
    const image = article?.images.find((i) => i.src === src);
    if (!article || !image) {
      this.notify('info', t('reportNotArticleImage'));
      return;
    }
    if (!this.store.get().article) this.store.set({ article });
    this.openReport(image, null);
  }

  private applyHighlightFromHash(): void {
    const { hash } = this.doc.location;
    if (!hash.startsWith(HIGHLIGHT_PREFIX)) return;
    let target: string | null = null;
    try {
      target = absoluteHttpUrl(decodeURIComponent(hash.slice(HIGHLIGHT_PREFIX.length)), this.url);
    } catch {
      target = null;
    }
    if (!target) return;
    this.store.set({ highlight: target });
    if (!this.store.get().open) this.pageImages.highlight(target);
  }

  private errorText(reply: ErrorReply): string {
    switch (reply.error.code) {
      case 'quota-exceeded':
        return t('reportQuotaFull');
      case 'unreachable':
        return t('reportNoConnection');
      default:
        return t('reportFailed', [reply.error.message]);
    }
  }

  private notify(kind: 'error' | 'info', text: string): void {
    this.store.set({ notice: { kind, text } });
    this.ctx.setTimeout(() => {
      if (this.store.get().notice?.text === text) this.store.set({ notice: null });
    }, 6000);
  }
}
