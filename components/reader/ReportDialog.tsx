import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS, REASONS, type Reason } from '@/utils/protocol';
import { t, uiDir, uiLang } from '@/utils/i18n';
import { REASON_LABEL } from '@/utils/i18n/reasons';
import type { ReaderActions } from '@/utils/content/reader-actions';
import type { ArticleImage } from '@/utils/reader/types';

interface Props {
  image: ArticleImage;
  actions: ReaderActions;
}

/**
 * A modal <dialog>: the browser keeps focus inside and makes the page inert; Escape fires
 * `cancel`, which we treat as Cancel. It speaks the UI language, RTL in Arabic.
 */
export function ReportDialog({ image, actions }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<Reason | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const noteRequired = reason === 'other';

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.open && el.close();
  }, []);

  useEffect(() => fitVisualViewport(dialog.current), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason || sending) return;
    if (noteRequired && !note.trim()) {
      setError(t('reportNoteMissing'));
      return;
    }
    setSending(true);
    setError(null);
    const failure = await actions.submitReport(reason, note.trim());
    setSending(false);
    if (failure) setError(failure);
  };

  return (
    <dialog
      ref={dialog}
      class="naqi-dialog"
      dir={uiDir()}
      lang={uiLang()}
      aria-labelledby="naqi-report-title"
      aria-describedby="naqi-report-intro"
      onCancel={(event) => {
        event.preventDefault();
        actions.cancelReport();
      }}
    >
      <form method="dialog" onSubmit={submit} noValidate>
        <h2 id="naqi-report-title">{t('reportDialogTitle')}</h2>
        <div class="naqi-dialog-preview">
          <img src={image.src} alt="" referrerpolicy="no-referrer" />
          <p id="naqi-report-intro">{t('reportDialogIntro')}</p>
        </div>
        <fieldset>
          <legend>{t('reportReasonLegend')}</legend>
          {REASONS.map((r) => (
            <label key={r} class="naqi-reason" data-testid="report-reason" data-reason={r}>
              <input
                type="radio"
                name="naqi-reason"
                value={r}
                checked={reason === r}
                onChange={() => {
                  setReason(r);
                  setError(null);
                }}
              />
              <span>{t(REASON_LABEL[r])}</span>
            </label>
          ))}
        </fieldset>
        <label class="naqi-note">
          <span>{noteRequired ? t('reportNoteRequired') : t('reportNoteLabel')}</span>
          <textarea
            value={note}
            maxLength={LIMITS.note}
            rows={3}
            required={noteRequired}
            aria-invalid={Boolean(error && noteRequired && !note.trim())}
            onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <small aria-live="polite">
            {note.length.toLocaleString(uiLang())} / {LIMITS.note.toLocaleString(uiLang())}
          </small>
        </label>
        {error && (
          <p class="naqi-error" role="alert">
            {error}
          </p>
        )}
        <div class="naqi-dialog-actions">
          <button
            type="submit"
            class="naqi-button naqi-primary"
            data-testid="report-submit"
            disabled={!reason || sending}
            onClick={(event) => {
              // Only the reader submits: a page script's synthetic click is ignored.
              if (!event.isTrusted) event.preventDefault();
            }}
          >
            {sending ? t('reportSending') : t('reportSubmit')}
          </button>
          <button type="button" class="naqi-button" onClick={() => actions.cancelReport()}>
            {t('reportCancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * Keep the dialog inside the part of the screen that is visible. Chrome for Android opens the
 * on-screen keyboard over the page (only the visual viewport shrinks), so a dialog centred in
 * the layout viewport would have its note field and buttons under the keyboard: while the
 * visual viewport is shorter than the window, pin the dialog to its top and cap its height
 * (it scrolls inside). Returns the clean-up.
 */
function fitVisualViewport(el: HTMLDialogElement | null): (() => void) | undefined {
  const vv = window.visualViewport;
  if (!el || !vv) return undefined;
  const fit = () => {
    if (window.innerHeight - vv.height > 1) {
      el.style.maxHeight = `${Math.max(160, Math.floor(vv.height - 16))}px`;
      el.style.marginBlockStart = `${Math.floor(vv.offsetTop + 8)}px`;
      el.style.marginBlockEnd = 'auto';
    } else {
      el.style.removeProperty('max-height');
      el.style.removeProperty('margin-block-start');
      el.style.removeProperty('margin-block-end');
    }
  };
  fit();
  vv.addEventListener('resize', fit);
  vv.addEventListener('scroll', fit);
  return () => {
    vv.removeEventListener('resize', fit);
    vv.removeEventListener('scroll', fit);
  };
}
