import { t, type MessageKey } from '../i18n';
import { REASON_LABEL } from '../i18n/reasons';
import type { Decision, ImageState, Reason, ReportStatus } from '../protocol';

const STATUS_KEYS: Record<ReportStatus, MessageKey> = {
  pending: 'commonStatusPending',
  hidden: 'commonStatusHidden',
  kept: 'commonStatusKept',
};

const DECISION_KEYS: Record<Decision, MessageKey> = {
  pending: 'reviewDecisionPending',
  hide: 'reviewDecisionHide',
  keep: 'reviewDecisionKeep',
};

const STATE_KEYS: Record<ImageState, MessageKey> = {
  visible: 'reviewStateVisible',
  blurred: 'reviewStateBlurred',
  hidden: 'reviewStateHidden',
};

export const reasonLabel = (reason: Reason): string => t(REASON_LABEL[reason]);
export const statusLabel = (status: ReportStatus): string => t(STATUS_KEYS[status]);
export const decisionLabel = (decision: Decision): string => t(DECISION_KEYS[decision]);
export const stateLabel = (state: ImageState): string => t(STATE_KEYS[state]);

/** Reasons whose thumbnails are blurred until hovered or focused. */
export function isSensitive(reasons: Iterable<Reason>): boolean {
  for (const r of reasons) if (r === 'sexual' || r === 'violence') return true;
  return false;
}
