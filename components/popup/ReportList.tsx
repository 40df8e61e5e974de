import { t } from '../../utils/i18n';
import type { StoredReport } from '../../utils/protocol';
import type { PagedList } from '../../utils/ui/paged';
import { VirtualList, type FocusRequest } from '../common/VirtualList';
import { REPORT_ROW_HEIGHT, ReportItem, ReportItemLoading } from './ReportItem';

interface Props {
  list: PagedList<StoredReport>;
  count: number;
  now: number;
  resetKey: string;
  focusRequest: FocusRequest | null;
  onOpen: (report: StoredReport) => void;
  onDelete: (report: StoredReport, index: number) => void;
}

/** Saved reports, newest first, windowed: only the rows in view are in the DOM. */
export function ReportList({ list, count, now, resetKey, focusRequest, onOpen, onDelete }: Props) {
  return (
    <VirtualList
      class="report-list"
      label={t('popupListLabel')}
      count={count}
      rowHeight={REPORT_ROW_HEIGHT}
      resetKey={resetKey}
      focusRequest={focusRequest}
      busy={list.loading}
      onRange={list.ensure}
      rowKey={(i) => list.get(i)?.id ?? `loading-${i}`}
      renderRow={(i) => {
        const report = list.get(i);
        return report ? (
          <ReportItem report={report} now={now} onOpen={onOpen} onDelete={(r) => onDelete(r, i)} />
        ) : (
          <ReportItemLoading />
        );
      }}
    />
  );
}
