import { dateTime } from '../../common/i18n/locales';
import { awardName, contactKinds, penpalList, roleNames } from './labels';
import { MENTORING } from './mentoring';
import type { LocaleTemplates } from './types';

const L = 'lo';
const hi = (name: unknown) => `ສະບາຍດີ ${name}\n\n`;
const END = '\n\n— ທີມງານ Kenal';

/** Lao: "ເຈົ້າ" for young people, "ທ່ານ" for a guardian. */
export const lo: LocaleTemplates = {
  'guardian.consent_requested': (p) => ({
    subject: `ກະລຸນາຢືນຢັນວ່າ ${p.participantName} ສາມາດເຂົ້າຮ່ວມ Kenal ໄດ້`,
    text:
      `ຮຽນ ທ່ານ ${p.guardianName}\n\n` +
      `${p.participantName} ໄດ້ລົງທະບຽນໃນ Kenal, ໂຄງການແລກປ່ຽນຊາວໜຸ່ມອາຊຽນ–ເກົາຫຼີ, ແລະ ໄດ້ລະບຸຊື່ທ່ານ ` +
      `ເປັນພໍ່ແມ່ ຫຼື ຜູ້ປົກຄອງ. ເນື່ອງຈາກອາຍຸຍັງບໍ່ເຖິງ 18 ປີ, ລາວຈະມີໝູ່ທາງຈົດໝາຍ ຫຼື ເຂົ້າຮ່ວມການປະກວດໄດ້ ` +
      `ກໍຕໍ່ເມື່ອທ່ານຍິນຍອມແລ້ວເທົ່ານັ້ນ.\n\nເພື່ອໃຫ້ການຍິນຍອມ, ກະລຸນາເປີດລິ້ງນີ້ (ໃຊ້ໄດ້ຮອດ ${dateTime(p.expiresAt, L)}):\n` +
      `${p.link}\n\nຖ້າທ່ານບໍ່ຮູ້ຈັກຄົນນີ້, ກະລຸນາບໍ່ຕ້ອງສົນໃຈອີເມວນີ້ ແລະ ຈະບໍ່ມີຫຍັງເກີດຂຶ້ນ.${END}`,
    title: 'ໄດ້ຂໍການຍິນຍອມຈາກຜູ້ປົກຄອງແລ້ວ',
    body: `ພວກເຮົາໄດ້ສົ່ງອີເມວຫາ ${p.guardianName} ເພື່ອຂໍອະນຸຍາດໃຫ້ເຈົ້າເຂົ້າຮ່ວມ.`,
  }),
  'guardian.consent_confirmed': (p) => ({
    subject: 'ຜູ້ປົກຄອງຂອງເຈົ້າຍິນຍອມແລ້ວ: ເຈົ້າເຂົ້າຮ່ວມ Kenal ໄດ້ແລ້ວ',
    text: `${hi(p.participantName)}${p.guardianName} ໄດ້ຍິນຍອມໃຫ້ເຈົ້າເຂົ້າຮ່ວມ Kenal ແລ້ວ. ຕອນນີ້ເຈົ້າສາມາດລົງທະບຽນຮອບໝູ່ທາງຈົດໝາຍ ແລະ ການປະກວດໄດ້ແລ້ວ.${END}`,
    title: 'ຜູ້ປົກຄອງຍິນຍອມແລ້ວ',
    body: `${p.guardianName} ໄດ້ຍິນຍອມໃຫ້ເຈົ້າເຂົ້າຮ່ວມແລ້ວ.`,
  }),
  'guardian.consent_receipt': (p) => ({
    subject: `ທ່ານໄດ້ຍິນຍອມໃຫ້ ${p.participantName} ເຂົ້າຮ່ວມ Kenal ແລ້ວ`,
    text:
      `ຮຽນ ທ່ານ ${p.guardianName}\n\nຂອບໃຈ: ທ່ານໄດ້ຢືນຢັນວ່າ ${p.participantName} ສາມາດເຂົ້າຮ່ວມ Kenal ໄດ້, ` +
      `ທັງການຂຽນຈົດໝາຍຫາໝູ່ທາງຈົດໝາຍ ແລະ ການເຂົ້າຮ່ວມການປະກວດຂອງຊາວໜຸ່ມ.\n\nທ່ານສາມາດຖອນການຍິນຍອມໄດ້ທຸກເວລາດ້ວຍລິ້ງນີ້. ` +
      `ເມື່ອຖອນແລ້ວ ການຈັບຄູ່ໝູ່ທາງຈົດໝາຍຂອງລາວຈະສິ້ນສຸດ ແລະ ລາວຈະເຂົ້າຮ່ວມບໍ່ໄດ້ຈົນກວ່າຜູ້ປົກຄອງຈະຍິນຍອມອີກ:\n${p.link}\n\n` +
      `ກະລຸນາເກັບອີເມວນີ້ໄວ້.${END}`,
    title: 'ຜູ້ປົກຄອງຍິນຍອມແລ້ວ',
    body: `ທ່ານໄດ້ຍິນຍອມໃຫ້ ${p.participantName} ເຂົ້າຮ່ວມແລ້ວ.`,
  }),
  'guardian.consent_withdrawn': (p) => ({
    subject: 'ຜູ້ປົກຄອງຂອງເຈົ້າໄດ້ຖອນການຍິນຍອມແລ້ວ',
    text:
      `${hi(p.participantName)}${p.guardianName} ໄດ້ຖອນການຍິນຍອມໃຫ້ເຈົ້າເຂົ້າຮ່ວມ Kenal. ` +
      `ເຈົ້າໄດ້ອອກຈາກຮອບໝູ່ທາງຈົດໝາຍແລ້ວ, ການຈັບຄູ່ໝູ່ທາງຈົດໝາຍຂອງເຈົ້າສິ້ນສຸດແລ້ວ ແລະ ຜົນງານຂອງທີມເຈົ້າຈະແກ້ໄຂບໍ່ໄດ້ຈົນກວ່າຜູ້ປົກຄອງຈະຍິນຍອມອີກ. ` +
      `ເຈົ້າສາມາດຂໍອີກຄັ້ງໄດ້ຈາກໜ້າໂປຣໄຟລ໌ຂອງເຈົ້າ.${END}`,
    title: 'ຜູ້ປົກຄອງຖອນການຍິນຍອມ',
    body: `${p.guardianName} ໄດ້ຖອນການຍິນຍອມແລ້ວ. ຂໍຜູ້ປົກຄອງອີກຄັ້ງເພື່ອເຂົ້າຮ່ວມ.`,
  }),
  'staff.invited': (p) => ({
    subject: 'ເຈົ້າມີບັນຊີພະນັກງານ Kenal ແລ້ວ: ຕັ້ງລະຫັດຜ່ານຂອງເຈົ້າ',
    text:
      `${hi(p.displayName)}ຜູ້ບໍລິຫານລະບົບໄດ້ສ້າງບັນຊີ Kenal ໃຫ້ເຈົ້າໃນບົດບາດ ${roleNames(p.roles, L)}. ` +
      `ຕັ້ງລະຫັດຜ່ານດ້ວຍລິ້ງນີ້ (ໃຊ້ໄດ້ຮອດ ${dateTime(p.expiresAt, L)}, ໃຊ້ໄດ້ຄັ້ງດຽວ):\n${p.link}${END}`,
    title: 'ຍິນດີຕ້ອນຮັບສູ່ Kenal',
    body: `ບັນຊີພະນັກງານຂອງເຈົ້າ (${roleNames(p.roles, L)}) ພ້ອມແລ້ວ. ກວດອີເມວເພື່ອຕັ້ງລະຫັດຜ່ານ.`,
  }),
  'auth.verify_email': (p) => ({
    subject: 'ຢືນຢັນທີ່ຢູ່ອີເມວຂອງເຈົ້າສຳລັບ Kenal',
    text:
      `${hi(p.displayName)}ກະລຸນາຢືນຢັນວ່າທີ່ຢູ່ນີ້ເປັນຂອງເຈົ້າ ເພື່ອໃຫ້ເຈົ້າລົງທະບຽນ, ເຂົ້າທີມ ` +
      `ແລະ ສົ່ງຜົນງານໃນ Kenal ໄດ້. ເປີດລິ້ງນີ້ (ໃຊ້ໄດ້ຮອດ ${dateTime(p.expiresAt, L)}, ໃຊ້ໄດ້ຄັ້ງດຽວ):\n${p.link}\n\n` +
      `ຖ້າເຈົ້າບໍ່ໄດ້ລົງທະບຽນ Kenal, ບໍ່ຕ້ອງສົນໃຈອີເມວນີ້.${END}`,
    title: 'ຢືນຢັນທີ່ຢູ່ອີເມວຂອງເຈົ້າ',
    body: 'ພວກເຮົາໄດ້ສົ່ງລິ້ງຢືນຢັນທີ່ຢູ່ອີເມວໃຫ້ເຈົ້າແລ້ວ.',
  }),
  'staff.roles_offered': (p) => ({
    subject: 'ເຈົ້າໄດ້ຮັບເຊີນໃຫ້ເປັນພະນັກງານ Kenal',
    text:
      `${hi(p.displayName)}ຜູ້ບໍລິຫານລະບົບໄດ້ເຊີນບັນຊີ Kenal ຂອງເຈົ້າໃຫ້ຮັບບົດບາດ ${roleNames(p.roles, L)}. ` +
      `ຈະບໍ່ມີຫຍັງປ່ຽນແປງຈົນກວ່າເຈົ້າຈະຕອບຮັບ: ເຂົ້າສູ່ລະບົບ Kenal ດ້ວຍບັນຊີນີ້ ແລ້ວຕອບຮັບດ້ວຍລິ້ງນີ້ ` +
      `(ໃຊ້ໄດ້ຮອດ ${dateTime(p.expiresAt, L)}, ໃຊ້ໄດ້ຄັ້ງດຽວ):\n${p.link}\n\n` +
      `ຖ້າເຈົ້າບໍ່ໄດ້ຄາດວ່າຈະໄດ້ຮັບອີເມວນີ້, ບໍ່ຕ້ອງສົນໃຈ.${END}`,
    title: 'ຄຳເຊີນບົດບາດພະນັກງານ',
    body: `ຜູ້ບໍລິຫານລະບົບເຊີນເຈົ້າໃຫ້ຮັບບົດບາດ ${roleNames(p.roles, L)}. ກວດອີເມວເພື່ອຕອບຮັບ.`,
  }),
  'auth.password_reset': (p) => ({
    subject: 'ຕັ້ງລະຫັດຜ່ານ Kenal ຂອງເຈົ້າໃໝ່',
    text:
      `${hi(p.displayName)}ມີຄົນຂໍຕັ້ງລະຫັດຜ່ານ Kenal ຂອງເຈົ້າໃໝ່ (ຫວັງວ່າແມ່ນເຈົ້າ). ` +
      `ເປີດລິ້ງນີ້ເພື່ອເລືອກລະຫັດຜ່ານໃໝ່ (ໃຊ້ໄດ້ຮອດ ${dateTime(p.expiresAt, L)}, ໃຊ້ໄດ້ຄັ້ງດຽວ):\n${p.link}\n\n` +
      `ຖ້າເຈົ້າບໍ່ໄດ້ຂໍ, ບໍ່ຕ້ອງສົນໃຈອີເມວນີ້: ລະຫັດຜ່ານຂອງເຈົ້າຍັງຄືເກົ່າ.${END}`,
    title: 'ມີຄຳຂໍຕັ້ງລະຫັດຜ່ານໃໝ່',
    body: 'ພວກເຮົາໄດ້ສົ່ງລິ້ງຕັ້ງລະຫັດຜ່ານໃໝ່ໃຫ້ເຈົ້າແລ້ວ.',
  }),
  'penpal.matched': (p) => ({
    subject: `ເຈົ້າມີໝູ່ທາງຈົດໝາຍແລ້ວໃນ ${p.roundName}`,
    text:
      `${hi(p.displayName)}ຂ່າວດີ: ພວກເຮົາຊອກຫາໝູ່ທາງຈົດໝາຍໃຫ້ເຈົ້າໄດ້ແລ້ວໃນ ${p.roundName}: ${penpalList(p.penpals, L)}. ` +
      `ເປີດ Kenal ເພື່ອເບິ່ງວ່າພວກເຈົ້າມີຫຍັງຄືກັນ ແລ້ວຕອບຮັບເພື່ອເລີ່ມຂຽນຈົດໝາຍ.${END}`,
    title: 'ເຈົ້າມີໝູ່ທາງຈົດໝາຍແລ້ວ',
    body: `ມາຮູ້ຈັກ ${penpalList(p.penpals, L)} ແລ້ວຕອບຮັບເພື່ອເລີ່ມຂຽນຈົດໝາຍ.`,
  }),
  'penpal.unmatched': (p) => ({
    subject: `ຍັງບໍ່ມີໝູ່ທາງຈົດໝາຍໃນ ${p.roundName}: ເຈົ້າຍັງຢູ່ໃນຄິວ`,
    text:
      `${hi(p.displayName)}ຮອບນີ້ພວກເຮົາຍັງຊອກບໍ່ເຫັນໝູ່ທາງຈົດໝາຍທີ່ເໝາະກັບເຈົ້າໃນ ${p.roundName}. ` +
      `ເຈົ້າຍັງຢູ່ໃນຄິວ: ການຈັບຄູ່ຄັ້ງຕໍ່ໄປຈະລອງອີກ.${END}`,
    title: 'ເຈົ້າຍັງຢູ່ໃນຄິວ',
    body: `ຍັງບໍ່ມີໝູ່ທາງຈົດໝາຍໃນ ${p.roundName}; ການຈັບຄູ່ຄັ້ງຕໍ່ໄປຈະລອງອີກ.`,
  }),
  'penpal.connected': (p) => ({
    subject: `ເຈົ້າ ແລະ ${p.penpalName} ເລີ່ມຂຽນຈົດໝາຍໄດ້ແລ້ວ`,
    text: `${hi(p.displayName)}ເຈົ້າ ແລະ ${p.penpalName} ຕອບຮັບທັງສອງຄົນແລ້ວ. ທັກທາຍກັນໃນ Kenal ເລີຍ!${END}`,
    title: 'ເລີ່ມຂຽນຈົດໝາຍໄດ້ແລ້ວ',
    body: `ເຈົ້າ ແລະ ${p.penpalName} ຕອບຮັບທັງສອງຄົນແລ້ວ. ທັກທາຍກັນເລີຍ!`,
  }),
  'penpal.declined': (p) => ({
    subject: `ການຈັບຄູ່ໝູ່ທາງຈົດໝາຍໃນ ${p.roundName} ບໍ່ໄດ້ໄປຕໍ່`,
    text:
      `${hi(p.displayName)}ໝູ່ທາງຈົດໝາຍທີ່ສະເໜີໃຫ້ເຈົ້າໃນ ${p.roundName} ເຂົ້າຮ່ວມບໍ່ໄດ້ໃນຄັ້ງນີ້. ` +
      `ເຈົ້າກັບເຂົ້າຄິວແລ້ວ ແລະ ການຈັບຄູ່ຄັ້ງຕໍ່ໄປຈະຊອກໝູ່ໃໝ່ໃຫ້ເຈົ້າ.${END}`,
    title: 'ການຈັບຄູ່ບໍ່ໄດ້ໄປຕໍ່',
    body: 'ເຈົ້າກັບເຂົ້າຄິວສຳລັບການຈັບຄູ່ຄັ້ງຕໍ່ໄປແລ້ວ.',
  }),
  'penpal.cancelled': (p) => ({
    subject: `ການຈັບຄູ່ໝູ່ທາງຈົດໝາຍໃນ ${p.roundName} ຖືກຢຸດແລ້ວ`,
    text:
      `${hi(p.displayName)}ຜູ້ປະສານງານຂອງ ${p.roundName} ໄດ້ຢຸດການຈັບຄູ່ໝູ່ທາງຈົດໝາຍຂອງເຈົ້າ. ` +
      `ເຈົ້າກັບເຂົ້າຄິວສຳລັບການຈັບຄູ່ຄັ້ງຕໍ່ໄປແລ້ວ. ຖ້າມີຄຳຖາມ, ຕິດຕໍ່ຜູ້ປະສານງານຂອງໂຄງການໄດ້.${END}`,
    title: 'ການຈັບຄູ່ໝູ່ທາງຈົດໝາຍຖືກຢຸດ',
    body: 'ຜູ້ປະສານງານຢຸດການຈັບຄູ່ນີ້ແລ້ວ. ເຈົ້າກັບເຂົ້າຄິວສຳລັບການຈັບຄູ່ຄັ້ງຕໍ່ໄປ.',
  }),
  'penpal.ended': (p) => ({
    subject: `ການຈັບຄູ່ໝູ່ທາງຈົດໝາຍໃນ ${p.roundName} ສິ້ນສຸດແລ້ວ`,
    text:
      `${hi(p.displayName)}${p.penpalName} ໄດ້ຢຸດການເປັນໝູ່ທາງຈົດໝາຍກັບເຈົ້າໃນ ${p.roundName}. ` +
      `ທັງສອງຝ່າຍຈະສົ່ງຈົດໝາຍຫາກັນບໍ່ໄດ້ອີກ ແລະ ຈະບໍ່ຖືກຈັບຄູ່ກັນອີກ. ` +
      `ຈົດໝາຍທີ່ເຄີຍຂຽນຫາກັນຍັງອ່ານໄດ້ໃນ Kenal.${END}`,
    title: 'ການຈັບຄູ່ໝູ່ທາງຈົດໝາຍສິ້ນສຸດແລ້ວ',
    body: `${p.penpalName} ໄດ້ຢຸດການຈັບຄູ່. ທັງສອງຝ່າຍສົ່ງຈົດໝາຍຫາກັນບໍ່ໄດ້ອີກ.`,
  }),
  'letter.delivered': (p) => ({
    subject: `ຈົດໝາຍຈາກ ${p.penpalName} ມາຮອດແລ້ວ`,
    text:
      `${hi(p.displayName)}${p.penpalName} ໄດ້ຂຽນຈົດໝາຍຫາເຈົ້າ. ອ່ານ ແລະ ຕອບກັບໃນ Kenal:\n${p.link}\n\n` +
      `(ພວກເຮົາສົ່ງອີເມວແຈ້ງຈົດໝາຍໃໝ່ຈາກໝູ່ຄົນດຽວກັນບໍ່ເກີນໜຶ່ງຄັ້ງໃນທຸກໆສອງສາມຊົ່ວໂມງ.)${END}`,
    title: 'ຈົດໝາຍໃໝ່',
    body: `${p.penpalName} ໄດ້ຂຽນຈົດໝາຍຫາເຈົ້າ.`,
  }),
  'letter.held': (p) => ({
    subject: `ຈົດໝາຍຂອງເຈົ້າຫາ ${p.penpalName} ກຳລັງລໍຖ້າການກວດ`,
    text:
      `${hi(p.displayName)}ຈົດໝາຍຂອງເຈົ້າຫາ ${p.penpalName} ເບິ່ງຄືວ່າມີ${contactKinds(p.kinds, L)}. ` +
      `ເພື່ອຄວາມປອດໄພຂອງທຸກຄົນ, ຈົດໝາຍທີ່ມີຂໍ້ມູນຕິດຕໍ່ຈະຢູ່ໃນ Kenal ຈົນກວ່າຜູ້ປະສານງານຈະກວດ. ` +
      `ພວກເຮົາຈະແຈ້ງໃຫ້ຮູ້ເມື່ອຈົດໝາຍຖືກສົ່ງ ຫຼື ຖືກລຶບ.${END}`,
    title: 'ຈົດໝາຍຂອງເຈົ້າກຳລັງລໍຖ້າການກວດ',
    body: `ເບິ່ງຄືວ່າມີ${contactKinds(p.kinds, L)}; ຜູ້ປະສານງານຈະກວດເບິ່ງ.`,
  }),
  'letter.released': (p) => ({
    subject: `ຈົດໝາຍຂອງເຈົ້າຫາ ${p.penpalName} ກຳລັງເດີນທາງ`,
    text: `${hi(p.displayName)}ຜູ້ປະສານງານໄດ້ກວດຈົດໝາຍຂອງເຈົ້າຫາ ${p.penpalName} ແລະ ສົ່ງຕໍ່ແລ້ວ.${END}`,
    title: 'ຈົດໝາຍຂອງເຈົ້າຖືກສົ່ງແລ້ວ',
    body: `ຜູ້ປະສານງານໄດ້ກວດຈົດໝາຍຫາ ${p.penpalName} ແລະ ສົ່ງຕໍ່ແລ້ວ.`,
  }),
  'letter.removed': (p) => ({
    subject: `ຈົດໝາຍຂອງເຈົ້າຫາ ${p.penpalName} ບໍ່ໄດ້ຖືກສົ່ງ`,
    text:
      `${hi(p.displayName)}ຜູ້ປະສານງານໄດ້ກວດຈົດໝາຍຂອງເຈົ້າຫາ ${p.penpalName} ແລະ ລຶບອອກແລ້ວ: ` +
      `${p.penpalName} ຈະບໍ່ເຫັນຈົດໝາຍນີ້. ຢ່າໃສ່ຂໍ້ມູນຕິດຕໍ່ໃນຈົດໝາຍ ແລະ ໃຫ້ໃຈດີຕໍ່ກັນເດີ້.${END}`,
    title: 'ຈົດໝາຍຂອງເຈົ້າຖືກລຶບ',
    body: `ຜູ້ປະສານງານໄດ້ລຶບຈົດໝາຍຂອງເຈົ້າຫາ ${p.penpalName}; ຈົດໝາຍບໍ່ໄດ້ຖືກສົ່ງ.`,
  }),
  'penpal.partner_left': (p) => ({
    subject: `ການຈັບຄູ່ໝູ່ທາງຈົດໝາຍໃນ ${p.roundName} ສິ້ນສຸດແລ້ວ`,
    text: `${hi(p.displayName)}ການຈັບຄູ່ໝູ່ທາງຈົດໝາຍຂອງເຈົ້າໃນ ${p.roundName} ສິ້ນສຸດແລ້ວ. ເຈົ້າກັບເຂົ້າຄິວສຳລັບການຈັບຄູ່ຄັ້ງຕໍ່ໄປ.${END}`,
    title: 'ການຈັບຄູ່ໝູ່ທາງຈົດໝາຍສິ້ນສຸດແລ້ວ',
    body: 'ການຈັບຄູ່ນີ້ສິ້ນສຸດແລ້ວ. ເຈົ້າກັບເຂົ້າຄິວສຳລັບການຈັບຄູ່ຄັ້ງຕໍ່ໄປ.',
  }),
  'team.invitation': (p) => ({
    subject: `${p.inviterName} ຊວນເຈົ້າເຂົ້າທີມ ${p.teamName} ໃນ Kenal`,
    text:
      `ສະບາຍດີ\n\n${p.inviterName} ຊວນເຈົ້າເຂົ້າທີມ "${p.teamName}" ສຳລັບ ${p.competitionTitle}. ` +
      `ເຂົ້າສູ່ລະບົບ Kenal ດ້ວຍທີ່ຢູ່ອີເມວນີ້ ແລ້ວເປີດລິ້ງນີ້ເພື່ອຕອບຮັບ ຫຼື ປະຕິເສດ ` +
      `(ໃຊ້ໄດ້ຮອດ ${dateTime(p.expiresAt, L)}, ໃຊ້ໄດ້ຄັ້ງດຽວ):\n${p.link}\n\n` +
      `ຖ້າເຈົ້າບໍ່ຮູ້ຈັກຄົນນີ້, ບໍ່ຕ້ອງສົນໃຈອີເມວນີ້.${END}`,
    title: 'ຄຳເຊີນເຂົ້າທີມ',
    body: `${p.inviterName} ຊວນເຈົ້າເຂົ້າທີມ "${p.teamName}" ສຳລັບ ${p.competitionTitle}.`,
  }),
  'submission.received': (p) => ({
    subject: `ໄດ້ຮັບແລ້ວ: "${p.submissionTitle}" ສຳລັບ ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}ທີມ ${p.teamName} ຂອງເຈົ້າໄດ້ສົ່ງ "${p.submissionTitle}" ເຂົ້າ ${p.competitionTitle} ` +
      `ເມື່ອ ${p.submittedAt} (ເວີຊັນ ${p.version}).\n\n` +
      `ເຈົ້າຍັງແກ້ໄຂໄດ້ຈົນຮອດ ${dateTime(p.closesAt, L)}. ເກັບອີເມວນີ້ໄວ້ເປັນໃບຮັບ.${END}`,
    title: 'ໄດ້ຮັບຜົນງານແລ້ວ',
    body: `ສົ່ງ "${p.submissionTitle}" ແລ້ວເມື່ອ ${p.submittedAt} (ເວີຊັນ ${p.version}).`,
  }),
  'submission.withdrawn': (p) => ({
    subject: `ຖອນແລ້ວ: "${p.submissionTitle}" ຈາກ ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}${p.actorName} ໄດ້ຖອນຜົນງານຂອງທີມ "${p.submissionTitle}" ອອກຈາກ ${p.competitionTitle} ` +
      `ເມື່ອ ${p.withdrawnAt}. ຜົນງານນີ້ຈະບໍ່ຖືກຕັດສິນ.${END}`,
    title: 'ຖອນຜົນງານແລ້ວ',
    body: `${p.actorName} ໄດ້ຖອນ "${p.submissionTitle}" ແລ້ວ.`,
  }),
  'submission.extension_granted': (p) => ({
    subject: `ເວລາເພີ່ມສຳລັບ "${p.submissionTitle}" ໃນ ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}ຜູ້ປະສານງານໄດ້ໃຫ້ເວລາທີມຂອງເຈົ້າຮອດ ${p.until} ເພື່ອແກ້ໄຂ ແລະ ສົ່ງ ` +
      `"${p.submissionTitle}" ເຂົ້າ ${p.competitionTitle}.\n\nຜົນງານຂອງເຈົ້າ: ${p.link}${END}`,
    title: 'ໄດ້ຮັບການຂະຫຍາຍເວລາ',
    body: `ແກ້ໄຂ ແລະ ສົ່ງ "${p.submissionTitle}" ໄດ້ຮອດ ${p.until}.`,
  }),
  'submission.deadline_reminder': (p) => ({
    subject: `ເຫຼືອເວລາ ${p.hoursBefore} ຊົ່ວໂມງເພື່ອສົ່ງຜົນງານເຂົ້າ ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}ສະບັບຮ່າງ "${p.submissionTitle}" ຂອງທີມເຈົ້າຍັງບໍ່ໄດ້ສົ່ງ. ` +
      `${p.competitionTitle} ປິດຮັບເມື່ອ ${dateTime(p.closesAt, L)}.\n\nສົ່ງກ່ອນເວລານັ້ນ: ${p.link}${END}`,
    title: 'ໃກ້ໝົດເວລາສົ່ງແລ້ວ',
    body: `"${p.submissionTitle}" ຍັງເປັນສະບັບຮ່າງ; ປິດຮັບຜົນງານເມື່ອ ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.added_to_pool': (p) => ({
    subject: `ເຈົ້າເປັນກຳມະການຕັດສິນ ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}ເຈົ້າໄດ້ຖືກເພີ່ມເປັນກຳມະການຕັດສິນ ${p.competitionTitle}. ` +
      `ຖ້າເຈົ້າຮູ້ຈັກຜູ້ເຂົ້າປະກວດຄົນໃດ (ສະຖາບັນດຽວກັນ, ຄອບຄົວ, ທີມທີ່ເຈົ້າເຄີຍຊ່ວຍ), ກະລຸນາແຈ້ງຜົນປະໂຫຍດທັບຊ້ອນ ` +
      `ໃນ Kenal ກ່ອນການມອບໝາຍວຽກ: ${p.link}${END}`,
    title: 'ເຈົ້າເປັນກຳມະການຕັດສິນ',
    body: `ເຈົ້າຕັດສິນ ${p.competitionTitle}. ກະລຸນາແຈ້ງຜົນປະໂຫຍດທັບຊ້ອນກ່ອນການມອບໝາຍວຽກ.`,
  }),
  'judging.removed_from_pool': (p) => ({
    subject: `ເຈົ້າບໍ່ໄດ້ເປັນກຳມະການຕັດສິນ ${p.competitionTitle} ແລ້ວ`,
    text:
      `${hi(p.displayName)}ຜູ້ປະສານງານໄດ້ເອົາເຈົ້າອອກຈາກລາຍຊື່ກຳມະການຂອງ ${p.competitionTitle}. ` +
      `ຜົນງານທີ່ເຈົ້າຍັງບໍ່ໄດ້ໃຫ້ຄະແນນຈະສົ່ງໃຫ້ກຳມະການຄົນອື່ນ; ຄະແນນສຸດທ້າຍທີ່ເຈົ້າຢືນຢັນແລ້ວຍັງຄົງຢູ່. ຂອບໃຈທີ່ຊ່ວຍເຫຼືອ.${END}`,
    title: 'ເຈົ້າບໍ່ໄດ້ເປັນກຳມະການແລ້ວ',
    body: `ເຈົ້າບໍ່ໄດ້ຕັດສິນ ${p.competitionTitle} ແລ້ວ. ຄະແນນສຸດທ້າຍຂອງເຈົ້າຍັງຄົງຢູ່.`,
  }),
  'judging.assignments_ready': (p) => ({
    subject: `ມີຜົນງານ ${p.count} ຊິ້ນໃຫ້ຕັດສິນໃນ ${p.roundName}`,
    text:
      `${hi(p.displayName)}ເຈົ້າມີຜົນງານໃໝ່ ${p.count} ຊິ້ນໃຫ້ຕັດສິນໃນ ${p.roundName} ຂອງ ${p.competitionTitle}. ` +
      `ຕ້ອງສົ່ງຄະແນນພາຍໃນ ${dateTime(p.closesAt, L)}.\n\nເບິ່ງວຽກທີ່ໄດ້ຮັບມອບໝາຍ: ${p.link}${END}`,
    title: 'ຜົນງານທີ່ຕ້ອງຕັດສິນ',
    body: `ຜົນງານໃໝ່ ${p.count} ຊິ້ນໃນ ${p.roundName}, ສົ່ງພາຍໃນ ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.recused': (p) => {
    const outcome = p.replaced
      ? 'ກຳມະການຄົນອື່ນທີ່ບໍ່ມີຜົນປະໂຫຍດທັບຊ້ອນໄດ້ຮັບຜົນງານນີ້ໄປແລ້ວ.'
      : 'ບໍ່ມີກຳມະການຄົນອື່ນທີ່ບໍ່ມີຜົນປະໂຫຍດທັບຊ້ອນວ່າງ: ກະລຸນາມອບໝາຍເອງ.';
    return {
      subject: `ມີກຳມະການຂໍຖອນຕົວໃນ ${p.roundName}`,
      text:
        `${hi(p.displayName)}ກຳມະການຄົນໜຶ່ງຂໍຖອນຕົວຈາກການຕັດສິນ "${p.submissionTitle}" ໃນ ` +
        `${p.roundName} ຂອງ ${p.competitionTitle}, ໂດຍໃຫ້ເຫດຜົນວ່າ: ${p.reason}\n\n${outcome}${END}`,
      title: 'ມີກຳມະການຂໍຖອນຕົວ',
      body: `"${p.submissionTitle}" ໃນ ${p.roundName}: ${outcome}`,
    };
  },
  'judging.reminder': (p) => ({
    subject: `ຍັງມີຄະແນນຄ້າງຢູ່ ${p.unfinished} ລາຍການໃນ ${p.roundName}`,
    text:
      `${hi(p.displayName)}ຜົນງານ ${p.unfinished} ຊິ້ນຂອງເຈົ້າໃນ ${p.roundName} ຂອງ ${p.competitionTitle} ຍັງບໍ່ມີຄະແນນສຸດທ້າຍ. ` +
      `ຮອບນີ້ປິດເມື່ອ ${dateTime(p.closesAt, L)}.\n\nເຮັດໃຫ້ແລ້ວໄດ້ທີ່ນີ້: ${p.link}${END}`,
    title: 'ຍັງມີຄະແນນຄ້າງຢູ່',
    body: `ຜົນງານ ${p.unfinished} ຊິ້ນໃນ ${p.roundName} ຕ້ອງມີຄະແນນສຸດທ້າຍພາຍໃນ ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.results_published': (p) => {
    const outcome = p.award
      ? `ຜົນງານ "${p.submissionTitle}" ຂອງທີມເຈົ້າໄດ້ຮັບ${awardName(p.award, L)}. ຂໍສະແດງຄວາມຍິນດີ!`
      : `ຜົນງານ "${p.submissionTitle}" ຂອງທີມເຈົ້າບໍ່ໄດ້ຮັບລາງວັນໃນຄັ້ງນີ້. ຂອບໃຈທີ່ເຂົ້າຮ່ວມ.`;
    return {
      subject: `ຜົນການປະກວດ ${p.competitionTitle}`,
      text: `${hi(p.displayName)}ປະກາດຜົນ ${p.competitionTitle} ແລ້ວ. ${outcome}\n\nເບິ່ງຜົນທັງໝົດ: ${p.link}${END}`,
      title: 'ປະກາດຜົນແລ້ວ',
      body: `${p.competitionTitle}: ${outcome}`,
    };
  },
  ...MENTORING.lo,
};
