import { useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import { sendMessage, type ErrorInfo, type ImportPreview, type ImportProblem } from '../../utils/protocol';
import { checkImportBytes, checkImportSize, type ImportFileProblem } from '../../utils/ui/import-file';
import { formatNumber } from '../../utils/ui/intl';

const LOCAL_PROBLEM_KEYS: Record<ImportFileProblem, MessageKey> = {
  empty: 'reviewImportErrEmpty',
  tooLarge: 'reviewImportErrTooLarge',
  notUtf8: 'reviewImportErrNotUtf8',
  notJson: 'reviewImportErrNotJson',
};

const BACKGROUND_PROBLEM_KEYS: Record<ImportProblem, MessageKey> = {
  empty: 'reviewImportErrEmpty',
  'too-large': 'reviewImportErrTooLarge',
  'not-json': 'reviewImportErrNotJson',
  truncated: 'reviewImportErrTruncated',
  'not-object': 'reviewImportErrNotObject',
  'wrong-format': 'reviewImportErrWrongFormat',
  'wrong-version': 'reviewImportErrWrongVersion',
  'bad-structure': 'reviewImportErrBadStructure',
  'too-many-entries': 'reviewImportErrTooMany',
  'nothing-valid': 'reviewImportErrNothingValid',
};

interface Refusal {
  /** Localised: what is wrong with the file. */
  summary: string;
  /** The exact problem, as the parser or the background named it (English). */
  detail?: string;
}

function refusalOf(error: ErrorInfo): Refusal {
  const key = error.code === 'bad-import' ? BACKGROUND_PROBLEM_KEYS[error.detail as ImportProblem] : undefined;
  return { summary: key ? t(key) : t('reviewImportErrGeneric'), detail: error.message };
}

interface Props {
  /** Called after an import was applied (the list refreshes). */
  onApplied: () => void;
}

/**
 * Choose a file → checked here (size, UTF-8, JSON) → previewed by the background → applied in
 * one transaction. A refused file shows `import-error` naming the problem; nothing is written.
 */
export function ImportPanel({ onApplied }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState('');
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  const reset = () => {
    setText(null);
    setPreview(null);
    setRefusal(null);
    setDone('');
  };

  const choose = async (file: File | undefined) => {
    reset();
    if (!file) return;
    setFileName(file.name);
    const early = checkImportSize(file.size);
    if (early && !early.ok) {
      setRefusal({ summary: t(LOCAL_PROBLEM_KEYS[early.problem]) });
      return;
    }
    setBusy(true);
    try {
      const checked = checkImportBytes(new Uint8Array(await file.arrayBuffer()));
      if (!checked.ok) {
        setRefusal({ summary: t(LOCAL_PROBLEM_KEYS[checked.problem]), detail: checked.detail });
        return;
      }
      const reply = await sendMessage({ type: 'import.preview', text: checked.text });
      if (!reply.ok) {
        setRefusal(refusalOf(reply.error));
        return;
      }
      setText(checked.text);
      setPreview(reply.preview);
    } catch (error) {
      setRefusal({ summary: t('reviewImportErrUnreadable'), detail: error instanceof Error ? error.message : undefined });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (text === null) return;
    setBusy(true);
    const reply = await sendMessage({ type: 'import.apply', text });
    setBusy(false);
    if (!reply.ok) {
      setPreview(null);
      setText(null);
      setRefusal(refusalOf(reply.error));
      return;
    }
    setPreview(null);
    setText(null);
    setDone(t('reviewImportDone', [formatNumber(reply.added), formatNumber(reply.decisions)]));
    if (input.current) input.current.value = '';
    onApplied();
  };

  const stat = (label: string, value: number) => (
    <div class="stat">
      <dt>{label}</dt>
      <dd>{formatNumber(value)}</dd>
    </div>
  );

  return (
    <section class="panel import" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('reviewImportHeading')}</h2>
      <div class="field">
        <label for="import-file">{t('reviewImportFileLabel')}</label>
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".json,application/json"
          data-testid="import-file"
          aria-describedby="import-hint"
          disabled={busy}
          // Choosing the same file again (after fixing it) must fire "change" again.
          onClick={(e) => {
            e.currentTarget.value = '';
          }}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
        <p id="import-hint" class="hint">
          {t('reviewImportHint')}
        </p>
      </div>

      {refusal && (
        <div class="import-error" data-testid="import-error" role="alert">
          <strong>{t('reviewImportRefused', fileName || '—')}</strong> <span>{refusal.summary}</span>
          {refusal.detail && (
            <span class="detail" dir="auto">
              {' '}
              ({refusal.detail})
            </span>
          )}
        </div>
      )}

      {preview && (
        <div class="import-preview" data-testid="import-preview">
          <p class="preview-title" role="status">
            {preview.hiddenList ? t('reviewImportPreviewHiddenList') : t('reviewImportPreviewTitle')}
          </p>
          <dl class="stats">
            {stat(t('reviewImportNew'), preview.newReports)}
            {stat(t('reviewImportReporters'), preview.reporters)}
            {stat(t('reviewImportPresent'), preview.alreadyPresent)}
            {stat(t('reviewImportInvalid'), preview.invalid)}
            {stat(t('reviewImportDecisions'), preview.decisions)}
          </dl>
          {preview.problems.length > 0 && (
            <details class="problems">
              <summary>{t('reviewImportProblems')}</summary>
              <ul lang="en" dir="ltr">
                {preview.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </details>
          )}
          <div class="button-row">
            <button type="button" class="btn btn-primary" data-testid="import-apply" disabled={busy} onClick={() => void apply()}>
              {t('reviewImportApply')}
            </button>
            <button
              type="button"
              class="btn"
              disabled={busy}
              onClick={() => {
                reset();
                if (input.current) input.current.value = '';
              }}
            >
              {t('commonCancel')}
            </button>
          </div>
        </div>
      )}

      <p class="hint" role="status">
        {busy ? t('commonWorking') : done}
      </p>
    </section>
  );
}
