import type { CasePersonDto, LetterDto, ModerationCaseDto } from './dto/letter.dto';
import { isMinorOn } from '../common/age';
import { scanContactDetails } from './detector/contact-detector';
import type { LetterRow } from './letters.store';
import type { CaseRow } from './moderation.store';

/** A letter of the thread as `me` sees it: the reason a letter is held is shown to its writer only. */
export function toLetterDto(r: LetterRow, me: string): LetterDto {
  const mine = r.sender_id === me;
  return {
    id: r.id,
    from: mine ? 'me' : 'penpal',
    body: r.body,
    language: r.language,
    status: r.status,
    deliverAt: r.deliver_at,
    readAt: r.read_at,
    createdAt: r.created_at,
    ...(mine && r.held_reason && r.status === 'held' ? { heldReason: r.held_reason } : {}),
  };
}

const casePerson = (
  userId: string,
  displayName: string,
  country: string | null,
  dob: string | null,
  now: Date,
): CasePersonDto => ({ userId, displayName, country, minor: dob ? isMinorOn(dob, now) : false });

/** A case of the queue with its one letter, what the detector finds in it now, and its two people. */
export const toModerationCaseDto = (r: CaseRow, now: Date): ModerationCaseDto => ({
  id: r.id,
  kind: r.kind,
  reason: r.reason,
  detail: r.detail,
  status: r.status,
  decision: r.decision,
  note: r.note,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
  letter: {
    id: r.letter_id,
    matchId: r.match_id,
    body: r.body,
    status: r.letter_status,
    heldKinds: r.held_kinds,
    findings: scanContactDetails(r.body).matches,
    from: casePerson(r.from_id, r.from_name, r.from_country, r.from_dob, now),
    to: casePerson(r.to_id, r.to_name, r.to_country, r.to_dob, now),
  },
});
