import { dateTime } from '../../common/i18n/locales';
import { awardName, contactKinds, penpalList, roleNames } from './labels';
import { MENTORING } from './mentoring';
import type { LocaleTemplates } from './types';

const s = (v: unknown) => String(v ?? '');

export const en: LocaleTemplates = {
  'guardian.consent_requested': (p) => ({
    subject: `Please confirm ${s(p.participantName)} may take part in Kenal`,
    text:
      `Dear ${s(p.guardianName)},\n\n` +
      `${s(p.participantName)} has signed up for Kenal, the ASEAN–Korea youth exchange, and named you as their ` +
      `parent or guardian. Because they are under 18, they can only be matched with a pen pal or enter a ` +
      `competition once you agree.\n\nTo give your consent, open this link (valid until ${dateTime(p.expiresAt, 'en')}):\n` +
      `${s(p.link)}\n\nIf you do not know this person, ignore this email and nothing will happen.\n\n— The Kenal team`,
    title: 'Guardian consent requested',
    body: `We emailed ${s(p.guardianName)} to confirm that you may take part.`,
  }),
  'guardian.consent_confirmed': (p) => ({
    subject: 'Your guardian has confirmed: you can take part in Kenal',
    text: `Hello ${s(p.participantName)},\n\n${s(p.guardianName)} confirmed that you may take part in Kenal. You can now enrol in pen-pal rounds and competitions.\n\n— The Kenal team`,
    title: 'Guardian consent confirmed',
    body: `${s(p.guardianName)} confirmed that you may take part.`,
  }),
  'guardian.consent_receipt': (p) => ({
    subject: `You agreed that ${s(p.participantName)} may take part in Kenal`,
    text:
      `Dear ${s(p.guardianName)},\n\nThank you: you confirmed that ${s(p.participantName)} may take part in Kenal, ` +
      `writing to a pen pal and entering youth competitions.\n\nYou can withdraw your consent at any time with this link. ` +
      `Their pen-pal matches then end and they cannot take part until a guardian agrees again:\n${s(p.link)}\n\n` +
      `Keep this email.\n\n— The Kenal team`,
    title: 'Guardian consent confirmed',
    body: `You confirmed that ${s(p.participantName)} may take part.`,
  }),
  'guardian.consent_withdrawn': (p) => ({
    subject: 'Your guardian has withdrawn their consent',
    text:
      `Hello ${s(p.participantName)},\n\n${s(p.guardianName)} withdrew their consent for you to take part in Kenal. ` +
      `You have left your pen-pal rounds, your pen-pal matches have ended and your team's entry cannot change until a guardian agrees again. ` +
      `You can ask them again from your profile.\n\n— The Kenal team`,
    title: 'Guardian consent withdrawn',
    body: `${s(p.guardianName)} withdrew their consent. Ask a guardian again to take part.`,
  }),
  'staff.invited': (p) => ({
    subject: 'You have a Kenal staff account: set your password',
    text:
      `Hello ${s(p.displayName)},\n\nAn administrator created a Kenal account for you with the role(s) ` +
      `${roleNames(p.roles, 'en')}. Set your password with this link (valid until ${dateTime(p.expiresAt, 'en')}, usable once):\n${s(p.link)}\n\n— The Kenal team`,
    title: 'Welcome to Kenal',
    body: `Your staff account (${roleNames(p.roles, 'en')}) is ready. Check your email to set a password.`,
  }),
  'auth.verify_email': (p) => ({
    subject: 'Confirm your email address for Kenal',
    text:
      `Hello ${s(p.displayName)},\n\nPlease confirm that this address is yours, so you can enrol, join a team ` +
      `and submit on Kenal. Open this link (valid until ${dateTime(p.expiresAt, 'en')}, usable once):\n${s(p.link)}\n\n` +
      `If you did not sign up for Kenal, ignore this email.\n\n— The Kenal team`,
    title: 'Confirm your email address',
    body: 'We emailed you a link to confirm your address.',
  }),
  'staff.roles_offered': (p) => ({
    subject: 'You are invited to a Kenal staff role',
    text:
      `Hello ${s(p.displayName)},\n\nAn administrator invited your Kenal account to the role(s) ${roleNames(p.roles, 'en')}. ` +
      `Nothing changes unless you accept: sign in to Kenal as this account and accept with this link ` +
      `(valid until ${dateTime(p.expiresAt, 'en')}, usable once):\n${s(p.link)}\n\n` +
      `If you do not expect this, ignore this email.\n\n— The Kenal team`,
    title: 'Staff role offered',
    body: `An administrator invited you to the role(s) ${roleNames(p.roles, 'en')}. Check your email to accept.`,
  }),
  'auth.password_reset': (p) => ({
    subject: 'Reset your Kenal password',
    text:
      `Hello ${s(p.displayName)},\n\nSomeone (hopefully you) asked to reset your Kenal password. ` +
      `Open this link to choose a new one (valid until ${dateTime(p.expiresAt, 'en')}, usable once):\n${s(p.link)}\n\n` +
      `If you did not ask, ignore this email: your password stays as it is.\n\n— The Kenal team`,
    title: 'Password reset requested',
    body: 'We emailed you a link to reset your password.',
  }),
  'penpal.matched': (p) => ({
    subject: `You have a pen pal in ${s(p.roundName)}`,
    text:
      `Hello ${s(p.displayName)},\n\nGood news: we found you a pen pal in ${s(p.roundName)}: ${penpalList(p.penpals, 'en')}. ` +
      `Open Kenal to see what you have in common, and accept to start writing.\n\n— The Kenal team`,
    title: 'You have a pen pal',
    body: `Meet ${penpalList(p.penpals, 'en')} and accept to start writing.`,
  }),
  'penpal.unmatched': (p) => ({
    subject: `No pen pal yet in ${s(p.roundName)}: you stay in the queue`,
    text:
      `Hello ${s(p.displayName)},\n\nThis time we could not find a pen pal who fits you in ${s(p.roundName)}. ` +
      `You stay in the queue: the next matching run will try again.\n\n— The Kenal team`,
    title: 'You stay in the queue',
    body: `No pen pal yet in ${s(p.roundName)}; the next run will try again.`,
  }),
  'penpal.connected': (p) => ({
    subject: `You and ${s(p.penpalName)} can start writing`,
    text: `Hello ${s(p.displayName)},\n\nYou and ${s(p.penpalName)} both said yes. Say hello in Kenal!\n\n— The Kenal team`,
    title: 'You can start writing',
    body: `You and ${s(p.penpalName)} both accepted. Say hello!`,
  }),
  'penpal.declined': (p) => ({
    subject: `Your pen-pal match in ${s(p.roundName)} did not go ahead`,
    text:
      `Hello ${s(p.displayName)},\n\nYour proposed pen pal in ${s(p.roundName)} could not take part this time. ` +
      `You go back into the queue and the next matching run will find you someone new.\n\n— The Kenal team`,
    title: 'Your match did not go ahead',
    body: 'You are back in the queue for the next matching run.',
  }),
  'penpal.cancelled': (p) => ({
    subject: `Your pen-pal match in ${s(p.roundName)} has been ended`,
    text:
      `Hello ${s(p.displayName)},\n\nThe coordinators of ${s(p.roundName)} have ended your pen-pal match. ` +
      `You go back into the queue for the next matching run. If you have questions, reply to your programme's coordinators.\n\n— The Kenal team`,
    title: 'Your pen-pal match has been ended',
    body: 'The coordinators ended this match. You are back in the queue for the next run.',
  }),
  'penpal.ended': (p) => ({
    subject: `Your pen-pal match in ${s(p.roundName)} has ended`,
    text:
      `Hello ${s(p.displayName)},\n\n${s(p.penpalName)} has ended your pen-pal match in ${s(p.roundName)}. ` +
      `No more letters can be sent either way, and you will not be matched with each other again. ` +
      `The letters you exchanged stay in Kenal for you to read.\n\n— The Kenal team`,
    title: 'Your pen-pal match has ended',
    body: `${s(p.penpalName)} ended the match. No more letters can be sent either way.`,
  }),
  'letter.delivered': (p) => ({
    subject: `A letter from ${s(p.penpalName)} has arrived`,
    text:
      `Hello ${s(p.displayName)},\n\n${s(p.penpalName)} wrote to you. Read the letter and write back in Kenal:\n` +
      `${s(p.link)}\n\n(We email you at most once every few hours about new letters from one pen pal.)\n\n— The Kenal team`,
    title: 'A new letter',
    body: `${s(p.penpalName)} wrote to you.`,
  }),
  'letter.held': (p) => ({
    subject: `Your letter to ${s(p.penpalName)} is waiting for a check`,
    text:
      `Hello ${s(p.displayName)},\n\nYour letter to ${s(p.penpalName)} seems to contain ${contactKinds(p.kinds, 'en')}. ` +
      `To keep everyone safe, letters with contact details stay inside Kenal until a coordinator has looked at them. ` +
      `You will hear from us when it is sent or removed.\n\n— The Kenal team`,
    title: 'Your letter is waiting for a check',
    body: `It seems to contain ${contactKinds(p.kinds, 'en')}; a coordinator will look at it.`,
  }),
  'letter.released': (p) => ({
    subject: `Your letter to ${s(p.penpalName)} is on its way`,
    text: `Hello ${s(p.displayName)},\n\nA coordinator has checked your letter to ${s(p.penpalName)} and sent it on.\n\n— The Kenal team`,
    title: 'Your letter was sent',
    body: `A coordinator checked your letter to ${s(p.penpalName)} and sent it on.`,
  }),
  'letter.removed': (p) => ({
    subject: `Your letter to ${s(p.penpalName)} was not delivered`,
    text:
      `Hello ${s(p.displayName)},\n\nA coordinator has checked your letter to ${s(p.penpalName)} and removed it: ` +
      `${s(p.penpalName)} will not see it. Please keep letters free of contact details and kind to each other.\n\n— The Kenal team`,
    title: 'Your letter was removed',
    body: `A coordinator removed your letter to ${s(p.penpalName)}; it was not delivered.`,
  }),
  'penpal.partner_left': (p) => ({
    subject: `Your pen-pal match in ${s(p.roundName)} has ended`,
    text:
      `Hello ${s(p.displayName)},\n\nYour pen-pal match in ${s(p.roundName)} has ended. ` +
      `You go back into the queue for the next matching run.\n\n— The Kenal team`,
    title: 'Your pen-pal match has ended',
    body: 'This match has ended. You are back in the queue for the next run.',
  }),
  'team.invitation': (p) => ({
    subject: `${s(p.inviterName)} invites you to join team ${s(p.teamName)} on Kenal`,
    text:
      `Hello,\n\n${s(p.inviterName)} invites you to join the team "${s(p.teamName)}" for ` +
      `${s(p.competitionTitle)}. Sign in to Kenal with this email address and open this link to ` +
      `accept or decline (valid until ${dateTime(p.expiresAt, 'en')}, usable once):\n${s(p.link)}\n\n` +
      `If you do not know this person, ignore this email.\n\n— The Kenal team`,
    title: 'Team invitation',
    body: `${s(p.inviterName)} invites you to join "${s(p.teamName)}" for ${s(p.competitionTitle)}.`,
  }),
  'submission.received': (p) => ({
    subject: `Received: "${s(p.submissionTitle)}" for ${s(p.competitionTitle)}`,
    text:
      `Hello ${s(p.displayName)},\n\nYour team ${s(p.teamName)} submitted "${s(p.submissionTitle)}" ` +
      `to ${s(p.competitionTitle)} at ${s(p.submittedAt)} (version ${s(p.version)}).\n\n` +
      `You can still edit it until ${dateTime(p.closesAt, 'en')}. Keep this email as your receipt.\n\n— The Kenal team`,
    title: 'Submission received',
    body: `"${s(p.submissionTitle)}" was submitted at ${s(p.submittedAt)} (version ${s(p.version)}).`,
  }),
  'submission.withdrawn': (p) => ({
    subject: `Withdrawn: "${s(p.submissionTitle)}" from ${s(p.competitionTitle)}`,
    text:
      `Hello ${s(p.displayName)},\n\n${s(p.actorName)} withdrew your team's entry ` +
      `"${s(p.submissionTitle)}" from ${s(p.competitionTitle)} at ${s(p.withdrawnAt)}. ` +
      `It will not be judged.\n\n— The Kenal team`,
    title: 'Submission withdrawn',
    body: `${s(p.actorName)} withdrew "${s(p.submissionTitle)}".`,
  }),
  'submission.extension_granted': (p) => ({
    subject: `More time for "${s(p.submissionTitle)}" in ${s(p.competitionTitle)}`,
    text:
      `Hello ${s(p.displayName)},\n\nThe coordinators gave your team until ${s(p.until)} to edit and ` +
      `submit "${s(p.submissionTitle)}" for ${s(p.competitionTitle)}.\n\nYour entry: ${s(p.link)}\n\n— The Kenal team`,
    title: 'Extension granted',
    body: `"${s(p.submissionTitle)}" can be edited and submitted until ${s(p.until)}.`,
  }),
  'submission.deadline_reminder': (p) => ({
    subject: `${s(p.hoursBefore)} hours left to submit to ${s(p.competitionTitle)}`,
    text:
      `Hello ${s(p.displayName)},\n\nYour team's draft "${s(p.submissionTitle)}" has not been ` +
      `submitted yet. ${s(p.competitionTitle)} closes at ${dateTime(p.closesAt, 'en')}.\n\n` +
      `Submit it before then: ${s(p.link)}\n\n— The Kenal team`,
    title: 'Deadline approaching',
    body: `"${s(p.submissionTitle)}" is still a draft; submissions close at ${dateTime(p.closesAt, 'en')}.`,
  }),
  'judging.added_to_pool': (p) => ({
    subject: `You are a judge for ${s(p.competitionTitle)}`,
    text:
      `Hello ${s(p.displayName)},\n\nYou have been added to the judges of ${s(p.competitionTitle)}. ` +
      `If you know any entrant (same institution, family, a team you helped), declare the conflict ` +
      `in Kenal before assignments are made: ${s(p.link)}\n\n— The Kenal team`,
    title: 'You are a judge',
    body: `You judge ${s(p.competitionTitle)}. Declare any conflict of interest before assignments.`,
  }),
  'judging.removed_from_pool': (p) => ({
    subject: `You are no longer a judge for ${s(p.competitionTitle)}`,
    text:
      `Hello ${s(p.displayName)},\n\nThe coordinators have taken you out of the judges of ${s(p.competitionTitle)}. ` +
      `Entries you had not scored yet go to other judges; scores you finalised stay. Thank you for your help.\n\n— The Kenal team`,
    title: 'You are no longer a judge',
    body: `You no longer judge ${s(p.competitionTitle)}. Your final scores stay.`,
  }),
  'judging.assignments_ready': (p) => ({
    subject: `${s(p.count)} entries to judge in ${s(p.roundName)}`,
    text:
      `Hello ${s(p.displayName)},\n\nYou have ${s(p.count)} new entries to judge in ` +
      `${s(p.roundName)} of ${s(p.competitionTitle)}. Scores are due by ${dateTime(p.closesAt, 'en')}.\n\n` +
      `Open your assignments: ${s(p.link)}\n\n— The Kenal team`,
    title: 'Entries to judge',
    body: `${s(p.count)} new entries in ${s(p.roundName)}, due ${dateTime(p.closesAt, 'en')}.`,
  }),
  'judging.recused': (p) => {
    const outcome = p.replaced
      ? 'Another judge without a conflict took the entry over.'
      : 'No other judge without a conflict is free: assign one by hand.';
    return {
      subject: `A judge recused in ${s(p.roundName)}`,
      text:
        `Hello ${s(p.displayName)},\n\nA judge recused from "${s(p.submissionTitle)}" in ` +
        `${s(p.roundName)} of ${s(p.competitionTitle)}, saying: ${s(p.reason)}\n\n${outcome}\n\n— The Kenal team`,
      title: 'A judge recused',
      body: `"${s(p.submissionTitle)}" in ${s(p.roundName)}: ${outcome}`,
    };
  },
  'judging.reminder': (p) => ({
    subject: `${s(p.unfinished)} scores still open in ${s(p.roundName)}`,
    text:
      `Hello ${s(p.displayName)},\n\n${s(p.unfinished)} of your entries in ${s(p.roundName)} of ` +
      `${s(p.competitionTitle)} have no final score yet. The round closes at ${dateTime(p.closesAt, 'en')}.\n\n` +
      `Finish them here: ${s(p.link)}\n\n— The Kenal team`,
    title: 'Scores still open',
    body: `${s(p.unfinished)} entries in ${s(p.roundName)} need a final score by ${dateTime(p.closesAt, 'en')}.`,
  }),
  'judging.results_published': (p) => {
    const outcome = p.award
      ? `Your entry "${s(p.submissionTitle)}" received: ${awardName(p.award, 'en')}. Congratulations!`
      : `Your entry "${s(p.submissionTitle)}" received no award this time. Thank you for taking part.`;
    return {
      subject: `Results of ${s(p.competitionTitle)}`,
      text:
        `Hello ${s(p.displayName)},\n\nThe results of ${s(p.competitionTitle)} are out. ` +
        `${outcome}\n\nSee them all: ${s(p.link)}\n\n— The Kenal team`,
      title: 'Results published',
      body: `${s(p.competitionTitle)}: ${outcome}`,
    };
  },
  ...MENTORING.en,
};
