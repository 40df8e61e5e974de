import { t } from '../../utils/i18n';
import type { Decision, ReviewRow as Row } from '../../utils/protocol';
import type { PagedList } from '../../utils/ui/paged';
import { VirtualList, type FocusRequest } from '../common/VirtualList';
import { useMediaQuery } from '../../utils/ui/media';
import { REVIEW_NARROW_QUERY, REVIEW_ROW_HEIGHT, REVIEW_ROW_HEIGHT_NARROW, ReviewRow, ReviewRowLoading } from './ReviewRow';

interface Props {
  list: PagedList<Row>;
  count: number;
  now: number;
  resetKey: string;
  current: number;
  selected: ReadonlySet<string>;
  notes: ReadonlyMap<string, string>;
  focusRequest: FocusRequest | null;
  onCurrent: (index: number) => void;
  onNote: (imageUrl: string, note: string) => void;
  onSelect: (imageUrl: string, selected: boolean) => void;
  onDecide: (imageUrl: string, decision: Decision, note: string) => void;
}

/** Reported images, one row each, windowed so 100,000 reports scroll smoothly. */
export function ReviewTable(props: Props) {
  const { list } = props;
  const narrow = useMediaQuery(REVIEW_NARROW_QUERY);
  return (
    <VirtualList
      class="review-list"
      label={t('reviewListLabel')}
      count={props.count}
      rowHeight={narrow ? REVIEW_ROW_HEIGHT_NARROW : REVIEW_ROW_HEIGHT}
      overscan={3}
      resetKey={props.resetKey}
      focusRequest={props.focusRequest}
      busy={list.loading}
      onRange={list.ensure}
      onFocusRow={props.onCurrent}
      rowKey={(i) => list.get(i)?.imageUrl ?? `loading-${i}`}
      renderRow={(i) => {
        const row = list.get(i);
        if (!row) return <ReviewRowLoading />;
        return (
          <ReviewRow
            row={row}
            index={i}
            now={props.now}
            current={i === props.current}
            selected={props.selected.has(row.imageUrl)}
            note={props.notes.get(row.imageUrl) ?? row.decisionNote}
            onNote={props.onNote}
            onSelect={props.onSelect}
            onDecide={props.onDecide}
          />
        );
      }}
    />
  );
}
