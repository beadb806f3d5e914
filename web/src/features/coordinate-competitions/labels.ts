import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

export const KIND: Record<string, MessageDescriptor> = {
  short_movie: msg`Short movie`,
  project: msg`Project`,
};

export const STATUS: Record<string, MessageDescriptor> = {
  draft: msg`Draft`,
  submitted: msg`Submitted`,
  withdrawn: msg`Withdrawn`,
  shortlisted: msg`Shortlisted`,
  awarded: msg`Awarded`,
};

export const STATUSES = Object.keys(STATUS);
