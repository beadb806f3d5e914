import { dateTime } from '../../common/i18n/locales';
import { awardName, contactKinds, penpalList, roleNames } from './labels';
import { MENTORING } from './mentoring';
import type { LocaleTemplates } from './types';

const s = (v: unknown) => String(v ?? '');

export const ko: LocaleTemplates = {
  'guardian.consent_requested': (p) => ({
    subject: `${s(p.participantName)} 님의 Kenal 참여 동의를 부탁드립니다`,
    text:
      `${s(p.guardianName)} 님께,\n\n${s(p.participantName)} 님이 한-아세안 청소년 교류 프로그램 Kenal에 가입하면서 ` +
      `보호자로 귀하를 지정했습니다. 만 18세 미만 참가자는 보호자의 동의가 있어야 펜팔 매칭이나 공모전에 참여할 수 있습니다.\n\n` +
      `동의하시려면 아래 링크를 열어 주세요 (${dateTime(p.expiresAt, 'ko')}까지 유효):\n${s(p.link)}\n\n` +
      `모르는 사람이라면 이 메일을 무시하셔도 됩니다.\n\n— Kenal 팀`,
    title: '보호자 동의 요청',
    body: `${s(p.guardianName)} 님께 참여 동의를 요청하는 메일을 보냈습니다.`,
  }),
  'guardian.consent_confirmed': (p) => ({
    subject: '보호자가 동의했습니다: 이제 Kenal에 참여할 수 있어요',
    text: `${s(p.participantName)} 님, 안녕하세요.\n\n${s(p.guardianName)} 님이 참여에 동의했습니다. 이제 펜팔 라운드와 공모전에 참여할 수 있습니다.\n\n— Kenal 팀`,
    title: '보호자 동의 완료',
    body: `${s(p.guardianName)} 님이 참여에 동의했습니다.`,
  }),
  'guardian.consent_receipt': (p) => ({
    subject: `${s(p.participantName)} 님의 Kenal 참여에 동의하셨습니다`,
    text:
      `${s(p.guardianName)} 님께,\n\n${s(p.participantName)} 님이 Kenal에서 펜팔과 청소년 공모전에 참여하는 데 동의해 주셔서 감사합니다.\n\n` +
      `아래 링크에서 언제든지 동의를 철회하실 수 있습니다. 철회하면 펜팔 매칭이 끝나고, 보호자가 다시 동의할 때까지 참여할 수 없습니다:\n${s(p.link)}\n\n` +
      `이 메일을 보관해 주세요.\n\n— Kenal 팀`,
    title: '보호자 동의 완료',
    body: `${s(p.participantName)} 님의 참여에 동의하셨습니다.`,
  }),
  'guardian.consent_withdrawn': (p) => ({
    subject: '보호자가 동의를 철회했습니다',
    text:
      `${s(p.participantName)} 님, 안녕하세요.\n\n${s(p.guardianName)} 님이 Kenal 참여 동의를 철회했습니다. ` +
      `펜팔 라운드에서 빠지고 펜팔 매칭이 끝났으며, 보호자가 다시 동의할 때까지 팀 출품작을 바꿀 수 없습니다. ` +
      `프로필에서 보호자에게 다시 요청할 수 있습니다.\n\n— Kenal 팀`,
    title: '보호자 동의 철회',
    body: `${s(p.guardianName)} 님이 동의를 철회했습니다. 참여하려면 보호자에게 다시 요청하세요.`,
  }),
  'staff.invited': (p) => ({
    subject: 'Kenal 스태프 계정이 만들어졌습니다: 비밀번호를 설정하세요',
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n관리자가 ${roleNames(p.roles, 'ko')} 역할의 Kenal 계정을 만들었습니다. 아래 링크에서 비밀번호를 설정하세요 (${dateTime(p.expiresAt, 'ko')}까지 한 번만 사용 가능):\n${s(p.link)}\n\n— Kenal 팀`,
    title: 'Kenal에 오신 것을 환영합니다',
    body: `스태프 계정(${roleNames(p.roles, 'ko')})이 준비되었습니다. 메일에서 비밀번호를 설정하세요.`,
  }),
  'auth.verify_email': (p) => ({
    subject: 'Kenal 이메일 주소를 확인해 주세요',
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n이 주소가 본인의 것임을 확인해 주세요. 확인 후 Kenal에서 참가 신청, 팀 참여, 작품 제출을 할 수 있습니다. 아래 링크를 열어 주세요 (${dateTime(p.expiresAt, 'ko')}까지 한 번만 사용 가능):\n${s(p.link)}\n\nKenal에 가입하지 않으셨다면 이 메일을 무시하세요.\n\n— Kenal 팀`,
    title: '이메일 주소 확인',
    body: '주소 확인 링크를 메일로 보냈습니다.',
  }),
  'staff.roles_offered': (p) => ({
    subject: 'Kenal 스태프 역할에 초대되었습니다',
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n관리자가 회원님의 Kenal 계정을 ${roleNames(p.roles, 'ko')} 역할에 초대했습니다. 수락하지 않으면 아무것도 바뀌지 않습니다. 이 계정으로 Kenal에 로그인한 뒤 아래 링크로 수락하세요 (${dateTime(p.expiresAt, 'ko')}까지 한 번만 사용 가능):\n${s(p.link)}\n\n예상하지 못한 메일이라면 무시하세요.\n\n— Kenal 팀`,
    title: '스태프 역할 초대',
    body: `관리자가 ${roleNames(p.roles, 'ko')} 역할에 초대했습니다. 메일에서 수락하세요.`,
  }),
  'auth.password_reset': (p) => ({
    subject: 'Kenal 비밀번호 재설정',
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n비밀번호 재설정 요청을 받았습니다. 아래 링크에서 새 비밀번호를 정하세요 (${dateTime(p.expiresAt, 'ko')}까지 한 번만 사용 가능):\n${s(p.link)}\n\n요청하지 않으셨다면 이 메일을 무시하세요.\n\n— Kenal 팀`,
    title: '비밀번호 재설정 요청',
    body: '비밀번호 재설정 링크를 메일로 보냈습니다.',
  }),
  'penpal.matched': (p) => ({
    subject: `${s(p.roundName)}에서 펜팔이 정해졌어요`,
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.roundName)}에서 펜팔을 찾았습니다: ${penpalList(p.penpals, 'ko')}. Kenal에서 공통점을 확인하고, 수락하면 편지를 시작할 수 있어요.\n\n— Kenal 팀`,
    title: '펜팔이 정해졌어요',
    body: `${penpalList(p.penpals, 'ko')} 님을 만나고 수락해 보세요.`,
  }),
  'penpal.unmatched': (p) => ({
    subject: `${s(p.roundName)}: 아직 펜팔이 없어요, 대기열에 남아 있습니다`,
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n이번에는 ${s(p.roundName)}에서 잘 맞는 펜팔을 찾지 못했습니다. 대기열에 남아 있으니 다음 매칭에서 다시 찾아 드릴게요.\n\n— Kenal 팀`,
    title: '대기열에 남아 있어요',
    body: `${s(p.roundName)}에서 아직 펜팔이 없어요. 다음 매칭에서 다시 찾아요.`,
  }),
  'penpal.connected': (p) => ({
    subject: `${s(p.penpalName)} 님과 편지를 시작할 수 있어요`,
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.penpalName)} 님과 두 분 모두 수락했습니다. Kenal에서 인사를 건네 보세요!\n\n— Kenal 팀`,
    title: '편지를 시작하세요',
    body: `${s(p.penpalName)} 님과 두 분 모두 수락했어요. 인사해 보세요!`,
  }),
  'penpal.declined': (p) => ({
    subject: `${s(p.roundName)}의 펜팔 매칭이 성사되지 않았어요`,
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.roundName)}에서 제안된 펜팔이 이번에는 함께하지 못하게 되었습니다. 다시 대기열에 들어가며 다음 매칭에서 새로운 펜팔을 찾아 드릴게요.\n\n— Kenal 팀`,
    title: '매칭이 성사되지 않았어요',
    body: '다음 매칭을 위해 대기열로 돌아갔어요.',
  }),
  'penpal.cancelled': (p) => ({
    subject: `${s(p.roundName)}의 펜팔 매칭이 종료되었어요`,
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.roundName)} 운영진이 펜팔 매칭을 종료했습니다. 다시 대기열에 들어가며 다음 매칭에서 새로운 펜팔을 찾아 드릴게요. 궁금한 점은 프로그램 운영진에게 문의해 주세요.\n\n— Kenal 팀`,
    title: '펜팔 매칭이 종료되었어요',
    body: '운영진이 이 매칭을 종료했어요. 다음 매칭을 위해 대기열로 돌아갔어요.',
  }),
  'penpal.ended': (p) => ({
    subject: `${s(p.roundName)}의 펜팔이 끝났어요`,
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.penpalName)} 님이 ${s(p.roundName)}의 펜팔을 끝냈습니다. 이제 서로 편지를 보낼 수 없고, 다시 짝이 되지도 않아요. 주고받은 편지는 Kenal에서 계속 읽을 수 있습니다.\n\n— Kenal 팀`,
    title: '펜팔이 끝났어요',
    body: `${s(p.penpalName)} 님이 펜팔을 끝냈어요. 이제 서로 편지를 보낼 수 없어요.`,
  }),
  'letter.delivered': (p) => ({
    subject: `${s(p.penpalName)} 님의 편지가 도착했어요`,
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.penpalName)} 님이 편지를 보냈어요. Kenal에서 읽고 답장해 보세요:\n${s(p.link)}\n\n(한 펜팔의 새 편지는 몇 시간에 한 번만 이메일로 알려 드려요.)\n\n— Kenal 팀`,
    title: '새 편지',
    body: `${s(p.penpalName)} 님이 편지를 보냈어요.`,
  }),
  'letter.held': (p) => ({
    subject: `${s(p.penpalName)} 님에게 보낸 편지를 확인하고 있어요`,
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.penpalName)} 님에게 보낸 편지에 ${contactKinds(p.kinds, 'ko')}이(가) 들어 있는 것 같아요. 모두의 안전을 위해 연락처가 담긴 편지는 코디네이터가 확인할 때까지 Kenal 안에 머물러요. 편지가 전달되거나 삭제되면 알려 드릴게요.\n\n— Kenal 팀`,
    title: '편지를 확인하고 있어요',
    body: `${contactKinds(p.kinds, 'ko')}이(가) 들어 있는 것 같아 코디네이터가 확인할 거예요.`,
  }),
  'letter.released': (p) => ({
    subject: `${s(p.penpalName)} 님에게 편지가 전달되었어요`,
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n코디네이터가 ${s(p.penpalName)} 님에게 보낸 편지를 확인하고 전달했어요.\n\n— Kenal 팀`,
    title: '편지가 전달되었어요',
    body: `코디네이터가 확인하고 ${s(p.penpalName)} 님에게 편지를 전달했어요.`,
  }),
  'letter.removed': (p) => ({
    subject: `${s(p.penpalName)} 님에게 보낸 편지가 전달되지 않았어요`,
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n코디네이터가 ${s(p.penpalName)} 님에게 보낸 편지를 확인하고 삭제했어요. ${s(p.penpalName)} 님은 이 편지를 볼 수 없어요. 편지에는 연락처를 쓰지 말고, 서로 친절하게 대해 주세요.\n\n— Kenal 팀`,
    title: '편지가 삭제되었어요',
    body: `코디네이터가 ${s(p.penpalName)} 님에게 보낸 편지를 삭제했어요. 전달되지 않았어요.`,
  }),
  'penpal.partner_left': (p) => ({
    subject: `${s(p.roundName)}의 펜팔 매칭이 끝났어요`,
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.roundName)}의 펜팔 매칭이 끝났습니다. 다시 대기열에 들어가며 다음 매칭에서 새로운 펜팔을 찾아 드릴게요.\n\n— Kenal 팀`,
    title: '펜팔 매칭이 끝났어요',
    body: '이 매칭이 끝났어요. 다음 매칭을 위해 대기열로 돌아갔어요.',
  }),
  'team.invitation': (p) => ({
    subject: `${s(p.inviterName)} 님이 Kenal 팀 ${s(p.teamName)}에 초대했습니다`,
    text:
      `안녕하세요.\n\n${s(p.inviterName)} 님이 ${s(p.competitionTitle)}의 팀 "${s(p.teamName)}"에 ` +
      `초대했습니다. 이 메일 주소로 Kenal에 로그인한 뒤 아래 링크에서 수락하거나 거절하세요 ` +
      `(${dateTime(p.expiresAt, 'ko')}까지 한 번만 사용 가능):\n${s(p.link)}\n\n` +
      `모르는 사람이라면 이 메일을 무시하세요.\n\n— Kenal 팀`,
    title: '팀 초대',
    body: `${s(p.inviterName)} 님이 ${s(p.competitionTitle)}의 "${s(p.teamName)}" 팀에 초대했습니다.`,
  }),
  'submission.received': (p) => ({
    subject: `접수 완료: ${s(p.competitionTitle)} "${s(p.submissionTitle)}"`,
    text:
      `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.teamName)} 팀이 ${s(p.competitionTitle)}에 ` +
      `"${s(p.submissionTitle)}"을(를) ${s(p.submittedAt)}에 제출했습니다 (버전 ${s(p.version)}).\n\n` +
      `${dateTime(p.closesAt, 'ko')}까지 수정할 수 있습니다. 이 메일을 접수증으로 보관하세요.\n\n— Kenal 팀`,
    title: '제출 접수 완료',
    body: `"${s(p.submissionTitle)}"이(가) ${s(p.submittedAt)}에 제출되었습니다 (버전 ${s(p.version)}).`,
  }),
  'submission.withdrawn': (p) => ({
    subject: `제출 철회: ${s(p.competitionTitle)} "${s(p.submissionTitle)}"`,
    text:
      `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.actorName)} 님이 ${s(p.withdrawnAt)}에 ` +
      `${s(p.competitionTitle)}의 "${s(p.submissionTitle)}" 제출을 철회했습니다. 이 작품은 심사되지 않습니다.\n\n— Kenal 팀`,
    title: '제출 철회',
    body: `${s(p.actorName)} 님이 "${s(p.submissionTitle)}" 제출을 철회했습니다.`,
  }),
  'submission.extension_granted': (p) => ({
    subject: `${s(p.competitionTitle)} "${s(p.submissionTitle)}" 기한이 연장되었습니다`,
    text:
      `${s(p.displayName)} 님, 안녕하세요.\n\n코디네이터가 ${s(p.competitionTitle)}의 "${s(p.submissionTitle)}"을(를) ` +
      `${s(p.until)}까지 수정하고 제출할 수 있도록 기한을 연장했습니다.\n\n출품작: ${s(p.link)}\n\n— Kenal 팀`,
    title: '기한 연장',
    body: `"${s(p.submissionTitle)}"은(는) ${s(p.until)}까지 수정하고 제출할 수 있습니다.`,
  }),
  'submission.deadline_reminder': (p) => ({
    subject: `${s(p.competitionTitle)} 마감까지 ${s(p.hoursBefore)}시간 남았습니다`,
    text:
      `${s(p.displayName)} 님, 안녕하세요.\n\n팀의 초안 "${s(p.submissionTitle)}"이(가) 아직 ` +
      `제출되지 않았습니다. ${s(p.competitionTitle)}은(는) ${dateTime(p.closesAt, 'ko')}에 마감됩니다.\n\n` +
      `마감 전에 제출하세요: ${s(p.link)}\n\n— Kenal 팀`,
    title: '마감 임박',
    body: `"${s(p.submissionTitle)}"은(는) 아직 초안입니다. 마감: ${dateTime(p.closesAt, 'ko')}`,
  }),
  'judging.added_to_pool': (p) => ({
    subject: `${s(p.competitionTitle)} 심사위원으로 위촉되었습니다`,
    text:
      `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.competitionTitle)} 심사위원으로 추가되었습니다. ` +
      `아는 참가자가 있다면(같은 기관, 가족, 도운 팀 등) 배정 전에 Kenal에서 이해충돌을 신고해 주세요: ${s(p.link)}\n\n— Kenal 팀`,
    title: '심사위원 위촉',
    body: `${s(p.competitionTitle)}을(를) 심사합니다. 배정 전에 이해충돌을 신고해 주세요.`,
  }),
  'judging.removed_from_pool': (p) => ({
    subject: `${s(p.competitionTitle)} 심사위원에서 제외되었습니다`,
    text:
      `${s(p.displayName)} 님, 안녕하세요.\n\n운영진이 ${s(p.competitionTitle)} 심사위원 명단에서 제외했습니다. ` +
      `아직 채점하지 않은 작품은 다른 심사위원에게 배정되며, 확정한 점수는 그대로 유지됩니다. 도와주셔서 감사합니다.\n\n— Kenal 팀`,
    title: '심사위원에서 제외되었습니다',
    body: `${s(p.competitionTitle)} 심사에서 제외되었어요. 확정한 점수는 유지됩니다.`,
  }),
  'judging.assignments_ready': (p) => ({
    subject: `${s(p.roundName)}에서 심사할 작품 ${s(p.count)}편`,
    text:
      `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.competitionTitle)}의 ${s(p.roundName)}에서 ` +
      `새로 심사할 작품이 ${s(p.count)}편 있습니다. 점수 마감: ${dateTime(p.closesAt, 'ko')}.\n\n` +
      `배정 보기: ${s(p.link)}\n\n— Kenal 팀`,
    title: '심사할 작품',
    body: `${s(p.roundName)}에 새 작품 ${s(p.count)}편, 마감 ${dateTime(p.closesAt, 'ko')}.`,
  }),
  'judging.recused': (p) => {
    const outcome = p.replaced
      ? '이해충돌이 없는 다른 심사위원이 작품을 넘겨받았습니다.'
      : '이해충돌이 없는 다른 심사위원이 없습니다. 직접 배정해 주세요.';
    return {
      subject: `${s(p.roundName)}에서 심사위원이 회피했습니다`,
      text:
        `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.competitionTitle)}의 ${s(p.roundName)}에서 ` +
        `한 심사위원이 "${s(p.submissionTitle)}" 심사를 회피했습니다. 사유: ${s(p.reason)}\n\n${outcome}\n\n— Kenal 팀`,
      title: '심사위원 회피',
      body: `${s(p.roundName)}의 "${s(p.submissionTitle)}": ${outcome}`,
    };
  },
  'judging.reminder': (p) => ({
    subject: `${s(p.roundName)}에 아직 끝나지 않은 점수 ${s(p.unfinished)}건`,
    text:
      `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.competitionTitle)}의 ${s(p.roundName)}에서 ` +
      `${s(p.unfinished)}편의 최종 점수가 아직 없습니다. 라운드는 ${dateTime(p.closesAt, 'ko')}에 마감됩니다.\n\n` +
      `여기서 마무리하세요: ${s(p.link)}\n\n— Kenal 팀`,
    title: '남은 심사',
    body: `${s(p.roundName)}: ${dateTime(p.closesAt, 'ko')}까지 최종 점수가 필요한 작품 ${s(p.unfinished)}편.`,
  }),
  'judging.results_published': (p) => {
    const outcome = p.award
      ? `팀의 작품 "${s(p.submissionTitle)}"이(가) ${awardName(p.award, 'ko')}을 받았습니다. 축하합니다!`
      : `팀의 작품 "${s(p.submissionTitle)}"은(는) 이번에 수상하지 못했습니다. 참가해 주셔서 감사합니다.`;
    return {
      subject: `${s(p.competitionTitle)} 결과 발표`,
      text:
        `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.competitionTitle)}의 결과가 발표되었습니다. ` +
        `${outcome}\n\n전체 결과: ${s(p.link)}\n\n— Kenal 팀`,
      title: '결과 발표',
      body: `${s(p.competitionTitle)}: ${outcome}`,
    };
  },
  ...MENTORING.ko,
};
