import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';

interface Props {
  /** What happened, e.g. "Report deleted". Null hides the toast. */
  message: string | null;
  /** Bumped for each new toast, so the timer restarts. */
  seq: number;
  onUndo: () => void;
  onClose: () => void;
  /** ms before it closes by itself; paused while hovered or focused. */
  timeout?: number;
}

/** "Report deleted — Undo". Announced politely; closes by itself unless the user is on it. */
export function UndoToast({ message, seq, onUndo, onClose, timeout = 8000 }: Props) {
  const [paused, setPaused] = useState(false);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    if (message === null || paused) return;
    const timer = setTimeout(() => closeRef.current(), timeout);
    return () => clearTimeout(timer);
  }, [message, seq, paused, timeout]);

  return (
    // The live region stays in the DOM so screen readers announce the message when it appears.
    <div class="toast-region" role="status" aria-live="polite">
      {message !== null && (
        <div
          class="toast"
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
          onFocusIn={() => setPaused(true)}
          onFocusOut={() => setPaused(false)}
        >
          <span class="toast-text">{message}</span>
          <button type="button" class="btn btn-toast" onClick={onUndo}>
            {t('commonUndo')}
          </button>
          <button type="button" class="btn-icon btn-toast-close" aria-label={t('commonClose')} title={t('commonClose')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
