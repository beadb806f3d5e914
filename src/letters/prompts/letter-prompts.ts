/**
 * PURE: conversation starters shown when a letter is empty, per interest tag, in the 11
 * languages of the web app. Each interest has its name in every language and each language
 * two questions about an interest; generic starters fill in for an unknown or missing tag.
 */
import { LOCALES, localeOf, type Locale } from '../../common/i18n/locales';
import { interestName } from '../../common/reference-data';

export const PROMPT_LOCALES = LOCALES;

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

/** Starters for an interest (two about it, then the generic ones), or the generic ones alone. */
export function letterPrompts(
  interest: string | undefined,
  locale: string | undefined,
): { locale: string; interest: string | null; prompts: string[] } {
  const language = localeOf(locale);
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
