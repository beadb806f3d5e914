/**
 * The contact-detail detector on 5,000-character letters (target: under 2 ms each).
 *
 *   npm run bench:letter-detector -- [--runs 2000]
 *   npm run bench:letter-detector -- --only ko-phone --scans 200   (or --only all; for callgrind)
 *
 * Letters in English, Korean, Thai, Lao, Vietnamese and Burmese prose with ordinary numbers
 * (years, prices, times, scores), with and without a phone number hidden in the middle. After a
 * warm-up, prints per letter the p50, p99 and worst single scan, in wall-clock time and in CPU time
 * of this process (process.cpuUsage: a scan's own work, without the time the process waited for
 * a core, which on a loaded machine is most of a wall-clock p99). A part of the issue's
 * `bench:letters` (the HTTP figures at 20,000 matches are not measured here).
 *
 * Instruction counts, which do not depend on the load: `--only <letter> --scans N` scans that one
 * letter N times after the warm-up and prints nothing else. Under
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null node dist-bench/bench/letter-detector.js --only ko-phone --scans N
 * (after `npx tsc -p tsconfig.bench.json`), the difference between N=200 and N=0, over 200, is
 * the instructions of one scan.
 */
import { scanContactDetails } from '../src/letters/detector/contact-detector';
import { measuring, printTable, summarise } from './lib/summary';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('--runs') ?? 2000);

const PROSE: Record<string, string> = {
  en: 'Hello from Vientiane! We played football in 2026 and won 3-2. Tickets were $20 at 10:30. ',
  ko: '안녕! 나는 서울에 사는 민지야. 이번 주에 친구들이랑 공원에 갔어. 2026년 12월 5일, 50,000원. ',
  th: 'สวัสดี ฉันชื่อสมชาย อายุ 15 ปี ชอบเล่นฟุตบอลกับเพื่อนสามสี่คน ราคา 1,200 บาท ',
  lo: 'ສະບາຍດີ ຂ້ອຍຊື່ນ້ອຍ ອາຍຸ 14 ປີ ມັກອ່ານປຶ້ມ ແລະ ຫຼິ້ນບານເຕະກັບໝູ່ ',
  vi: 'Mình sinh năm 2010, năm nay 16 tuổi, có hai anh và ba em. Bát phở giá 50.000 VND. ',
  my: 'မင်္ဂလာပါ ကျွန်တော် အသက် ၁၅ နှစ် ပါ။ ဘောလုံးကစားရတာ ကြိုက်တယ်။ ',
};
const HIDDEN_PHONE = ' ໐໒໐ ໕໕໕໕ ໑໒໓໔ ';

const letter = (prose: string, hidden: string | null) => {
  const text = prose.repeat(Math.ceil(5000 / prose.length)).slice(0, 5000);
  return hidden ? text.slice(0, 2500) + hidden + text.slice(2500 + hidden.length) : text;
};
const LETTERS = Object.entries(PROSE).flatMap(([language, prose]) => [
  { name: `${language}-ordinary`, text: letter(prose, null) },
  { name: `${language}-phone`, text: letter(prose, HIDDEN_PHONE) },
]);

const only = arg('--only');
if (only !== undefined) {
  const texts = LETTERS.filter((l) => only === 'all' || l.name === only).map((l) => l.text);
  if (texts.length === 0)
    throw new Error(`--only: all or one of ${LETTERS.map((l) => l.name).join(', ')}`);
  for (const text of texts) for (let i = 0; i < 50; i += 1) scanContactDetails(text);
  const scans = Number(arg('--scans') ?? 0);
  for (const text of texts) for (let i = 0; i < scans; i += 1) scanContactDetails(text);
  process.exit(0);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (x: number) => x.toFixed(2);

measuring();
let worstP99 = 0;
let worstCpuP99 = 0;
let worstCpu = 0;
const rows = [
  ['letter (5,000 chars)', 'found', 'p50', 'p99', 'worst', 'CPU p50', 'CPU p99', 'CPU worst'],
];
for (const { name, text } of LETTERS) {
  for (let i = 0; i < 50; i += 1) scanContactDetails(text);
  const wall: number[] = [];
  const cpu: number[] = [];
  let found = false;
  for (let i = 0; i < runs; i += 1) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    found = scanContactDetails(text).found;
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1e3);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  worstP99 = Math.max(worstP99, percentile(wall, 99));
  worstCpuP99 = Math.max(worstCpuP99, percentile(cpu, 99));
  worstCpu = Math.max(worstCpu, cpu[cpu.length - 1]);
  rows.push([
    name,
    String(found),
    ...[50, 99].map((p) => ms(percentile(wall, p))),
    ms(wall[wall.length - 1]),
    ...[50, 99].map((p) => ms(percentile(cpu, p))),
    ms(cpu[cpu.length - 1]),
  ]);
}
console.log(`${runs} scans of each letter, in ms:`);
printTable(rows);
summarise(
  'letter-detector',
  `5,000-character letters: worst p99 ${ms(worstP99)} ms, CPU ${ms(worstCpuP99)} ms (target < 2 ms)`,
  { cpuOnly: true, worstP99Ms: worstP99, worstCpuP99Ms: worstCpuP99, worstCpuMs: worstCpu },
);
