import {
  countryName,
  joinList,
  languageName,
  localeOf,
  type Locale,
} from '../../common/i18n/locales';
import { interestName } from '../../common/reference-data';
import { sectorName } from '../../notifications/templates/labels';
import type { Reason, ShortReason } from './types';

type Words = Record<Locale, string>;

type Sentence = (list: string) => string;

/** One sentence per reason code and language; `list` is already joined in that language. */
const SENTENCES: Record<Exclude<Reason['code'], 'pinned'>, Record<Locale, Sentence>> = {
  shared_sdgs: {
    en: (x) => `Works on the same Sustainable Development Goals: ${x}`,
    ko: (x) => `같은 지속가능발전목표(SDG)를 다룹니다: ${x}`,
    id: (x) => `Menggeluti Tujuan Pembangunan Berkelanjutan yang sama: ${x}`,
    ms: (x) => `Menceburi Matlamat Pembangunan Mampan yang sama: ${x}`,
    th: (x) => `ทำงานด้านเป้าหมายการพัฒนาที่ยั่งยืนเดียวกัน: ${x}`,
    vi: (x) => `Cùng hướng tới các Mục tiêu Phát triển Bền vững: ${x}`,
    fil: (x) => `Parehong Sustainable Development Goals ang tinututukan: ${x}`,
    km: (x) => `ធ្វើការលើគោលដៅអភិវឌ្ឍន៍ប្រកបដោយចីរភាពដូចគ្នា៖ ${x}`,
    lo: (x) => `ເຮັດວຽກກ່ຽວກັບເປົ້າໝາຍການພັດທະນາແບບຍືນຍົງດຽວກັນ: ${x}`,
    my: (x) => `တူညီသော ရေရှည်တည်တံ့ဖွံ့ဖြိုးရေးပန်းတိုင်များ: ${x}`,
    zh: (x) => `关注相同的可持续发展目标：${x}`,
  },
  shared_topics: {
    en: (x) => `Shares topics with the project: ${x}`,
    ko: (x) => `프로젝트와 같은 주제: ${x}`,
    id: (x) => `Topik yang sama dengan proyek: ${x}`,
    ms: (x) => `Topik yang sama dengan projek: ${x}`,
    th: (x) => `มีหัวข้อตรงกับโครงการ: ${x}`,
    vi: (x) => `Cùng chủ đề với dự án: ${x}`,
    fil: (x) => `Kaparehong paksa ng proyekto: ${x}`,
    km: (x) => `ប្រធានបទដូចគម្រោង៖ ${x}`,
    lo: (x) => `ມີຫົວຂໍ້ກົງກັບໂຄງການ: ${x}`,
    my: (x) => `စီမံကိန်းနှင့် တူညီသော အကြောင်းအရာများ: ${x}`,
    zh: (x) => `与项目主题相同：${x}`,
  },
  knows_countries: {
    en: (x) => `Knows the project's target countries: ${x}`,
    ko: (x) => `프로젝트 대상 국가를 잘 압니다: ${x}`,
    id: (x) => `Mengenal negara sasaran proyek: ${x}`,
    ms: (x) => `Mengenali negara sasaran projek: ${x}`,
    th: (x) => `รู้จักประเทศเป้าหมายของโครงการ: ${x}`,
    vi: (x) => `Am hiểu các quốc gia mà dự án hướng tới: ${x}`,
    fil: (x) => `Kilala ang mga bansang target ng proyekto: ${x}`,
    km: (x) => `ស្គាល់ប្រទេសគោលដៅរបស់គម្រោង៖ ${x}`,
    lo: (x) => `ຮູ້ຈັກປະເທດເປົ້າໝາຍຂອງໂຄງການ: ${x}`,
    my: (x) => `စီမံကိန်း၏ ပစ်မှတ်နိုင်ငံများကို သိရှိသည်: ${x}`,
    zh: (x) => `熟悉项目的目标国家：${x}`,
  },
  shared_language: {
    en: (x) => `Speaks a language with the team: ${x}`,
    ko: (x) => `팀과 같은 언어를 사용합니다: ${x}`,
    id: (x) => `Berbicara bahasa yang sama dengan tim: ${x}`,
    ms: (x) => `Bertutur bahasa yang sama dengan pasukan: ${x}`,
    th: (x) => `พูดภาษาเดียวกับทีม: ${x}`,
    vi: (x) => `Nói cùng ngôn ngữ với nhóm: ${x}`,
    fil: (x) => `Kapareho ng wika ng koponan: ${x}`,
    km: (x) => `និយាយភាសាដូចក្រុម៖ ${x}`,
    lo: (x) => `ເວົ້າພາສາດຽວກັນກັບທີມ: ${x}`,
    my: (x) => `အဖွဲ့နှင့် တူညီသောဘာသာစကား ပြောသည်: ${x}`,
    zh: (x) => `与团队有共同语言：${x}`,
  },
  sector_mix: {
    en: (x) => `Brings a different view to the team's mentors: ${x}`,
    ko: (x) => `팀의 멘토들에게 다른 관점을 더합니다: ${x}`,
    id: (x) => `Menambah sudut pandang lain di antara mentor tim: ${x}`,
    ms: (x) => `Membawa pandangan berbeza kepada mentor pasukan: ${x}`,
    th: (x) => `เพิ่มมุมมองที่ต่างออกไปให้ทีมพี่เลี้ยง: ${x}`,
    vi: (x) => `Mang góc nhìn khác cho nhóm cố vấn của đội: ${x}`,
    fil: (x) => `Nagdadala ng ibang pananaw sa mga mentor ng koponan: ${x}`,
    km: (x) => `នាំទស្សនៈខុសគ្នាមកក្រុមអ្នកណែនាំ៖ ${x}`,
    lo: (x) => `ເພີ່ມມຸມມອງທີ່ແຕກຕ່າງໃຫ້ພີ່ລ້ຽງຂອງທີມ: ${x}`,
    my: (x) => `အဖွဲ့၏ လမ်းညွှန်သူများထံ မတူညီသောအမြင်ကို ယူဆောင်လာသည်: ${x}`,
    zh: (x) => `为团队导师带来不同视角：${x}`,
  },
};

const PINNED: Words = {
  en: 'Chosen by the coordinator',
  ko: '코디네이터가 지정했습니다',
  id: 'Dipilih oleh koordinator',
  ms: 'Dipilih oleh penyelaras',
  th: 'ผู้ประสานงานเป็นผู้เลือก',
  vi: 'Do điều phối viên chọn',
  fil: 'Pinili ng coordinator',
  km: 'ជ្រើសរើសដោយអ្នកសម្របសម្រួល',
  lo: 'ຜູ້ປະສານງານເປັນຜູ້ເລືອກ',
  my: 'ညှိနှိုင်းရေးမှူးက ရွေးချယ်ထားသည်',
  zh: '由协调员指定',
};

const SDG: Words = {
  en: 'SDG',
  ko: 'SDG',
  id: 'TPB',
  ms: 'SDG',
  th: 'SDG',
  vi: 'SDG',
  fil: 'SDG',
  km: 'SDG',
  lo: 'SDG',
  my: 'SDG',
  zh: 'SDG',
};

function listOf(reason: Reason, locale: Locale): string {
  switch (reason.code) {
    case 'shared_sdgs':
      return joinList(
        (reason.sdgs ?? []).map((n) => `${SDG[locale]} ${n}`),
        locale,
      );
    case 'shared_topics':
      return joinList(
        (reason.topics ?? []).map((t) => interestName(t, locale) ?? t),
        locale,
      );
    case 'knows_countries':
      return joinList(
        (reason.countries ?? []).map((c) => countryName(c, locale)),
        locale,
      );
    case 'shared_language':
      return joinList(
        (reason.languages ?? []).map((l) => languageName(l, locale)),
        locale,
      );
    case 'sector_mix':
      return sectorName(reason.sector ?? '', locale);
    default:
      return '';
  }
}

/** The reasons as sentences in the reader's language (one of the 11; anything else reads English). */
export function renderReasons(reasons: readonly Reason[], locale: string): string[] {
  const l = localeOf(locale);
  return reasons.map((r) => (r.code === 'pinned' ? PINNED[l] : SENTENCES[r.code][l](listOf(r, l))));
}

const SHORT: Record<ShortReason, Words> = {
  no_mentors: {
    en: 'The round has no mentors yet',
    ko: '라운드에 아직 멘토가 없습니다',
    id: 'Putaran ini belum memiliki mentor',
    ms: 'Pusingan ini belum mempunyai mentor',
    th: 'รอบนี้ยังไม่มีพี่เลี้ยง',
    vi: 'Vòng này chưa có cố vấn nào',
    fil: 'Wala pang mentor ang round na ito',
    km: 'ជុំនេះមិនទាន់មានអ្នកណែនាំនៅឡើយ',
    lo: 'ຮອບນີ້ຍັງບໍ່ມີພີ່ລ້ຽງ',
    my: 'ဤအကြိမ်တွင် လမ်းညွှန်သူ မရှိသေးပါ',
    zh: '本轮还没有导师',
  },
  institution_conflict: {
    en: 'Too many mentors are from a team member’s institution',
    ko: '팀원의 소속 기관 출신 멘토가 너무 많습니다',
    id: 'Terlalu banyak mentor berasal dari institusi anggota tim',
    ms: 'Terlalu ramai mentor dari institusi ahli pasukan',
    th: 'พี่เลี้ยงจำนวนมากมาจากสถาบันเดียวกับสมาชิกทีม',
    vi: 'Quá nhiều cố vấn đến từ cơ sở của một thành viên trong nhóm',
    fil: 'Masyadong maraming mentor ang mula sa institusyon ng isang miyembro',
    km: 'អ្នកណែនាំច្រើនពេកមកពីស្ថាប័នរបស់សមាជិកក្រុម',
    lo: 'ພີ່ລ້ຽງຫຼາຍເກີນໄປມາຈາກສະຖາບັນຂອງສະມາຊິກທີມ',
    my: 'လမ်းညွှန်သူအများစုသည် အဖွဲ့ဝင်တစ်ဦး၏ အဖွဲ့အစည်းမှ ဖြစ်နေသည်',
    zh: '太多导师来自团队成员所在的机构',
  },
  forbidden: {
    en: 'The coordinator ruled out the other mentors',
    ko: '코디네이터가 다른 멘토를 제외했습니다',
    id: 'Koordinator mengecualikan mentor lainnya',
    ms: 'Penyelaras mengecualikan mentor yang lain',
    th: 'ผู้ประสานงานตัดพี่เลี้ยงคนอื่นออกแล้ว',
    vi: 'Điều phối viên đã loại các cố vấn còn lại',
    fil: 'Inalis ng coordinator ang ibang mentor',
    km: 'អ្នកសម្របសម្រួលបានដកអ្នកណែនាំផ្សេងទៀតចេញ',
    lo: 'ຜູ້ປະສານງານໄດ້ຕັດພີ່ລ້ຽງຄົນອື່ນອອກ',
    my: 'ညှိနှိုင်းရေးမှူးက အခြားလမ်းညွှန်သူများကို ဖယ်ထားသည်',
    zh: '协调员排除了其他导师',
  },
  mentors_full: {
    en: 'The mentors who fit have no room left',
    ko: '적합한 멘토의 정원이 모두 찼습니다',
    id: 'Mentor yang cocok sudah penuh',
    ms: 'Mentor yang sesuai sudah penuh',
    th: 'พี่เลี้ยงที่เหมาะสมไม่มีที่ว่างแล้ว',
    vi: 'Các cố vấn phù hợp đã hết chỗ',
    fil: 'Puno na ang mga angkop na mentor',
    km: 'អ្នកណែនាំដែលសមស្របអស់កន្លែងហើយ',
    lo: 'ພີ່ລ້ຽງທີ່ເໝາະສົມບໍ່ມີບ່ອນຫວ່າງແລ້ວ',
    my: 'သင့်လျော်သော လမ်းညွှန်သူများတွင် နေရာမကျန်တော့ပါ',
    zh: '合适的导师已经满额',
  },
};

export const renderShortReason = (reason: ShortReason, locale: string): string =>
  SHORT[reason]?.[localeOf(locale)] ?? reason;
