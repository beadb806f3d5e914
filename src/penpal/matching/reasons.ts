import {
  countryName,
  joinList,
  languageName as languageNameIn,
  localeOf,
  type Locale,
} from '../../common/i18n/locales';
import { interestName } from '../../common/reference-data';
import type { Prepared } from './prepare';
import type { PairFacts } from './types';
import {
  COUNTRY_NAMES,
  COUNTRY_NAMES_KO,
  interestLabel,
  interestLabelKo,
  joinWords,
  KR_SLOT,
  languageName,
  languageNameKo,
  slotCountry,
} from './vocabulary';

const NAMED_INTERESTS = 3;

/** Indices of the bits set in both a[ia ..] and b[ib ..] (n words each), in increasing order. */
function intersect(a: Uint32Array, ia: number, b: Uint32Array, ib: number, n: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < n; w++) pushBits(out, w, a[ia + w] & b[ib + w]);
  return out;
}

function pushBits(out: number[], word: number, bits: number): void {
  let x = bits;
  while (x !== 0) {
    const bit = x & -x;
    out.push(word * 32 + (31 - Math.clz32(bit)));
    x ^= bit;
  }
}

/**
 * What a pair shares and what either asked for, as plain data: languages by code, interests by
 * tag. Never another person's private details. Rendered into sentences per locale below, so a
 * participant reads the reasons in their own language.
 */
export function pairFacts(prep: Prepared, k: number, a: number): PairFacts {
  const { kr, asean } = prep;
  const LW = prep.langWords;
  const IW = prep.interestWords;

  // A language one of them only knows a little of is not "spoken" by both.
  const L = prep.languages.length;
  const speak: string[] = [];
  const some: string[] = [];
  for (const i of intersect(kr.langWords, k * LW, asean.langWords, a * LW, LW)) {
    const level = Math.min(kr.langLevel[k * L + i], asean.langLevel[a * L + i]);
    (level >= 2 ? speak : some).push(prep.languages[i]);
  }

  // Either direction, each language once, in index order.
  const practised: number[] = [];
  for (let w = 0; w < LW; w++) {
    const kp = kr.practiseWords[k * LW + w] & asean.fluentWords[a * LW + w];
    const ap = asean.practiseWords[a * LW + w] & kr.fluentWords[k * LW + w];
    pushBits(practised, w, kp | ap);
  }

  const interests = intersect(kr.interestWords, k * IW, asean.interestWords, a * IW, IW);
  return {
    speak,
    some,
    practise: practised.map((i) => prep.languages[i]),
    interests: interests.map((i) => prep.interests[i]),
    ageGap: Math.abs(kr.age[k] - asean.age[a]),
    askedCountry:
      (kr.prefCountries[k] >>> asean.country[a]) & 1 ? slotCountry(asean.country[a]) : null,
    askedKorea: ((asean.prefCountries[a] >>> KR_SLOT) & 1) === 1,
  };
}

/** Sentences a participant can read about why this pen pal was proposed. */
export function pairReasons(prep: Prepared, k: number, a: number): string[] {
  return renderReasons(pairFacts(prep, k, a), 'en');
}

const AGE_REASON_EN = "age difference within the round's limit";

/**
 * Reasons stored as English text before they were kept as data named the age gap ("3 years
 * apart"); a participant reads the neutral sentence instead.
 */
export const withoutAgeGap = (reasons: string[]): string[] =>
  reasons.map((r) => (/^(the same age|\d+ years? apart)$/.test(r) ? AGE_REASON_EN : r));

/** The reasons in the reader's language (one of the 11; English for anything else). */
export function renderReasons(facts: PairFacts, locale: string): string[] {
  const l = localeOf(locale);
  if (l === 'en') return english(facts);
  if (l === 'ko') return korean(facts);
  return worded(facts, l, PHRASES[l]);
}

function english(f: PairFacts): string[] {
  const reasons: string[] = [];
  if (f.speak.length > 0) reasons.push(`both speak ${joinWords(f.speak.map(languageName))}`);
  if (f.some.length > 0) reasons.push(`both know some ${joinWords(f.some.map(languageName))}`);
  for (const code of f.practise) {
    reasons.push(`one of you wants to practise ${languageName(code)}, which the other speaks well`);
  }
  const interests = f.interests.map(interestLabel);
  if (interests.length > NAMED_INTERESTS) {
    const rest = interests.length - NAMED_INTERESTS;
    reasons.push(`both like ${interests.slice(0, NAMED_INTERESTS).join(', ')} and ${rest} more`);
  } else if (interests.length > 0) {
    reasons.push(`both like ${joinWords(interests)}`);
  }
  // Never the gap itself: with one's own age it would tell the other's (ageGap stays in the facts).
  reasons.push(AGE_REASON_EN);
  if (f.askedCountry !== null) {
    reasons.push(`one of you asked for a pen pal from ${COUNTRY_NAMES[f.askedCountry]}`);
  }
  if (f.askedKorea) reasons.push(`one of you asked for a pen pal from ${COUNTRY_NAMES.KR}`);
  return reasons;
}

function korean(f: PairFacts): string[] {
  const reasons: string[] = [];
  if (f.speak.length > 0) reasons.push(`함께 쓰는 언어: ${f.speak.map(languageNameKo).join(', ')}`);
  if (f.some.length > 0) {
    reasons.push(`둘 다 조금 아는 언어: ${f.some.map(languageNameKo).join(', ')}`);
  }
  for (const code of f.practise) {
    const name = languageNameKo(code);
    reasons.push(`한 사람은 ${name}${objectParticle(name)} 연습하고 싶고, 다른 사람은 잘해요`);
  }
  const interests = f.interests.map(interestLabelKo);
  if (interests.length > NAMED_INTERESTS) {
    const rest = interests.length - NAMED_INTERESTS;
    reasons.push(`공통 관심사: ${interests.slice(0, NAMED_INTERESTS).join(', ')} 외 ${rest}개`);
  } else if (interests.length > 0) {
    reasons.push(`공통 관심사: ${interests.join(', ')}`);
  }
  reasons.push('나이 차이가 이번 회차 기준 안이에요');
  if (f.askedCountry !== null) {
    reasons.push(`한 사람이 ${COUNTRY_NAMES_KO[f.askedCountry]} 펜팔을 원했어요`);
  }
  if (f.askedKorea) reasons.push(`한 사람이 ${COUNTRY_NAMES_KO.KR} 펜팔을 원했어요`);
  return reasons;
}

/** 을 after a closed Hangul syllable, 를 after an open one; 을(를) after anything else. */
function objectParticle(word: string): string {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  if (code < 0 || code > 11171) return '을(를)';
  return code % 28 === 0 ? '를' : '을';
}

/** How each reason reads in the other nine languages (names come in already in the language). */
interface Phrases {
  speak: (languages: string) => string;
  some: (languages: string) => string;
  practise: (language: string) => string;
  like: (interests: string) => string;
  likeMore: (interests: string, more: number) => string;
  age: string;
  askedFor: (country: string) => string;
}

const PHRASES: Record<Exclude<Locale, 'en' | 'ko'>, Phrases> = {
  id: {
    speak: (x) => `sama-sama bisa ${x}`,
    some: (x) => `sama-sama sedikit bisa ${x}`,
    practise: (x) => `salah satu dari kalian ingin berlatih ${x}, dan yang lain sudah lancar`,
    like: (x) => `sama-sama suka ${x}`,
    likeMore: (x, n) => `sama-sama suka ${x}, dan ${n} lainnya`,
    age: 'selisih usia masih dalam batas putaran ini',
    askedFor: (c) => `salah satu dari kalian ingin sahabat pena dari ${c}`,
  },
  ms: {
    speak: (x) => `kedua-dua boleh bertutur ${x}`,
    some: (x) => `kedua-dua tahu sedikit ${x}`,
    practise: (x) => `salah seorang mahu berlatih ${x}, dan seorang lagi sudah fasih`,
    like: (x) => `kedua-dua suka ${x}`,
    likeMore: (x, n) => `kedua-dua suka ${x}, dan ${n} lagi`,
    age: 'beza umur dalam had pusingan ini',
    askedFor: (c) => `salah seorang mahukan sahabat pena dari ${c}`,
  },
  th: {
    speak: (x) => `พูด${x}ได้ทั้งคู่`,
    some: (x) => `รู้${x}บ้างทั้งคู่`,
    practise: (x) => `คนหนึ่งอยากฝึก${x} ซึ่งอีกคนพูดได้คล่อง`,
    like: (x) => `ชอบ${x}เหมือนกัน`,
    likeMore: (x, n) => `ชอบ${x} และอีก ${n} อย่างเหมือนกัน`,
    age: 'อายุห่างกันไม่เกินเกณฑ์ของรอบนี้',
    askedFor: (c) => `คนหนึ่งอยากได้เพื่อนทางจดหมายจาก${c}`,
  },
  vi: {
    speak: (x) => `cả hai đều nói được ${x}`,
    some: (x) => `cả hai đều biết một chút ${x}`,
    practise: (x) => `một người muốn luyện ${x}, và người kia nói giỏi`,
    like: (x) => `cả hai đều thích ${x}`,
    likeMore: (x, n) => `cả hai đều thích ${x} và ${n} điều khác`,
    age: 'chênh lệch tuổi nằm trong giới hạn của đợt này',
    askedFor: (c) => `một người muốn có bạn qua thư từ ${c}`,
  },
  fil: {
    speak: (x) => `pareho kayong nagsasalita ng ${x}`,
    some: (x) => `pareho kayong may kaunting alam sa ${x}`,
    practise: (x) => `gustong magpraktis ng ${x} ng isa sa inyo, at magaling dito ang isa`,
    like: (x) => `pareho kayong mahilig sa ${x}`,
    likeMore: (x, n) => `pareho kayong mahilig sa ${x} at ${n} pa`,
    age: 'pasok sa limitasyon ng round ang agwat ng edad ninyo',
    askedFor: (c) => `may isa sa inyong humiling ng pen pal mula sa ${c}`,
  },
  km: {
    speak: (x) => `អ្នកទាំងពីរនិយាយ${x}បាន`,
    some: (x) => `អ្នកទាំងពីរចេះ${x}បន្តិចបន្តួច`,
    practise: (x) => `ម្នាក់ចង់ហាត់${x} ហើយម្នាក់ទៀតនិយាយបានល្អ`,
    like: (x) => `អ្នកទាំងពីរចូលចិត្ត${x}`,
    likeMore: (x, n) => `អ្នកទាំងពីរចូលចិត្ត${x} និង ${n} ទៀត`,
    age: 'គម្លាតអាយុស្ថិតក្នុងកម្រិតនៃជុំនេះ',
    askedFor: (c) => `ម្នាក់បានស្នើសុំមិត្តតាមសំបុត្រមកពី${c}`,
  },
  lo: {
    speak: (x) => `ເວົ້າ${x}ໄດ້ທັງສອງຄົນ`,
    some: (x) => `ຮູ້${x}ໜ້ອຍໜຶ່ງທັງສອງຄົນ`,
    practise: (x) => `ຄົນໜຶ່ງຢາກຝຶກ${x} ເຊິ່ງອີກຄົນເວົ້າໄດ້ດີ`,
    like: (x) => `ມັກ${x}ຄືກັນ`,
    likeMore: (x, n) => `ມັກ${x} ແລະ ອີກ ${n} ຢ່າງຄືກັນ`,
    age: 'ອາຍຸຫ່າງກັນບໍ່ເກີນເກນຂອງຮອບນີ້',
    askedFor: (c) => `ຄົນໜຶ່ງຢາກໄດ້ໝູ່ທາງຈົດໝາຍຈາກ${c}`,
  },
  my: {
    speak: (x) => `နှစ်ယောက်စလုံး ${x} ပြောတတ်သည်`,
    some: (x) => `နှစ်ယောက်စလုံး ${x} အနည်းငယ် တတ်သည်`,
    practise: (x) => `တစ်ယောက်က ${x} လေ့ကျင့်ချင်ပြီး နောက်တစ်ယောက်က ကောင်းကောင်း ပြောတတ်သည်`,
    like: (x) => `နှစ်ယောက်စလုံး ${x} ကို ကြိုက်သည်`,
    likeMore: (x, n) => `နှစ်ယောက်စလုံး ${x} နှင့် နောက်ထပ် ${n} ခုကို ကြိုက်သည်`,
    age: 'အသက်ကွာခြားချက်သည် ဤအကြိမ်၏ ကန့်သတ်ချက်အတွင်း ရှိသည်',
    askedFor: (c) => `တစ်ယောက်က ${c} မှ စာမိတ်ဆွေကို လိုချင်ခဲ့သည်`,
  },
  zh: {
    speak: (x) => `你们都会说${x}`,
    some: (x) => `你们都会一点${x}`,
    practise: (x) => `一个人想练习${x}，另一个人说得很好`,
    like: (x) => `你们都喜欢${x}`,
    likeMore: (x, n) => `你们都喜欢${x}，还有另外 ${n} 个共同爱好`,
    age: '年龄差在本轮的范围内',
    askedFor: (c) => `有一个人想找来自${c}的笔友`,
  },
};

/** The separator of a short list before "and N more". */
const SEPARATOR: Partial<Record<Locale, string>> = { zh: '、', my: '၊ ' };

function worded(f: PairFacts, locale: Locale, say: Phrases): string[] {
  const language = (code: string) => languageNameIn(code, locale);
  const reasons: string[] = [];
  if (f.speak.length > 0) reasons.push(say.speak(joinList(f.speak.map(language), locale)));
  if (f.some.length > 0) reasons.push(say.some(joinList(f.some.map(language), locale)));
  for (const code of f.practise) reasons.push(say.practise(language(code)));
  const interests = f.interests.map(
    (tag) => interestName(tag, locale) ?? tag.replace(/[_-]+/g, ' ').trim(),
  );
  if (interests.length > NAMED_INTERESTS) {
    const first = interests.slice(0, NAMED_INTERESTS).join(SEPARATOR[locale] ?? ', ');
    reasons.push(say.likeMore(first, interests.length - NAMED_INTERESTS));
  } else if (interests.length > 0) {
    reasons.push(say.like(joinList(interests, locale)));
  }
  reasons.push(say.age);
  if (f.askedCountry !== null) reasons.push(say.askedFor(countryName(f.askedCountry, locale)));
  if (f.askedKorea) reasons.push(say.askedFor(countryName('KR', locale)));
  return reasons;
}
