import type { TemplateFn } from './types';

const s = (v: unknown) => String(v ?? '');

export const ko: Record<string, TemplateFn> = {
  'guardian.consent_requested': (p) => ({
    subject: `${s(p.participantName)} 님의 Kenal 참여 동의를 부탁드립니다`,
    text:
      `${s(p.guardianName)} 님께,\n\n${s(p.participantName)} 님이 한-아세안 청소년 교류 프로그램 Kenal에 가입하면서 ` +
      `보호자로 귀하를 지정했습니다. 만 18세 미만 참가자는 보호자의 동의가 있어야 펜팔 매칭이나 공모전에 참여할 수 있습니다.\n\n` +
      `동의하시려면 아래 링크를 열어 주세요 (${s(p.expiresAt)}까지 유효):\n${s(p.link)}\n\n` +
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
  'staff.invited': (p) => ({
    subject: 'Kenal 스태프 계정이 만들어졌습니다: 비밀번호를 설정하세요',
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n관리자가 ${s(p.roles)} 역할의 Kenal 계정을 만들었습니다. 아래 링크에서 비밀번호를 설정하세요 (${s(p.expiresAt)}까지 한 번만 사용 가능):\n${s(p.link)}\n\n— Kenal 팀`,
    title: 'Kenal에 오신 것을 환영합니다',
    body: `스태프 계정(${s(p.roles)})이 준비되었습니다. 메일에서 비밀번호를 설정하세요.`,
  }),
  'auth.password_reset': (p) => ({
    subject: 'Kenal 비밀번호 재설정',
    text: `${s(p.displayName)} 님, 안녕하세요.\n\n비밀번호 재설정 요청을 받았습니다. 아래 링크에서 새 비밀번호를 정하세요 (${s(p.expiresAt)}까지 한 번만 사용 가능):\n${s(p.link)}\n\n요청하지 않으셨다면 이 메일을 무시하세요.\n\n— Kenal 팀`,
    title: '비밀번호 재설정 요청',
    body: '비밀번호 재설정 링크를 메일로 보냈습니다.',
  }),
};
