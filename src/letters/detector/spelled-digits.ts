/**
 * PURE: runs of digits spelled out in words ("zero eight one...", "공일공 일이삼사", "ศูนย์แปด..."),
 * for the contact-detail detector. One pass over the letter with table look-ups: the regular
 * expression it replaces (kept as the reference in spelled-digits.spec.ts) tried its ~130
 * alternatives at each of a letter's 5,000 positions, the largest cost of a scan.
 *
 * A run is what `\+?TOKEN(?:SEP*TOKEN)*` (flags giu) finds scanning from the left, where TOKEN is
 * an ASCII digit, a Latin digit word standing alone (no letter or mark on either side) or a digit
 * word of another script (the longest one that fits), and SEP one of WORD_SEP's characters.
 */

/** Digits spelled out, per language. Latin-script words need word boundaries; the others do not. */
export const LATIN_DIGIT_WORDS: Record<string, number> = {
  // English
  zero: 0,
  oh: 0,
  o: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  // Indonesian / Malay
  nol: 0,
  kosong: 0,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  lapan: 8,
  sembilan: 9,
  // Filipino
  isa: 1,
  dalawa: 2,
  tatlo: 3,
  apat: 4,
  anim: 6,
  pito: 7,
  walo: 8,
  siyam: 9,
  // Vietnamese
  không: 0,
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  lăm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};

export const SCRIPT_DIGIT_WORDS: Record<string, number> = {
  // Korean (Sino-Korean, as numbers are read out)
  공: 0,
  영: 0,
  일: 1,
  이: 2,
  삼: 3,
  사: 4,
  오: 5,
  육: 6,
  륙: 6,
  칠: 7,
  팔: 8,
  구: 9,
  // Thai
  ศูนย์: 0,
  หนึ่ง: 1,
  สอง: 2,
  สาม: 3,
  สี่: 4,
  ห้า: 5,
  หก: 6,
  เจ็ด: 7,
  แปด: 8,
  เก้า: 9,
  // Lao
  ສູນ: 0,
  ໜຶ່ງ: 1,
  ຫນຶ່ງ: 1,
  ສອງ: 2,
  ສາມ: 3,
  ສີ່: 4,
  ຫ້າ: 5,
  ຫົກ: 6,
  ເຈັດ: 7,
  ແປດ: 8,
  ເກົ້າ: 9,
  // Khmer (6–9 are "five-one" ... "five-four": the longest match wins)
  សូន្យ: 0,
  មួយ: 1,
  ពីរ: 2,
  បី: 3,
  បួន: 4,
  ប្រាំ: 5,
  ប្រាំមួយ: 6,
  ប្រាំពីរ: 7,
  ប្រាំបី: 8,
  ប្រាំបួន: 9,
  // Burmese
  သုည: 0,
  တစ်: 1,
  နှစ်: 2,
  သုံး: 3,
  လေး: 4,
  ငါး: 5,
  ခြောက်: 6,
  ခုနစ်: 7,
  ရှစ်: 8,
  ကိုး: 9,
  // Chinese
  零: 0,
  〇: 0,
  一: 1,
  幺: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Digits spelled out may also be split by commas ("zero one zero, one two three four"). */
export const WORD_SEP = /[\s\-.,()/_~*·•]/u;

export interface SpelledRun {
  /** The run as written, from its first token (or "+") to its last. */
  raw: string;
  /** Its digits, one per token. */
  digits: string;
  /** How many of its tokens are words. */
  words: number;
  index: number;
}

interface Trie {
  next: Map<number, Trie>;
  digit: number;
}
/** The Latin words by their code units, lower case. */
const LATIN: Trie = { next: new Map(), digit: -1 };
for (const [word, digit] of Object.entries(LATIN_DIGIT_WORDS)) {
  let node = LATIN;
  for (let i = 0; i < word.length; i += 1) {
    const unit = word.charCodeAt(i);
    if (!node.next.has(unit)) node.next.set(unit, { next: new Map(), digit: -1 });
    node = node.next.get(unit)!;
  }
  node.digit = digit;
}
/** The other scripts' words by their first code unit, longest first (Khmer 6 is "5" + "1"). */
const SCRIPT = new Map<number, [string, number][]>();
for (const [word, digit] of Object.entries(SCRIPT_DIGIT_WORDS)) {
  const list = SCRIPT.get(word.charCodeAt(0)) ?? [];
  list.push([word, digit]);
  list.sort((a, b) => b[0].length - a[0].length);
  SCRIPT.set(word.charCodeAt(0), list);
}

// What a code unit may be, as bits; worked out on first sight and remembered.
const KNOWN = 1;
const DIGIT = 2;
const PLUS = 4;
const SCRIPT_START = 8;
const LETTER_OR_MARK = 16;
const WORD_SEPARATOR = 32;

const LETTER_OR_MARK_RE = /^[\p{L}\p{M}]$/u;
const WORD_SEP_RE = new RegExp(`^${WORD_SEP.source}$`, 'u');
function kindOfCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let kind = KNOWN;
  if (cp >= 0x30 && cp <= 0x39) kind |= DIGIT;
  if (cp === 0x2b) kind |= PLUS;
  if (SCRIPT.has(cp)) kind |= SCRIPT_START;
  if (LETTER_OR_MARK_RE.test(ch)) kind |= LETTER_OR_MARK;
  if (WORD_SEP_RE.test(ch)) kind |= WORD_SEPARATOR;
  return kind;
}
const KINDS = new Uint8Array(0x10000);
/**
 * Each code unit in lower case, for the Latin words, which match in any case. In a normalised
 * (NFKC) letter every character that a regular expression's case folding (flags iu) matches to a
 * letter of these words also lowers to it (checked over every code point in the spec), so this is
 * exact. 0xffff (never a letter) where lowering gives more than one unit ("İ").
 */
const LOWER = new Uint16Array(0x10000);
function kindOf(unit: number): number {
  let kind = KINDS[unit];
  if (kind === 0) {
    KINDS[unit] = kind = kindOfCodePoint(unit);
    const lower = String.fromCharCode(unit).toLowerCase();
    LOWER[unit] = lower.length === 1 ? lower.charCodeAt(0) : 0xffff;
  }
  return kind;
}
/** The code point at i, or the one ending just before i (a surrogate pair counts as one). */
function codePointAt(text: string, i: number, before: boolean): number {
  if (!before) return text.codePointAt(i)!;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const cp = text.codePointAt(i - 2)!;
    if (cp > 0xffff) return cp;
  }
  return low;
}
function letterOrMark(text: string, i: number, before: boolean): boolean {
  const unit = text.charCodeAt(before ? i - 1 : i);
  if (unit < 0xd800 || unit > 0xdfff) return (kindOf(unit) & LETTER_OR_MARK) !== 0;
  return (kindOfCodePoint(codePointAt(text, i, before)) & LETTER_OR_MARK) !== 0;
}

/** The digit of the token tokenEnd last found, and whether it was a word (no object per token). */
let tokenDigit = 0;
let tokenWord = false;
/** After tokenEnd failed at i: no token starts before this (the rest of a word without digit words). */
let skipTo = 0;
/** Where the token starting at i ends, or -1. */
function tokenEnd(text: string, i: number): number {
  if (i >= text.length) return -1;
  const c = text.charCodeAt(i);
  const kind = kindOf(c);
  if (kind & DIGIT) {
    tokenDigit = c - 0x30;
    tokenWord = false;
    return i + 1;
  }
  skipTo = i + 1;
  if (kind & LETTER_OR_MARK && !(i > 0 && letterOrMark(text, i, true))) {
    // A word starts here: the Latin digit word it is, or how far no token can start.
    let node: Trie | undefined = LATIN;
    let end = i;
    let script = false;
    while (end < text.length) {
      const unit = text.charCodeAt(end);
      if (unit >= 0xd800 && unit <= 0xdfff) {
        if (!letterOrMark(text, end, false)) break;
        node = undefined;
        end += text.codePointAt(end)! > 0xffff ? 2 : 1;
        continue;
      }
      const k = kindOf(unit);
      if (!(k & LETTER_OR_MARK)) break;
      if (end > i && k & SCRIPT_START) script = true;
      node = node?.next.get(LOWER[unit]);
      end += 1;
    }
    if (node !== undefined && node.digit >= 0) {
      tokenDigit = node.digit;
      tokenWord = true;
      return end;
    }
    if (!script) skipTo = end;
  }
  if (kind & SCRIPT_START)
    for (const [word, digit] of SCRIPT.get(c)!)
      if (text.startsWith(word, i)) {
        tokenDigit = digit;
        tokenWord = true;
        return i + word.length;
      }
  return -1;
}

/**
 * The runs of digits and digit words in the text, left to right, as the reference finds them,
 * keeping those of at least minTokens tokens of which at least minWords are words.
 */
export function spelledDigitRuns(text: string, minTokens = 1, minWords = 0): SpelledRun[] {
  const runs: SpelledRun[] = [];
  let i = 0;
  while (i < text.length) {
    const kind = kindOf(text.charCodeAt(i));
    if ((kind & (DIGIT | PLUS | SCRIPT_START)) === 0) {
      // Only a word's first letter may start a (Latin) token.
      if (!(kind & LETTER_OR_MARK) || (i > 0 && letterOrMark(text, i, true))) {
        i += 1;
        continue;
      }
    }
    const start = i;
    let end = tokenEnd(text, i);
    if (end < 0 && text.charCodeAt(i) === 0x2b /* + */) end = tokenEnd(text, i + 1);
    if (end < 0) {
      i = Math.max(i + 1, skipTo);
      continue;
    }
    let tokens = 1;
    let words = tokenWord ? 1 : 0;
    for (;;) {
      let next = end;
      while (next < text.length && kindOf(text.charCodeAt(next)) & WORD_SEPARATOR) next += 1;
      const after = tokenEnd(text, next);
      if (after < 0) break;
      tokens += 1;
      words += tokenWord ? 1 : 0;
      end = after;
    }
    if (tokens >= minTokens && words >= minWords) runs.push(spelledRun(text, start, end));
    i = end;
  }
  return runs;
}

/** A run found, with its digits read again token by token (rare: most runs are not kept). */
function spelledRun(text: string, start: number, end: number): SpelledRun {
  let digits = '';
  let words = 0;
  for (let i = text.charCodeAt(start) === 0x2b ? start + 1 : start; i < end;) {
    const after = tokenEnd(text, i);
    if (after < 0) {
      i += 1; // a separator
      continue;
    }
    digits += String(tokenDigit);
    words += tokenWord ? 1 : 0;
    i = after;
  }
  return { raw: text.slice(start, end), digits, words, index: start };
}
