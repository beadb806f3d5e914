import { dateTime } from '../../common/i18n/locales';
import { awardName, contactKinds, penpalList, roleNames } from './labels';
import { MENTORING } from './mentoring';
import type { LocaleTemplates } from './types';

const L = 'ms';
const hi = (name: unknown) => `Hai ${name},\n\n`;
const END = '\n\n— Pasukan Kenal';

/** Malay: "awak" for young people, "tuan/puan" for a guardian. */
export const ms: LocaleTemplates = {
  'guardian.consent_requested': (p) => ({
    subject: `Sila sahkan bahawa ${p.participantName} boleh menyertai Kenal`,
    text:
      `Tuan/Puan ${p.guardianName},\n\n` +
      `${p.participantName} telah mendaftar di Kenal, program pertukaran belia ASEAN–Korea, dan menamakan tuan/puan ` +
      `sebagai ibu bapa atau penjaga. Oleh kerana umurnya di bawah 18 tahun, dia hanya boleh dipadankan dengan sahabat pena ` +
      `atau menyertai pertandingan selepas tuan/puan bersetuju.\n\nUntuk memberi persetujuan, buka pautan ini (sah sehingga ${dateTime(p.expiresAt, L)}):\n` +
      `${p.link}\n\nJika tuan/puan tidak mengenali orang ini, abaikan e-mel ini dan tiada apa yang akan berlaku.${END}`,
    title: 'Persetujuan penjaga diminta',
    body: `Kami telah menghantar e-mel kepada ${p.guardianName} untuk meminta kebenaran bagi awak menyertai.`,
  }),
  'guardian.consent_confirmed': (p) => ({
    subject: 'Penjaga awak sudah bersetuju: awak boleh menyertai Kenal',
    text: `${hi(p.participantName)}${p.guardianName} sudah bersetuju awak menyertai Kenal. Sekarang awak boleh mendaftar untuk pusingan sahabat pena dan pertandingan.${END}`,
    title: 'Persetujuan penjaga diterima',
    body: `${p.guardianName} sudah bersetuju awak menyertai.`,
  }),
  'guardian.consent_receipt': (p) => ({
    subject: `Tuan/Puan telah bersetuju ${p.participantName} menyertai Kenal`,
    text:
      `Tuan/Puan ${p.guardianName},\n\nTerima kasih: tuan/puan telah mengesahkan bahawa ${p.participantName} boleh menyertai Kenal, ` +
      `iaitu berutus surat dengan sahabat pena dan menyertai pertandingan belia.\n\nTuan/Puan boleh menarik balik persetujuan pada bila-bila masa melalui pautan ini. ` +
      `Padanan sahabat penanya akan tamat dan dia tidak boleh menyertai sehingga penjaga bersetuju semula:\n${p.link}\n\n` +
      `Simpan e-mel ini.${END}`,
    title: 'Persetujuan penjaga diterima',
    body: `Tuan/Puan telah bersetuju ${p.participantName} menyertai.`,
  }),
  'guardian.consent_withdrawn': (p) => ({
    subject: 'Penjaga awak telah menarik balik persetujuan',
    text:
      `${hi(p.participantName)}${p.guardianName} telah menarik balik persetujuan untuk awak menyertai Kenal. ` +
      `Awak telah keluar daripada pusingan sahabat pena, padanan sahabat pena awak telah tamat dan penyertaan pasukan awak tidak boleh diubah sehingga penjaga bersetuju semula. ` +
      `Awak boleh meminta kebenaran sekali lagi dari profil awak.${END}`,
    title: 'Persetujuan penjaga ditarik balik',
    body: `${p.guardianName} menarik balik persetujuan. Minta kebenaran penjaga sekali lagi untuk menyertai.`,
  }),
  'staff.invited': (p) => ({
    subject: 'Awak ada akaun staf Kenal: tetapkan kata laluan',
    text:
      `${hi(p.displayName)}Seorang pentadbir telah membuat akaun Kenal untuk awak dengan peranan ${roleNames(p.roles, L)}. ` +
      `Tetapkan kata laluan awak melalui pautan ini (sah sehingga ${dateTime(p.expiresAt, L)}, sekali guna sahaja):\n${p.link}${END}`,
    title: 'Selamat datang ke Kenal',
    body: `Akaun staf awak (${roleNames(p.roles, L)}) sudah sedia. Semak e-mel untuk menetapkan kata laluan.`,
  }),
  'auth.verify_email': (p) => ({
    subject: 'Sahkan alamat e-mel awak untuk Kenal',
    text:
      `${hi(p.displayName)}Sila sahkan bahawa alamat ini milik awak, supaya awak boleh mendaftar, menyertai pasukan ` +
      `dan menghantar karya di Kenal. Buka pautan ini (sah sehingga ${dateTime(p.expiresAt, L)}, sekali guna sahaja):\n${p.link}\n\n` +
      `Jika awak tidak mendaftar di Kenal, abaikan e-mel ini.${END}`,
    title: 'Sahkan alamat e-mel awak',
    body: 'Kami telah menghantar pautan ke e-mel awak untuk mengesahkan alamat.',
  }),
  'staff.roles_offered': (p) => ({
    subject: 'Awak dijemput menjadi staf Kenal',
    text:
      `${hi(p.displayName)}Seorang pentadbir menjemput akaun Kenal awak ke peranan ${roleNames(p.roles, L)}. ` +
      `Tiada apa yang berubah kecuali awak menerimanya: log masuk ke Kenal dengan akaun ini dan terima melalui pautan ini ` +
      `(sah sehingga ${dateTime(p.expiresAt, L)}, sekali guna sahaja):\n${p.link}\n\n` +
      `Jika awak tidak menjangkakan ini, abaikan e-mel ini.${END}`,
    title: 'Jemputan peranan staf',
    body: `Seorang pentadbir menjemput awak ke peranan ${roleNames(p.roles, L)}. Semak e-mel untuk menerimanya.`,
  }),
  'auth.password_reset': (p) => ({
    subject: 'Tetapkan semula kata laluan Kenal awak',
    text:
      `${hi(p.displayName)}Seseorang (harapnya awak) meminta untuk menetapkan semula kata laluan Kenal awak. ` +
      `Buka pautan ini untuk memilih kata laluan baharu (sah sehingga ${dateTime(p.expiresAt, L)}, sekali guna sahaja):\n${p.link}\n\n` +
      `Jika awak tidak memintanya, abaikan e-mel ini: kata laluan awak kekal sama.${END}`,
    title: 'Permintaan tetapan semula kata laluan',
    body: 'Kami telah menghantar pautan ke e-mel awak untuk menetapkan semula kata laluan.',
  }),
  'penpal.matched': (p) => ({
    subject: `Awak dapat sahabat pena dalam ${p.roundName}`,
    text:
      `${hi(p.displayName)}Berita baik: kami jumpa sahabat pena untuk awak dalam ${p.roundName}: ${penpalList(p.penpals, L)}. ` +
      `Buka Kenal untuk lihat persamaan kalian, dan terima untuk mula berutus surat.${END}`,
    title: 'Awak dapat sahabat pena',
    body: `Kenali ${penpalList(p.penpals, L)} dan terima untuk mula berutus surat.`,
  }),
  'penpal.unmatched': (p) => ({
    subject: `Belum ada sahabat pena dalam ${p.roundName}: awak kekal dalam giliran`,
    text:
      `${hi(p.displayName)}Kali ini kami tidak jumpa sahabat pena yang sesuai untuk awak dalam ${p.roundName}. ` +
      `Awak kekal dalam giliran: padanan seterusnya akan cuba lagi.${END}`,
    title: 'Awak kekal dalam giliran',
    body: `Belum ada sahabat pena dalam ${p.roundName}; padanan seterusnya akan cuba lagi.`,
  }),
  'penpal.connected': (p) => ({
    subject: `Awak dan ${p.penpalName} boleh mula berutus surat`,
    text: `${hi(p.displayName)}Awak dan ${p.penpalName} sama-sama kata ya. Ucapkan hai di Kenal!${END}`,
    title: 'Awak boleh mula menulis',
    body: `Awak dan ${p.penpalName} sama-sama menerima. Ucapkan hai!`,
  }),
  'penpal.declined': (p) => ({
    subject: `Padanan sahabat pena awak dalam ${p.roundName} tidak diteruskan`,
    text:
      `${hi(p.displayName)}Sahabat pena yang dicadangkan untuk awak dalam ${p.roundName} tidak dapat menyertai kali ini. ` +
      `Awak kembali ke giliran dan padanan seterusnya akan mencari seseorang yang baharu.${END}`,
    title: 'Padanan awak tidak diteruskan',
    body: 'Awak kembali ke giliran untuk padanan seterusnya.',
  }),
  'penpal.cancelled': (p) => ({
    subject: `Padanan sahabat pena awak dalam ${p.roundName} telah ditamatkan`,
    text:
      `${hi(p.displayName)}Penyelaras ${p.roundName} telah menamatkan padanan sahabat pena awak. ` +
      `Awak kembali ke giliran untuk padanan seterusnya. Jika ada soalan, hubungi penyelaras program awak.${END}`,
    title: 'Padanan sahabat pena awak ditamatkan',
    body: 'Penyelaras telah menamatkan padanan ini. Awak kembali ke giliran untuk padanan seterusnya.',
  }),
  'penpal.ended': (p) => ({
    subject: `Padanan sahabat pena awak dalam ${p.roundName} telah tamat`,
    text:
      `${hi(p.displayName)}${p.penpalName} telah menamatkan padanan sahabat pena kalian dalam ${p.roundName}. ` +
      `Kalian tidak boleh berutus surat lagi dan tidak akan dipadankan semula. ` +
      `Surat yang telah kalian tukar kekal di Kenal untuk awak baca.${END}`,
    title: 'Padanan sahabat pena awak telah tamat',
    body: `${p.penpalName} menamatkan padanan ini. Kalian tidak boleh berutus surat lagi.`,
  }),
  'letter.delivered': (p) => ({
    subject: `Surat daripada ${p.penpalName} telah tiba`,
    text:
      `${hi(p.displayName)}${p.penpalName} menulis surat kepada awak. Baca dan balas di Kenal:\n${p.link}\n\n` +
      `(Kami menghantar e-mel paling banyak sekali setiap beberapa jam tentang surat baharu daripada seorang sahabat pena.)${END}`,
    title: 'Surat baharu',
    body: `${p.penpalName} menulis surat kepada awak.`,
  }),
  'letter.held': (p) => ({
    subject: `Surat awak kepada ${p.penpalName} sedang menunggu semakan`,
    text:
      `${hi(p.displayName)}Surat awak kepada ${p.penpalName} nampaknya mengandungi ${contactKinds(p.kinds, L)}. ` +
      `Untuk keselamatan semua, surat yang ada butiran hubungan kekal di Kenal sehingga penyelaras menyemaknya. ` +
      `Kami akan maklumkan apabila surat itu dihantar atau dipadam.${END}`,
    title: 'Surat awak menunggu semakan',
    body: `Nampaknya ia mengandungi ${contactKinds(p.kinds, L)}; penyelaras akan menyemaknya.`,
  }),
  'letter.released': (p) => ({
    subject: `Surat awak kepada ${p.penpalName} sedang dihantar`,
    text: `${hi(p.displayName)}Penyelaras telah menyemak surat awak kepada ${p.penpalName} dan menghantarnya.${END}`,
    title: 'Surat awak telah dihantar',
    body: `Penyelaras telah menyemak surat awak kepada ${p.penpalName} dan menghantarnya.`,
  }),
  'letter.removed': (p) => ({
    subject: `Surat awak kepada ${p.penpalName} tidak dihantar`,
    text:
      `${hi(p.displayName)}Penyelaras telah menyemak surat awak kepada ${p.penpalName} dan memadamnya: ` +
      `${p.penpalName} tidak akan melihatnya. Jangan tulis butiran hubungan dalam surat, dan sentiasa berbaik-baik antara satu sama lain.${END}`,
    title: 'Surat awak telah dipadam',
    body: `Penyelaras telah memadam surat awak kepada ${p.penpalName}; ia tidak dihantar.`,
  }),
  'penpal.partner_left': (p) => ({
    subject: `Padanan sahabat pena awak dalam ${p.roundName} telah tamat`,
    text: `${hi(p.displayName)}Padanan sahabat pena awak dalam ${p.roundName} telah tamat. Awak kembali ke giliran untuk padanan seterusnya.${END}`,
    title: 'Padanan sahabat pena awak telah tamat',
    body: 'Padanan ini telah tamat. Awak kembali ke giliran untuk padanan seterusnya.',
  }),
  'team.invitation': (p) => ({
    subject: `${p.inviterName} menjemput awak menyertai pasukan ${p.teamName} di Kenal`,
    text:
      `Hai,\n\n${p.inviterName} menjemput awak menyertai pasukan "${p.teamName}" untuk ${p.competitionTitle}. ` +
      `Log masuk ke Kenal dengan alamat e-mel ini dan buka pautan ini untuk menerima atau menolak ` +
      `(sah sehingga ${dateTime(p.expiresAt, L)}, sekali guna sahaja):\n${p.link}\n\n` +
      `Jika awak tidak mengenali orang ini, abaikan e-mel ini.${END}`,
    title: 'Jemputan pasukan',
    body: `${p.inviterName} menjemput awak menyertai "${p.teamName}" untuk ${p.competitionTitle}.`,
  }),
  'submission.received': (p) => ({
    subject: `Diterima: "${p.submissionTitle}" untuk ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Pasukan awak, ${p.teamName}, telah menghantar "${p.submissionTitle}" ke ${p.competitionTitle} ` +
      `pada ${p.submittedAt} (versi ${p.version}).\n\n` +
      `Awak masih boleh menyuntingnya sehingga ${dateTime(p.closesAt, L)}. Simpan e-mel ini sebagai resit.${END}`,
    title: 'Penyertaan diterima',
    body: `"${p.submissionTitle}" dihantar pada ${p.submittedAt} (versi ${p.version}).`,
  }),
  'submission.withdrawn': (p) => ({
    subject: `Ditarik balik: "${p.submissionTitle}" daripada ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}${p.actorName} telah menarik balik penyertaan pasukan awak "${p.submissionTitle}" daripada ` +
      `${p.competitionTitle} pada ${p.withdrawnAt}. Ia tidak akan dinilai.${END}`,
    title: 'Penyertaan ditarik balik',
    body: `${p.actorName} menarik balik "${p.submissionTitle}".`,
  }),
  'submission.extension_granted': (p) => ({
    subject: `Masa tambahan untuk "${p.submissionTitle}" dalam ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Penyelaras memberi pasukan awak masa sehingga ${p.until} untuk menyunting dan menghantar ` +
      `"${p.submissionTitle}" ke ${p.competitionTitle}.\n\nPenyertaan awak: ${p.link}${END}`,
    title: 'Lanjutan diberikan',
    body: `"${p.submissionTitle}" boleh disunting dan dihantar sehingga ${p.until}.`,
  }),
  'submission.deadline_reminder': (p) => ({
    subject: `Tinggal ${p.hoursBefore} jam lagi untuk menghantar ke ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Draf pasukan awak "${p.submissionTitle}" belum dihantar. ` +
      `${p.competitionTitle} ditutup pada ${dateTime(p.closesAt, L)}.\n\nHantar sebelum itu: ${p.link}${END}`,
    title: 'Tarikh tutup semakin hampir',
    body: `"${p.submissionTitle}" masih draf; penghantaran ditutup pada ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.added_to_pool': (p) => ({
    subject: `Anda hakim untuk ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Anda telah ditambah sebagai hakim ${p.competitionTitle}. ` +
      `Jika anda mengenali mana-mana peserta (institusi yang sama, keluarga, pasukan yang pernah anda bantu), isytiharkan konflik kepentingan ` +
      `di Kenal sebelum tugasan dibuat: ${p.link}${END}`,
    title: 'Anda seorang hakim',
    body: `Anda menilai ${p.competitionTitle}. Isytiharkan konflik kepentingan sebelum tugasan dibuat.`,
  }),
  'judging.removed_from_pool': (p) => ({
    subject: `Anda bukan lagi hakim untuk ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Penyelaras telah mengeluarkan anda daripada senarai hakim ${p.competitionTitle}. ` +
      `Penyertaan yang belum anda nilai akan diberikan kepada hakim lain; markah muktamad anda kekal. Terima kasih atas bantuan anda.${END}`,
    title: 'Anda bukan lagi hakim',
    body: `Anda tidak lagi menilai ${p.competitionTitle}. Markah muktamad anda kekal.`,
  }),
  'judging.assignments_ready': (p) => ({
    subject: `${p.count} penyertaan untuk dinilai dalam ${p.roundName}`,
    text:
      `${hi(p.displayName)}Anda ada ${p.count} penyertaan baharu untuk dinilai dalam ${p.roundName} bagi ${p.competitionTitle}. ` +
      `Markah perlu dihantar sebelum ${dateTime(p.closesAt, L)}.\n\nBuka tugasan anda: ${p.link}${END}`,
    title: 'Penyertaan untuk dinilai',
    body: `${p.count} penyertaan baharu dalam ${p.roundName}, tarikh akhir ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.recused': (p) => {
    const outcome = p.replaced
      ? 'Hakim lain tanpa konflik kepentingan telah mengambil alih penyertaan ini.'
      : 'Tiada hakim lain tanpa konflik kepentingan yang lapang: tugaskan seorang secara manual.';
    return {
      subject: `Seorang hakim menarik diri dalam ${p.roundName}`,
      text:
        `${hi(p.displayName)}Seorang hakim menarik diri daripada menilai "${p.submissionTitle}" dalam ` +
        `${p.roundName} bagi ${p.competitionTitle}, dengan alasan: ${p.reason}\n\n${outcome}${END}`,
      title: 'Seorang hakim menarik diri',
      body: `"${p.submissionTitle}" dalam ${p.roundName}: ${outcome}`,
    };
  },
  'judging.reminder': (p) => ({
    subject: `${p.unfinished} markah masih belum selesai dalam ${p.roundName}`,
    text:
      `${hi(p.displayName)}${p.unfinished} penyertaan anda dalam ${p.roundName} bagi ${p.competitionTitle} belum ada markah muktamad. ` +
      `Pusingan ini ditutup pada ${dateTime(p.closesAt, L)}.\n\nSelesaikan di sini: ${p.link}${END}`,
    title: 'Markah belum selesai',
    body: `${p.unfinished} penyertaan dalam ${p.roundName} perlukan markah muktamad sebelum ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.results_published': (p) => {
    const outcome = p.award
      ? `Karya pasukan awak "${p.submissionTitle}" memenangi ${awardName(p.award, L)}. Tahniah!`
      : `Karya pasukan awak "${p.submissionTitle}" tidak memenangi anugerah kali ini. Terima kasih kerana menyertai.`;
    return {
      subject: `Keputusan ${p.competitionTitle}`,
      text: `${hi(p.displayName)}Keputusan ${p.competitionTitle} telah diumumkan. ${outcome}\n\nLihat semua keputusan: ${p.link}${END}`,
      title: 'Keputusan diumumkan',
      body: `${p.competitionTitle}: ${outcome}`,
    };
  },
  ...MENTORING.ms,
};
