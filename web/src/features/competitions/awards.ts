import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/** The awards a competition gives, in the order a coordinator picks them. */
export const AWARDS = [
  'winner',
  'runner_up',
  'third_place',
  'special_mention',
  'audience_award',
  'best_directing',
  'best_screenplay',
  'best_impact',
] as const;

/** An award's name in the reader's language (the public results and the coordinator's page). */
export const AWARD: Record<string, MessageDescriptor> = {
  winner: msg`Winner`,
  runner_up: msg`Runner-up`,
  third_place: msg`Third place`,
  special_mention: msg`Special mention`,
  audience_award: msg`Audience award`,
  best_directing: msg`Best directing`,
  best_screenplay: msg`Best screenplay`,
  best_impact: msg`Best impact`,
};
