import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';

/** Why a letter is reported (the API's report reasons), as the reporter and coordinators read it. */
export const REPORT_REASONS: Record<
  'harassment' | 'inappropriate' | 'contact_details' | 'spam' | 'other',
  MessageDescriptor
> = {
  harassment: msg`Unkind or bullying`,
  inappropriate: msg`Not OK for this programme`,
  contact_details: msg`Asks for or shares contact details`,
  spam: msg`Spam or advertising`,
  other: msg`Something else`,
};
