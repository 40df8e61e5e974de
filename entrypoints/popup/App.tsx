import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { sendMessage, type ReportFilter, type StoredReport } from '../../utils/protocol';
import { useDebounced, useImagesChanged, useNow } from '../../utils/ui/hooks';
import { usePagedList, type PageFetcher } from '../../utils/ui/paged';
import { closePopup } from '../../utils/ui/close-popup';
import { articleUrlWithImage } from '../../utils/ui/urls';
import { EMPTY_FILTERS, Filters, hasFilters, toReportFilter, type FilterState } from '../../components/common/Filters';
import { ThresholdSetting } from '../../components/common/ThresholdSetting';
import { UndoToast } from '../../components/common/UndoToast';
import type { FocusRequest } from '../../components/common/VirtualList';
import { EmptyState } from '../../components/popup/EmptyState';
import { ReaderSettingsPanel } from '../../components/popup/ReaderSettingsPanel';
import { ReportList } from '../../components/popup/ReportList';

/** First page is small so the popup paints at once; more pages load as the list scrolls. */
const PAGE_SIZE = 50;

interface Toast {
  deleted: StoredReport[];
  seq: number;
}

export function App() {
  const [filters, setFilters] = useState<FilterState>(EMPTY_FILTERS);
  const [mine, setMine] = useState(false);
  const text = useDebounced(filters.text, 200);
  const query = useMemo<ReportFilter>(() => {
    const q = toReportFilter(filters, text);
    if (mine) q.mine = true;
    return q;
  }, [filters.status, filters.reason, filters.site, text, mine]);
  const queryKey = JSON.stringify(query);

  const fetcher = useCallback<PageFetcher<StoredReport>>(
    async (offset, limit) => {
      const reply = await sendMessage({ type: 'reports.list', query: { ...query, limit, offset } });
      return reply.ok ? { ok: true, items: reply.reports, total: reply.total } : reply;
    },
    [queryKey],
  );
  const list = usePagedList(fetcher, queryKey, PAGE_SIZE);
  useImagesChanged(list.refresh);

  const now = useNow(30_000);

  const [toast, setToast] = useState<Toast | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [notice, setNotice] = useState('');
  const [view, setView] = useState<'list' | 'settings'>('list');

  const open = (report: StoredReport) => {
    const url = articleUrlWithImage(report.pageUrl, report.imageUrl);
    if (!url) return;
    void browser.tabs.create({ url }).then(closePopup);
  };

  const remove = async (report: StoredReport, index: number) => {
    const reply = await sendMessage({ type: 'reports.delete', ids: [report.id] });
    if (!reply.ok) {
      setNotice(t('popupDeleteFailed'));
      return;
    }
    setNotice('');
    setToast((prev) => ({ deleted: reply.deleted, seq: (prev?.seq ?? 0) + 1 }));
    await list.refresh();
    // Keep the keyboard where it was: on the row that took the deleted one's place.
    setFocusRequest((prev) => ({ index, seq: (prev?.seq ?? 0) + 1 }));
  };

  const undo = async () => {
    const deleted = toast?.deleted ?? [];
    setToast(null);
    if (deleted.length === 0) return;
    const reply = await sendMessage({ type: 'reports.restore', reports: deleted });
    setNotice(reply.ok ? t('popupRestored') : t('popupRestoreFailed'));
    void list.refresh();
  };

  const toggleReader = async () => {
    const reply = await sendMessage({ type: 'reader.toggleActiveTab' });
    if (reply.ok) void closePopup();
    else setNotice(reply.error.code === 'tab-unavailable' ? t('popupReaderUnavailable') : t('popupReaderFailed'));
  };

  const openReview = () => {
    void browser.tabs.create({ url: browser.runtime.getURL('/review.html') }).then(closePopup);
  };

  const filtered = hasFilters(filters) || mine;
  const total = list.total;

  return (
    <div class="popup">
      <header class="popup-header">
        <h1 class="popup-title">{t('popupHeading')}</h1>
        {total !== null && (
          <p class="popup-count">
            <span>{t('popupCountLabel')}</span>{' '}
            <strong data-testid="report-count">{total}</strong>
          </p>
        )}
      </header>

      {view === 'list' ? (
        <>
          <Filters id="popup-filter" value={filters} onChange={setFilters}>
            <div class="field field-check">
              <input id="popup-mine" type="checkbox" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
              <label for="popup-mine">{t('popupOnlyMine')}</label>
            </div>
          </Filters>

          <main class="popup-main" aria-label={t('popupListLabel')}>
            {list.error && total === null ? (
              <div class="empty" role="alert">
                <p class="empty-title">{t('commonLoadFailed')}</p>
                <button type="button" class="btn" onClick={() => void list.refresh()}>
                  {t('commonRetry')}
                </button>
              </div>
            ) : total === null ? (
              <p class="loading" role="status">
                {t('commonLoading')}
              </p>
            ) : total === 0 ? (
              <EmptyState
                filtered={filtered}
                onClearFilters={() => {
                  setFilters(EMPTY_FILTERS);
                  setMine(false);
                }}
              />
            ) : (
              <ReportList
                list={list}
                count={total}
                now={now}
                resetKey={queryKey}
                focusRequest={focusRequest}
                onOpen={open}
                onDelete={(r, i) => void remove(r, i)}
              />
            )}
            <p class="notice" role="status">
              {notice}
            </p>
            <UndoToast
              message={toast ? t('popupDeleted') : null}
              seq={toast?.seq ?? 0}
              onUndo={() => void undo()}
              onClose={() => setToast(null)}
            />
          </main>
        </>
      ) : (
        <main class="popup-main popup-settings-view" id="popup-settings" aria-labelledby="popup-settings-heading">
          <h2 id="popup-settings-heading" class="settings-title">
            {t('popupSettings')}
          </h2>
          <section class="settings-section" aria-labelledby="popup-threshold-heading">
            <h3 id="popup-threshold-heading" class="settings-heading">
              {t('popupThresholdHeading')}
            </h3>
            <ThresholdSetting id="popup-threshold" />
          </section>
          <ReaderSettingsPanel />
        </main>
      )}

      <footer class="popup-footer">
        <div class="popup-actions">
          <button type="button" class="btn btn-primary" onClick={() => void toggleReader()}>
            {t('popupReaderView')}
          </button>
          <a
            class="btn"
            href={browser.runtime.getURL('/review.html')}
            target="_blank"
            rel="noopener"
            onClick={(e) => {
              e.preventDefault();
              openReview();
            }}
          >
            {t('popupOpenReview')}
          </a>
          <button
            type="button"
            class="btn btn-settings"
            aria-expanded={view === 'settings' ? 'true' : 'false'}
            aria-controls={view === 'settings' ? 'popup-settings' : undefined}
            aria-label={t('popupSettings')}
            title={t('popupSettings')}
            onClick={() => setView((v) => (v === 'list' ? 'settings' : 'list'))}
          >
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
              <path
                fill="currentColor"
                d="M19.14 12.94a7.1 7.1 0 0 0 .05-.94 7.1 7.1 0 0 0-.05-.94l2.03-1.58a.5.5 0 0 0 .12-.64l-1.92-3.32a.5.5 0 0 0-.6-.22l-2.39.96a7 7 0 0 0-1.62-.94l-.36-2.54a.5.5 0 0 0-.5-.42h-3.84a.5.5 0 0 0-.49.42l-.36 2.54a7.4 7.4 0 0 0-1.62.94l-2.39-.96a.5.5 0 0 0-.6.22L2.68 8.84a.5.5 0 0 0 .12.64l2.03 1.58a7.3 7.3 0 0 0 0 1.88l-2.03 1.58a.5.5 0 0 0-.12.64l1.92 3.32c.13.22.39.3.6.22l2.39-.96c.5.38 1.04.7 1.62.94l.36 2.54c.05.24.25.42.49.42h3.84c.24 0 .45-.18.49-.42l.36-2.54a7.4 7.4 0 0 0 1.62-.94l2.39.96c.22.08.47 0 .6-.22l1.92-3.32a.5.5 0 0 0-.12-.64l-2.03-1.58zM12 15.6A3.6 3.6 0 1 1 12 8.4a3.6 3.6 0 0 1 0 7.2z"
              />
            </svg>
          </button>
        </div>
      </footer>
    </div>
  );
}
