import fc from 'fast-check';
import {
  ContactKind,
  MESSENGERS,
  MESSENGER_RE,
  asciiDigits,
  markLatinSigns,
  scanContactDetails,
} from './contact-detector';

type Case = [string, string, ContactKind[]];

/** [what, letter text, kinds expected ([] = nothing to hold)] */
const FLAGGED: Case[] = [
  // ---- email addresses
  ['plain email', 'Write to me at minji.kim@gmail.com anytime!', ['email']],
  ['email in Korean prose', '내 이메일은 minji_2010@naver.com 이야', ['email']],
  ['email with spaces around @', 'my mail: somchai @ hotmail.com', ['email']],
  ['spelled at/dot', 'email me: ari at yahoo dot co dot id', ['email']],
  ['bracketed (at) [dot]', 'lan.nguyen(at)gmail[dot]com', ['email']],
  ['Korean 골뱅이 and 점', '메일 minji 골뱅이 naver 점 com 으로 보내줘', ['email']],
  ['Korean 골뱅이 attached, 닷컴 spelled', 'minji골뱅이gmail닷com', ['email']],
  ['Thai แอท/ดอท', 'อีเมลของฉัน somchai แอท gmail ดอท com นะ', ['email']],
  ['Vietnamese a còng / chấm', 'Email của mình là lan a còng gmail chấm com nhé', ['email']],
  ['Indonesian titik', 'emailku ari.putri at gmail titik com', ['email']],
  ['provider name alone', 'find me: minji at naver', ['email']],
  ['spaced-out letters', 'k i m @ g m a i l . c o m', ['email']],
  ['full-width email', 'ｍｉｎｊｉ＠ｇｍａｉｌ．ｃｏｍ', ['email']],
  ['email in Lao prose', 'ອີເມວຂອງຂ້ອຍແມ່ນ noy.vong@gmail.com', ['email']],
  ['email in Khmer prose', 'អ៊ីមែលរបស់ខ្ញុំ sokha99@yahoo.com', ['email']],
  // ---- phone numbers in the formats of the 11 countries
  ['KR mobile', '내 번호는 010-1234-5678 이야', ['phone']],
  ['KR international', 'call +82 10 1234 5678', ['phone']],
  ['TH mobile', 'เบอร์ของฉัน 081-234-5678', ['phone']],
  ['TH international', 'โทร +66 81 234 5678 นะ', ['phone']],
  ['VN mobile', 'Số của mình là 0912 345 678', ['phone']],
  ['VN international', 'gọi +84 912 345 678', ['phone']],
  ['ID mobile', 'nomor aku 0812-3456-7890 ya', ['phone']],
  ['ID international', 'WA ke +62 812 3456 7890', ['phone']],
  ['MY mobile', 'my number 012-345 6789', ['phone']],
  ['MY international', 'call me +60 12-345 6789', ['phone']],
  ['PH mobile', 'text me 0917 123 4567', ['phone']],
  ['PH international', '+63 917 123 4567 po', ['phone']],
  ['SG 8 digits', 'my number is 9123 4567', ['phone']],
  ['KH international', 'លេខខ្ញុំ +855 12 345 678', ['phone']],
  ['KH local', 'លេខ 012 345 678', ['phone']],
  ['LA international', 'ເບີຂອງຂ້ອຍ +856 20 5555 1234', ['phone']],
  ['LA local', 'ເບີ 020 5555 1234', ['phone']],
  ['MM international', 'ဖုန်း +95 9 123 456 789', ['phone']],
  ['MM local 09', 'ဖုန်းနံပါတ် 09 123 456 789', ['phone']],
  ['BN international', 'call +673 712 3456', ['phone']],
  ['dotted', 'số mình 0912.345.678', ['phone']],
  // ---- phone numbers dressed up
  ['Lao digits', 'ເບີໂທ ໐໒໐ ໕໕໕໕ ໑໒໓໔', ['phone']],
  ['Thai digits', 'เบอร์ ๐๘๑-๒๓๔-๕๖๗๘', ['phone']],
  ['Burmese digits', 'ဖုန်း ၀၉၁၂၃၄၅၆၇၈၉', ['phone']],
  ['Khmer digits', 'លេខ ០១២ ៣៤៥ ៦៧៨', ['phone']],
  ['full-width digits', '전화 ０１０－１２３４－５６７８', ['phone']],
  ['spaced digits', 'my number 0 8 1 2 3 4 5 6 7 8', ['phone']],
  ['English words', 'call me: zero eight one two three four five six seven eight', ['phone']],
  [
    'words split by commas',
    'my number is zero one zero, one two three four, five six seven eight',
    ['phone'],
  ],
  ['mixed words and digits', 'zero one zero 1234 5678', ['phone']],
  ['Korean syllables', '내 번호 공일공 일이삼사 오육칠팔', ['phone']],
  ['Thai words', 'เบอร์ ศูนย์แปดหนึ่งสองสามสี่ห้าหกเจ็ดแปด', ['phone']],
  ['Vietnamese words', 'số mình là không chín một hai ba bốn năm sáu bảy tám', ['phone']],
  ['Indonesian words', 'nol delapan satu dua tiga empat lima enam tujuh delapan', ['phone']],
  ['Lao words', 'ສູນ ສອງ ສູນ ຫ້າ ຫ້າ ຫ້າ ຫ້າ ໜຶ່ງ ສອງ ສາມ ສີ່', ['phone']],
  ['Khmer words', 'សូន្យ មួយ ពីរ បី បួន ប្រាំ ប្រាំមួយ ប្រាំពីរ ប្រាំបី', ['phone']],
  ['Burmese words', 'သုည ကိုး တစ် နှစ် သုံး လေး ငါး ခြောက် ခုနစ် ရှစ်', ['phone']],
  ['Chinese numerals', '我的电话 一三八一二三四五六七八', ['phone']],
  ['letter O for zero', 'my number O81 234 5678', ['phone']],
  // ---- links
  ['https link', 'see https://example.org/profile/minji', ['link']],
  ['www link', 'my blog www.minji-blog.kr', ['link']],
  ['bare domain', 'visit kenal.example.com for photos', ['link']],
  ['t.me link', 'join t.me/somchai_th', ['link']],
  ['wa.me link', 'wa.me/66812345678', ['link']],
  ['weak TLD with a path', 'my page is minji.my/photos', ['link']],
  ['second level .com.my', 'buy it from kedai.com.my', ['link']],
  ['spelled dot com', 'check minjiblog dot com', ['link']],
  ['link in Thai prose', 'ดูรูปที่ instagram.com/somchai.th นะ', ['link']],
  // ---- messenger handles
  ['KakaoTalk ID, Korean', '카톡 아이디는 minji0505 야', ['handle']],
  ['KakaoTalk, English', 'add me on KakaoTalk: minjikim', ['handle']],
  ['LINE ID', 'my LINE id is somchai_99', ['handle']],
  ['LINE, Thai', 'แอดไลน์มานะ ไลน์ somchai2010', ['handle']],
  ['Zalo', 'Zalo của mình là lan.nguyen nha', ['handle']],
  ['WhatsApp with number', 'WhatsApp: 0812 3456 7890', ['phone', 'handle']],
  ['Telegram @handle', 'Telegram: @minji_k', ['handle']],
  ['bare @handle', 'follow @lan.nguyen2010 !', ['handle']],
  ['Instagram', 'my insta is minji.photo', ['handle']],
  ['IG short', 'IG: ari_putri', ['handle']],
  ['인스타 in Korean', '인스타 minji_daily 팔로우해줘', ['handle']],
  ['Facebook', 'find me on facebook, fb: somchai.jaidee', ['handle']],
  ['Discord tag', 'my discord is gamer#1234', ['handle']],
  ['Discord tag alone', 'add NoyV#0420 tonight', ['handle']],
  ['WeChat', 'WeChat ID wxid_abc123', ['handle']],
  ['微信号', '我的微信号 li_ming88', ['handle']],
  ['Viber', 'Viber: sokha_kh', ['handle']],
  ['Lao LINE', 'ແອດ line ມາ noy_lao', ['handle']],
  ['Burmese Viber', 'Viber ကနေ aungaung99 ကို add ပါ', ['handle']],
  ['several kinds', 'call 010-9876-5432 or mail me at kim@naver.com', ['email', 'phone']],
  // ---- long letters: the number hidden amid prose that is full of digit words and numbers
  [
    'Korean letter, spelled number amid 이/일/사/오',
    `${'이번 일요일에 사촌 오빠랑 이모네 집에 갔어. 오늘은 사과 이야기, 구경 많이 했어. '.repeat(60)}` +
      `내 번호는 공일공 일이삼사 오육칠팔 맞지? ${'이번 주 일요일 오후에 사진 보내줄게! '.repeat(60)}`,
    ['phone'],
  ],
  [
    'Vietnamese letter, spelled number amid năm/hai/ba',
    `${'Năm nay mình học lớp mười, có hai anh và ba em, năm 2026 đi Huế. '.repeat(70)}` +
      `số mình là không chín một hai ba bốn năm sáu bảy tám ${'Hẹn gặp bạn năm sau nhé! '.repeat(40)}`,
    ['phone'],
  ],
  [
    'English letter full of years and prices, a number spelled at the end',
    `${'In 2019, 2020 and 2024 we paid $1,500 and 50,000 won, 3-2 at 10:30, pages 123 to 145. '.repeat(55)}` +
      'call me: zero eight one two three four five six seven eight',
    ['phone'],
  ],
];

const CLEAN: [string, string][] = [
  ['a year', 'In 2026 I will visit Seoul.'],
  ['a range of years', 'the exchange runs 2026-2027'],
  ['a list of years', 'We won in 2023 2024 2025!'],
  ['price in won', 'The ticket was 50,000 won.'],
  ['price in dollars', 'It cost $20 only.'],
  ['price in dong, dotted thousands', 'Bát phở giá 1.500.000 VND ở khách sạn'],
  ['price in rupiah', 'harganya Rp 150.000 saja'],
  ['long price in VND', 'I paid 15000000 VND for the flight'],
  ['price in baht, Thai', 'ราคา 1,200 บาท'],
  ['a big amount in won', '₩1,000,000 is a lot'],
  ['time', 'See you at 10:30 tomorrow'],
  ['time pm', 'school ends at 3pm'],
  ['two spaces are not a spelled dot', 'I love football  com on, let us play!'],
  ['two spaces before a domain-like word', 'We played netball  net scores were close'],
  ['score', 'We lost 3-2 in football.'],
  ['badminton score', 'Final set 21-19, 18-21, 21-17'],
  ['date ISO', 'My birthday is 2010-05-05.'],
  ['date d/m/y', 'Exam on 05/12/2026.'],
  ['date dotted', 'Ngày 5.12.2026 mình thi'],
  ['age', 'I am 16 years old and my sister is 12.'],
  ['page numbers', 'Read pages 123 to 145 of the book'],
  ['marks', 'My scores were 95 98 100 87 this term.'],
  ['decimal', 'Pi is 3.14159265 they say'],
  ['Korean counting words', '오이 구이 사이 에 있어요'],
  ['Korean prose', '안녕! 나는 서울에 사는 민지야. 이번 주에 친구들이랑 공원에 갔어.'],
  ['Thai prose', 'สวัสดี ฉันชื่อสมชาย อายุ 15 ปี ชอบเล่นฟุตบอลกับเพื่อนสามสี่คน'],
  ['Lao prose', 'ສະບາຍດີ ຂ້ອຍຊື່ນ້ອຍ ອາຍຸ 14 ປີ ມັກອ່ານປຶ້ມ'],
  ['Vietnamese year and numbers', 'Mình sinh năm 2010, năm nay 16 tuổi, có hai anh và ba em'],
  ['Indonesian prose', 'Halo! Aku suka main badminton dua kali seminggu.'],
  ['Burmese prose', 'မင်္ဂလာပါ ကျွန်တော် အသက် ၁၅ နှစ် ပါ'],
  ['Khmer prose', 'សួស្តី ខ្ញុំឈ្មោះសុខា អាយុ ១៤ ឆ្នាំ'],
  ['apps named, no handle', 'Do you use KakaoTalk or LINE? I use Instagram every day.'],
  ['instagram is boring', 'My Instagram is really boring, I only post food.'],
  ['waiting in line', 'We waited in line for two hours at the museum.'],
  ['missing space after a full stop', 'I was at school.It was fun.My mom came.'],
  ['e.g. and abbreviations', 'I like sports, e.g. football, and Mr.Kim is my teacher.'],
  ['hashtag number', 'We were #1 in the league!'],
  ['email word alone', 'Do you have an email address? Ask your teacher.'],
  ['at as a word', 'I will be at home at 7 and at school at 8.'],
  ['Chinese prose with numbers', '我今年十五岁，有两个姐姐。'],
  ['file name', 'I attached photo.jpg yesterday (not really)'],
  // ---- long letters full of numbers that are not phone numbers
  [
    'long Korean letter with many 이/일/사/오 and numbers',
    '이번 일요일에 사촌 오빠랑 이모네 집에 갔어. 2026년 12월 5일, 50,000원, 오후 3시 30분. '.repeat(
      60,
    ),
  ],
  [
    'long English letter of years, prices, scores and times',
    'In 2019, 2020 and 2024 we paid $1,500 and 50,000 won; we won 3-2 at 10:30, pages 123 to 145. '.repeat(
      55,
    ),
  ],
  [
    'long Vietnamese letter of years and prices',
    'Mình sinh năm 2010, năm nay 16 tuổi, có hai anh và ba em. Bát phở giá 50.000 VND. '.repeat(60),
  ],
  ['long Thai letter', 'ฉันชื่อสมชาย อายุ 15 ปี เพื่อนสามสี่คน ราคา 1,200 บาท ปี 2026 '.repeat(80)],
];

describe('contact-detail detector', () => {
  it.each(FLAGGED)('%s: flags %#', (_what, text, kinds) => {
    const scan = scanContactDetails(text);
    expect({ text, kinds: scan.kinds }).toEqual({ text, kinds: [...kinds].sort(order) });
  });

  it.each(CLEAN)('does not flag %s', (_what, text) => {
    const scan = scanContactDetails(text);
    expect({ text, matches: scan.matches }).toEqual({ text, matches: [] });
  });

  it('has at least 60 cases in several scripts', () => {
    expect(FLAGGED.length + CLEAN.length).toBeGreaterThanOrEqual(60);
  });

  it('says what it found, for the moderator', () => {
    const scan = scanContactDetails('내 번호 010-1234-5678, 메일 minji@naver.com');
    expect(scan).toEqual({
      found: true,
      kinds: ['email', 'phone'],
      matches: [
        { kind: 'email', text: 'minji@naver.com' },
        { kind: 'phone', text: '010-1234-5678' },
      ],
    });
  });

  // ---- properties

  const PROSE_WORDS = [
    'hello',
    'friend',
    'school',
    'football',
    'rice',
    'family',
    'music',
    'today',
    'weekend',
    'we',
    'played',
    'with',
    'my',
    'brother',
    'and',
    'it',
    'was',
    'fun',
    'in',
    'the',
    'park',
    '안녕',
    '친구',
    '학교',
    '주말에',
    '가족과',
    '음식',
    'สวัสดี',
    'เพื่อน',
    'โรงเรียน',
    'ສະບາຍດີ',
    'ໝູ່',
    'bạn',
    'trường',
    'gia đình',
    'teman',
    'sekolah',
    'keluarga',
    'សួស្តី',
    'មិត្ត',
    'မင်္ဂလာပါ',
    'သူငယ်ချင်း',
    'kaibigan',
    'paaralan',
  ];
  const PUNCT = ['. ', ', ', '! ', '? ', ' ', ' ', ' ', '\n', '; ', ' - ', '.'];

  it('never flags ordinary prose without digits or @', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...PROSE_WORDS), fc.constantFrom(...PUNCT)), {
          maxLength: 60,
        }),
        (parts) => {
          const text = parts.map(([w, p]) => w + p).join('');
          expect(scanContactDetails(text).found).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('always flags an email address, wherever it sits in a letter', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PROSE_WORDS), { maxLength: 20 }),
        fc.array(fc.constantFrom(...PROSE_WORDS), { maxLength: 20 }),
        label,
        fc.constantFrom('.', '_', ''),
        label,
        label,
        fc.constantFrom('com', 'net', 'org', 'co.kr', 'ac.th', 'com.vn', 'co.id', 'edu.my'),
        (before, after, user, sep, user2, domain, tld) => {
          const email = `${user}${sep}${user2}@${domain}.${tld}`;
          const text = `${before.join(' ')} ${email} ${after.join(' ')}`;
          expect(scanContactDetails(text).kinds).toContain('email');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('always flags a mobile number of one of the 11 countries, however it is spaced', () => {
    const formats = [
      ['+82 10', 8],
      ['010', 8],
      ['+66 8', 8],
      ['08', 8],
      ['+84 9', 8],
      ['09', 8],
      ['+62 812', 8],
      ['+60 12', 7],
      ['+63 917', 7],
      ['+65 9', 7],
      ['+855 12', 6],
      ['+856 20', 8],
      ['+95 9', 8],
      ['+673 7', 6],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
        fc.constantFrom(' ', '-', '.', ''),
        fc.constantFrom(...PROSE_WORDS),
        ([prefix, n], digits, sep, word) => {
          const rest = digits.slice(0, n).join('');
          const number = `${prefix}${sep}${rest.slice(0, 3)}${sep}${rest.slice(3)}`;
          expect(scanContactDetails(`${word} ${number} ${word}`).kinds).toContain('phone');
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The Latin signs as they were marked before one expression found them: word by word. */
const LATIN_SIGN_WORDS = new Map(
  ['at', 'et', 'arroba', 'dot', 'chấm', 'cham', 'titik', 'tuldok', 'period'].map((w) => [
    w,
    ['at', 'et', 'arroba'].includes(w) ? '@' : '.',
  ]),
);
const markWordByWord = (s: string) =>
  s.replace(/\S+/g, (w) => {
    const sign = LATIN_SIGN_WORDS.get(w.toLowerCase());
    return sign ? `\u0001${sign}\u0001` : w;
  });

describe('messenger names', () => {
  it('are found where the expression without the first-letter class found them', () => {
    const alt = (words: string[]) =>
      [...words]
        .sort((a, b) => b.length - a.length)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|');
    const latin = MESSENGERS.filter((w) => /^[\x20-\x7e]+$/.test(w));
    const before = new RegExp(
      `(?<![\\p{L}\\p{M}])(?:${alt(latin)})(?![a-z])|` +
        `(?:${alt(MESSENGERS.filter((w) => !latin.includes(w)))})`,
      'giu',
    );
    const word = fc.constantFrom(
      ...MESSENGERS,
      ...['KakaoTalk', 'LINE', 'Zalo', 'IG', 'linen', 'skyline', 'wax', 'tgif', 'fb.', 'X.COM'],
      ...['민지', 'ไลน์มา', 'năm', 'ກັບ', 'ပါ', 'é', '\u0301', '𝒳'],
    );
    const sep = fc.constantFrom('', ' ', ': ', '@', '.', '\n', '_', '1');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { maxLength: 20 }), (parts) => {
        const text = parts.map(([w, s]) => w + s).join('');
        const found = (re: RegExp) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
        expect(found(MESSENGER_RE)).toEqual(found(before));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('asciiDigits', () => {
  it('changes only decimal digits (Nd), as when it looked for them all, each to its value', () => {
    // Before, it looked for every \p{Nd} and gave those outside its blocks back unchanged; now it
    // looks only in its blocks. The same map, code point by code point, if every code point it
    // changes now is a \p{Nd}.
    const odd: string[] = [];
    let changed = 0;
    for (let cp = 0x80; cp <= 0x10ffff; cp += 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const out = asciiDigits(ch);
      if (out === ch) continue;
      changed += 1;
      if (!/\p{Nd}/u.test(ch) || !/^[0-9]$/.test(out)) odd.push(ch);
    }
    expect(odd).toEqual([]);
    expect(changed).toBe(35 * 10);
    expect(asciiDigits('๐๘๑ ໐໒໐ ၀၉ ០១២ ０１ 2026')).toBe('081 020 09 012 01 2026');
  });
});

describe('Latin "at" and "dot"', () => {
  it('are marked as looking each word up marked them', () => {
    const word = fc.constantFrom(
      ...LATIN_SIGN_WORDS.keys(),
      ...['AT', 'Dot', 'CHẤM', 'Titik', 'ARROBA', 'cat', 'at.', 'dots', 'at\u0001@\u0001'],
      ...['\u0001.\u0001', 'minji', 'gmail', 'com', '골뱅이', '점', 'naver', 'İt', 'ät'],
    );
    const sep = fc.constantFrom(' ', '  ', '\t', '\n', '', ', ', '\u3000', '\u00a0');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sep), { maxLength: 20 }), (parts) => {
        const text = parts.map(([w, s]) => w + s).join('');
        expect(markLatinSigns(text)).toBe(markWordByWord(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('are found in any case, as the words they are and no other', () => {
    expect(markLatinSigns('ari AT yahoo DoT co Chấm id at. cat')).toBe(
      'ari \u0001@\u0001 yahoo \u0001.\u0001 co \u0001.\u0001 id at. cat',
    );
  });
});

const order = (a: ContactKind, b: ContactKind) =>
  ['email', 'phone', 'link', 'handle'].indexOf(a) - ['email', 'phone', 'link', 'handle'].indexOf(b);
