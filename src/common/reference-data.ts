export const ASEAN_COUNTRIES = [
  'BN',
  'KH',
  'ID',
  'LA',
  'MY',
  'MM',
  'PH',
  'SG',
  'TH',
  'VN',
] as const;
export const COUNTRIES = [...ASEAN_COUNTRIES, 'KR'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Country names for people, in the two languages Kenal writes to them in. */
export const COUNTRY_NAMES: Record<Country, { en: string; ko: string }> = {
  BN: { en: 'Brunei Darussalam', ko: '브루나이' },
  KH: { en: 'Cambodia', ko: '캄보디아' },
  ID: { en: 'Indonesia', ko: '인도네시아' },
  LA: { en: 'Lao PDR', ko: '라오스' },
  MY: { en: 'Malaysia', ko: '말레이시아' },
  MM: { en: 'Myanmar', ko: '미얀마' },
  PH: { en: 'the Philippines', ko: '필리핀' },
  SG: { en: 'Singapore', ko: '싱가포르' },
  TH: { en: 'Thailand', ko: '태국' },
  VN: { en: 'Viet Nam', ko: '베트남' },
  KR: { en: 'Korea', ko: '한국' },
};

export const LANGUAGE_LEVELS = ['native', 'fluent', 'conversational', 'basic'] as const;

/** ISO 639-1, all 183 two-letter codes. */
export const ISO_639_1 = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el ' +
  'en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it ' +
  'iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt ' +
  'my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl ' +
  'sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo ' +
  'za zh zu'
).split(' ');

export interface InterestTag {
  tag: string;
  label: { en: string; ko: string };
}

/** The controlled list of interests a profile and the pen-pal matcher use. */
export const INTERESTS: InterestTag[] = [
  ['film', 'Film', '영화'],
  ['k-pop', 'K-pop', 'K팝'],
  ['music', 'Music', '음악'],
  ['football', 'Football', '축구'],
  ['badminton', 'Badminton', '배드민턴'],
  ['esports', 'Esports', 'e스포츠'],
  ['cooking', 'Cooking', '요리'],
  ['climate', 'Climate action', '기후 행동'],
  ['coding', 'Coding', '코딩'],
  ['photography', 'Photography', '사진'],
  ['travel', 'Travel', '여행'],
  ['languages', 'Learning languages', '외국어 학습'],
  ['reading', 'Reading', '독서'],
  ['writing', 'Writing', '글쓰기'],
  ['drawing', 'Drawing and art', '그림과 미술'],
  ['dance', 'Dance', '춤'],
  ['fashion', 'Fashion', '패션'],
  ['anime', 'Anime and comics', '애니메이션과 만화'],
  ['history', 'History', '역사'],
  ['science', 'Science', '과학'],
  ['entrepreneurship', 'Entrepreneurship', '창업'],
  ['volunteering', 'Volunteering', '자원봉사'],
  ['nature', 'Nature and hiking', '자연과 등산'],
  ['traditional-culture', 'Traditional culture', '전통 문화'],
  ['food', 'Street food', '길거리 음식'],
  ['gaming', 'Gaming', '게임'],
].map(([tag, en, ko]) => ({ tag, label: { en, ko } }));

export const INTEREST_TAGS = INTERESTS.map((i) => i.tag);

/**
 * Interest names as a sentence uses them ("film", not "Film"), in the nine languages beyond
 * English and Korean (those come from INTERESTS): letter prompts and pen-pal reasons name them.
 */
const NAMES: Record<
  string,
  [string, string, string, string, string, string, string, string, string]
> = {
  //                 id,                  ms,                   th,                    vi,                        fil,                        km,                    lo,                     my,                        zh
  film: ['film', 'filem', 'ภาพยนตร์', 'phim ảnh', 'pelikula', 'ភាពយន្ត', 'ຮູບເງົາ', 'ရုပ်ရှင်', '电影'],
  'k-pop': ['K-pop', 'K-pop', 'เคป็อป', 'K-pop', 'K-pop', 'K-pop', 'K-pop', 'K-pop', '韩流音乐'],
  music: ['musik', 'muzik', 'ดนตรี', 'âm nhạc', 'musika', 'តន្ត្រី', 'ດົນຕີ', 'ဂီတ', '音乐'],
  football: [
    'sepak bola',
    'bola sepak',
    'ฟุตบอล',
    'bóng đá',
    'football',
    'បាល់ទាត់',
    'ບານເຕະ',
    'ဘောလုံး',
    '足球',
  ],
  badminton: [
    'bulu tangkis',
    'badminton',
    'แบดมินตัน',
    'cầu lông',
    'badminton',
    'វាយសី',
    'ຕີດອກປີກໄກ່',
    'ကြက်တောင်',
    '羽毛球',
  ],
  esports: [
    'e-sport',
    'e-sukan',
    'อีสปอร์ต',
    'thể thao điện tử',
    'esports',
    'កីឡាអេឡិចត្រូនិក',
    'ອີສະປອດ',
    'အီးစပို့',
    '电子竞技',
  ],
  cooking: [
    'memasak',
    'memasak',
    'การทำอาหาร',
    'nấu ăn',
    'pagluluto',
    'ការធ្វើម្ហូប',
    'ການແຕ່ງກິນ',
    'ချက်ပြုတ်ခြင်း',
    '烹饪',
  ],
  climate: [
    'aksi iklim',
    'tindakan iklim',
    'การรับมือโลกร้อน',
    'hành động vì khí hậu',
    'pagkilos para sa klima',
    'សកម្មភាពអាកាសធាតុ',
    'ການປົກປ້ອງສະພາບອາກາດ',
    'ရာသီဥတုလှုပ်ရှားမှု',
    '气候行动',
  ],
  coding: [
    'coding',
    'pengekodan',
    'การเขียนโค้ด',
    'lập trình',
    'coding',
    'ការសរសេរកូដ',
    'ການຂຽນໂປຣແກຣມ',
    'ကုဒ်ရေးခြင်း',
    '编程',
  ],
  photography: [
    'fotografi',
    'fotografi',
    'การถ่ายภาพ',
    'nhiếp ảnh',
    'potograpiya',
    'ការថតរូប',
    'ການຖ່າຍຮູບ',
    'ဓာတ်ပုံရိုက်ခြင်း',
    '摄影',
  ],
  travel: [
    'jalan-jalan',
    'melancong',
    'การท่องเที่ยว',
    'du lịch',
    'paglalakbay',
    'ការធ្វើដំណើរ',
    'ການທ່ອງທ່ຽວ',
    'ခရီးသွားခြင်း',
    '旅行',
  ],
  languages: [
    'belajar bahasa',
    'belajar bahasa',
    'การเรียนภาษา',
    'học ngoại ngữ',
    'pag-aaral ng wika',
    'ការរៀនភាសា',
    'ການຮຽນພາສາ',
    'ဘာသာစကားသင်ယူခြင်း',
    '学外语',
  ],
  reading: [
    'membaca',
    'membaca',
    'การอ่านหนังสือ',
    'đọc sách',
    'pagbabasa',
    'ការអានសៀវភៅ',
    'ການອ່ານປຶ້ມ',
    'စာဖတ်ခြင်း',
    '阅读',
  ],
  writing: [
    'menulis',
    'menulis',
    'การเขียน',
    'viết lách',
    'pagsusulat',
    'ការសរសេរ',
    'ການຂຽນ',
    'စာရေးခြင်း',
    '写作',
  ],
  drawing: [
    'menggambar dan seni',
    'melukis dan seni',
    'การวาดรูปและศิลปะ',
    'vẽ và nghệ thuật',
    'pagguhit at sining',
    'គំនូរ និងសិល្បៈ',
    'ການແຕ້ມຮູບ ແລະ ສິລະປະ',
    'ပန်းချီနှင့် အနုပညာ',
    '画画和艺术',
  ],
  dance: ['menari', 'menari', 'การเต้น', 'nhảy múa', 'pagsasayaw', 'ការរាំ', 'ການເຕັ້ນ', 'အက', '跳舞'],
  fashion: ['fesyen', 'fesyen', 'แฟชั่น', 'thời trang', 'fashion', 'ម៉ូដ', 'ແຟຊັ່ນ', 'ဖက်ရှင်', '时尚'],
  anime: [
    'anime dan komik',
    'anime dan komik',
    'อนิเมะและการ์ตูน',
    'anime và truyện tranh',
    'anime at komiks',
    'អានីមេ និងរឿងកំប្លែង',
    'ອານິເມະ ແລະ ກາຕູນ',
    'အန်နီမေးနှင့် ကာတွန်း',
    '动漫',
  ],
  history: [
    'sejarah',
    'sejarah',
    'ประวัติศาสตร์',
    'lịch sử',
    'kasaysayan',
    'ប្រវត្តិសាស្ត្រ',
    'ປະຫວັດສາດ',
    'သမိုင်း',
    '历史',
  ],
  science: [
    'sains',
    'sains',
    'วิทยาศาสตร์',
    'khoa học',
    'agham',
    'វិទ្យាសាស្ត្រ',
    'ວິທະຍາສາດ',
    'သိပ္ပံ',
    '科学',
  ],
  entrepreneurship: [
    'kewirausahaan',
    'keusahawanan',
    'การเป็นผู้ประกอบการ',
    'khởi nghiệp',
    'pagnenegosyo',
    'សហគ្រិនភាព',
    'ການເປັນຜູ້ປະກອບການ',
    'စွန့်ဦးတီထွင်ခြင်း',
    '创业',
  ],
  volunteering: [
    'kegiatan relawan',
    'kerja sukarela',
    'งานอาสาสมัคร',
    'hoạt động tình nguyện',
    'pagboboluntaryo',
    'ការងារស្ម័គ្រចិត្ត',
    'ວຽກອາສາສະໝັກ',
    'စေတနာ့ဝန်ထမ်းလုပ်ငန်း',
    '志愿服务',
  ],
  nature: [
    'alam dan mendaki',
    'alam semula jadi dan mendaki',
    'ธรรมชาติและการเดินป่า',
    'thiên nhiên và leo núi',
    'kalikasan at pag-akyat ng bundok',
    'ធម្មជាតិ និងការឡើងភ្នំ',
    'ທຳມະຊາດ ແລະ ການຍ່າງປ່າ',
    'သဘာဝနှင့် တောင်တက်ခြင်း',
    '大自然和徒步',
  ],
  'traditional-culture': [
    'budaya tradisional',
    'budaya tradisional',
    'วัฒนธรรมดั้งเดิม',
    'văn hóa truyền thống',
    'tradisyunal na kultura',
    'វប្បធម៌ប្រពៃណី',
    'ວັດທະນະທຳພື້ນເມືອງ',
    'ရိုးရာယဉ်ကျေးမှု',
    '传统文化',
  ],
  food: [
    'jajanan kaki lima',
    'makanan jalanan',
    'อาหารริมทาง',
    'ẩm thực đường phố',
    'street food',
    'អាហារតាមផ្លូវ',
    'ອາຫານຕາມທາງ',
    'လမ်းဘေးစာ',
    '街头小吃',
  ],
  gaming: [
    'game',
    'permainan video',
    'เกม',
    'chơi game',
    'paglalaro ng games',
    'ហ្គេម',
    'ເກມ',
    'ဂိမ်း',
    '游戏',
  ],
};

const OTHER_LOCALES = ['id', 'ms', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'zh'];

/** The interest's name in a language, or null for a tag not on the list. */
export function interestName(tag: string, locale: string): string | null {
  const interest = INTERESTS.find((i) => i.tag === tag);
  if (!interest) return null;
  if (locale === 'en') return interest.label.en.toLowerCase().replace('k-pop', 'K-pop');
  if (locale === 'ko') return interest.label.ko;
  return NAMES[tag]?.[OTHER_LOCALES.indexOf(locale)] ?? null;
}
