import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { LIMITS, REASONS, REPORT_STATUSES, type Reason, type ReportFilter, type ReportStatus } from '../../utils/protocol';
import { reasonLabel, statusLabel } from '../../utils/ui/labels';
import { siteOptions } from '../../utils/ui/sites';

export interface FilterState {
  text: string;
  status: ReportStatus | '';
  reason: Reason | '';
  site: string;
}

export const EMPTY_FILTERS: FilterState = { text: '', status: '', reason: '', site: '' };

/** The protocol filter of a UI filter state: empty choices are left out. */
export function toReportFilter(f: FilterState, text = f.text): ReportFilter {
  const filter: ReportFilter = {};
  if (f.status) filter.status = f.status;
  if (f.reason) filter.reason = f.reason;
  if (f.site) filter.site = f.site;
  const trimmed = text.trim().slice(0, LIMITS.text);
  if (trimmed) filter.text = trimmed;
  return filter;
}

export function hasFilters(f: FilterState): boolean {
  return Boolean(f.text.trim() || f.status || f.reason || f.site);
}

interface Props {
  value: FilterState;
  onChange: (next: FilterState) => void;
  /** Unique id prefix in the page. */
  id: string;
  /** Extra controls (sort, "only mine"…), placed after the selects. */
  children?: ComponentChildren;
  searchRef?: { current: HTMLInputElement | null };
}

/** Search box and status / reason / site filters, each with a visible label. */
export function Filters({ value, onChange, id, children, searchRef }: Props) {
  const sites = useMemo(() => siteOptions(), []);
  const set = <K extends keyof FilterState>(key: K, v: FilterState[K]) => onChange({ ...value, [key]: v });
  return (
    <div class="filters" role="search">
      <div class="field field-search">
        <label for={`${id}-text`}>{t('commonSearchLabel')}</label>
        <input
          id={`${id}-text`}
          ref={searchRef}
          type="search"
          value={value.text}
          maxLength={LIMITS.text}
          placeholder={t('commonSearchPlaceholder')}
          autocomplete="off"
          onInput={(e) => set('text', e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-status`}>{t('commonFilterStatus')}</label>
        <select id={`${id}-status`} value={value.status} onChange={(e) => set('status', e.currentTarget.value as FilterState['status'])}>
          <option value="">{t('commonAll')}</option>
          {REPORT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-reason`}>{t('commonFilterReason')}</label>
        <select id={`${id}-reason`} value={value.reason} onChange={(e) => set('reason', e.currentTarget.value as FilterState['reason'])}>
          <option value="">{t('commonAll')}</option>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {reasonLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-site`}>{t('commonFilterSite')}</label>
        <select id={`${id}-site`} value={value.site} onChange={(e) => set('site', e.currentTarget.value)}>
          <option value="">{t('commonAll')}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {children}
    </div>
  );
}
