import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { sendMessage, type ExportFormat, type ReportFilter } from '../../utils/protocol';
import { downloadText } from '../../utils/ui/download';

interface Props {
  /** The filters of the review list, used when "only what the filters show" is ticked. */
  filter: ReportFilter;
  filtered: boolean;
}

/** Export all (or the filtered) reports as JSON or CSV, or the decisions as a hidden-images list. */
export function ExportButtons({ filter, filtered }: Props) {
  const [onlyFiltered, setOnlyFiltered] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    setMessage(null);
    const reply = await sendMessage({ type: 'export', format, ...(onlyFiltered && filtered ? { query: filter } : {}) });
    setBusy(null);
    if (!reply.ok) {
      setMessage({ text: `${t('reviewExportFailed')} ${reply.error.message}`, error: true });
      return;
    }
    downloadText(reply.filename, reply.mime, reply.text);
    setMessage({ text: t('reviewExportDone', reply.filename), error: false });
  };

  return (
    <section class="panel export" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('reviewExportHeading')}</h2>
      <div class="field field-check">
        <input
          id="export-filtered"
          type="checkbox"
          checked={onlyFiltered}
          disabled={!filtered}
          onChange={(e) => setOnlyFiltered(e.currentTarget.checked)}
        />
        <label for="export-filtered">{t('reviewExportOnlyFiltered')}</label>
      </div>
      <div class="button-row">
        <button type="button" class="btn" data-testid="export-json" disabled={busy !== null} onClick={() => void run('json')}>
          {t('reviewExportJson')}
        </button>
        <button type="button" class="btn" data-testid="export-csv" disabled={busy !== null} onClick={() => void run('csv')}>
          {t('reviewExportCsv')}
        </button>
        <button
          type="button"
          class="btn"
          data-testid="export-hidden-list"
          disabled={busy !== null}
          onClick={() => void run('hidden-list')}
        >
          {t('reviewExportHidden')}
        </button>
      </div>
      <p class={`hint${message?.error ? ' error-text' : ''}`} role="status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
