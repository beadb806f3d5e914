import { dateTime } from '../../common/i18n/locales';
import { awardName, contactKinds, penpalList, roleNames } from './labels';
import { MENTORING } from './mentoring';
import type { LocaleTemplates } from './types';

const L = 'id';
const hi = (name: unknown) => `Halo ${name},\n\n`;
const END = '\n\n— Tim Kenal';

/** Indonesian: "kamu" for young people, "Bapak/Ibu" for a guardian. */
export const id: LocaleTemplates = {
  'guardian.consent_requested': (p) => ({
    subject: `Mohon konfirmasi agar ${p.participantName} boleh ikut Kenal`,
    text:
      `Yth. Bapak/Ibu ${p.guardianName},\n\n` +
      `${p.participantName} mendaftar di Kenal, program pertukaran pemuda ASEAN–Korea, dan menyebut Bapak/Ibu ` +
      `sebagai orang tua atau wali. Karena usianya di bawah 18 tahun, ia baru bisa mendapat sahabat pena atau ikut ` +
      `lomba setelah Bapak/Ibu setuju.\n\nUntuk memberi persetujuan, buka tautan ini (berlaku sampai ${dateTime(p.expiresAt, L)}):\n` +
      `${p.link}\n\nJika Bapak/Ibu tidak mengenal orang ini, abaikan email ini dan tidak akan terjadi apa-apa.${END}`,
    title: 'Persetujuan wali diminta',
    body: `Kami sudah mengirim email ke ${p.guardianName} untuk meminta izin agar kamu boleh ikut.`,
  }),
  'guardian.consent_confirmed': (p) => ({
    subject: 'Walimu sudah setuju: kamu bisa ikut Kenal',
    text: `${hi(p.participantName)}${p.guardianName} sudah setuju kamu ikut Kenal. Sekarang kamu bisa mendaftar di putaran sahabat pena dan lomba.${END}`,
    title: 'Persetujuan wali diterima',
    body: `${p.guardianName} sudah setuju kamu ikut.`,
  }),
  'guardian.consent_receipt': (p) => ({
    subject: `Bapak/Ibu sudah menyetujui ${p.participantName} ikut Kenal`,
    text:
      `Yth. Bapak/Ibu ${p.guardianName},\n\nTerima kasih: Bapak/Ibu sudah menyetujui ${p.participantName} ikut Kenal, ` +
      `yaitu berkirim surat dengan sahabat pena dan ikut lomba pemuda.\n\nBapak/Ibu bisa menarik persetujuan kapan saja lewat tautan ini. ` +
      `Setelah itu, pasangan sahabat penanya berakhir dan ia tidak bisa ikut sampai ada wali yang setuju lagi:\n${p.link}\n\n` +
      `Simpan email ini.${END}`,
    title: 'Persetujuan wali diterima',
    body: `Anda sudah menyetujui ${p.participantName} ikut.`,
  }),
  'guardian.consent_withdrawn': (p) => ({
    subject: 'Walimu menarik persetujuannya',
    text:
      `${hi(p.participantName)}${p.guardianName} menarik persetujuan untukmu ikut Kenal. ` +
      `Kamu sudah keluar dari putaran sahabat pena, pasangan sahabat penamu berakhir, dan karya timmu tidak bisa diubah sampai ada wali yang setuju lagi. ` +
      `Kamu bisa meminta izin lagi dari profilmu.${END}`,
    title: 'Persetujuan wali ditarik',
    body: `${p.guardianName} menarik persetujuannya. Minta izin wali lagi supaya bisa ikut.`,
  }),
  'staff.invited': (p) => ({
    subject: 'Kamu punya akun staf Kenal: atur kata sandimu',
    text:
      `${hi(p.displayName)}Seorang administrator membuat akun Kenal untukmu dengan peran ${roleNames(p.roles, L)}. ` +
      `Atur kata sandimu lewat tautan ini (berlaku sampai ${dateTime(p.expiresAt, L)}, hanya sekali pakai):\n${p.link}${END}`,
    title: 'Selamat datang di Kenal',
    body: `Akun stafmu (${roleNames(p.roles, L)}) sudah siap. Cek email untuk mengatur kata sandi.`,
  }),
  'auth.verify_email': (p) => ({
    subject: 'Konfirmasi alamat emailmu untuk Kenal',
    text:
      `${hi(p.displayName)}Tolong konfirmasi bahwa alamat ini milikmu, supaya kamu bisa mendaftar, bergabung dengan tim ` +
      `dan mengirim karya di Kenal. Buka tautan ini (berlaku sampai ${dateTime(p.expiresAt, L)}, hanya sekali pakai):\n${p.link}\n\n` +
      `Kalau kamu tidak mendaftar di Kenal, abaikan email ini.${END}`,
    title: 'Konfirmasi alamat emailmu',
    body: 'Kami mengirim tautan ke emailmu untuk mengonfirmasi alamatmu.',
  }),
  'staff.roles_offered': (p) => ({
    subject: 'Kamu diundang menjadi staf Kenal',
    text:
      `${hi(p.displayName)}Seorang administrator mengundang akun Kenal-mu ke peran ${roleNames(p.roles, L)}. ` +
      `Tidak ada yang berubah kecuali kamu menerimanya: masuk ke Kenal dengan akun ini lalu terima lewat tautan ini ` +
      `(berlaku sampai ${dateTime(p.expiresAt, L)}, hanya sekali pakai):\n${p.link}\n\n` +
      `Kalau kamu tidak merasa menunggu ini, abaikan email ini.${END}`,
    title: 'Undangan peran staf',
    body: `Seorang administrator mengundangmu ke peran ${roleNames(p.roles, L)}. Cek email untuk menerimanya.`,
  }),
  'auth.password_reset': (p) => ({
    subject: 'Atur ulang kata sandi Kenal-mu',
    text:
      `${hi(p.displayName)}Ada yang meminta untuk mengatur ulang kata sandi Kenal-mu (semoga itu kamu). ` +
      `Buka tautan ini untuk membuat kata sandi baru (berlaku sampai ${dateTime(p.expiresAt, L)}, hanya sekali pakai):\n${p.link}\n\n` +
      `Kalau kamu tidak memintanya, abaikan email ini: kata sandimu tetap sama.${END}`,
    title: 'Permintaan atur ulang kata sandi',
    body: 'Kami mengirim tautan ke emailmu untuk mengatur ulang kata sandi.',
  }),
  'penpal.matched': (p) => ({
    subject: `Kamu dapat sahabat pena di ${p.roundName}`,
    text:
      `${hi(p.displayName)}Kabar baik: kami menemukan sahabat pena untukmu di ${p.roundName}: ${penpalList(p.penpals, L)}. ` +
      `Buka Kenal untuk melihat kesamaan kalian, lalu terima untuk mulai berkirim surat.${END}`,
    title: 'Kamu dapat sahabat pena',
    body: `Kenalan dengan ${penpalList(p.penpals, L)} dan terima untuk mulai berkirim surat.`,
  }),
  'penpal.unmatched': (p) => ({
    subject: `Belum ada sahabat pena di ${p.roundName}: kamu tetap dalam antrean`,
    text:
      `${hi(p.displayName)}Kali ini kami belum menemukan sahabat pena yang cocok untukmu di ${p.roundName}. ` +
      `Kamu tetap dalam antrean: pencocokan berikutnya akan mencoba lagi.${END}`,
    title: 'Kamu tetap dalam antrean',
    body: `Belum ada sahabat pena di ${p.roundName}; pencocokan berikutnya akan mencoba lagi.`,
  }),
  'penpal.connected': (p) => ({
    subject: `Kamu dan ${p.penpalName} bisa mulai berkirim surat`,
    text: `${hi(p.displayName)}Kamu dan ${p.penpalName} sama-sama bilang ya. Sapa dia di Kenal!${END}`,
    title: 'Kamu bisa mulai menulis',
    body: `Kamu dan ${p.penpalName} sama-sama menerima. Ayo sapa!`,
  }),
  'penpal.declined': (p) => ({
    subject: `Pasangan sahabat penamu di ${p.roundName} tidak jadi`,
    text:
      `${hi(p.displayName)}Calon sahabat penamu di ${p.roundName} tidak bisa ikut kali ini. ` +
      `Kamu kembali ke antrean dan pencocokan berikutnya akan mencarikan teman baru untukmu.${END}`,
    title: 'Pasanganmu tidak jadi',
    body: 'Kamu kembali ke antrean untuk pencocokan berikutnya.',
  }),
  'penpal.cancelled': (p) => ({
    subject: `Pasangan sahabat penamu di ${p.roundName} telah diakhiri`,
    text:
      `${hi(p.displayName)}Koordinator ${p.roundName} telah mengakhiri pasangan sahabat penamu. ` +
      `Kamu kembali ke antrean untuk pencocokan berikutnya. Kalau ada pertanyaan, hubungi koordinator programmu.${END}`,
    title: 'Pasangan sahabat penamu diakhiri',
    body: 'Koordinator mengakhiri pasangan ini. Kamu kembali ke antrean untuk pencocokan berikutnya.',
  }),
  'penpal.ended': (p) => ({
    subject: `Pasangan sahabat penamu di ${p.roundName} sudah berakhir`,
    text:
      `${hi(p.displayName)}${p.penpalName} mengakhiri pasangan sahabat pena kalian di ${p.roundName}. ` +
      `Kalian tidak bisa saling mengirim surat lagi dan tidak akan dipasangkan lagi. ` +
      `Surat-surat yang sudah kalian tukar tetap bisa kamu baca di Kenal.${END}`,
    title: 'Pasangan sahabat penamu berakhir',
    body: `${p.penpalName} mengakhiri pasangan ini. Kalian tidak bisa saling mengirim surat lagi.`,
  }),
  'letter.delivered': (p) => ({
    subject: `Surat dari ${p.penpalName} sudah sampai`,
    text:
      `${hi(p.displayName)}${p.penpalName} menulis surat untukmu. Baca dan balas di Kenal:\n${p.link}\n\n` +
      `(Kami mengirim email paling banyak sekali dalam beberapa jam untuk surat baru dari satu sahabat pena.)${END}`,
    title: 'Surat baru',
    body: `${p.penpalName} menulis surat untukmu.`,
  }),
  'letter.held': (p) => ({
    subject: `Suratmu untuk ${p.penpalName} sedang menunggu diperiksa`,
    text:
      `${hi(p.displayName)}Suratmu untuk ${p.penpalName} sepertinya berisi ${contactKinds(p.kinds, L)}. ` +
      `Supaya semua tetap aman, surat yang berisi info kontak tetap di Kenal sampai diperiksa koordinator. ` +
      `Kami akan memberi kabar saat surat itu dikirim atau dihapus.${END}`,
    title: 'Suratmu menunggu diperiksa',
    body: `Sepertinya berisi ${contactKinds(p.kinds, L)}; koordinator akan memeriksanya.`,
  }),
  'letter.released': (p) => ({
    subject: `Suratmu untuk ${p.penpalName} sedang dikirim`,
    text: `${hi(p.displayName)}Koordinator sudah memeriksa suratmu untuk ${p.penpalName} dan meneruskannya.${END}`,
    title: 'Suratmu sudah dikirim',
    body: `Koordinator memeriksa suratmu untuk ${p.penpalName} dan meneruskannya.`,
  }),
  'letter.removed': (p) => ({
    subject: `Suratmu untuk ${p.penpalName} tidak dikirim`,
    text:
      `${hi(p.displayName)}Koordinator sudah memeriksa suratmu untuk ${p.penpalName} dan menghapusnya: ` +
      `${p.penpalName} tidak akan melihatnya. Jangan tulis info kontak di surat, dan tetap saling baik ya.${END}`,
    title: 'Suratmu dihapus',
    body: `Koordinator menghapus suratmu untuk ${p.penpalName}; surat itu tidak dikirim.`,
  }),
  'penpal.partner_left': (p) => ({
    subject: `Pasangan sahabat penamu di ${p.roundName} sudah berakhir`,
    text: `${hi(p.displayName)}Pasangan sahabat penamu di ${p.roundName} sudah berakhir. Kamu kembali ke antrean untuk pencocokan berikutnya.${END}`,
    title: 'Pasangan sahabat penamu berakhir',
    body: 'Pasangan ini sudah berakhir. Kamu kembali ke antrean untuk pencocokan berikutnya.',
  }),
  'team.invitation': (p) => ({
    subject: `${p.inviterName} mengajakmu bergabung dengan tim ${p.teamName} di Kenal`,
    text:
      `Halo,\n\n${p.inviterName} mengajakmu bergabung dengan tim "${p.teamName}" untuk ${p.competitionTitle}. ` +
      `Masuk ke Kenal dengan alamat email ini dan buka tautan ini untuk menerima atau menolak ` +
      `(berlaku sampai ${dateTime(p.expiresAt, L)}, hanya sekali pakai):\n${p.link}\n\n` +
      `Kalau kamu tidak mengenal orang ini, abaikan email ini.${END}`,
    title: 'Undangan tim',
    body: `${p.inviterName} mengajakmu bergabung dengan "${p.teamName}" untuk ${p.competitionTitle}.`,
  }),
  'submission.received': (p) => ({
    subject: `Diterima: "${p.submissionTitle}" untuk ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Timmu ${p.teamName} mengirim "${p.submissionTitle}" ke ${p.competitionTitle} ` +
      `pada ${p.submittedAt} (versi ${p.version}).\n\n` +
      `Kamu masih bisa mengubahnya sampai ${dateTime(p.closesAt, L)}. Simpan email ini sebagai tanda terima.${END}`,
    title: 'Karya diterima',
    body: `"${p.submissionTitle}" dikirim pada ${p.submittedAt} (versi ${p.version}).`,
  }),
  'submission.withdrawn': (p) => ({
    subject: `Ditarik: "${p.submissionTitle}" dari ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}${p.actorName} menarik karya timmu "${p.submissionTitle}" dari ${p.competitionTitle} ` +
      `pada ${p.withdrawnAt}. Karya ini tidak akan dinilai.${END}`,
    title: 'Karya ditarik',
    body: `${p.actorName} menarik "${p.submissionTitle}".`,
  }),
  'submission.extension_granted': (p) => ({
    subject: `Tambahan waktu untuk "${p.submissionTitle}" di ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Koordinator memberi timmu waktu sampai ${p.until} untuk mengubah dan mengirim ` +
      `"${p.submissionTitle}" ke ${p.competitionTitle}.\n\nKaryamu: ${p.link}${END}`,
    title: 'Perpanjangan diberikan',
    body: `"${p.submissionTitle}" bisa diubah dan dikirim sampai ${p.until}.`,
  }),
  'submission.deadline_reminder': (p) => ({
    subject: `Tinggal ${p.hoursBefore} jam lagi untuk mengirim ke ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Draf timmu "${p.submissionTitle}" belum dikirim. ` +
      `${p.competitionTitle} ditutup pada ${dateTime(p.closesAt, L)}.\n\nKirim sebelum itu: ${p.link}${END}`,
    title: 'Tenggat sudah dekat',
    body: `"${p.submissionTitle}" masih berupa draf; pengiriman ditutup pada ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.added_to_pool': (p) => ({
    subject: `Anda menjadi juri untuk ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Anda ditambahkan sebagai juri ${p.competitionTitle}. ` +
      `Jika Anda mengenal peserta (institusi yang sama, keluarga, tim yang pernah Anda bantu), laporkan konflik kepentingan ` +
      `di Kenal sebelum pembagian karya: ${p.link}${END}`,
    title: 'Anda menjadi juri',
    body: `Anda menilai ${p.competitionTitle}. Laporkan konflik kepentingan sebelum pembagian karya.`,
  }),
  'judging.removed_from_pool': (p) => ({
    subject: `Anda tidak lagi menjadi juri ${p.competitionTitle}`,
    text:
      `${hi(p.displayName)}Koordinator mengeluarkan Anda dari daftar juri ${p.competitionTitle}. ` +
      `Karya yang belum Anda nilai dialihkan ke juri lain; nilai final Anda tetap berlaku. Terima kasih atas bantuan Anda.${END}`,
    title: 'Anda tidak lagi menjadi juri',
    body: `Anda tidak lagi menilai ${p.competitionTitle}. Nilai final Anda tetap berlaku.`,
  }),
  'judging.assignments_ready': (p) => ({
    subject: `${p.count} karya untuk dinilai di ${p.roundName}`,
    text:
      `${hi(p.displayName)}Ada ${p.count} karya baru untuk Anda nilai di ${p.roundName} pada ${p.competitionTitle}. ` +
      `Nilai harus masuk paling lambat ${dateTime(p.closesAt, L)}.\n\nBuka tugas Anda: ${p.link}${END}`,
    title: 'Karya untuk dinilai',
    body: `${p.count} karya baru di ${p.roundName}, tenggat ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.recused': (p) => {
    const outcome = p.replaced
      ? 'Juri lain tanpa konflik kepentingan sudah mengambil alih karya ini.'
      : 'Tidak ada juri lain tanpa konflik kepentingan yang tersedia: tugaskan satu secara manual.';
    return {
      subject: `Seorang juri mengundurkan diri di ${p.roundName}`,
      text:
        `${hi(p.displayName)}Seorang juri mengundurkan diri dari penilaian "${p.submissionTitle}" di ` +
        `${p.roundName} pada ${p.competitionTitle}, dengan alasan: ${p.reason}\n\n${outcome}${END}`,
      title: 'Seorang juri mengundurkan diri',
      body: `"${p.submissionTitle}" di ${p.roundName}: ${outcome}`,
    };
  },
  'judging.reminder': (p) => ({
    subject: `${p.unfinished} nilai masih terbuka di ${p.roundName}`,
    text:
      `${hi(p.displayName)}${p.unfinished} karya Anda di ${p.roundName} pada ${p.competitionTitle} belum punya nilai final. ` +
      `Babak ini ditutup pada ${dateTime(p.closesAt, L)}.\n\nSelesaikan di sini: ${p.link}${END}`,
    title: 'Nilai masih terbuka',
    body: `${p.unfinished} karya di ${p.roundName} perlu nilai final sebelum ${dateTime(p.closesAt, L)}.`,
  }),
  'judging.results_published': (p) => {
    const outcome = p.award
      ? `Karyamu "${p.submissionTitle}" meraih ${awardName(p.award, L)}. Selamat!`
      : `Karyamu "${p.submissionTitle}" belum mendapat penghargaan kali ini. Terima kasih sudah ikut.`;
    return {
      subject: `Hasil ${p.competitionTitle}`,
      text: `${hi(p.displayName)}Hasil ${p.competitionTitle} sudah diumumkan. ${outcome}\n\nLihat semua hasil: ${p.link}${END}`,
      title: 'Hasil diumumkan',
      body: `${p.competitionTitle}: ${outcome}`,
    };
  },
  ...MENTORING.id,
};
