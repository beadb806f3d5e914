/**
 * PURE: conversation starters shown when a letter is empty, per interest tag, in the 11
 * languages of the web app. Each interest has its name in every language and each language
 * two questions about an interest; generic starters fill in for an unknown or missing tag.
 */
import { INTERESTS } from '../../common/reference-data';

export const PROMPT_LOCALES = ['en', 'ko', 'id', 'ms', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'zh'];
type Locale = (typeof PROMPT_LOCALES)[number];

/** Interest names in the nine languages beyond English and Korean (those come from INTERESTS). */
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

const OTHER_LOCALES: Locale[] = ['id', 'ms', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'zh'];

/** Two questions about an interest, per language ({t} is the interest's name). */
const ABOUT: Record<Locale, [string, string]> = {
  en: [
    'What first got you into {t}?',
    'What is {t} like where you live? Tell me something I would not know.',
  ],
  ko: [
    '{t}에 빠지게 된 계기가 뭐예요?',
    '네가 사는 곳에서 {t} 하면 어떤 게 유명해? 내가 모를 만한 걸 알려 줘!',
  ],
  id: [
    'Apa yang pertama kali bikin kamu suka {t}?',
    'Seperti apa {t} di tempat tinggalmu? Ceritakan hal yang mungkin belum aku tahu.',
  ],
  ms: [
    'Apa yang mula-mula buat awak minat {t}?',
    'Bagaimana {t} di tempat awak? Ceritakan sesuatu yang saya mungkin tak tahu.',
  ],
  th: ['อะไรทำให้คุณเริ่มชอบ{t}?', '{t}ที่บ้านคุณเป็นอย่างไรบ้าง เล่าเรื่องที่ฉันอาจไม่เคยรู้ให้ฟังหน่อย'],
  vi: [
    'Điều gì khiến bạn bắt đầu thích {t}?',
    '{T} ở nơi bạn sống thế nào? Kể mình nghe điều gì đó mình chưa biết nhé.',
  ],
  fil: [
    'Paano ka unang nahilig sa {t}?',
    'Kumusta ang {t} sa inyong lugar? Ikuwento mo ang isang bagay na hindi ko pa alam.',
  ],
  km: [
    'តើអ្វីដែលធ្វើឱ្យអ្នកចាប់ផ្ដើមចូលចិត្ត{t}?',
    'តើ{t}នៅកន្លែងអ្នករស់នៅយ៉ាងដូចម្ដេច? ប្រាប់ខ្ញុំពីរឿងដែលខ្ញុំប្រហែលមិនទាន់ដឹង។',
  ],
  lo: ['ຫຍັງເຮັດໃຫ້ເຈົ້າເລີ່ມມັກ{t}?', '{t}ຢູ່ບ່ອນເຈົ້າເປັນແນວໃດ? ເລົ່າເລື່ອງທີ່ຂ້ອຍອາດຈະຍັງບໍ່ຮູ້ໃຫ້ຟັງແດ່.'],
  my: ['{t}ကို ဘယ်လိုစပြီး စိတ်ဝင်စားလာတာလဲ။', 'မင်းနေတဲ့နေရာမှာ {t}က ဘယ်လိုလဲ။ ငါမသိသေးတာလေး ပြောပြပါဦး။'],
  zh: ['你最开始是怎么喜欢上{t}的？', '你那里的{t}是什么样的？给我讲讲我可能不知道的事吧。'],
};

/** Starters for anyone, whatever their interests. */
const GENERIC: Record<Locale, string[]> = {
  en: [
    'What does a normal school day look like for you, from waking up to going to sleep?',
    'What is your favourite dish from home, and who makes it best?',
    'Which place in your town would you take me to first, and why?',
  ],
  ko: [
    '아침에 일어나서 잠들 때까지, 평소 하루는 어떻게 보내?',
    '고향 음식 중에 제일 좋아하는 건 뭐야? 누가 제일 맛있게 만들어?',
    '내가 너희 동네에 가면 제일 먼저 데려가고 싶은 곳은 어디야? 왜?',
  ],
  id: [
    'Seperti apa hari sekolahmu, dari bangun tidur sampai tidur lagi?',
    'Apa makanan rumahan favoritmu, dan siapa yang masaknya paling enak?',
    'Kalau aku datang ke kotamu, tempat mana yang pertama kamu tunjukkan? Kenapa?',
  ],
  ms: [
    'Bagaimana hari persekolahan awak, dari bangun pagi sampai tidur?',
    'Apa masakan rumah kegemaran awak, dan siapa yang masak paling sedap?',
    'Kalau saya datang ke bandar awak, tempat mana yang awak bawa saya dulu? Kenapa?',
  ],
  th: [
    'วันธรรมดาที่โรงเรียนของคุณเป็นอย่างไร ตั้งแต่ตื่นนอนจนถึงเข้านอน',
    'อาหารบ้านจานโปรดของคุณคืออะไร และใครทำอร่อยที่สุด',
    'ถ้าฉันไปเที่ยวเมืองของคุณ คุณจะพาฉันไปที่ไหนก่อน เพราะอะไร',
  ],
  vi: [
    'Một ngày đi học bình thường của bạn thế nào, từ lúc thức dậy đến lúc đi ngủ?',
    'Món ăn ở nhà mà bạn thích nhất là gì, và ai nấu ngon nhất?',
    'Nếu mình đến thành phố của bạn, bạn sẽ dẫn mình đi đâu đầu tiên? Vì sao?',
  ],
  fil: [
    'Ano ang karaniwang araw mo sa eskwela, mula paggising hanggang pagtulog?',
    'Ano ang paborito mong lutong-bahay, at sino ang pinakamasarap magluto nito?',
    'Kung bibisita ako sa inyong bayan, saan mo ako unang dadalhin? Bakit?',
  ],
  km: [
    'តើថ្ងៃរៀនធម្មតារបស់អ្នកយ៉ាងម៉េចដែរ ចាប់ពីក្រោកពីគេងរហូតដល់ចូលគេង?',
    'តើម្ហូបផ្ទះដែលអ្នកចូលចិត្តជាងគេគឺអ្វី ហើយនរណាធ្វើឆ្ងាញ់ជាងគេ?',
    'បើខ្ញុំទៅលេងទីក្រុងរបស់អ្នក តើអ្នកនឹងនាំខ្ញុំទៅកន្លែងណាមុនគេ? ហេតុអ្វី?',
  ],
  lo: [
    'ມື້ໄປໂຮງຮຽນທຳມະດາຂອງເຈົ້າເປັນແນວໃດ ຕັ້ງແຕ່ຕື່ນນອນຈົນເຂົ້ານອນ?',
    'ອາຫານເຮືອນທີ່ເຈົ້າມັກທີ່ສຸດແມ່ນຫຍັງ ແລະ ໃຜເຮັດແຊບທີ່ສຸດ?',
    'ຖ້າຂ້ອຍໄປຢາມເມືອງຂອງເຈົ້າ ເຈົ້າຈະພາຂ້ອຍໄປໃສກ່ອນ? ເປັນຫຍັງ?',
  ],
  my: [
    'မင်းရဲ့ ပုံမှန်ကျောင်းတက်ရက်က အိပ်ရာထကနေ အိပ်ချိန်ထိ ဘယ်လိုလဲ။',
    'အိမ်ချက်ဟင်းထဲမှာ မင်းအကြိုက်ဆုံးက ဘာလဲ၊ ဘယ်သူချက်တာ အရသာအရှိဆုံးလဲ။',
    'ငါ မင်းတို့မြို့ကို လာလည်ရင် ဘယ်နေရာကို အရင်ဆုံး ခေါ်သွားမလဲ။ ဘာကြောင့်လဲ။',
  ],
  zh: [
    '你平常上学的一天是什么样的？从起床到睡觉都做些什么？',
    '你最喜欢的家常菜是什么？谁做得最好吃？',
    '如果我去你的城市，你会先带我去哪里？为什么？',
  ],
};

const languageOf = (locale: string | undefined): Locale => {
  const l = (locale ?? 'en').toLowerCase();
  if (PROMPT_LOCALES.includes(l)) return l;
  const base = l.split(/[-_]/)[0];
  if (base === 'tl') return 'fil';
  return PROMPT_LOCALES.includes(base) ? base : 'en';
};

/** The interest's name in a language, or null for a tag not on the list. */
export function interestName(tag: string, locale: Locale): string | null {
  const interest = INTERESTS.find((i) => i.tag === tag);
  if (!interest) return null;
  if (locale === 'en') return interest.label.en.toLowerCase().replace('k-pop', 'K-pop');
  if (locale === 'ko') return interest.label.ko;
  return NAMES[tag]?.[OTHER_LOCALES.indexOf(locale)] ?? null;
}

/** Starters for an interest (two about it, then the generic ones), or the generic ones alone. */
export function letterPrompts(
  interest: string | undefined,
  locale: string | undefined,
): { locale: string; interest: string | null; prompts: string[] } {
  const language = languageOf(locale);
  const name = interest ? interestName(interest, language) : null;
  const about = name
    ? ABOUT[language].map((q) =>
        q.replace('{t}', name).replace('{T}', name[0].toUpperCase() + name.slice(1)),
      )
    : [];
  return {
    locale: language,
    interest: name ? interest! : null,
    prompts: [...about, ...GENERIC[language]],
  };
}
