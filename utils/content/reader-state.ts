import type { ImageState } from '../protocol';
import type { Article, ArticleImage } from '../reader/types';
import { DEFAULT_READER_SETTINGS, type ReaderSettings } from '../settings/reader-settings';
import { createStore, type Store } from './store';

export interface ReportTarget {
  image: ArticleImage;
  /** Where focus returns when the dialog closes. */
  returnFocus: HTMLElement | null;
}

export interface Thanks {
  reportId: string;
  imageUrl: string;
  updated: boolean;
}

export interface ReaderState {
  open: boolean;
  article: Article | null;
  /** Article page of a supported site: shows the "open reader" button when closed. */
  isArticlePage: boolean;
  states: Record<string, ImageState>;
  /** Images the reader chose to see despite reports (this page view only). */
  revealed: Record<string, true>;
  settings: ReaderSettings;
  report: ReportTarget | null;
  thanks: Thanks | null;
  /** A message for the reader (extraction failed, a report was refused…). */
  notice: { kind: 'error' | 'info'; text: string } | null;
  highlight: string | null;
}

export type ReaderStore = Store<ReaderState>;

export function createReaderStore(): ReaderStore {
  return createStore<ReaderState>({
    open: false,
    article: null,
    isArticlePage: false,
    states: {},
    revealed: {},
    settings: DEFAULT_READER_SETTINGS,
    report: null,
    thanks: null,
    notice: null,
    highlight: null,
  });
}
