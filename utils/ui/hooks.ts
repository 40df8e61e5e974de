import { useEffect, useState } from 'preact/hooks';
import { onImagesChanged } from '../protocol';

/** `value`, once it has stopped changing for `ms` (search boxes). */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The current time, refreshed every `ms` (relative times such as "3 minutes ago"). */
export function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/**
 * Call `cb` when the background broadcasts `images.changed`. Bursts (an import, a bulk
 * decision) are coalesced into one call.
 */
export function useImagesChanged(cb: () => void, coalesceMs = 150): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onImagesChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(cb, coalesceMs);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [cb, coalesceMs]);
}
