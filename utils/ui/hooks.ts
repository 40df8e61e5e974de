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
