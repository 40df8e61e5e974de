import { t } from '../../utils/i18n';
import { LIMITS, type Decision } from '../../utils/protocol';
import { formatNumber } from '../../utils/ui/intl';

interface Props {
  selectedCount: number;
  /** Rows loaded on screen, all selected? */
  allShownSelected: boolean;
  someShown: boolean;
  note: string;
  busy: boolean;
  onNote: (note: string) => void;
  onSelectAllShown: (select: boolean) => void;
  onClear: () => void;
  onDecide: (decision: Decision) => void;
}

/** Select many images and decide on all of them at once, with one note. */
export function BulkBar(props: Props) {
  const none = props.selectedCount === 0;
  return (
    <div class="bulk" role="region" aria-label={t('reviewBulkLabel')}>
      <div class="field field-check">
        <input
          id="bulk-all"
          type="checkbox"
          checked={props.allShownSelected && props.someShown}
          disabled={!props.someShown}
          onChange={(e) => props.onSelectAllShown(e.currentTarget.checked)}
        />
        <label for="bulk-all">{t('reviewSelectAllShown')}</label>
      </div>
      <p class="bulk-count" aria-live="polite">
        {t('reviewSelectedCount', formatNumber(props.selectedCount))}
      </p>
      <div class="field bulk-note">
        <label for="bulk-note">{t('reviewBulkNoteLabel')}</label>
        <input
          id="bulk-note"
          type="text"
          maxLength={LIMITS.note}
          value={props.note}
          onInput={(e) => props.onNote(e.currentTarget.value)}
        />
      </div>
      <div class="button-row">
        <button type="button" class="btn btn-danger" data-testid="bulk-hide" disabled={none || props.busy} onClick={() => props.onDecide('hide')}>
          {t('reviewBulkHide')}
        </button>
        <button type="button" class="btn btn-ok" data-testid="bulk-keep" disabled={none || props.busy} onClick={() => props.onDecide('keep')}>
          {t('reviewBulkKeep')}
        </button>
        <button type="button" class="btn" data-testid="bulk-pending" disabled={none || props.busy} onClick={() => props.onDecide('pending')}>
          {t('reviewBulkPending')}
        </button>
        <button type="button" class="btn btn-quiet" disabled={none || props.busy} onClick={props.onClear}>
          {t('reviewClearSelection')}
        </button>
      </div>
    </div>
  );
}
