import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import {
  LIMITS,
  sendMessage,
  type Decision,
  type ReviewQuery,
  type ReviewRow,
  type ReviewSort,
} from '../../utils/protocol';
import { useDebounced, useImagesChanged, useNow } from '../../utils/ui/hooks';
import { formatNumber } from '../../utils/ui/intl';
import { decisionLabel } from '../../utils/ui/labels';
import { usePagedList, type PageFetcher } from '../../utils/ui/paged';
import { reviewActionFor } from '../../utils/ui/shortcuts';
import { EMPTY_FILTERS, Filters, hasFilters, toReportFilter, type FilterState } from '../../components/common/Filters';
import { ThresholdSetting } from '../../components/common/ThresholdSetting';
import type { FocusRequest } from '../../components/common/VirtualList';
import { BulkBar } from '../../components/review/BulkBar';
import { ExportButtons } from '../../components/review/ExportButtons';
import { ImportPanel } from '../../components/review/ImportPanel';
import { ReviewTable } from '../../components/review/ReviewTable';
import { ShortcutHelp } from '../../components/review/ShortcutHelp';

const PAGE_SIZE = 50;

/** Split a long list for requests that take at most LIMITS.batch items. */
function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function App() {
  const [filters, setFilters] = useState<FilterState>(EMPTY_FILTERS);
  const [sort, setSort] = useState<ReviewSort>('reporters');
  const text = useDebounced(filters.text, 250);
  const filter = useMemo(() => toReportFilter(filters, text), [filters.status, filters.reason, filters.site, text]);
  const query = useMemo<Omit<ReviewQuery, 'limit' | 'offset'>>(() => ({ ...filter, sort }), [filter, sort]);
  const queryKey = JSON.stringify(query);

  const fetcher = useCallback<PageFetcher<ReviewRow>>(
    async (offset, limit) => {
      const reply = await sendMessage({ type: 'review.list', query: { ...query, limit, offset } });
      return reply.ok ? { ok: true, items: reply.rows, total: reply.total } : reply;
    },
    [queryKey],
  );
  const list = usePagedList(fetcher, queryKey, PAGE_SIZE);
  useImagesChanged(list.refresh);

  const now = useNow(60_000);

  const [current, setCurrent] = useState(0);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notes, setNotes] = useState<ReadonlyMap<string, string>>(new Map());
  const [bulkNote, setBulkNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);

  // A new query starts from its first row, with nothing selected.
  useEffect(() => {
    setCurrent(0);
    setSelected(new Set());
  }, [queryKey]);

  const decide = async (imageUrls: string[], decision: Decision, note: string): Promise<boolean> => {
    if (imageUrls.length === 0) return false;
    setBusy(true);
    let updated = 0;
    for (const batch of chunks(imageUrls, LIMITS.batch)) {
      const reply = await sendMessage({ type: 'decision.set', imageUrls: batch, decision, note: note.trim().slice(0, LIMITS.note) });
      if (!reply.ok) {
        setBusy(false);
        setMessage({ text: `${t('reviewDecisionFailed')} ${reply.error.message}`, error: true });
        void list.refresh();
        return false;
      }
      updated += batch.length;
    }
    setBusy(false);
    setMessage({ text: t('reviewDecisionSaved', [decisionLabel(decision), formatNumber(updated)]), error: false });
    setNotes((prev) => {
      const next = new Map(prev);
      for (const url of imageUrls) next.delete(url);
      return next;
    });
    await list.refresh();
    // The decided row may have left the list (status filter): keep the keyboard on the list.
    if (document.activeElement === document.body || document.activeElement === null) {
      const index = latest.current.current;
      setFocusRequest((prev) => ({ index, seq: (prev?.seq ?? 0) + 1 }));
    }
    return true;
  };

  const onNote = useCallback((url: string, note: string) => {
    setNotes((prev) => new Map(prev).set(url, note));
  }, []);
  const onSelect = useCallback((url: string, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(url);
      else next.delete(url);
      return next;
    });
  }, []);

  const total = list.total;
  const count = total ?? 0;
  const shown = list.loaded();
  const allShownSelected = shown.length > 0 && shown.every((r) => selected.has(r.imageUrl));

  // Shortcuts read the latest state through a ref: the listener is registered once.
  const latest = useRef({ current, count, list, notes, decide, selected });
  latest.current = { current, count, list, notes, decide, selected };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = reviewActionFor(event);
      if (!action) return;
      const target = event.target as HTMLElement | null;
      const inList = Boolean(target?.closest?.('.review-list'));
      // Shortcuts work from the list or from nowhere in particular, not from other panels.
      if (!inList && target !== document.body && target !== document.documentElement) return;
      const st = latest.current;
      event.preventDefault();
      if (action === 'search') {
        searchRef.current?.focus();
        return;
      }
      if (st.count === 0) return;
      const index = Math.min(st.current, st.count - 1);
      const move = (to: number) => {
        const clamped = Math.max(0, Math.min(st.count - 1, to));
        setCurrent(clamped);
        setFocusRequest((prev) => ({ index: clamped, seq: (prev?.seq ?? 0) + 1 }));
      };
      if (action === 'next') return move(inList ? index + 1 : index);
      if (action === 'previous') return move(inList ? index - 1 : index);
      const row = st.list.get(index);
      if (!row) return;
      if (action === 'select') {
        onSelect(row.imageUrl, !st.selected.has(row.imageUrl));
        return;
      }
      if (action === 'note') {
        document.querySelector<HTMLInputElement>(`.review-list [data-index="${index}"] .rrow-note`)?.focus();
        return;
      }
      const decision: Decision = action === 'hide' ? 'hide' : action === 'keep' ? 'keep' : 'pending';
      void st.decide([row.imageUrl], decision, st.notes.get(row.imageUrl) ?? row.decisionNote);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onSelect]);

  const filtered = hasFilters(filters);

  return (
    <div class="review">
      <header class="review-header">
        <h1>{t('reviewHeading')}</h1>
        {total !== null && (
          <p class="review-count">
            {t('reviewImagesLabel')} <strong data-testid="review-count">{total}</strong>
          </p>
        )}
      </header>

      <div class="review-layout">
        <main class="review-main" aria-labelledby="review-list-heading">
          <h2 id="review-list-heading" class="visually-hidden">
            {t('reviewListLabel')}
          </h2>
          <Filters id="review-filter" value={filters} onChange={setFilters} searchRef={searchRef}>
            <div class="field">
              <label for="review-sort">{t('reviewSortLabel')}</label>
              <select id="review-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as ReviewSort)}>
                <option value="reporters">{t('reviewSortReporters')}</option>
                <option value="recent">{t('reviewSortRecent')}</option>
              </select>
            </div>
          </Filters>

          <ShortcutHelp />

          <BulkBar
            selectedCount={selected.size}
            allShownSelected={allShownSelected}
            someShown={shown.length > 0}
            note={bulkNote}
            busy={busy}
            onNote={setBulkNote}
            onSelectAllShown={(on) =>
              setSelected((prev) => {
                const next = new Set(prev);
                for (const r of shown) {
                  if (on) next.add(r.imageUrl);
                  else next.delete(r.imageUrl);
                }
                return next;
              })
            }
            onClear={() => setSelected(new Set())}
            onDecide={(decision) =>
              void decide([...selected], decision, bulkNote).then((ok) => {
                if (ok) {
                  setSelected(new Set());
                  setBulkNote('');
                }
              })
            }
          />

          <p class={`notice${message?.error ? ' error-text' : ''}`} role="status">
            {message?.text ?? ''}
          </p>

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
            <div class="empty">
              <p class="empty-title">{filtered ? t('reviewNoMatch') : t('reviewEmpty')}</p>
              {filtered && (
                <button type="button" class="btn" onClick={() => setFilters(EMPTY_FILTERS)}>
                  {t('commonClearFilters')}
                </button>
              )}
            </div>
          ) : (
            <ReviewTable
              list={list}
              count={count}
              now={now}
              resetKey={queryKey}
              current={current}
              selected={selected}
              notes={notes}
              focusRequest={focusRequest}
              onCurrent={setCurrent}
              onNote={onNote}
              onSelect={onSelect}
              onDecide={(url, decision, note) => void decide([url], decision, note)}
            />
          )}
        </main>

        <aside class="review-side" aria-label={t('reviewSideLabel')}>
          <ExportButtons filter={filter} filtered={filtered} />
          <ImportPanel onApplied={() => void list.refresh()} />
          <section class="panel" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{t('reviewSettingsHeading')}</h2>
            <ThresholdSetting id="review-threshold" />
          </section>
        </aside>
      </div>
    </div>
  );
}
