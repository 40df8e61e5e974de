import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorInfo } from '../protocol';
import { pagesFor } from './windowing';

export type PageResult<T> = { ok: true; items: T[]; total: number } | { ok: false; error: ErrorInfo };
export type PageFetcher<T> = (offset: number, limit: number) => Promise<PageResult<T>>;

/** Pages kept in memory; the farthest from the screen are dropped (a long scroll stays light). */
const MAX_CACHED_PAGES = 40;

/** Drop the pages farthest from `center` until at most `max` remain. */
export function evictFarPages(pages: Map<number, unknown>, center: number, max: number): void {
  if (pages.size <= max) return;
  const far = [...pages.keys()].sort((a, b) => Math.abs(b - center) - Math.abs(a - center));
  for (const p of far.slice(0, pages.size - max)) pages.delete(p);
}

interface Page<T> {
  gen: number;
  items: T[];
}

export interface PagedList<T> {
  /** Matching rows, or null before the first page arrived. */
  total: number | null;
  /** Row `index`, or undefined while its page is loading. */
  get(index: number): T | undefined;
  /** Every row currently loaded, in order (for "select all shown"). */
  loaded(): T[];
  /** Load the pages that hold rows [start, end) (called by the list as it scrolls). */
  ensure(start: number, end: number): void;
  /**
   * Reload what is on screen (data changed); stale rows stay visible until fresh ones arrive.
   * Resolves once the fresh rows are in (or a newer reload superseded this one).
   */
  refresh(): Promise<void>;
  loading: boolean;
  error: ErrorInfo | null;
}

/**
 * Rows of a large query, fetched page by page as they scroll into view: the first render
 * waits for one page, never for the whole database. `queryKey` identifies the query: when it
 * changes, everything is reloaded from the top.
 */
export function usePagedList<T>(fetcher: PageFetcher<T>, queryKey: string, pageSize: number): PagedList<T> {
  const [, setTick] = useState(0);
  const rerender = useCallback(() => setTick((n) => n + 1), []);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const s = useRef({
    gen: 0,
    total: null as number | null,
    pages: new Map<number, Page<T>>(),
    inflight: new Map<number, number>(), // page → generation it was asked for
    range: { start: 0, end: pageSize },
    pendingReplace: 0,
    error: null as ErrorInfo | null,
  }).current;

  const fetchPage = useCallback(
    async (page: number, gen: number): Promise<Page<T> | null> => {
      s.inflight.set(page, gen);
      const result = await fetcherRef.current(page * pageSize, pageSize);
      if (s.inflight.get(page) === gen) s.inflight.delete(page);
      if (gen !== s.gen) return null; // a newer query or refresh superseded this answer
      if (!result.ok) {
        s.error = result.error;
        return null;
      }
      s.error = null;
      s.total = result.total;
      return { gen, items: result.items };
    },
    [pageSize, s],
  );

  const ensureRef = useRef<(start: number, end: number) => void>(() => {});

  /** Start a new generation: fetch the pages of the current range, then drop older pages. */
  const replace = useCallback((): Promise<void> => {
    const gen = ++s.gen;
    s.inflight.clear();
    s.pendingReplace = gen;
    rerender();
    const wanted = pagesFor(s.range.start, Math.max(s.range.end, s.range.start + 1), pageSize);
    return Promise.all(wanted.map((p) => fetchPage(p, gen))).then((pages) => {
      if (gen !== s.gen) return;
      for (const [p, page] of s.pages) if (page.gen !== gen) s.pages.delete(p);
      pages.forEach((page, i) => {
        if (page) s.pages.set(wanted[i]!, page);
      });
      s.pendingReplace = 0;
      rerender();
      // The list may have scrolled while this generation loaded.
      ensureRef.current(s.range.start, s.range.end);
    });
  }, [fetchPage, pageSize, rerender, s]);

  const ensure = useCallback(
    (start: number, end: number) => {
      s.range = { start, end };
      if (s.pendingReplace) return; // the replacing fetch will cover this range
      for (const p of pagesFor(start, end, pageSize)) {
        const have = s.pages.get(p);
        if ((have && have.gen === s.gen) || s.inflight.get(p) === s.gen) continue;
        const gen = s.gen;
        void fetchPage(p, gen).then((page) => {
          if (page && gen === s.gen) {
            s.pages.set(p, page);
            evictFarPages(s.pages, Math.floor((s.range.start + s.range.end) / 2 / pageSize), MAX_CACHED_PAGES);
          }
          rerender();
        });
      }
    },
    [fetchPage, pageSize, rerender, s],
  );
  ensureRef.current = ensure;

  useEffect(() => {
    // A new query starts at the top; rows of the old query are kept on screen until then.
    s.range = { start: 0, end: pageSize };
    void replace();
  }, [queryKey, pageSize, replace, s]);

  return {
    total: s.total,
    get(index: number) {
      const page = s.pages.get(Math.floor(index / pageSize));
      return page?.items[index % pageSize];
    },
    loaded() {
      return [...s.pages.entries()].sort(([a], [b]) => a - b).flatMap(([, page]) => page.items);
    },
    ensure,
    refresh: replace,
    loading: s.pendingReplace !== 0,
    error: s.error,
  };
}
