/**
 * The contact-detail detector on 5,000-character letters (target: under 2 ms each).
 *
 *   npm run bench:letter-detector -- [--runs 500]
 *
 * Letters in English, Korean, Thai, Lao, Vietnamese and Burmese prose with ordinary numbers
 * (years, prices, times, scores), with and without a phone number hidden in the middle.
 * Prints p50 and p99 per letter after a warm-up. A part of the issue's `bench:letters`
 * (the HTTP figures at 20,000 matches are not measured here).
 */
import { scanContactDetails } from '../src/letters/detector/contact-detector';
import { measuring, summarise } from './lib/summary';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 500;

const PROSE: Record<string, string> = {
  en: 'Hello from Vientiane! We played football in 2026 and won 3-2. Tickets were $20 at 10:30. ',
  ko: '안녕! 나는 서울에 사는 민지야. 이번 주에 친구들이랑 공원에 갔어. 2026년 12월 5일, 50,000원. ',
  th: 'สวัสดี ฉันชื่อสมชาย อายุ 15 ปี ชอบเล่นฟุตบอลกับเพื่อนสามสี่คน ราคา 1,200 บาท ',
  lo: 'ສະບາຍດີ ຂ້ອຍຊື່ນ້ອຍ ອາຍຸ 14 ປີ ມັກອ່ານປຶ້ມ ແລະ ຫຼິ້ນບານເຕະກັບໝູ່ ',
  vi: 'Mình sinh năm 2010, năm nay 16 tuổi, có hai anh và ba em. Bát phở giá 50.000 VND. ',
  my: 'မင်္ဂလာပါ ကျွန်တော် အသက် ၁၅ နှစ် ပါ။ ဘောလုံးကစားရတာ ကြိုက်တယ်။ ',
};

const letter = (prose: string, hidden: string | null) => {
  const text = prose.repeat(Math.ceil(5000 / prose.length)).slice(0, 5000);
  return hidden ? text.slice(0, 2500) + hidden + text.slice(2500 + hidden.length) : text;
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

measuring();
let worstP99 = 0;
for (const [language, prose] of Object.entries(PROSE)) {
  for (const hidden of [null, ' ໐໒໐ ໕໕໕໕ ໑໒໓໔ ']) {
    const text = letter(prose, hidden);
    for (let i = 0; i < 50; i += 1) scanContactDetails(text);
    const times: number[] = [];
    let found = false;
    for (let i = 0; i < runs; i += 1) {
      const t = process.hrtime.bigint();
      found = scanContactDetails(text).found;
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    worstP99 = Math.max(worstP99, percentile(times, 99));
    console.log(
      `${language} ${hidden ? 'with a phone number' : 'ordinary      '} ${text.length} chars: ` +
        `p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms, found=${found}`,
    );
  }
}
summarise(
  'letter-detector',
  `5,000-character letters: worst p99 ${worstP99.toFixed(2)} ms (target < 2 ms)`,
  {
    cpuOnly: true,
    worstP99Ms: worstP99,
  },
);
