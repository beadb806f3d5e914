import { dateTime } from '../../common/i18n/locales';
import { awardName, contactKinds, penpalList, roleNames } from './labels';
import { MENTORING } from './mentoring';
import type { LocaleTemplates } from './types';

const L = 'th';
const hi = (name: unknown) => `สวัสดี ${name}\n\n`;
const END = '\n\n— ทีม Kenal';

/** Thai: friendly and polite, without gendered particles (the reader's gender is not known). */
export const th: LocaleTemplates = {
  'guardian.consent_requested': (p) => ({
    subject: `กรุณายืนยันให้ ${p.participantName} เข้าร่วม Kenal`,
    text:
      `เรียน คุณ${p.guardianName}\n\n` +
      `${p.participantName} ได้สมัครใช้ Kenal โครงการแลกเปลี่ยนเยาวชนอาเซียน–เกาหลี และระบุว่าท่านเป็นพ่อแม่หรือผู้ปกครอง ` +
      `เนื่องจากอายุยังไม่ถึง 18 ปี จึงจะจับคู่เพื่อนทางจดหมายหรือส่งผลงานประกวดได้ก็ต่อเมื่อท่านยินยอมแล้วเท่านั้น\n\n` +
      `หากต้องการให้ความยินยอม กรุณาเปิดลิงก์นี้ (ใช้ได้ถึง ${dateTime(p.expiresAt, L)}):\n${p.link}\n\n` +
      `หากท่านไม่รู้จักบุคคลนี้ โปรดเพิกเฉยต่ออีเมลนี้ จะไม่มีอะไรเกิดขึ้น${END}`,
    title: 'ขอความยินยอมจากผู้ปกครองแล้ว',
    body: `เราส่งอีเมลถึง ${p.guardianName} เพื่อขอความยินยอมให้คุณเข้าร่วมแล้ว`,
  }),
  'guardian.consent_confirmed': (p) => ({
    subject: 'ผู้ปกครองยินยอมแล้ว: คุณเข้าร่วม Kenal ได้เลย',
    text: `${hi(p.participantName)}${p.guardianName} ยินยอมให้คุณเข้าร่วม Kenal แล้ว ตอนนี้คุณสมัครรอบเพื่อนทางจดหมายและการประกวดได้แล้ว${END}`,
    title: 'ผู้ปกครองยินยอมแล้ว',
    body: `${p.guardianName} ยินยอมให้คุณเข้าร่วมแล้ว`,
  }),
  'guardian.consent_receipt': (p) => ({
    subject: `ท่านได้ยินยอมให้ ${p.participantName} เข้าร่วม Kenal แล้ว`,
    text:
      `เรียน คุณ${p.guardianName}\n\nขอบคุณที่ยืนยันให้ ${p.participantName} เข้าร่วม Kenal ` +
      `ทั้งการเขียนจดหมายถึงเพื่อนทางจดหมายและการส่งผลงานประกวดเยาวชน\n\n` +
      `ท่านถอนความยินยอมได้ทุกเมื่อผ่านลิงก์นี้ เมื่อถอนแล้ว การจับคู่เพื่อนทางจดหมายจะสิ้นสุด และจะเข้าร่วมไม่ได้จนกว่าผู้ปกครองจะยินยอมอีกครั้ง:\n${p.link}\n\n` +
      `กรุณาเก็บอีเมลนี้ไว้${END}`,
    title: 'ผู้ปกครองยินยอมแล้ว',
    body: `ท่านได้ยินยอมให้ ${p.participantName} เข้าร่วมแล้ว`,
  }),
  'guardian.consent_withdrawn': (p) => ({
    subject: 'ผู้ปกครองถอนความยินยอมแล้ว',
    text:
      `${hi(p.participantName)}${p.guardianName} ถอนความยินยอมให้คุณเข้าร่วม Kenal แล้ว ` +
      `คุณออกจากรอบเพื่อนทางจดหมายแล้ว การจับคู่เพื่อนทางจดหมายสิ้นสุดลง และผลงานของทีมจะแก้ไขไม่ได้จนกว่าผู้ปกครองจะยินยอมอีกครั้ง ` +
      `คุณขอความยินยอมใหม่ได้จากหน้าโปรไฟล์${END}`,
    title: 'ผู้ปกครองถอนความยินยอม',
    body: `${p.guardianName} ถอนความยินยอมแล้ว ขอความยินยอมจากผู้ปกครองอีกครั้งเพื่อเข้าร่วม`,
  }),
  'staff.invited': (p) => ({
    subject: 'คุณมีบัญชีเจ้าหน้าที่ Kenal แล้ว: ตั้งรหัสผ่านได้เลย',
    text:
      `${hi(p.displayName)}ผู้ดูแลระบบได้สร้างบัญชี Kenal ให้คุณในบทบาท ${roleNames(p.roles, L)} ` +
      `ตั้งรหัสผ่านได้ที่ลิงก์นี้ (ใช้ได้ถึง ${dateTime(p.expiresAt, L)} และใช้ได้ครั้งเดียว):\n${p.link}${END}`,
    title: 'ยินดีต้อนรับสู่ Kenal',
    body: `บัญชีเจ้าหน้าที่ของคุณ (${roleNames(p.roles, L)}) พร้อมแล้ว ตรวจอีเมลเพื่อตั้งรหัสผ่าน`,
  }),
  'auth.verify_email': (p) => ({
    subject: 'ยืนยันอีเมลของคุณสำหรับ Kenal',
    text:
      `${hi(p.displayName)}กรุณายืนยันว่าอีเมลนี้เป็นของคุณ เพื่อให้คุณสมัคร เข้าร่วมทีม และส่งผลงานใน Kenal ได้ ` +
      `เปิดลิงก์นี้ (ใช้ได้ถึง ${dateTime(p.expiresAt, L)} และใช้ได้ครั้งเดียว):\n${p.link}\n\n` +
      `หากคุณไม่ได้สมัคร Kenal ไม่ต้องสนใจอีเมลนี้${END}`,
    title: 'ยืนยันอีเมลของคุณ',
    body: 'เราส่งลิงก์ยืนยันอีเมลไปให้คุณแล้ว',
  }),
  'staff.roles_offered': (p) => ({
    subject: 'คุณได้รับเชิญให้เป็นเจ้าหน้าที่ Kenal',
    text:
      `${hi(p.displayName)}ผู้ดูแลระบบเชิญบัญชี Kenal ของคุณให้รับบทบาท ${roleNames(p.roles, L)} ` +
      `จะไม่มีอะไรเปลี่ยนจนกว่าคุณจะตอบรับ: เข้าสู่ระบบ Kenal ด้วยบัญชีนี้แล้วตอบรับที่ลิงก์นี้ ` +
      `(ใช้ได้ถึง ${dateTime(p.expiresAt, L)} และใช้ได้ครั้งเดียว):\n${p.link}\n\n` +
      `หากคุณไม่ได้คาดว่าจะได้รับอีเมลนี้ ไม่ต้องสนใจ${END}`,
    title: 'คำเชิญบทบาทเจ้าหน้าที่',
    body: `ผู้ดูแลระบบเชิญคุณให้รับบทบาท ${roleNames(p.roles, L)} ตรวจอีเมลเพื่อตอบรับ`,
  }),
  'auth.password_reset': (p) => ({
    subject: 'ตั้งรหัสผ่าน Kenal ใหม่',
    text:
      `${hi(p.displayName)}มีคนขอตั้งรหัสผ่าน Kenal ของคุณใหม่ (หวังว่าจะเป็นคุณ) ` +
      `เปิดลิงก์นี้เพื่อตั้งรหัสผ่านใหม่ (ใช้ได้ถึง ${dateTime(p.expiresAt, L)} และใช้ได้ครั้งเดียว):\n${p.link}\n\n` +
      `หากคุณไม่ได้ขอ ไม่ต้องสนใจอีเมลนี้ รหัสผ่านของคุณจะยังเหมือนเดิม${END}`,
    title: 'มีคำขอตั้งรหัสผ่านใหม่',
    body: 'เราส่งลิงก์ตั้งรหัสผ่านใหม่ไปให้คุณแล้ว',
  }),
  'penpal.matched': (p) => ({
    subject: `คุณได้เพื่อนทางจดหมายใน ${p.roundName} แล้ว`,
    text:
      `${hi(p.displayName)}ข่าวดี! เราหาเพื่อนทางจดหมายให้คุณใน ${p.roundName} ได้แล้ว: ${penpalList(p.penpals, L)} ` +
      `เปิด Kenal เพื่อดูว่าคุณมีอะไรเหมือนกัน แล้วกดตอบรับเพื่อเริ่มเขียนจดหมาย${END}`,
    title: 'คุณได้เพื่อนทางจดหมายแล้ว',
    body: `มาทำความรู้จัก ${penpalList(p.penpals, L)} แล้วกดตอบรับเพื่อเริ่มเขียนจดหมาย`,
  }),
  'penpal.unmatched': (p) => ({
    subject: `ยังไม่มีเพื่อนทางจดหมายใน ${p.roundName}: คุณยังอยู่ในคิว`,
    text:
      `${hi(p.displayName)}รอบนี้เรายังหาเพื่อนทางจดหมายที่เหมาะกับคุณใน ${p.roundName} ไม่ได้ ` +
      `คุณยังอยู่ในคิว และการจับคู่ครั้งต่อไปจะลองหาให้อีกครั้ง${END}`,
    title: 'คุณยังอยู่ในคิว',
    body: `ยังไม่มีเพื่อนทางจดหมายใน ${p.roundName} การจับคู่ครั้งต่อไปจะลองอีกครั้ง`,
  }),
  'penpal.connected': (p) => ({
    subject: `คุณกับ ${p.penpalName} เริ่มเขียนจดหมายได้แล้ว`,
    text: `${hi(p.displayName)}คุณกับ ${p.penpalName} ตอบรับทั้งคู่แล้ว ไปทักทายกันใน Kenal เลย!${END}`,
    title: 'เริ่มเขียนจดหมายได้แล้ว',
    body: `คุณกับ ${p.penpalName} ตอบรับทั้งคู่แล้ว ทักทายกันเลย!`,
  }),
  'penpal.declined': (p) => ({
    subject: `การจับคู่เพื่อนทางจดหมายใน ${p.roundName} ไม่ได้ไปต่อ`,
    text:
      `${hi(p.displayName)}เพื่อนทางจดหมายที่เสนอให้คุณใน ${p.roundName} เข้าร่วมไม่ได้ในครั้งนี้ ` +
      `คุณกลับเข้าคิวแล้ว และการจับคู่ครั้งต่อไปจะหาเพื่อนใหม่ให้คุณ${END}`,
    title: 'การจับคู่ไม่ได้ไปต่อ',
    body: 'คุณกลับเข้าคิวสำหรับการจับคู่ครั้งต่อไปแล้ว',
  }),
  'penpal.cancelled': (p) => ({
    subject: `การจับคู่เพื่อนทางจดหมายใน ${p.roundName} ถูกยุติแล้ว`,
    text:
      `${hi(p.displayName)}ผู้ประสานงานของ ${p.roundName} ได้ยุติการจับคู่เพื่อนทางจดหมายของคุณ ` +
      `คุณกลับเข้าคิวสำหรับการจับคู่ครั้งต่อไปแล้ว หากมีคำถาม ติดต่อผู้ประสานงานของโครงการได้เลย${END}`,
    title: 'การจับคู่เพื่อนทางจดหมายถูกยุติ',
    body: 'ผู้ประสานงานยุติการจับคู่นี้แล้ว คุณกลับเข้าคิวสำหรับการจับคู่ครั้งต่อไป',
  }),
  'penpal.ended': (p) => ({
    subject: `การจับคู่เพื่อนทางจดหมายใน ${p.roundName} สิ้นสุดแล้ว`,
    text:
      `${hi(p.displayName)}${p.penpalName} ได้ยุติการเป็นเพื่อนทางจดหมายกับคุณใน ${p.roundName} ` +
      `ทั้งสองฝ่ายจะส่งจดหมายหากันไม่ได้อีก และจะไม่ถูกจับคู่กันอีก ` +
      `จดหมายที่เคยเขียนหากันยังอ่านได้ใน Kenal${END}`,
    title: 'การจับคู่เพื่อนทางจดหมายสิ้นสุดแล้ว',
    body: `${p.penpalName} ยุติการจับคู่นี้แล้ว ทั้งสองฝ่ายส่งจดหมายหากันไม่ได้อีก`,
  }),
  'letter.delivered': (p) => ({
    subject: `จดหมายจาก ${p.penpalName} มาถึงแล้ว`,
    text:
      `${hi(p.displayName)}${p.penpalName} เขียนจดหมายถึงคุณ อ่านและตอบกลับได้ใน Kenal:\n${p.link}\n\n` +
      `(เราจะส่งอีเมลแจ้งจดหมายใหม่จากเพื่อนคนเดียวกันไม่เกินหนึ่งครั้งในทุก ๆ ไม่กี่ชั่วโมง)${END}`,
    title: 'จดหมายใหม่',
    body: `${p.penpalName} เขียนจดหมายถึงคุณ`,
  }),
  'letter.held': (p) => ({
    subject: `จดหมายถึง ${p.penpalName} กำลังรอการตรวจ`,
    text:
      `${hi(p.displayName)}จดหมายของคุณถึง ${p.penpalName} ดูเหมือนจะมี${contactKinds(p.kinds, L)} ` +
      `เพื่อความปลอดภัยของทุกคน จดหมายที่มีข้อมูลติดต่อจะอยู่ใน Kenal จนกว่าผู้ประสานงานจะตรวจ ` +
      `เราจะแจ้งให้ทราบเมื่อจดหมายถูกส่งหรือถูกลบ${END}`,
    title: 'จดหมายของคุณกำลังรอการตรวจ',
    body: `ดูเหมือนจะมี${contactKinds(p.kinds, L)} ผู้ประสานงานจะตรวจดู`,
  }),
  'letter.released': (p) => ({
    subject: `จดหมายถึง ${p.penpalName} กำลังเดินทาง`,
    text: `${hi(p.displayName)}ผู้ประสานงานตรวจจดหมายของคุณถึง ${p.penpalName} และส่งต่อให้แล้ว${END}`,
    title: 'จดหมายของคุณถูกส่งแล้ว',
    body: `ผู้ประสานงานตรวจจดหมายถึง ${p.penpalName} และส่งต่อให้แล้ว`,
  }),
  'letter.removed': (p) => ({
    subject: `จดหมายถึง ${p.penpalName} ไม่ได้ถูกส่ง`,
    text:
      `${hi(p.displayName)}ผู้ประสานงานตรวจจดหมายของคุณถึง ${p.penpalName} และลบออกแล้ว ` +
      `${p.penpalName} จะไม่เห็นจดหมายนี้ อย่าใส่ข้อมูลติดต่อในจดหมาย และใจดีต่อกันนะ${END}`,
    title: 'จดหมายของคุณถูกลบ',
    body: `ผู้ประสานงานลบจดหมายของคุณถึง ${p.penpalName} จดหมายไม่ได้ถูกส่ง`,
  }),
  'penpal.partner_left': (p) => ({
    subject: `การจับคู่เพื่อนทางจดหมายใน ${p.roundName} สิ้นสุดแล้ว`,
    text: `${hi(p.displayName)}การจับคู่เพื่อนทางจดหมายของคุณใน ${p.roundName} สิ้นสุดแล้ว คุณกลับเข้าคิวสำหรับการจับคู่ครั้งต่อไป${END}`,
    title: 'การจับคู่เพื่อนทางจดหมายสิ้นสุดแล้ว',
    body: 'การจับคู่นี้สิ้นสุดแล้ว คุณกลับเข้าคิวสำหรับการจับคู่ครั้งต่อไป',
  }),
  'team.invitation': (p) => ({
    subject: `${p.inviterName} ชวนคุณเข้าทีม ${p.teamName} ใน Kenal`,
    text:
      `สวัสดี\n\n${p.inviterName} ชวนคุณเข้าร่วมทีม "${p.teamName}" สำหรับ ${p.competitionTitle} ` +
      `เข้าสู่ระบบ Kenal ด้วยอีเมลนี้ แล้วเปิดลิงก์นี้เพื่อตอบรับหรือปฏิเสธ ` +
      `(ใช้ได้ถึง ${dateTime(p.expiresAt, L)} และใช้ได้ครั้งเดียว):\n${p.link}\n\n` +
      `หากคุณไม่รู้จักคนนี้ ไม่ต้องสนใจอีเมลนี้${END}`,
    title: 'คำเชิญเข้าทีม',
    body: `${p.inviterName} ชวนคุณเข้าทีม "${p.teamName}" สำหรับ ${p.competitionTitle}`,
  }),
  'submission.received': (p) => ({
    subject: `ได้รับแล้ว: "${p.submissionTitle}" สำหรับ ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}ทีม ${p.teamName} ของคุณส่ง "${p.submissionTitle}" เข้าประกวด ${p.competitionTitle} ` +
      `เมื่อ ${p.submittedAt} (เวอร์ชัน ${p.version})\n\n` +
      `คุณยังแก้ไขได้จนถึง ${dateTime(p.closesAt, L)} เก็บอีเมลนี้ไว้เป็นหลักฐานการส่ง${END}`,
    title: 'ได้รับผลงานแล้ว',
    body: `ส่ง "${p.submissionTitle}" แล้วเมื่อ ${p.submittedAt} (เวอร์ชัน ${p.version})`,
  }),
  'submission.withdrawn': (p) => ({
    subject: `ถอนแล้ว: "${p.submissionTitle}" จาก ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}${p.actorName} ได้ถอนผลงานของทีม "${p.submissionTitle}" ออกจาก ${p.competitionTitle} ` +
      `เมื่อ ${p.withdrawnAt} ผลงานนี้จะไม่ถูกตัดสิน${END}`,
    title: 'ถอนผลงานแล้ว',
    body: `${p.actorName} ถอน "${p.submissionTitle}" แล้ว`,
  }),
  'submission.extension_granted': (p) => ({
    subject: `ขยายเวลาให้ "${p.submissionTitle}" ใน ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}ผู้ประสานงานได้ให้เวลาทีมของคุณถึง ${p.until} เพื่อแก้ไขและส่ง ` +
      `"${p.submissionTitle}" เข้า ${p.competitionTitle}\n\nผลงานของคุณ: ${p.link}${END}`,
    title: 'ได้รับการขยายเวลา',
    body: `แก้ไขและส่ง "${p.submissionTitle}" ได้ถึง ${p.until}`,
  }),
  'submission.deadline_reminder': (p) => ({
    subject: `เหลือเวลา ${p.hoursBefore} ชั่วโมงในการส่งผลงานเข้า ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}ฉบับร่าง "${p.submissionTitle}" ของทีมคุณยังไม่ได้ส่ง ` +
      `${p.competitionTitle} ปิดรับเมื่อ ${dateTime(p.closesAt, L)}\n\nส่งก่อนเวลานั้นได้ที่: ${p.link}${END}`,
    title: 'ใกล้หมดเวลาส่งแล้ว',
    body: `"${p.submissionTitle}" ยังเป็นฉบับร่าง ปิดรับผลงานเมื่อ ${dateTime(p.closesAt, L)}`,
  }),
  'judging.added_to_pool': (p) => ({
    subject: `คุณเป็นกรรมการตัดสิน ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}คุณได้รับการเพิ่มเป็นกรรมการตัดสิน ${p.competitionTitle} ` +
      `หากคุณรู้จักผู้เข้าประกวดคนใด (สถาบันเดียวกัน ครอบครัว หรือทีมที่คุณเคยช่วย) โปรดแจ้งผลประโยชน์ทับซ้อน ` +
      `ใน Kenal ก่อนการมอบหมายงาน: ${p.link}${END}`,
    title: 'คุณเป็นกรรมการตัดสิน',
    body: `คุณตัดสิน ${p.competitionTitle} โปรดแจ้งผลประโยชน์ทับซ้อนก่อนการมอบหมายงาน`,
  }),
  'judging.removed_from_pool': (p) => ({
    subject: `คุณไม่ได้เป็นกรรมการตัดสิน ${p.competitionTitle} แล้ว`,
    text:
      `${hi(p.displayName)}ผู้ประสานงานได้นำคุณออกจากรายชื่อกรรมการของ ${p.competitionTitle} ` +
      `ผลงานที่คุณยังไม่ได้ให้คะแนนจะส่งต่อให้กรรมการคนอื่น ส่วนคะแนนที่ยืนยันแล้วยังคงอยู่ ขอบคุณที่ช่วยเหลือ${END}`,
    title: 'คุณไม่ได้เป็นกรรมการแล้ว',
    body: `คุณไม่ได้ตัดสิน ${p.competitionTitle} แล้ว คะแนนที่ยืนยันแล้วยังคงอยู่`,
  }),
  'judging.assignments_ready': (p) => ({
    subject: `มีผลงาน ${p.count} ชิ้นให้ตัดสินใน ${p.roundName}`,
    text:
      `${hi(p.displayName)}คุณมีผลงานใหม่ ${p.count} ชิ้นให้ตัดสินใน ${p.roundName} ของ ${p.competitionTitle} ` +
      `ต้องส่งคะแนนภายใน ${dateTime(p.closesAt, L)}\n\nดูงานที่ได้รับมอบหมาย: ${p.link}${END}`,
    title: 'ผลงานที่ต้องตัดสิน',
    body: `ผลงานใหม่ ${p.count} ชิ้นใน ${p.roundName} ส่งภายใน ${dateTime(p.closesAt, L)}`,
  }),
  'judging.recused': (p) => {
    const outcome = p.replaced
      ? 'กรรมการคนอื่นที่ไม่มีผลประโยชน์ทับซ้อนรับผลงานนี้ไปแล้ว'
      : 'ไม่มีกรรมการคนอื่นที่ไม่มีผลประโยชน์ทับซ้อนว่าง: โปรดมอบหมายเอง';
    return {
      subject: `มีกรรมการขอถอนตัวใน ${p.roundName}`,
      text:
        `${hi(p.displayName)}กรรมการคนหนึ่งขอถอนตัวจากการตัดสิน "${p.submissionTitle}" ใน ` +
        `${p.roundName} ของ ${p.competitionTitle} โดยให้เหตุผลว่า: ${p.reason}\n\n${outcome}${END}`,
      title: 'มีกรรมการขอถอนตัว',
      body: `"${p.submissionTitle}" ใน ${p.roundName}: ${outcome}`,
    };
  },
  'judging.reminder': (p) => ({
    subject: `ยังมีคะแนนค้างอยู่ ${p.unfinished} รายการใน ${p.roundName}`,
    text:
      `${hi(p.displayName)}ผลงาน ${p.unfinished} ชิ้นของคุณใน ${p.roundName} ของ ${p.competitionTitle} ยังไม่มีคะแนนสุดท้าย ` +
      `รอบนี้ปิดเมื่อ ${dateTime(p.closesAt, L)}\n\nทำให้เสร็จได้ที่นี่: ${p.link}${END}`,
    title: 'ยังมีคะแนนค้างอยู่',
    body: `ผลงาน ${p.unfinished} ชิ้นใน ${p.roundName} ต้องมีคะแนนสุดท้ายภายใน ${dateTime(p.closesAt, L)}`,
  }),
  'judging.results_published': (p) => {
    const outcome = p.award
      ? `ผลงาน "${p.submissionTitle}" ของทีมคุณได้รับ${awardName(p.award, L)} ยินดีด้วย!`
      : `ผลงาน "${p.submissionTitle}" ของทีมคุณไม่ได้รับรางวัลในครั้งนี้ ขอบคุณที่เข้าร่วม`;
    return {
      subject: `ผลการประกวด ${p.competitionTitle}`,
      text: `${hi(p.displayName)}ประกาศผล ${p.competitionTitle} แล้ว ${outcome}\n\nดูผลทั้งหมด: ${p.link}${END}`,
      title: 'ประกาศผลแล้ว',
      body: `${p.competitionTitle}: ${outcome}`,
    };
  },
  ...MENTORING.th,
};
