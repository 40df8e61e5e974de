import type { ReaderActions } from '@/utils/content/reader-actions';
import { useStore } from '@/utils/content/store';
import type { ReaderStore } from '@/utils/content/reader-state';
import { t, uiDir, uiLang } from '@/utils/i18n';
import { ReaderView } from './ReaderView';
import { ReportDialog } from './ReportDialog';
import { ReportThanks } from './ReportThanks';

/** Everything Naqi shows on a page, in one open shadow root. */
export function NaqiApp({ store, actions }: { store: ReaderStore; actions: ReaderActions }) {
  const state = useStore(store);
  return (
    <>
      {state.open && state.article && <ReaderView article={state.article} state={state} actions={actions} />}
      {!state.open && state.isArticlePage && (
        <button
          type="button"
          class="naqi-button naqi-open"
          dir={uiDir()}
          lang={uiLang()}
          aria-label={t('readerOpenLabel')}
          onClick={() => actions.open()}
        >
          <span aria-hidden="true">ن</span> {t('readerOpen')}
        </button>
      )}
      {state.report && <ReportDialog key={state.report.image.src} image={state.report.image} actions={actions} />}
      {state.thanks && <ReportThanks thanks={state.thanks} actions={actions} />}
      {state.notice && (
        <div class="naqi-toast" role={state.notice.kind === 'error' ? 'alert' : 'status'} dir={uiDir()} lang={uiLang()}>
          <p>{state.notice.text}</p>
        </div>
      )}
    </>
  );
}
