import { t, uiDir, uiLang } from '@/utils/i18n';
import type { ReaderActions } from '@/utils/content/reader-actions';
import type { Thanks } from '@/utils/content/reader-state';

/** Shown only once the background confirmed the write; Undo deletes that report. */
export function ReportThanks({ thanks, actions }: { thanks: Thanks; actions: ReaderActions }) {
  return (
    <div class="naqi-toast" role="status" data-testid="report-thanks" dir={uiDir()} lang={uiLang()}>
      <p>{thanks.updated ? t('reportThanksUpdated') : t('reportThanks')}</p>
      <div class="naqi-toast-actions">
        <button type="button" class="naqi-button" onClick={() => void actions.undoReport()}>
          {t('reportUndo')}
        </button>
        <button type="button" class="naqi-button" onClick={() => actions.dismissThanks()}>
          {t('reportDismiss')}
        </button>
      </div>
    </div>
  );
}
