import type { Locale } from '../../common/i18n/locales';
import { peopleList, sectorName } from './labels';
import type { NotificationPayloads, Rendered } from './types';

type MentoringType =
  'mentoring.introduced_mentor' | 'mentoring.introduced_team' | 'mentoring.silent';
type MentoringTemplates = {
  [K in MentoringType]: (p: NotificationPayloads[K], locale: Locale) => Rendered;
};

const s = (v: unknown) => String(v ?? '');

/**
 * Mentoring's notifications in all 11 languages, in one place: each language file spreads its
 * part. An introduction says who the others are and what to do first; no contact details travel.
 */
export const MENTORING: Record<Locale, MentoringTemplates> = {
  en: {
    'mentoring.introduced_mentor': (p) => ({
      subject: `Meet your mentoring team: ${s(p.teamName)}`,
      text:
        `Hello ${s(p.displayName)},\n\nThank you for mentoring in ${s(p.roundName)} (${s(p.competitionTitle)}). ` +
        `You are paired with the team ${s(p.teamName)} and their project "${s(p.projectTitle)}".\n` +
        `The team: ${peopleList(p.members, 'en')}.\n\n` +
        `What to do first: read their project on Kenal, then agree a first online meeting with the team within two weeks, through your coordinator. ` +
        `Afterwards, record it as a check-in with what you discussed and the next steps:\n${s(p.link)}\n\n— The Kenal team`,
      title: 'You have a mentoring team',
      body: `${s(p.teamName)}: "${s(p.projectTitle)}". Plan a first meeting within two weeks and record it as a check-in.`,
    }),
    'mentoring.introduced_team': (p) => ({
      subject: `Meet your mentor: ${s(p.mentorName)}`,
      text:
        `Hello ${s(p.displayName)},\n\nYour project "${s(p.projectTitle)}" has a mentor in ${s(p.roundName)} (${s(p.competitionTitle)}): ` +
        `${s(p.mentorName)}, from ${s(p.organisation)} (${sectorName(s(p.sector), 'en')}).\n\n` +
        `What to do first: with your team, write down two or three questions you want help with, and agree a first online meeting with your mentor within two weeks, through your coordinator. ` +
        `Afterwards, record it as a check-in:\n${s(p.link)}\n\n— The Kenal team`,
      title: 'You have a mentor',
      body: `${s(p.mentorName)} (${s(p.organisation)}) will mentor "${s(p.projectTitle)}". Prepare your questions and plan a first meeting.`,
    }),
    'mentoring.silent': (p) => ({
      subject: `${s(p.days)} days since your last mentoring check-in`,
      text:
        `Hello ${s(p.displayName)},\n\nNothing has been recorded for your mentorship with ${s(p.otherName)} in ${s(p.roundName)} for ${s(p.days)} days. ` +
        `If you have met, record a check-in; if not, plan your next meeting now:\n${s(p.link)}\n\n— The Kenal team`,
      title: 'Time for a mentoring check-in',
      body: `No check-in with ${s(p.otherName)} for ${s(p.days)} days. Plan your next meeting.`,
    }),
  },
  ko: {
    'mentoring.introduced_mentor': (p) => ({
      subject: `멘토링 팀을 소개합니다: ${s(p.teamName)}`,
      text:
        `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.roundName)}(${s(p.competitionTitle)})에서 멘토를 맡아 주셔서 감사합니다. ` +
        `${s(p.teamName)} 팀과 프로젝트 "${s(p.projectTitle)}"의 멘토가 되셨습니다.\n` +
        `팀원: ${peopleList(p.members, 'ko')}\n\n` +
        `먼저 할 일: Kenal에서 프로젝트를 읽어 보시고, 코디네이터를 통해 2주 안에 팀과 첫 온라인 만남을 정하세요. ` +
        `만난 뒤에는 나눈 이야기와 다음 단계를 체크인으로 기록해 주세요:\n${s(p.link)}\n\n— Kenal 팀`,
      title: '멘토링 팀이 정해졌습니다',
      body: `${s(p.teamName)}: "${s(p.projectTitle)}". 2주 안에 첫 만남을 정하고 체크인으로 기록하세요.`,
    }),
    'mentoring.introduced_team': (p) => ({
      subject: `멘토를 소개합니다: ${s(p.mentorName)}`,
      text:
        `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.roundName)}(${s(p.competitionTitle)})에서 프로젝트 "${s(p.projectTitle)}"의 멘토가 정해졌습니다: ` +
        `${s(p.organisation)}(${sectorName(s(p.sector), 'ko')})의 ${s(p.mentorName)} 님입니다.\n\n` +
        `먼저 할 일: 팀원들과 도움받고 싶은 질문 두세 가지를 적고, 코디네이터를 통해 2주 안에 멘토와 첫 온라인 만남을 정하세요. ` +
        `만난 뒤에는 체크인으로 기록해 주세요:\n${s(p.link)}\n\n— Kenal 팀`,
      title: '멘토가 정해졌습니다',
      body: `${s(p.mentorName)}(${s(p.organisation)}) 님이 "${s(p.projectTitle)}"을(를) 멘토링합니다. 질문을 준비하고 첫 만남을 정하세요.`,
    }),
    'mentoring.silent': (p) => ({
      subject: `마지막 멘토링 체크인 후 ${s(p.days)}일이 지났습니다`,
      text:
        `${s(p.displayName)} 님, 안녕하세요.\n\n${s(p.roundName)}에서 ${s(p.otherName)}와(과)의 멘토링에 ${s(p.days)}일 동안 기록이 없습니다. ` +
        `만났다면 체크인을 기록하고, 아직이라면 지금 다음 만남을 정하세요:\n${s(p.link)}\n\n— Kenal 팀`,
      title: '멘토링 체크인할 때입니다',
      body: `${s(p.otherName)}와(과) ${s(p.days)}일 동안 체크인이 없습니다. 다음 만남을 정하세요.`,
    }),
  },
  id: {
    'mentoring.introduced_mentor': (p) => ({
      subject: `Kenali tim bimbingan Anda: ${s(p.teamName)}`,
      text:
        `Halo ${s(p.displayName)},\n\nTerima kasih telah menjadi mentor di ${s(p.roundName)} (${s(p.competitionTitle)}). ` +
        `Anda dipasangkan dengan tim ${s(p.teamName)} dan proyek mereka "${s(p.projectTitle)}".\n` +
        `Anggota tim: ${peopleList(p.members, 'id')}.\n\n` +
        `Langkah pertama: baca proyek mereka di Kenal, lalu sepakati pertemuan daring pertama dengan tim dalam dua minggu melalui koordinator Anda. ` +
        `Setelah itu, catat sebagai check-in berisi apa yang dibahas dan langkah berikutnya:\n${s(p.link)}\n\n— Tim Kenal`,
      title: 'Anda mendapat tim bimbingan',
      body: `${s(p.teamName)}: "${s(p.projectTitle)}". Rencanakan pertemuan pertama dalam dua minggu dan catat sebagai check-in.`,
    }),
    'mentoring.introduced_team': (p) => ({
      subject: `Kenali mentor Anda: ${s(p.mentorName)}`,
      text:
        `Halo ${s(p.displayName)},\n\nProyek Anda "${s(p.projectTitle)}" mendapat mentor di ${s(p.roundName)} (${s(p.competitionTitle)}): ` +
        `${s(p.mentorName)} dari ${s(p.organisation)} (${sectorName(s(p.sector), 'id')}).\n\n` +
        `Langkah pertama: bersama tim, tuliskan dua atau tiga pertanyaan yang ingin dibantu, lalu sepakati pertemuan daring pertama dengan mentor dalam dua minggu melalui koordinator. ` +
        `Setelah itu, catat sebagai check-in:\n${s(p.link)}\n\n— Tim Kenal`,
      title: 'Anda mendapat mentor',
      body: `${s(p.mentorName)} (${s(p.organisation)}) akan membimbing "${s(p.projectTitle)}". Siapkan pertanyaan dan rencanakan pertemuan pertama.`,
    }),
    'mentoring.silent': (p) => ({
      subject: `Sudah ${s(p.days)} hari sejak check-in bimbingan terakhir`,
      text:
        `Halo ${s(p.displayName)},\n\nBelum ada catatan untuk bimbingan Anda bersama ${s(p.otherName)} di ${s(p.roundName)} selama ${s(p.days)} hari. ` +
        `Jika sudah bertemu, catat check-in; jika belum, rencanakan pertemuan berikutnya sekarang:\n${s(p.link)}\n\n— Tim Kenal`,
      title: 'Saatnya check-in bimbingan',
      body: `Tidak ada check-in dengan ${s(p.otherName)} selama ${s(p.days)} hari. Rencanakan pertemuan berikutnya.`,
    }),
  },
  ms: {
    'mentoring.introduced_mentor': (p) => ({
      subject: `Kenali pasukan bimbingan anda: ${s(p.teamName)}`,
      text:
        `Helo ${s(p.displayName)},\n\nTerima kasih kerana menjadi mentor dalam ${s(p.roundName)} (${s(p.competitionTitle)}). ` +
        `Anda dipadankan dengan pasukan ${s(p.teamName)} dan projek mereka "${s(p.projectTitle)}".\n` +
        `Ahli pasukan: ${peopleList(p.members, 'ms')}.\n\n` +
        `Langkah pertama: baca projek mereka di Kenal, kemudian persetujui pertemuan dalam talian pertama dengan pasukan dalam tempoh dua minggu melalui penyelaras anda. ` +
        `Selepas itu, rekodkannya sebagai daftar masuk dengan perkara yang dibincangkan dan langkah seterusnya:\n${s(p.link)}\n\n— Pasukan Kenal`,
      title: 'Anda mempunyai pasukan bimbingan',
      body: `${s(p.teamName)}: "${s(p.projectTitle)}". Rancang pertemuan pertama dalam dua minggu dan rekodkan sebagai daftar masuk.`,
    }),
    'mentoring.introduced_team': (p) => ({
      subject: `Kenali mentor anda: ${s(p.mentorName)}`,
      text:
        `Helo ${s(p.displayName)},\n\nProjek anda "${s(p.projectTitle)}" mempunyai mentor dalam ${s(p.roundName)} (${s(p.competitionTitle)}): ` +
        `${s(p.mentorName)} dari ${s(p.organisation)} (${sectorName(s(p.sector), 'ms')}).\n\n` +
        `Langkah pertama: bersama pasukan, tulis dua atau tiga soalan yang anda mahu dibantu, dan persetujui pertemuan dalam talian pertama dengan mentor dalam tempoh dua minggu melalui penyelaras. ` +
        `Selepas itu, rekodkannya sebagai daftar masuk:\n${s(p.link)}\n\n— Pasukan Kenal`,
      title: 'Anda mempunyai mentor',
      body: `${s(p.mentorName)} (${s(p.organisation)}) akan membimbing "${s(p.projectTitle)}". Sediakan soalan dan rancang pertemuan pertama.`,
    }),
    'mentoring.silent': (p) => ({
      subject: `${s(p.days)} hari sejak daftar masuk bimbingan terakhir`,
      text:
        `Helo ${s(p.displayName)},\n\nTiada apa-apa direkodkan untuk bimbingan anda bersama ${s(p.otherName)} dalam ${s(p.roundName)} selama ${s(p.days)} hari. ` +
        `Jika sudah bertemu, rekodkan daftar masuk; jika belum, rancang pertemuan seterusnya sekarang:\n${s(p.link)}\n\n— Pasukan Kenal`,
      title: 'Masa untuk daftar masuk bimbingan',
      body: `Tiada daftar masuk dengan ${s(p.otherName)} selama ${s(p.days)} hari. Rancang pertemuan seterusnya.`,
    }),
  },
  th: {
    'mentoring.introduced_mentor': (p) => ({
      subject: `ทำความรู้จักทีมที่คุณดูแล: ${s(p.teamName)}`,
      text:
        `สวัสดี ${s(p.displayName)}\n\nขอบคุณที่มาเป็นพี่เลี้ยงใน ${s(p.roundName)} (${s(p.competitionTitle)}) ` +
        `คุณได้จับคู่กับทีม ${s(p.teamName)} และโครงการ "${s(p.projectTitle)}"\n` +
        `สมาชิกทีม: ${peopleList(p.members, 'th')}\n\n` +
        `สิ่งที่ต้องทำก่อน: อ่านโครงการของทีมใน Kenal แล้วนัดประชุมออนไลน์ครั้งแรกกับทีมภายในสองสัปดาห์ผ่านผู้ประสานงานของคุณ ` +
        `หลังจากนั้นบันทึกเป็นการเช็กอิน พร้อมสิ่งที่คุยกันและขั้นตอนถัดไป:\n${s(p.link)}\n\n— ทีม Kenal`,
      title: 'คุณมีทีมที่ต้องดูแลแล้ว',
      body: `${s(p.teamName)}: "${s(p.projectTitle)}" นัดพบครั้งแรกภายในสองสัปดาห์และบันทึกเป็นการเช็กอิน`,
    }),
    'mentoring.introduced_team': (p) => ({
      subject: `ทำความรู้จักพี่เลี้ยงของคุณ: ${s(p.mentorName)}`,
      text:
        `สวัสดี ${s(p.displayName)}\n\nโครงการ "${s(p.projectTitle)}" ของคุณมีพี่เลี้ยงใน ${s(p.roundName)} (${s(p.competitionTitle)}) แล้ว: ` +
        `${s(p.mentorName)} จาก ${s(p.organisation)} (${sectorName(s(p.sector), 'th')})\n\n` +
        `สิ่งที่ต้องทำก่อน: เขียนคำถามสองสามข้อที่ทีมอยากได้ความช่วยเหลือ แล้วนัดประชุมออนไลน์ครั้งแรกกับพี่เลี้ยงภายในสองสัปดาห์ผ่านผู้ประสานงาน ` +
        `หลังจากนั้นบันทึกเป็นการเช็กอิน:\n${s(p.link)}\n\n— ทีม Kenal`,
      title: 'คุณมีพี่เลี้ยงแล้ว',
      body: `${s(p.mentorName)} (${s(p.organisation)}) จะเป็นพี่เลี้ยงให้ "${s(p.projectTitle)}" เตรียมคำถามและนัดพบครั้งแรก`,
    }),
    'mentoring.silent': (p) => ({
      subject: `ผ่านไป ${s(p.days)} วันแล้วตั้งแต่การเช็กอินครั้งล่าสุด`,
      text:
        `สวัสดี ${s(p.displayName)}\n\nการดูแลร่วมกับ ${s(p.otherName)} ใน ${s(p.roundName)} ไม่มีการบันทึกมา ${s(p.days)} วันแล้ว ` +
        `ถ้าได้พบกันแล้ว ให้บันทึกการเช็กอิน ถ้ายัง ให้นัดพบครั้งถัดไปตอนนี้:\n${s(p.link)}\n\n— ทีม Kenal`,
      title: 'ถึงเวลาเช็กอินแล้ว',
      body: `ไม่มีการเช็กอินกับ ${s(p.otherName)} มา ${s(p.days)} วัน นัดพบครั้งถัดไปเลย`,
    }),
  },
  vi: {
    'mentoring.introduced_mentor': (p) => ({
      subject: `Làm quen với nhóm bạn cố vấn: ${s(p.teamName)}`,
      text:
        `Xin chào ${s(p.displayName)},\n\nCảm ơn bạn đã làm cố vấn trong ${s(p.roundName)} (${s(p.competitionTitle)}). ` +
        `Bạn được ghép với nhóm ${s(p.teamName)} và dự án "${s(p.projectTitle)}".\n` +
        `Thành viên nhóm: ${peopleList(p.members, 'vi')}.\n\n` +
        `Việc cần làm trước: đọc dự án của nhóm trên Kenal, rồi thống nhất buổi gặp trực tuyến đầu tiên với nhóm trong vòng hai tuần qua điều phối viên. ` +
        `Sau đó, ghi lại thành một lần check-in với nội dung đã trao đổi và các bước tiếp theo:\n${s(p.link)}\n\n— Đội ngũ Kenal`,
      title: 'Bạn có một nhóm để cố vấn',
      body: `${s(p.teamName)}: "${s(p.projectTitle)}". Hãy hẹn buổi gặp đầu tiên trong hai tuần và ghi lại bằng check-in.`,
    }),
    'mentoring.introduced_team': (p) => ({
      subject: `Làm quen với cố vấn của bạn: ${s(p.mentorName)}`,
      text:
        `Xin chào ${s(p.displayName)},\n\nDự án "${s(p.projectTitle)}" của bạn đã có cố vấn trong ${s(p.roundName)} (${s(p.competitionTitle)}): ` +
        `${s(p.mentorName)}, đến từ ${s(p.organisation)} (${sectorName(s(p.sector), 'vi')}).\n\n` +
        `Việc cần làm trước: cùng nhóm viết ra hai hoặc ba câu hỏi cần được giúp, rồi thống nhất buổi gặp trực tuyến đầu tiên với cố vấn trong vòng hai tuần qua điều phối viên. ` +
        `Sau đó, ghi lại thành một lần check-in:\n${s(p.link)}\n\n— Đội ngũ Kenal`,
      title: 'Bạn đã có cố vấn',
      body: `${s(p.mentorName)} (${s(p.organisation)}) sẽ cố vấn cho "${s(p.projectTitle)}". Hãy chuẩn bị câu hỏi và hẹn buổi gặp đầu tiên.`,
    }),
    'mentoring.silent': (p) => ({
      subject: `Đã ${s(p.days)} ngày kể từ lần check-in cố vấn gần nhất`,
      text:
        `Xin chào ${s(p.displayName)},\n\nChưa có ghi nhận nào cho việc cố vấn cùng ${s(p.otherName)} trong ${s(p.roundName)} suốt ${s(p.days)} ngày. ` +
        `Nếu đã gặp, hãy ghi lại một lần check-in; nếu chưa, hãy hẹn buổi gặp tiếp theo ngay:\n${s(p.link)}\n\n— Đội ngũ Kenal`,
      title: 'Đến lúc check-in cố vấn',
      body: `Chưa có check-in với ${s(p.otherName)} trong ${s(p.days)} ngày. Hãy hẹn buổi gặp tiếp theo.`,
    }),
  },
  fil: {
    'mentoring.introduced_mentor': (p) => ({
      subject: `Kilalanin ang iyong koponang gagabayan: ${s(p.teamName)}`,
      text:
        `Kumusta ${s(p.displayName)},\n\nSalamat sa pagiging mentor sa ${s(p.roundName)} (${s(p.competitionTitle)}). ` +
        `Ipinares ka sa koponang ${s(p.teamName)} at sa kanilang proyektong "${s(p.projectTitle)}".\n` +
        `Ang koponan: ${peopleList(p.members, 'fil')}.\n\n` +
        `Unang gagawin: basahin ang kanilang proyekto sa Kenal, saka magkasundo sa unang online na pulong kasama ang koponan sa loob ng dalawang linggo, sa pamamagitan ng iyong coordinator. ` +
        `Pagkatapos, itala ito bilang check-in kasama ang napag-usapan at ang susunod na hakbang:\n${s(p.link)}\n\n— Ang Kenal team`,
      title: 'May koponan ka nang gagabayan',
      body: `${s(p.teamName)}: "${s(p.projectTitle)}". Magplano ng unang pulong sa loob ng dalawang linggo at itala bilang check-in.`,
    }),
    'mentoring.introduced_team': (p) => ({
      subject: `Kilalanin ang iyong mentor: ${s(p.mentorName)}`,
      text:
        `Kumusta ${s(p.displayName)},\n\nMay mentor na ang inyong proyektong "${s(p.projectTitle)}" sa ${s(p.roundName)} (${s(p.competitionTitle)}): ` +
        `si ${s(p.mentorName)}, mula sa ${s(p.organisation)} (${sectorName(s(p.sector), 'fil')}).\n\n` +
        `Unang gagawin: kasama ang koponan, isulat ang dalawa o tatlong tanong na gusto ninyong matulungan, at magkasundo sa unang online na pulong kasama ang mentor sa loob ng dalawang linggo, sa pamamagitan ng coordinator. ` +
        `Pagkatapos, itala ito bilang check-in:\n${s(p.link)}\n\n— Ang Kenal team`,
      title: 'May mentor ka na',
      body: `Si ${s(p.mentorName)} (${s(p.organisation)}) ang gagabay sa "${s(p.projectTitle)}". Ihanda ang mga tanong at magplano ng unang pulong.`,
    }),
    'mentoring.silent': (p) => ({
      subject: `${s(p.days)} araw na mula sa huling mentoring check-in`,
      text:
        `Kumusta ${s(p.displayName)},\n\nWalang naitala para sa mentorship ninyo ni ${s(p.otherName)} sa ${s(p.roundName)} sa loob ng ${s(p.days)} araw. ` +
        `Kung nagkita na kayo, magtala ng check-in; kung hindi pa, magplano na ng susunod na pulong:\n${s(p.link)}\n\n— Ang Kenal team`,
      title: 'Oras na para sa mentoring check-in',
      body: `Walang check-in kasama si ${s(p.otherName)} sa loob ng ${s(p.days)} araw. Magplano ng susunod na pulong.`,
    }),
  },
  km: {
    'mentoring.introduced_mentor': (p) => ({
      subject: `ស្គាល់ក្រុមដែលអ្នកណែនាំ៖ ${s(p.teamName)}`,
      text:
        `សួស្តី ${s(p.displayName)}\n\nសូមអរគុណដែលបានធ្វើជាអ្នកណែនាំក្នុង ${s(p.roundName)} (${s(p.competitionTitle)})។ ` +
        `អ្នកត្រូវបានផ្គូផ្គងជាមួយក្រុម ${s(p.teamName)} និងគម្រោង "${s(p.projectTitle)}"។\n` +
        `សមាជិកក្រុម៖ ${peopleList(p.members, 'km')}។\n\n` +
        `អ្វីដែលត្រូវធ្វើមុន៖ អានគម្រោងរបស់ពួកគេនៅលើ Kenal រួចកំណត់ការជួបតាមអនឡាញលើកដំបូងជាមួយក្រុមក្នុងរយៈពេលពីរសប្តាហ៍ តាមរយៈអ្នកសម្របសម្រួលរបស់អ្នក។ ` +
        `បន្ទាប់មក កត់ត្រាវាជាការឆែកអ៊ីន ជាមួយអ្វីដែលបានពិភាក្សា និងជំហានបន្ទាប់៖\n${s(p.link)}\n\n— ក្រុម Kenal`,
      title: 'អ្នកមានក្រុមត្រូវណែនាំហើយ',
      body: `${s(p.teamName)}៖ "${s(p.projectTitle)}"។ កំណត់ការជួបលើកដំបូងក្នុងរយៈពេលពីរសប្តាហ៍ ហើយកត់ត្រាជាការឆែកអ៊ីន។`,
    }),
    'mentoring.introduced_team': (p) => ({
      subject: `ស្គាល់អ្នកណែនាំរបស់អ្នក៖ ${s(p.mentorName)}`,
      text:
        `សួស្តី ${s(p.displayName)}\n\nគម្រោង "${s(p.projectTitle)}" របស់អ្នកមានអ្នកណែនាំហើយក្នុង ${s(p.roundName)} (${s(p.competitionTitle)})៖ ` +
        `${s(p.mentorName)} មកពី ${s(p.organisation)} (${sectorName(s(p.sector), 'km')})។\n\n` +
        `អ្វីដែលត្រូវធ្វើមុន៖ ជាមួយក្រុម សរសេរសំណួរពីរ ឬបីដែលចង់បានជំនួយ ហើយកំណត់ការជួបតាមអនឡាញលើកដំបូងជាមួយអ្នកណែនាំក្នុងរយៈពេលពីរសប្តាហ៍ តាមរយៈអ្នកសម្របសម្រួល។ ` +
        `បន្ទាប់មក កត់ត្រាវាជាការឆែកអ៊ីន៖\n${s(p.link)}\n\n— ក្រុម Kenal`,
      title: 'អ្នកមានអ្នកណែនាំហើយ',
      body: `${s(p.mentorName)} (${s(p.organisation)}) នឹងណែនាំ "${s(p.projectTitle)}"។ រៀបចំសំណួរ ហើយកំណត់ការជួបលើកដំបូង។`,
    }),
    'mentoring.silent': (p) => ({
      subject: `${s(p.days)} ថ្ងៃហើយចាប់តាំងពីការឆែកអ៊ីនចុងក្រោយ`,
      text:
        `សួស្តី ${s(p.displayName)}\n\nមិនមានអ្វីត្រូវបានកត់ត្រាសម្រាប់ការណែនាំជាមួយ ${s(p.otherName)} ក្នុង ${s(p.roundName)} អស់រយៈពេល ${s(p.days)} ថ្ងៃ។ ` +
        `បើបានជួបគ្នាហើយ សូមកត់ត្រាការឆែកអ៊ីន បើមិនទាន់ សូមកំណត់ការជួបបន្ទាប់ឥឡូវនេះ៖\n${s(p.link)}\n\n— ក្រុម Kenal`,
      title: 'ដល់ពេលឆែកអ៊ីនហើយ',
      body: `គ្មានការឆែកអ៊ីនជាមួយ ${s(p.otherName)} អស់ ${s(p.days)} ថ្ងៃ។ សូមកំណត់ការជួបបន្ទាប់។`,
    }),
  },
  lo: {
    'mentoring.introduced_mentor': (p) => ({
      subject: `ຮູ້ຈັກທີມທີ່ທ່ານເປັນພີ່ລ້ຽງ: ${s(p.teamName)}`,
      text:
        `ສະບາຍດີ ${s(p.displayName)}\n\nຂອບໃຈທີ່ມາເປັນພີ່ລ້ຽງໃນ ${s(p.roundName)} (${s(p.competitionTitle)}). ` +
        `ທ່ານໄດ້ຈັບຄູ່ກັບທີມ ${s(p.teamName)} ແລະ ໂຄງການ "${s(p.projectTitle)}".\n` +
        `ສະມາຊິກທີມ: ${peopleList(p.members, 'lo')}.\n\n` +
        `ສິ່ງທີ່ຕ້ອງເຮັດກ່ອນ: ອ່ານໂຄງການຂອງທີມໃນ Kenal ແລ້ວນັດປະຊຸມອອນລາຍຄັ້ງທຳອິດກັບທີມພາຍໃນສອງອາທິດ ຜ່ານຜູ້ປະສານງານຂອງທ່ານ. ` +
        `ຫຼັງຈາກນັ້ນ ບັນທຶກເປັນການເຊັກອິນ ພ້ອມສິ່ງທີ່ໄດ້ລົມກັນ ແລະ ຂັ້ນຕອນຕໍ່ໄປ:\n${s(p.link)}\n\n— ທີມ Kenal`,
      title: 'ທ່ານມີທີມທີ່ຕ້ອງເປັນພີ່ລ້ຽງແລ້ວ',
      body: `${s(p.teamName)}: "${s(p.projectTitle)}". ນັດພົບຄັ້ງທຳອິດພາຍໃນສອງອາທິດ ແລະ ບັນທຶກເປັນການເຊັກອິນ.`,
    }),
    'mentoring.introduced_team': (p) => ({
      subject: `ຮູ້ຈັກພີ່ລ້ຽງຂອງທ່ານ: ${s(p.mentorName)}`,
      text:
        `ສະບາຍດີ ${s(p.displayName)}\n\nໂຄງການ "${s(p.projectTitle)}" ຂອງທ່ານມີພີ່ລ້ຽງແລ້ວໃນ ${s(p.roundName)} (${s(p.competitionTitle)}): ` +
        `${s(p.mentorName)} ຈາກ ${s(p.organisation)} (${sectorName(s(p.sector), 'lo')}).\n\n` +
        `ສິ່ງທີ່ຕ້ອງເຮັດກ່ອນ: ຮ່ວມກັບທີມ ຂຽນຄຳຖາມສອງສາມຂໍ້ທີ່ຢາກໄດ້ຮັບການຊ່ວຍເຫຼືອ ແລ້ວນັດປະຊຸມອອນລາຍຄັ້ງທຳອິດກັບພີ່ລ້ຽງພາຍໃນສອງອາທິດ ຜ່ານຜູ້ປະສານງານ. ` +
        `ຫຼັງຈາກນັ້ນ ບັນທຶກເປັນການເຊັກອິນ:\n${s(p.link)}\n\n— ທີມ Kenal`,
      title: 'ທ່ານມີພີ່ລ້ຽງແລ້ວ',
      body: `${s(p.mentorName)} (${s(p.organisation)}) ຈະເປັນພີ່ລ້ຽງໃຫ້ "${s(p.projectTitle)}". ກຽມຄຳຖາມ ແລະ ນັດພົບຄັ້ງທຳອິດ.`,
    }),
    'mentoring.silent': (p) => ({
      subject: `ຜ່ານໄປ ${s(p.days)} ມື້ແລ້ວນັບແຕ່ການເຊັກອິນຄັ້ງລ່າສຸດ`,
      text:
        `ສະບາຍດີ ${s(p.displayName)}\n\nບໍ່ມີການບັນທຶກຫຍັງສຳລັບການເປັນພີ່ລ້ຽງກັບ ${s(p.otherName)} ໃນ ${s(p.roundName)} ມາ ${s(p.days)} ມື້ແລ້ວ. ` +
        `ຖ້າໄດ້ພົບກັນແລ້ວ ໃຫ້ບັນທຶກການເຊັກອິນ ຖ້າຍັງ ໃຫ້ນັດພົບຄັ້ງຕໍ່ໄປດຽວນີ້:\n${s(p.link)}\n\n— ທີມ Kenal`,
      title: 'ຮອດເວລາເຊັກອິນແລ້ວ',
      body: `ບໍ່ມີການເຊັກອິນກັບ ${s(p.otherName)} ມາ ${s(p.days)} ມື້. ນັດພົບຄັ້ງຕໍ່ໄປເລີຍ.`,
    }),
  },
  my: {
    'mentoring.introduced_mentor': (p) => ({
      subject: `သင်လမ်းညွှန်မည့်အဖွဲ့နှင့် တွေ့ဆုံပါ: ${s(p.teamName)}`,
      text:
        `မင်္ဂလာပါ ${s(p.displayName)}\n\n${s(p.roundName)} (${s(p.competitionTitle)}) တွင် လမ်းညွှန်သူအဖြစ် ပါဝင်ပေးသည့်အတွက် ကျေးဇူးတင်ပါသည်။ ` +
        `သင့်ကို ${s(p.teamName)} အဖွဲ့နှင့် ၎င်းတို့၏ စီမံကိန်း "${s(p.projectTitle)}" နှင့် တွဲပေးထားပါသည်။\n` +
        `အဖွဲ့ဝင်များ: ${peopleList(p.members, 'my')}။\n\n` +
        `ပထမဆုံးလုပ်ရမည့်အရာ: Kenal တွင် ၎င်းတို့၏ စီမံကိန်းကို ဖတ်ပြီး ညှိနှိုင်းရေးမှူးမှတစ်ဆင့် နှစ်ပတ်အတွင်း အဖွဲ့နှင့် ပထမဆုံး အွန်လိုင်းတွေ့ဆုံပွဲကို သဘောတူပါ။ ` +
        `ထို့နောက် ဆွေးနွေးခဲ့သည့်အကြောင်းနှင့် နောက်တစ်ဆင့်များကို check-in အဖြစ် မှတ်တမ်းတင်ပါ:\n${s(p.link)}\n\n— Kenal အဖွဲ့`,
      title: 'သင်လမ်းညွှန်ရမည့်အဖွဲ့ ရှိပါပြီ',
      body: `${s(p.teamName)}: "${s(p.projectTitle)}"။ နှစ်ပတ်အတွင်း ပထမဆုံးတွေ့ဆုံပွဲကို စီစဉ်ပြီး check-in အဖြစ် မှတ်တမ်းတင်ပါ။`,
    }),
    'mentoring.introduced_team': (p) => ({
      subject: `သင့်လမ်းညွှန်သူနှင့် တွေ့ဆုံပါ: ${s(p.mentorName)}`,
      text:
        `မင်္ဂလာပါ ${s(p.displayName)}\n\n${s(p.roundName)} (${s(p.competitionTitle)}) တွင် သင်တို့၏ စီမံကိန်း "${s(p.projectTitle)}" အတွက် လမ်းညွှန်သူ ရှိပါပြီ: ` +
        `${s(p.organisation)} (${sectorName(s(p.sector), 'my')}) မှ ${s(p.mentorName)}။\n\n` +
        `ပထမဆုံးလုပ်ရမည့်အရာ: အဖွဲ့နှင့်အတူ အကူအညီလိုသည့် မေးခွန်းနှစ်ခု သုံးခုကို ရေးပြီး ညှိနှိုင်းရေးမှူးမှတစ်ဆင့် နှစ်ပတ်အတွင်း လမ်းညွှန်သူနှင့် ပထမဆုံး အွန်လိုင်းတွေ့ဆုံပွဲကို သဘောတူပါ။ ` +
        `ထို့နောက် check-in အဖြစ် မှတ်တမ်းတင်ပါ:\n${s(p.link)}\n\n— Kenal အဖွဲ့`,
      title: 'သင့်တွင် လမ်းညွှန်သူ ရှိပါပြီ',
      body: `${s(p.mentorName)} (${s(p.organisation)}) က "${s(p.projectTitle)}" ကို လမ်းညွှန်ပါမည်။ မေးခွန်းများ ပြင်ဆင်ပြီး ပထမဆုံးတွေ့ဆုံပွဲကို စီစဉ်ပါ။`,
    }),
    'mentoring.silent': (p) => ({
      subject: `နောက်ဆုံး check-in ပြီးနောက် ${s(p.days)} ရက် ရှိပါပြီ`,
      text:
        `မင်္ဂလာပါ ${s(p.displayName)}\n\n${s(p.roundName)} တွင် ${s(p.otherName)} နှင့် လမ်းညွှန်မှုအတွက် ${s(p.days)} ရက်ကြာ မည်သည့်မှတ်တမ်းမျှ မရှိပါ။ ` +
        `တွေ့ပြီးပါက check-in ကို မှတ်တမ်းတင်ပါ၊ မတွေ့ရသေးပါက နောက်တွေ့ဆုံပွဲကို ယခုပင် စီစဉ်ပါ:\n${s(p.link)}\n\n— Kenal အဖွဲ့`,
      title: 'check-in လုပ်ရန် အချိန်ရောက်ပါပြီ',
      body: `${s(p.otherName)} နှင့် ${s(p.days)} ရက်ကြာ check-in မရှိပါ။ နောက်တွေ့ဆုံပွဲကို စီစဉ်ပါ။`,
    }),
  },
  zh: {
    'mentoring.introduced_mentor': (p) => ({
      subject: `认识你指导的团队：${s(p.teamName)}`,
      text:
        `${s(p.displayName)}，你好：\n\n感谢你在 ${s(p.roundName)}（${s(p.competitionTitle)}）中担任导师。` +
        `你与团队 ${s(p.teamName)} 及其项目“${s(p.projectTitle)}”配对。\n` +
        `团队成员：${peopleList(p.members, 'zh')}。\n\n` +
        `首先要做的：在 Kenal 上阅读他们的项目，然后通过你的协调员，在两周内与团队约定第一次线上会面。` +
        `会面后，请把讨论内容和下一步记录为一次签到：\n${s(p.link)}\n\n— Kenal 团队`,
      title: '你有了要指导的团队',
      body: `${s(p.teamName)}：“${s(p.projectTitle)}”。请在两周内安排第一次会面，并记录为签到。`,
    }),
    'mentoring.introduced_team': (p) => ({
      subject: `认识你的导师：${s(p.mentorName)}`,
      text:
        `${s(p.displayName)}，你好：\n\n你的项目“${s(p.projectTitle)}”在 ${s(p.roundName)}（${s(p.competitionTitle)}）中有了导师：` +
        `来自 ${s(p.organisation)}（${sectorName(s(p.sector), 'zh')}）的 ${s(p.mentorName)}。\n\n` +
        `首先要做的：和团队一起写下两三个希望得到帮助的问题，并通过协调员在两周内与导师约定第一次线上会面。` +
        `会面后，请记录为一次签到：\n${s(p.link)}\n\n— Kenal 团队`,
      title: '你有导师了',
      body: `${s(p.mentorName)}（${s(p.organisation)}）将指导“${s(p.projectTitle)}”。请准备问题并安排第一次会面。`,
    }),
    'mentoring.silent': (p) => ({
      subject: `距离上次导师签到已有 ${s(p.days)} 天`,
      text:
        `${s(p.displayName)}，你好：\n\n你在 ${s(p.roundName)} 中与 ${s(p.otherName)} 的指导关系已有 ${s(p.days)} 天没有任何记录。` +
        `如果已经见过面，请记录签到；如果还没有，请现在安排下一次会面：\n${s(p.link)}\n\n— Kenal 团队`,
      title: '该签到了',
      body: `与 ${s(p.otherName)} 已有 ${s(p.days)} 天没有签到。请安排下一次会面。`,
    }),
  },
};
