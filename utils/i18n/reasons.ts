import type { Reason } from '../reports/constants';
import type { MessageKey } from './index';

/** The label of each report reason, shared by the report dialog, the popup and the review page. */
export const REASON_LABEL: Record<Reason, MessageKey> = {
  sexual: 'reasonSexual',
  violence: 'reasonViolence',
  hate: 'reasonHate',
  misleading: 'reasonMisleading',
  privacy: 'reasonPrivacy',
  copyright: 'reasonCopyright',
  other: 'reasonOther',
};
