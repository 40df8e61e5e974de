import { t } from '../../utils/i18n';

interface Props {
  /** Filters are on: say nothing matches, and offer to clear them. */
  filtered: boolean;
  onClearFilters: () => void;
}

/** No report to show: either nothing matches the filters, or this is how to report an image. */
export function EmptyState({ filtered, onClearFilters }: Props) {
  if (filtered) {
    return (
      <div class="empty">
        <p class="empty-title">{t('popupNoMatch')}</p>
        <button type="button" class="btn" onClick={onClearFilters}>
          {t('commonClearFilters')}
        </button>
      </div>
    );
  }
  return (
    <div class="empty">
      <svg class="empty-icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M14.4 6 14 4H5v17h2v-7h5.6l.4 2h7V6z" />
      </svg>
      <p class="empty-title">{t('popupEmptyTitle')}</p>
      <ol class="empty-steps">
        <li>{t('popupEmptyStep1')}</li>
        <li>{t('popupEmptyStep2')}</li>
        <li>{t('popupEmptyStep3')}</li>
      </ol>
    </div>
  );
}
