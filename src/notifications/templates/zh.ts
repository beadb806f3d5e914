import { dateTime } from '../../common/i18n/locales';
import { awardName, contactKinds, penpalList, roleNames } from './labels';
import { MENTORING } from './mentoring';
import type { LocaleTemplates } from './types';

const L = 'zh';
const hi = (name: unknown) => `${name}，你好：\n\n`;
const END = '\n\n— Kenal 团队';

/** Simplified Chinese: "你" for young people, "您" for a guardian and for staff. */
export const zh: LocaleTemplates = {
  'guardian.consent_requested': (p) => ({
    subject: `请确认 ${p.participantName} 可以参加 Kenal`,
    text:
      `尊敬的 ${p.guardianName}：\n\n` +
      `${p.participantName} 注册了东盟–韩国青少年交流项目 Kenal，并填写您为其父母或监护人。` +
      `由于未满 18 岁，只有在您同意后，才能为其匹配笔友或参加比赛。\n\n` +
      `如您同意，请打开以下链接（有效期至 ${dateTime(p.expiresAt, L)}）：\n${p.link}\n\n` +
      `如果您不认识此人，请忽略这封邮件，不会有任何影响。${END}`,
    title: '已请求监护人同意',
    body: `我们已给 ${p.guardianName} 发邮件，请求同意你参加。`,
  }),
  'guardian.consent_confirmed': (p) => ({
    subject: '监护人已同意：你可以参加 Kenal 了',
    text: `${hi(p.participantName)}${p.guardianName} 已同意你参加 Kenal。现在你可以报名笔友轮次和比赛了。${END}`,
    title: '监护人已同意',
    body: `${p.guardianName} 已同意你参加。`,
  }),
  'guardian.consent_receipt': (p) => ({
    subject: `您已同意 ${p.participantName} 参加 Kenal`,
    text:
      `尊敬的 ${p.guardianName}：\n\n感谢您确认 ${p.participantName} 可以参加 Kenal，包括与笔友通信和参加青少年比赛。\n\n` +
      `您可以随时通过以下链接撤回同意。撤回后，其笔友配对将结束，在监护人再次同意之前无法参加：\n${p.link}\n\n` +
      `请保留这封邮件。${END}`,
    title: '监护人已同意',
    body: `您已同意 ${p.participantName} 参加。`,
  }),
  'guardian.consent_withdrawn': (p) => ({
    subject: '你的监护人撤回了同意',
    text:
      `${hi(p.participantName)}${p.guardianName} 撤回了你参加 Kenal 的同意。` +
      `你已退出笔友轮次，笔友配对已结束，在监护人再次同意之前，你们团队的作品无法修改。` +
      `你可以在个人资料页再次请求同意。${END}`,
    title: '监护人已撤回同意',
    body: `${p.guardianName} 撤回了同意。请再次请求监护人同意后参加。`,
  }),
  'staff.invited': (p) => ({
    subject: '您的 Kenal 工作人员账号已创建：请设置密码',
    text:
      `${hi(p.displayName)}管理员为您创建了 Kenal 账号，角色为${roleNames(p.roles, L)}。` +
      `请通过以下链接设置密码（有效期至 ${dateTime(p.expiresAt, L)}，仅可使用一次）：\n${p.link}${END}`,
    title: '欢迎来到 Kenal',
    body: `您的工作人员账号（${roleNames(p.roles, L)}）已就绪。请查看邮件设置密码。`,
  }),
  'auth.verify_email': (p) => ({
    subject: '请确认你在 Kenal 的邮箱地址',
    text:
      `${hi(p.displayName)}请确认这个邮箱是你的，这样你就可以在 Kenal 报名、加入团队和提交作品。` +
      `打开以下链接（有效期至 ${dateTime(p.expiresAt, L)}，仅可使用一次）：\n${p.link}\n\n` +
      `如果你没有注册 Kenal，请忽略这封邮件。${END}`,
    title: '确认你的邮箱地址',
    body: '我们已给你发送确认邮箱的链接。',
  }),
  'staff.roles_offered': (p) => ({
    subject: '您受邀担任 Kenal 工作人员',
    text:
      `${hi(p.displayName)}管理员邀请您的 Kenal 账号担任${roleNames(p.roles, L)}。` +
      `您接受之前不会有任何变化：请用此账号登录 Kenal，并通过以下链接接受` +
      `（有效期至 ${dateTime(p.expiresAt, L)}，仅可使用一次）：\n${p.link}\n\n` +
      `如果这不是您预期的邮件，请忽略。${END}`,
    title: '工作人员角色邀请',
    body: `管理员邀请您担任${roleNames(p.roles, L)}。请查看邮件接受邀请。`,
  }),
  'auth.password_reset': (p) => ({
    subject: '重置你的 Kenal 密码',
    text:
      `${hi(p.displayName)}有人（希望是你）请求重置你的 Kenal 密码。` +
      `打开以下链接设置新密码（有效期至 ${dateTime(p.expiresAt, L)}，仅可使用一次）：\n${p.link}\n\n` +
      `如果不是你本人请求的，请忽略这封邮件，你的密码不会改变。${END}`,
    title: '已请求重置密码',
    body: '我们已给你发送重置密码的链接。',
  }),
  'penpal.matched': (p) => ({
    subject: `你在 ${p.roundName} 有笔友了`,
    text:
      `${hi(p.displayName)}好消息：我们在 ${p.roundName} 为你找到了笔友：${penpalList(p.penpals, L)}。` +
      `打开 Kenal 看看你们有哪些共同点，接受后就可以开始写信了。${END}`,
    title: '你有笔友了',
    body: `认识一下 ${penpalList(p.penpals, L)}，接受后就可以开始写信。`,
  }),
  'penpal.unmatched': (p) => ({
    subject: `${p.roundName} 暂时还没有笔友：你仍在等待队列中`,
    text:
      `${hi(p.displayName)}这一次我们在 ${p.roundName} 还没有找到适合你的笔友。` +
      `你仍在等待队列中，下一次匹配会再试一次。${END}`,
    title: '你仍在等待队列中',
    body: `${p.roundName} 暂时还没有笔友，下一次匹配会再试一次。`,
  }),
  'penpal.connected': (p) => ({
    subject: `你和 ${p.penpalName} 可以开始写信了`,
    text: `${hi(p.displayName)}你和 ${p.penpalName} 都已接受。去 Kenal 打个招呼吧！${END}`,
    title: '可以开始写信了',
    body: `你和 ${p.penpalName} 都已接受。打个招呼吧！`,
  }),
  'penpal.declined': (p) => ({
    subject: `你在 ${p.roundName} 的笔友配对没有成功`,
    text:
      `${hi(p.displayName)}${p.roundName} 为你推荐的笔友这次无法参加。` +
      `你已回到等待队列，下一次匹配会为你找新的笔友。${END}`,
    title: '配对没有成功',
    body: '你已回到等待队列，等待下一次匹配。',
  }),
  'penpal.cancelled': (p) => ({
    subject: `你在 ${p.roundName} 的笔友配对已被结束`,
    text:
      `${hi(p.displayName)}${p.roundName} 的协调员结束了你的笔友配对。` +
      `你已回到等待队列，等待下一次匹配。如有疑问，请联系你所在项目的协调员。${END}`,
    title: '笔友配对已被结束',
    body: '协调员已结束这次配对。你已回到等待队列，等待下一次匹配。',
  }),
  'penpal.ended': (p) => ({
    subject: `你在 ${p.roundName} 的笔友配对已结束`,
    text:
      `${hi(p.displayName)}${p.penpalName} 结束了你们在 ${p.roundName} 的笔友配对。` +
      `你们不能再互相写信，也不会再被配对。` +
      `你们之间的信件仍保留在 Kenal，你可以随时阅读。${END}`,
    title: '笔友配对已结束',
    body: `${p.penpalName} 结束了配对。你们不能再互相写信了。`,
  }),
  'letter.delivered': (p) => ({
    subject: `${p.penpalName} 的来信到了`,
    text:
      `${hi(p.displayName)}${p.penpalName} 给你写了一封信。到 Kenal 阅读并回信吧：\n${p.link}\n\n` +
      `（同一位笔友的新来信，我们每隔几小时最多发一封邮件提醒。）${END}`,
    title: '新来信',
    body: `${p.penpalName} 给你写了一封信。`,
  }),
  'letter.held': (p) => ({
    subject: `你写给 ${p.penpalName} 的信正在等待审核`,
    text:
      `${hi(p.displayName)}你写给 ${p.penpalName} 的信似乎包含${contactKinds(p.kinds, L)}。` +
      `为了大家的安全，含有联系方式的信件会先留在 Kenal，由协调员查看。` +
      `信件被发出或删除时，我们会通知你。${END}`,
    title: '你的信正在等待审核',
    body: `信中似乎包含${contactKinds(p.kinds, L)}，协调员会查看。`,
  }),
  'letter.released': (p) => ({
    subject: `你写给 ${p.penpalName} 的信已寄出`,
    text: `${hi(p.displayName)}协调员已查看你写给 ${p.penpalName} 的信，并已转交。${END}`,
    title: '你的信已寄出',
    body: `协调员已查看你写给 ${p.penpalName} 的信，并已转交。`,
  }),
  'letter.removed': (p) => ({
    subject: `你写给 ${p.penpalName} 的信没有送达`,
    text:
      `${hi(p.displayName)}协调员查看了你写给 ${p.penpalName} 的信，并将其删除：` +
      `${p.penpalName} 不会看到这封信。请不要在信中写联系方式，也请友善相待。${END}`,
    title: '你的信已被删除',
    body: `协调员删除了你写给 ${p.penpalName} 的信，这封信没有送达。`,
  }),
  'penpal.partner_left': (p) => ({
    subject: `你在 ${p.roundName} 的笔友配对已结束`,
    text: `${hi(p.displayName)}你在 ${p.roundName} 的笔友配对已结束。你已回到等待队列，等待下一次匹配。${END}`,
    title: '笔友配对已结束',
    body: '这次配对已结束。你已回到等待队列，等待下一次匹配。',
  }),
  'team.invitation': (p) => ({
    subject: `${p.inviterName} 邀请你加入 Kenal 上的团队 ${p.teamName}`,
    text:
      `你好：\n\n${p.inviterName} 邀请你加入参加 ${p.competitionTitle} 的团队“${p.teamName}”。` +
      `请用这个邮箱登录 Kenal，然后打开以下链接接受或拒绝` +
      `（有效期至 ${dateTime(p.expiresAt, L)}，仅可使用一次）：\n${p.link}\n\n` +
      `如果你不认识这个人，请忽略这封邮件。${END}`,
    title: '团队邀请',
    body: `${p.inviterName} 邀请你加入参加 ${p.competitionTitle} 的“${p.teamName}”。`,
  }),
  'submission.received': (p) => ({
    subject: `已收到：${p.competitionTitle} 的“${p.submissionTitle}”`,
    text:
      `${hi(p.displayName)}你的团队 ${p.teamName} 已于 ${p.submittedAt} 向 ${p.competitionTitle} ` +
      `提交“${p.submissionTitle}”（第 ${p.version} 版）。\n\n` +
      `在 ${dateTime(p.closesAt, L)} 之前你仍可以修改。请保留这封邮件作为回执。${END}`,
    title: '作品已收到',
    body: `“${p.submissionTitle}”已于 ${p.submittedAt} 提交（第 ${p.version} 版）。`,
  }),
  'submission.withdrawn': (p) => ({
    subject: `已撤回：${p.competitionTitle} 的“${p.submissionTitle}”`,
    text:
      `${hi(p.displayName)}${p.actorName} 已于 ${p.withdrawnAt} 将你们团队的作品“${p.submissionTitle}”` +
      `从 ${p.competitionTitle} 撤回。该作品将不会被评审。${END}`,
    title: '作品已撤回',
    body: `${p.actorName} 撤回了“${p.submissionTitle}”。`,
  }),
  'submission.extension_granted': (p) => ({
    subject: `${p.competitionTitle} 的“${p.submissionTitle}”已获延期`,
    text:
      `${hi(p.displayName)}协调员已允许你们团队在 ${p.until} 之前修改并提交 ${p.competitionTitle} 的` +
      `“${p.submissionTitle}”。\n\n你们的作品：${p.link}${END}`,
    title: '已获延期',
    body: `“${p.submissionTitle}”可在 ${p.until} 之前修改并提交。`,
  }),
  'submission.deadline_reminder': (p) => ({
    subject: `距离 ${p.competitionTitle} 截止提交还剩 ${p.hoursBefore} 小时`,
    text:
      `${hi(p.displayName)}你们团队的草稿“${p.submissionTitle}”还没有提交。` +
      `${p.competitionTitle} 将于 ${dateTime(p.closesAt, L)} 截止。\n\n请在截止前提交：${p.link}${END}`,
    title: '截止时间快到了',
    body: `“${p.submissionTitle}”仍是草稿，提交将于 ${dateTime(p.closesAt, L)} 截止。`,
  }),
  'judging.added_to_pool': (p) => ({
    subject: `您是 ${p.competitionTitle} 的评委`,
    text:
      `${hi(p.displayName)}您已被加入 ${p.competitionTitle} 的评委名单。` +
      `如果您认识任何参赛者（同一机构、家人、您帮助过的团队），请在分配作品之前在 Kenal 申报利益冲突：${p.link}${END}`,
    title: '您是评委',
    body: `您将评审 ${p.competitionTitle}。请在分配作品之前申报利益冲突。`,
  }),
  'judging.removed_from_pool': (p) => ({
    subject: `您已不再是 ${p.competitionTitle} 的评委`,
    text:
      `${hi(p.displayName)}协调员已将您移出 ${p.competitionTitle} 的评委名单。` +
      `您尚未评分的作品将交给其他评委；您已确定的分数保留。感谢您的帮助。${END}`,
    title: '您已不再是评委',
    body: `您不再评审 ${p.competitionTitle}。您已确定的分数保留。`,
  }),
  'judging.assignments_ready': (p) => ({
    subject: `${p.roundName} 有 ${p.count} 件作品待评审`,
    text:
      `${hi(p.displayName)}您在 ${p.competitionTitle} 的 ${p.roundName} 有 ${p.count} 件新作品待评审。` +
      `请在 ${dateTime(p.closesAt, L)} 之前提交分数。\n\n查看分配给您的作品：${p.link}${END}`,
    title: '待评审作品',
    body: `${p.roundName} 有 ${p.count} 件新作品，截止 ${dateTime(p.closesAt, L)}。`,
  }),
  'judging.recused': (p) => {
    const outcome = p.replaced
      ? '另一位没有利益冲突的评委已接手该作品。'
      : '没有其他无利益冲突的评委可以接手：请手动分配一位。';
    return {
      subject: `${p.roundName} 有评委回避`,
      text:
        `${hi(p.displayName)}一位评委回避了 ${p.competitionTitle} ${p.roundName} 中的“${p.submissionTitle}”，` +
        `理由是：${p.reason}\n\n${outcome}${END}`,
      title: '有评委回避',
      body: `${p.roundName} 的“${p.submissionTitle}”：${outcome}`,
    };
  },
  'judging.reminder': (p) => ({
    subject: `${p.roundName} 还有 ${p.unfinished} 个评分未完成`,
    text:
      `${hi(p.displayName)}您在 ${p.competitionTitle} ${p.roundName} 中有 ${p.unfinished} 件作品还没有最终分数。` +
      `本轮将于 ${dateTime(p.closesAt, L)} 结束。\n\n在这里完成：${p.link}${END}`,
    title: '还有评分未完成',
    body: `${p.roundName} 有 ${p.unfinished} 件作品需要在 ${dateTime(p.closesAt, L)} 之前给出最终分数。`,
  }),
  'judging.results_published': (p) => {
    const outcome = p.award
      ? `你们团队的作品“${p.submissionTitle}”获得了${awardName(p.award, L)}。恭喜！`
      : `你们团队的作品“${p.submissionTitle}”这次没有获奖。感谢参与。`;
    return {
      subject: `${p.competitionTitle} 结果公布`,
      text: `${hi(p.displayName)}${p.competitionTitle} 的结果已公布。${outcome}\n\n查看全部结果：${p.link}${END}`,
      title: '结果已公布',
      body: `${p.competitionTitle}：${outcome}`,
    };
  },
  ...MENTORING.zh,
};
