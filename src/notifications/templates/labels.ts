import { FORMER_MEMBER } from '../../common/erasure/account-erasure';
import { countryName, joinList, localeOf, type Locale } from '../../common/i18n/locales';

type Labels = Record<Locale, string>;

/** Award names (the codes of `RecordResultsDto.awards[].award`), as a prize is called in each language. */
export const AWARD_NAMES: Record<string, Labels> = {
  winner: {
    en: 'Winner',
    ko: '대상',
    id: 'Juara pertama',
    ms: 'Johan',
    th: 'รางวัลชนะเลิศ',
    vi: 'Giải Nhất',
    fil: 'Unang Gantimpala',
    km: 'ជ័យលាភីលេខ១',
    lo: 'ລາງວັນຊະນະເລີດ',
    my: 'ပထမဆု',
    zh: '一等奖',
  },
  runner_up: {
    en: 'Runner-up',
    ko: '최우수상',
    id: 'Juara kedua',
    ms: 'Naib johan',
    th: 'รางวัลรองชนะเลิศ',
    vi: 'Giải Nhì',
    fil: 'Ikalawang Gantimpala',
    km: 'ជ័យលាភីលេខ២',
    lo: 'ລາງວັນຮອງຊະນະເລີດ',
    my: 'ဒုတိယဆု',
    zh: '二等奖',
  },
  third_place: {
    en: 'Third place',
    ko: '우수상',
    id: 'Juara ketiga',
    ms: 'Tempat ketiga',
    th: 'รางวัลที่สาม',
    vi: 'Giải Ba',
    fil: 'Ikatlong Gantimpala',
    km: 'ជ័យលាភីលេខ៣',
    lo: 'ລາງວັນທີສາມ',
    my: 'တတိယဆု',
    zh: '三等奖',
  },
  special_mention: {
    en: 'Special mention',
    ko: '특별상',
    id: 'Penghargaan khusus',
    ms: 'Sebutan khas',
    th: 'รางวัลชมเชยพิเศษ',
    vi: 'Giải Đặc biệt',
    fil: 'Natatanging Pagkilala',
    km: 'ការសរសើរពិសេស',
    lo: 'ລາງວັນຊົມເຊີຍພິເສດ',
    my: 'အထူးချီးကျူးဆု',
    zh: '特别奖',
  },
  audience_award: {
    en: 'Audience award',
    ko: '관객상',
    id: 'Penghargaan favorit penonton',
    ms: 'Anugerah pilihan penonton',
    th: 'รางวัลขวัญใจผู้ชม',
    vi: 'Giải Khán giả bình chọn',
    fil: 'Gantimpala ng Manonood',
    km: 'រង្វាន់ទស្សនិកជន',
    lo: 'ລາງວັນຂວັນໃຈຜູ້ຊົມ',
    my: 'ပရိသတ်အကြိုက်ဆုံးဆု',
    zh: '观众奖',
  },
  best_directing: {
    en: 'Best directing',
    ko: '감독상',
    id: 'Penyutradaraan terbaik',
    ms: 'Arahan terbaik',
    th: 'รางวัลกำกับยอดเยี่ยม',
    vi: 'Giải Đạo diễn xuất sắc',
    fil: 'Pinakamahusay na Direksyon',
    km: 'រង្វាន់ដឹកនាំល្អបំផុត',
    lo: 'ລາງວັນກຳກັບຍອດຢ້ຽມ',
    my: 'အကောင်းဆုံးဒါရိုက်တာဆု',
    zh: '最佳导演奖',
  },
  best_screenplay: {
    en: 'Best screenplay',
    ko: '각본상',
    id: 'Skenario terbaik',
    ms: 'Lakon layar terbaik',
    th: 'รางวัลบทภาพยนตร์ยอดเยี่ยม',
    vi: 'Giải Kịch bản xuất sắc',
    fil: 'Pinakamahusay na Iskrip',
    km: 'រង្វាន់សាច់រឿងល្អបំផុត',
    lo: 'ລາງວັນບົດຮູບເງົາຍອດຢ້ຽມ',
    my: 'အကောင်းဆုံးဇာတ်ညွှန်းဆု',
    zh: '最佳编剧奖',
  },
  best_impact: {
    en: 'Best impact',
    ko: '임팩트상',
    id: 'Dampak terbaik',
    ms: 'Impak terbaik',
    th: 'รางวัลสร้างผลกระทบยอดเยี่ยม',
    vi: 'Giải Tác động tích cực',
    fil: 'Pinakamalaking Epekto',
    km: 'រង្វាន់ឥទ្ធិពលល្អបំផុត',
    lo: 'ລາງວັນສ້າງຜົນກະທົບດີເດັ່ນ',
    my: 'အကောင်းဆုံးအကျိုးသက်ရောက်မှုဆု',
    zh: '最佳影响力奖',
  },
};

/**
 * An award code in the reader's language. A row written before payloads carried the code holds
 * the English label ("Runner-up"): it is recognised and translated too.
 */
export function awardName(award: unknown, locale: Locale): string {
  const raw = String(award ?? '');
  const code =
    raw in AWARD_NAMES
      ? raw
      : Object.keys(AWARD_NAMES).find((k) => AWARD_NAMES[k].en.toLowerCase() === raw.toLowerCase());
  return code ? AWARD_NAMES[code][locale] : raw;
}

export const ROLE_NAMES: Record<string, Labels> = {
  applicant: {
    en: 'participant',
    ko: '참가자',
    id: 'peserta',
    ms: 'peserta',
    th: 'ผู้เข้าร่วม',
    vi: 'người tham gia',
    fil: 'kalahok',
    km: 'អ្នកចូលរួម',
    lo: 'ຜູ້ເຂົ້າຮ່ວມ',
    my: 'ပါဝင်သူ',
    zh: '参与者',
  },
  judge: {
    en: 'judge',
    ko: '심사위원',
    id: 'juri',
    ms: 'hakim',
    th: 'กรรมการตัดสิน',
    vi: 'giám khảo',
    fil: 'hurado',
    km: 'គណៈកម្មការវិនិច្ឆ័យ',
    lo: 'ກຳມະການຕັດສິນ',
    my: 'ဒိုင်လူကြီး',
    zh: '评委',
  },
  coordinator: {
    en: 'coordinator',
    ko: '코디네이터',
    id: 'koordinator',
    ms: 'penyelaras',
    th: 'ผู้ประสานงาน',
    vi: 'điều phối viên',
    fil: 'coordinator',
    km: 'អ្នកសម្របសម្រួល',
    lo: 'ຜູ້ປະສານງານ',
    my: 'ညှိနှိုင်းရေးမှူး',
    zh: '协调员',
  },
  admin: {
    en: 'administrator',
    ko: '관리자',
    id: 'administrator',
    ms: 'pentadbir',
    th: 'ผู้ดูแลระบบ',
    vi: 'quản trị viên',
    fil: 'administrator',
    km: 'អ្នកគ្រប់គ្រង',
    lo: 'ຜູ້ບໍລິຫານລະບົບ',
    my: 'စီမံခန့်ခွဲသူ',
    zh: '管理员',
  },
  mentor: {
    en: 'mentor',
    ko: '멘토',
    id: 'mentor',
    ms: 'mentor',
    th: 'พี่เลี้ยง',
    vi: 'cố vấn',
    fil: 'mentor',
    km: 'អ្នកណែនាំ',
    lo: 'ພີ່ລ້ຽງ',
    my: 'လမ်းညွှန်သူ',
    zh: '导师',
  },
};

/** Roles as a list of codes (or the "judge, coordinator" text older rows hold), in words. */
export function roleNames(roles: unknown, locale: Locale): string {
  const codes = Array.isArray(roles)
    ? roles.map(String)
    : String(roles ?? '')
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
  return joinList(
    codes.map((r) => ROLE_NAMES[r]?.[locale] ?? r),
    locale,
  );
}

const CONTACT_KINDS: Record<string, Labels> = {
  email: {
    en: 'an email address',
    ko: '이메일 주소',
    id: 'alamat email',
    ms: 'alamat e-mel',
    th: 'อีเมล',
    vi: 'địa chỉ email',
    fil: 'email address',
    km: 'អាសយដ្ឋានអ៊ីមែល',
    lo: 'ທີ່ຢູ່ອີເມວ',
    my: 'အီးမေးလ်လိပ်စာ',
    zh: '电子邮箱地址',
  },
  phone: {
    en: 'a phone number',
    ko: '전화번호',
    id: 'nomor telepon',
    ms: 'nombor telefon',
    th: 'เบอร์โทรศัพท์',
    vi: 'số điện thoại',
    fil: 'numero ng telepono',
    km: 'លេខទូរស័ព្ទ',
    lo: 'ເບີໂທລະສັບ',
    my: 'ဖုန်းနံပါတ်',
    zh: '电话号码',
  },
  link: {
    en: 'a link',
    ko: '링크',
    id: 'tautan',
    ms: 'pautan',
    th: 'ลิงก์',
    vi: 'đường link',
    fil: 'link',
    km: 'តំណភ្ជាប់',
    lo: 'ລິ້ງ',
    my: 'လင့်ခ်',
    zh: '链接',
  },
  handle: {
    en: 'a messenger or social media ID',
    ko: '메신저나 SNS 아이디',
    id: 'ID aplikasi chat atau media sosial',
    ms: 'ID aplikasi mesej atau media sosial',
    th: 'ไอดีแชตหรือโซเชียลมีเดีย',
    vi: 'ID ứng dụng nhắn tin hoặc mạng xã hội',
    fil: 'ID sa messenger o social media',
    km: 'ID កម្មវិធីផ្ញើសារ ឬបណ្ដាញសង្គម',
    lo: 'ໄອດີແອັບແຊັດ ຫຼື ສື່ສັງຄົມ',
    my: 'မက်ဆင်ဂျာ သို့မဟုတ် ဆိုရှယ်မီဒီယာ ID',
    zh: '聊天软件或社交媒体账号',
  },
};

const CONTACT_DETAILS: Labels = {
  en: 'contact details',
  ko: '연락처',
  id: 'info kontak',
  ms: 'butiran hubungan',
  th: 'ข้อมูลติดต่อ',
  vi: 'thông tin liên lạc',
  fil: 'contact details',
  km: 'ព័ត៌មានទំនាក់ទំនង',
  lo: 'ຂໍ້ມູນຕິດຕໍ່',
  my: 'ဆက်သွယ်ရန်အချက်အလက်',
  zh: '联系方式',
};

/** "a phone number and a link" from the payload's contact-detail kinds. */
export function contactKinds(kinds: unknown, locale: Locale): string {
  const list = (Array.isArray(kinds) ? kinds : []) as string[];
  const names = list.map((k) => CONTACT_KINDS[k]?.[locale]).filter((n): n is string => !!n);
  return names.length === 0 ? CONTACT_DETAILS[locale] : joinList(names, locale);
}

const YOUR_PENPAL: Labels = {
  en: 'your pen pal',
  ko: '펜팔',
  id: 'sahabat penamu',
  ms: 'sahabat pena awak',
  th: 'เพื่อนทางจดหมายของคุณ',
  vi: 'bạn qua thư của bạn',
  fil: 'iyong pen pal',
  km: 'មិត្តតាមសំបុត្ររបស់អ្នក',
  lo: 'ໝູ່ທາງຈົດໝາຍຂອງເຈົ້າ',
  my: 'မင်းရဲ့ စာမိတ်ဆွေ',
  zh: '你的笔友',
};

/**
 * "Somchai (Thailand) and Ari (Indonesia)" from the payload's pen pals. A country is a code; rows
 * written before hold `{ en, ko }` names, read as the code they name.
 */
export function penpalList(penpals: unknown, locale: Locale): string {
  return peopleList(penpals, locale) || YOUR_PENPAL[locale];
}

/** "Somchai (Thailand) and Ari (Indonesia)" from `{ name, country }` entries; empty for none. */
export function peopleList(people: unknown, locale: Locale): string {
  const list = (Array.isArray(people) ? people : []) as {
    name: string;
    country: string | { en?: string; ko?: string } | null;
  }[];
  return joinList(
    list.map((x) => `${personName(x.name, locale)} (${countryOf(x.country, locale)})`),
    locale,
  );
}

const ALL_COUNTRIES = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'KR'];

function countryOf(country: unknown, locale: Locale): string {
  if (typeof country === 'string') return countryName(country, locale);
  const named = country as { en?: string; ko?: string } | null;
  const en = named?.en ?? '';
  const code = ALL_COUNTRIES.find((c) => countryName(c, 'en') === en) ?? null;
  if (code) return countryName(code, locale);
  return (locale === 'ko' ? named?.ko : en) ?? '';
}

/** What a deleted account is called where a notification named it. */
const FORMER_MEMBER_NAMES: Labels = {
  en: FORMER_MEMBER,
  ko: '탈퇴한 회원',
  id: 'Mantan anggota',
  ms: 'Bekas ahli',
  th: 'อดีตสมาชิก',
  vi: 'Cựu thành viên',
  fil: 'Dating miyembro',
  km: 'អតីតសមាជិក',
  lo: 'ອະດີດສະມາຊິກ',
  my: 'အဖွဲ့ဝင်ဟောင်း',
  zh: '已注销用户',
};

/** A name from a payload, with the erasure's "Former member" in the reader's language. */
export const personName = (name: unknown, locale: Locale): string =>
  String(name ?? '').replaceAll(FORMER_MEMBER, FORMER_MEMBER_NAMES[locale]);

/** Mentors' sectors (mentoring), as a noun mid-sentence. */
export const SECTOR_NAMES: Record<string, Labels> = {
  academia: {
    en: 'academia',
    ko: '학계',
    id: 'akademisi',
    ms: 'ahli akademik',
    th: 'แวดวงวิชาการ',
    vi: 'giới học thuật',
    fil: 'akademya',
    km: 'វិស័យសិក្សា',
    lo: 'ວົງການວິຊາການ',
    my: 'ပညာရှင်နယ်ပယ်',
    zh: '学术界',
  },
  government: {
    en: 'government',
    ko: '정부',
    id: 'pemerintah',
    ms: 'kerajaan',
    th: 'ภาครัฐ',
    vi: 'chính phủ',
    fil: 'pamahalaan',
    km: 'រដ្ឋាភិបាល',
    lo: 'ລັດຖະບານ',
    my: 'အစိုးရ',
    zh: '政府',
  },
  international_org: {
    en: 'an international organisation',
    ko: '국제기구',
    id: 'organisasi internasional',
    ms: 'organisasi antarabangsa',
    th: 'องค์การระหว่างประเทศ',
    vi: 'tổ chức quốc tế',
    fil: 'internasyonal na organisasyon',
    km: 'អង្គការអន្តរជាតិ',
    lo: 'ອົງການຈັດຕັ້ງສາກົນ',
    my: 'နိုင်ငံတကာအဖွဲ့အစည်း',
    zh: '国际组织',
  },
  civil_society: {
    en: 'civil society',
    ko: '시민사회',
    id: 'masyarakat sipil',
    ms: 'masyarakat sivil',
    th: 'ภาคประชาสังคม',
    vi: 'xã hội dân sự',
    fil: 'lipunang sibil',
    km: 'សង្គមស៊ីវិល',
    lo: 'ສັງຄົມພົນລະເຮືອນ',
    my: 'အရပ်ဘက်လူ့အဖွဲ့အစည်း',
    zh: '公民社会',
  },
  industry: {
    en: 'industry',
    ko: '산업계',
    id: 'industri',
    ms: 'industri',
    th: 'ภาคอุตสาหกรรม',
    vi: 'doanh nghiệp',
    fil: 'industriya',
    km: 'វិស័យឧស្សាហកម្ម',
    lo: 'ພາກອຸດສາຫະກຳ',
    my: 'စက်မှုလုပ်ငန်းနယ်ပယ်',
    zh: '产业界',
  },
};

export const sectorName = (sector: string, locale: string): string =>
  SECTOR_NAMES[sector]?.[localeOf(locale)] ?? sector;
