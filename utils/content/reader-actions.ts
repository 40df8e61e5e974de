import type { Reason } from '../protocol';
import type { ArticleImage } from '../reader/types';
import type { ReaderSettings } from '../settings/reader-settings';

/** What the reader UI can ask of the content script; the controller implements it. */
export interface ReaderActions {
  open(): void;
  close(): void;
  updateSettings(patch: Partial<ReaderSettings>): void;
  setAutoOpen(on: boolean): void;
  openReport(image: ArticleImage, returnFocus: HTMLElement | null): void;
  cancelReport(): void;
  /** Resolves with an error message to show in the dialog, or null once the background confirmed. */
  submitReport(reason: Reason, note: string): Promise<string | null>;
  undoReport(): Promise<void>;
  dismissThanks(): void;
  reveal(imageUrl: string): void;
}
