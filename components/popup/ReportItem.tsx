import { t } from '../../utils/i18n';
import type { StoredReport } from '../../utils/protocol';
import { isSensitive, reasonLabel, statusLabel } from '../../utils/ui/labels';
import { siteLabel } from '../../utils/ui/sites';
import { formatDateTime, isoDate, relativeTime } from '../../utils/ui/time';
import { displayHost, httpUrl } from '../../utils/ui/urls';
import { Thumbnail } from '../common/Thumbnail';

export const REPORT_ROW_HEIGHT = 78;

interface Props {
  report: StoredReport;
  now: number;
  onOpen: (report: StoredReport) => void;
  onDelete: (report: StoredReport) => void;
}

/**
 * One saved report. Everything in it came from a web page: it is rendered as text only, and
 * the article opens only when its URL is http(s).
 */
export function ReportItem({ report, now, onOpen, onDelete }: Props) {
  const titleId = `report-title-${report.id}`;
  const canOpen = Boolean(httpUrl(report.pageUrl));
  const where = [siteLabel(report.site), report.source].filter(Boolean).join(' · ') || displayHost(report.pageUrl);
  return (
    <div class="report" data-testid="report-item" data-image-url={report.imageUrl}>
      <button
        type="button"
        class="report-open"
        data-row-focus
        disabled={!canOpen}
        onClick={() => onOpen(report)}
      >
        <Thumbnail src={report.imageUrl} size={56} sensitive={isSensitive([report.reason])} />
        <span class="report-text">
          {/* <bdi>: a title in the other script keeps its own direction without moving the row. */}
          <span class="report-title" id={titleId}>
            <bdi>{report.pageTitle || displayHost(report.pageUrl)}</bdi>
          </span>
          <span class="report-where">
            <bdi class="where">{where}</bdi>
            <time dateTime={isoDate(report.createdAt)} title={formatDateTime(report.createdAt)}>
              {relativeTime(report.createdAt, now)}
            </time>
          </span>
          <span class="report-meta">
            <span class={`chip reason reason-${report.reason}`} title={reasonLabel(report.reason)}>
              {reasonLabel(report.reason)}
            </span>
            <span class={`badge status-${report.status}`}>{statusLabel(report.status)}</span>
          </span>
          <span class="visually-hidden">{t('popupOpensArticle')}</span>
        </span>
      </button>
      <button
        type="button"
        class="btn-icon report-delete"
        aria-label={t('popupDeleteReport')}
        aria-describedby={titleId}
        title={t('popupDeleteReport')}
        onClick={() => onDelete(report)}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M6 19c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z"
          />
        </svg>
      </button>
    </div>
  );
}

/** Placeholder of a row whose page is still loading. */
export function ReportItemLoading() {
  return (
    <div class="report report-loading" aria-hidden="true">
      <span class="thumb skeleton" style={{ width: '56px', height: '56px' }} />
      <span class="report-text">
        <span class="skeleton skeleton-line" />
        <span class="skeleton skeleton-line short" />
      </span>
    </div>
  );
}
