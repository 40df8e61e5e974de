import { t, type MessageKey } from '../../utils/i18n';
import { REVIEW_SHORTCUTS, type ReviewAction } from '../../utils/ui/shortcuts';

const ACTION_KEYS: Record<ReviewAction, MessageKey> = {
  next: 'reviewKeyNext',
  previous: 'reviewKeyPrevious',
  hide: 'reviewKeyHide',
  keep: 'reviewKeyKeep',
  pending: 'reviewKeyPending',
  select: 'reviewKeySelect',
  note: 'reviewKeyNote',
  search: 'reviewKeySearch',
};

/** The keyboard shortcuts, in one line, generated from the same table the page uses. */
export function ShortcutHelp() {
  return (
    <div class="shortcuts" id="shortcut-help">
      <span class="shortcuts-title">{t('reviewShortcutsTitle')}</span>
      <ul>
        {Object.entries(REVIEW_SHORTCUTS).map(([key, action]) => (
          <li key={key}>
            <kbd dir="ltr">{key}</kbd> {t(ACTION_KEYS[action])}
          </li>
        ))}
      </ul>
    </div>
  );
}
