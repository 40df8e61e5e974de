import { t } from '../../utils/i18n';
import { LIMITS, REASONS, type Decision, type Reason, type ReviewRow as Row } from '../../utils/protocol';
import { decisionLabel, isSensitive, reasonLabel, stateLabel } from '../../utils/ui/labels';
import { siteLabel } from '../../utils/ui/sites';
import { formatDateTime, isoDate, relativeTime } from '../../utils/ui/time';
import { displayHost, httpUrl, shortenMiddle } from '../../utils/ui/urls';
import { Thumbnail } from '../common/Thumbnail';

export const REVIEW_ROW_HEIGHT = 164;
/** Rows are stacked on a phone (style.css, max-width 40em): taller, same for every row. */
export const REVIEW_ROW_HEIGHT_NARROW = 340;
/** The media query under which rows use REVIEW_ROW_HEIGHT_NARROW; the same as in style.css. */
export const REVIEW_NARROW_QUERY = '(max-width: 40em)';
/** Pages listed in a row; the rest are counted. */
const PAGES_SHOWN = 2;

interface Props {
  row: Row;
  index: number;
  now: number;
  selected: boolean;
  current: boolean;
  /** The moderator's note being typed for this image. */
  note: string;
  onNote: (imageUrl: string, note: string) => void;
  onSelect: (imageUrl: string, selected: boolean) => void;
  onDecide: (imageUrl: string, decision: Decision, note: string) => void;
}

/** A link only for an http(s) URL; anything else is shown as plain text. */
function SafeLink({ url, text, class: cls }: { url: string; text: string; class?: string }) {
  const href = httpUrl(url);
  return href ? (
    <a class={cls} href={href} target="_blank" rel="noopener noreferrer" title={url}>
      <bdi>{text}</bdi>
    </a>
  ) : (
    <span class={cls} title={url}>
      <bdi>{text}</bdi>
    </span>
  );
}

function When({ at, now }: { at: number; now: number }) {
  if (!at) return <span>—</span>;
  return (
    <time dateTime={isoDate(at)} title={formatDateTime(at)}>
      {relativeTime(at, now)}
    </time>
  );
}

/** One reported image and everything a moderator needs to decide on it. */
export function ReviewRow({ row, index, now, selected, current, note, onNote, onSelect, onDecide }: Props) {
  const id = `row-${index}`;
  const reasons = REASONS.filter((r) => (row.reasons[r] ?? 0) > 0);
  const where = [...row.sites.map((s) => siteLabel(s)), ...row.sources].filter(Boolean).join(' · ');
  const morePages = row.pages.length - PAGES_SHOWN;
  return (
    <div
      class={`rrow${current ? ' rrow-current' : ''}${selected ? ' rrow-selected' : ''} decision-${row.decision}`}
      data-testid="review-row"
      data-image-url={row.imageUrl}
      data-decision={row.decision}
      role="group"
      aria-label={t('reviewRowLabel', String(index + 1))}
      aria-current={current ? 'true' : undefined}
      tabIndex={-1}
      data-row-focus
    >
      {/* A label around the box: the whole 44 px cell toggles it on a touch screen. */}
      <label class="rrow-select">
        <input
          id={`${id}-select`}
          type="checkbox"
          checked={selected}
          aria-label={t('reviewSelectRow')}
          onChange={(e) => onSelect(row.imageUrl, e.currentTarget.checked)}
        />
      </label>

      <Thumbnail src={row.imageUrl} size={120} sensitive={isSensitive(reasons)} />

      <div class="rrow-main">
        <SafeLink class="rrow-image-url" url={row.imageUrl} text={shortenMiddle(row.imageUrl, 90)} />
        {where && (
          <p class="rrow-where">
            <bdi>{where}</bdi>
          </p>
        )}
        <div class="rrow-pages">
          <span class="label">{t('reviewPagesSeen')}</span>
          <ul>
            {row.pages.slice(0, PAGES_SHOWN).map((p) => (
              <li key={p.url}>
                <SafeLink url={p.url} text={p.title || displayHost(p.url)} />
              </li>
            ))}
          </ul>
          {morePages > 0 && <span class="more">{t('reviewMorePages', String(morePages))}</span>}
        </div>
      </div>

      <div class="rrow-stats">
        <p class="rrow-reporters">
          <strong class="big">{row.reporters}</strong> <span>{t('reviewReporters')}</span>
        </p>
        <ul class="reasons" aria-label={t('reviewReasons')}>
          {reasons.map((r: Reason) => (
            <li key={r} class={`chip reason reason-${r}`} title={`${reasonLabel(r)}: ${row.reasons[r]}`}>
              {reasonLabel(r)} <span class="chip-count">{row.reasons[r]}</span>
            </li>
          ))}
        </ul>
        <p class="dates">
          <span>
            {t('reviewFirstReport')} <When at={row.firstAt} now={now} />
          </span>
          <span>
            {t('reviewLastReport')} <When at={row.lastAt} now={now} />
          </span>
        </p>
      </div>

      <div class="rrow-decision">
        <p class="rrow-status">
          <span class={`badge decision-badge decision-${row.decision}`}>{decisionLabel(row.decision)}</span>{' '}
          <span class="state">{t('reviewOnPages', stateLabel(row.state))}</span>
        </p>
        <label class="visually-hidden" for={`${id}-note`}>
          {t('reviewNoteLabel')}
        </label>
        <input
          id={`${id}-note`}
          class="rrow-note"
          type="text"
          maxLength={LIMITS.note}
          value={note}
          placeholder={t('reviewNotePlaceholder')}
          onInput={(e) => onNote(row.imageUrl, e.currentTarget.value)}
        />
        <div class="rrow-buttons">
          <button type="button" class="btn btn-danger" data-testid="decide-hide" onClick={() => onDecide(row.imageUrl, 'hide', note)}>
            {t('reviewHide')}
          </button>
          <button type="button" class="btn btn-ok" data-testid="decide-keep" onClick={() => onDecide(row.imageUrl, 'keep', note)}>
            {t('reviewKeep')}
          </button>
          <button
            type="button"
            class="btn"
            data-testid="decide-pending"
            disabled={row.decision === 'pending'}
            onClick={() => onDecide(row.imageUrl, 'pending', note)}
          >
            {t('reviewBackToPending')}
          </button>
        </div>
      </div>
    </div>
  );
}

export function ReviewRowLoading() {
  return (
    <div class="rrow rrow-loading" aria-hidden="true">
      <div class="rrow-select" />
      <span class="thumb skeleton" style={{ width: '120px', height: '120px' }} />
      <div class="rrow-main">
        <span class="skeleton skeleton-line" />
        <span class="skeleton skeleton-line short" />
      </div>
    </div>
  );
}
