import type { ComponentChildren, JSX, TargetedFocusEvent, TargetedKeyboardEvent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { scrollTopFor, visibleRange } from '../../utils/ui/windowing';
import { isTypingTarget } from '../../utils/ui/shortcuts';

/**
 * Browsers cap an element's height (Firefox near 17.9 million px): past this, scroll positions
 * are scaled so a million rows still scroll end to end.
 */
const MAX_SCROLL_PX = 8_000_000;

export interface FocusRequest {
  index: number;
  /** Bump to ask again for the same index. */
  seq: number;
}

interface Props {
  count: number;
  /** Fixed height of every row, in px. */
  rowHeight: number;
  renderRow: (index: number) => ComponentChildren;
  rowKey: (index: number) => string | number;
  /** Called with the rows on screen (plus overscan) whenever they change. */
  onRange?: (start: number, end: number) => void;
  /** Accessible name of the list. */
  label: string;
  class?: string;
  overscan?: number;
  /** Scroll back to the top when this changes (a new query). */
  resetKey?: string;
  /** Scroll to a row and focus its `[data-row-focus]` element. */
  focusRequest?: FocusRequest | null;
  /** The row that holds the focus changed (keyboard or mouse). */
  onFocusRow?: (index: number) => void;
  busy?: boolean;
}

/**
 * A windowed list: only the rows in view (plus a few) are in the DOM, absolutely positioned in
 * a spacer as tall as the whole list. Arrow keys, Page Up/Down, Home and End move the focus
 * between rows' `[data-row-focus]` elements, scrolling as needed.
 */
export function VirtualList(props: Props) {
  const { count, rowHeight, overscan = 4 } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(480);
  const pendingFocus = useRef<number | null>(null);

  const fullHeight = count * rowHeight;
  const physHeight = Math.min(fullHeight, MAX_SCROLL_PX);
  const ratio = fullHeight > physHeight && physHeight > viewport ? (fullHeight - viewport) / (physHeight - viewport) : 1;
  const logicalTop = scrollTop * ratio;
  const { start, end } = visibleRange(logicalTop, viewport, rowHeight, count, overscan);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight || 480);
    const ro = new ResizeObserver(() => setViewport(el.clientHeight || 480));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    props.onRange?.(start, end);
  }, [start, end, props.onRange]);

  useEffect(() => {
    if (props.resetKey === undefined) return;
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [props.resetKey]);

  const scrollToIndex = (index: number) => {
    const el = scroller.current;
    if (!el) return;
    const target = scrollTopFor(index, logicalTop, viewport, rowHeight);
    if (target !== undefined) {
      el.scrollTop = target / ratio;
      setScrollTop(el.scrollTop);
    }
  };

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(count - 1, index));
    pendingFocus.current = clamped;
    scrollToIndex(clamped);
    tryFocus();
  };

  const tryFocus = () => {
    const index = pendingFocus.current;
    const el = scroller.current;
    if (index === null || !el) return;
    const target = el.querySelector<HTMLElement>(`[data-index="${index}"] [data-row-focus], [data-index="${index}"][data-row-focus]`);
    if (target) {
      pendingFocus.current = null;
      target.focus({ preventScroll: true });
    }
  };

  // Rows rendered after a scroll may be the ones waiting for focus.
  useLayoutEffect(tryFocus);

  // A layout effect, so the focus has moved before the next key press is handled.
  useLayoutEffect(() => {
    if (props.focusRequest && count > 0) focusRow(props.focusRequest.index);
  }, [props.focusRequest]);

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const next =
      event.key === 'ArrowDown' ? index + 1
      : event.key === 'ArrowUp' ? index - 1
      : event.key === 'PageDown' ? index + page
      : event.key === 'PageUp' ? index - page
      : event.key === 'Home' ? 0
      : event.key === 'End' ? count - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    focusRow(next);
  };

  const onFocusIn = (event: TargetedFocusEvent<HTMLUListElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (row) props.onFocusRow?.(Number(row.dataset.index));
  };

  const rows: JSX.Element[] = [];
  for (let i = start; i < end; i++) {
    rows.push(
      <li
        key={props.rowKey(i)}
        class="vlist-row"
        data-index={i}
        aria-setsize={count}
        aria-posinset={i + 1}
        style={{ top: `${scrollTop + (i * rowHeight - logicalTop)}px`, height: `${rowHeight}px` }}
      >
        {props.renderRow(i)}
      </li>,
    );
  }

  return (
    <div
      ref={scroller}
      class={`vlist ${props.class ?? ''}`}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <ul
        class="vlist-inner"
        aria-label={props.label}
        aria-busy={props.busy ? 'true' : undefined}
        style={{ height: `${physHeight}px` }}
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
      >
        {rows}
      </ul>
    </div>
  );
}
