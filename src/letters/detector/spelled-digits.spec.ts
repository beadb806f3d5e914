import fc from 'fast-check';
import {
  LATIN_DIGIT_WORDS,
  SCRIPT_DIGIT_WORDS,
  SpelledRun,
  WORD_SEP,
  spelledDigitRuns,
} from './spelled-digits';

// ---- the reference: the regular expression the scanner replaced, as it was ----------------------

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;
const VALUES = new Map<string, number>([
  ...Object.entries(LATIN_DIGIT_WORDS),
  ...Object.entries(SCRIPT_DIGIT_WORDS),
]);
const LATIN_ALT = Object.keys(LATIN_DIGIT_WORDS).sort(byLength).map(escapeRe).join('|');
const SCRIPT_ALT = Object.keys(SCRIPT_DIGIT_WORDS).sort(byLength).map(escapeRe).join('|');
const TOKEN = `(?:[0-9]|(?<![\\p{L}\\p{M}])(?:${LATIN_ALT})(?![\\p{L}\\p{M}])|(?:${SCRIPT_ALT}))`;
const RUN = new RegExp(`\\+?${TOKEN}(?:${WORD_SEP.source}*${TOKEN})*`, 'giu');
const ONE_TOKEN = new RegExp(TOKEN, 'giu');

function referenceRuns(text: string): SpelledRun[] {
  return [...text.matchAll(RUN)].map((m) => {
    let digits = '';
    let words = 0;
    for (const [token] of m[0].matchAll(ONE_TOKEN)) {
      if (/[0-9]/.test(token)) digits += token;
      else {
        digits += String(VALUES.get(token.toLowerCase()));
        words += 1;
      }
    }
    return { raw: m[0], digits, words, index: m.index };
  });
}

/** What the detector holds as a phone number: 8 digits or more, 4 of them words or more. */
const phones = (runs: SpelledRun[]) =>
  runs.filter((r) => r.words >= 4 && r.digits.length >= 8).map((r) => r.raw);

// ---- random letters mixing digit words with prose ----------------------------------------------

const DIGIT_WORDS = [...VALUES.keys()];
/** Prose that shares letters and syllables with the digit words ("이번", "ba", "sixty", "공원"). */
const PROSE = [
  '이번',
  '사는',
  '공원',
  '오늘',
  '일요일',
  '이야기',
  '구경',
  '친구들이랑',
  'onesie',
  'often',
  'sixty',
  'bao',
  'Hai',
  'ba',
  'năm nay',
  'lima',
  'empathy',
  'เพื่อนสามสี่คน',
  'สองคน',
  'ສອງຄົນ',
  'ប្រាំមួយនាក់',
  '一起',
  '二十',
  'é',
  '\u0301',
  '𝒳',
  '𠀋',
  'İ',
  'Ô',
  'ONE',
  'Zero',
];
const SEPARATORS = [
  '',
  ' ',
  '  ',
  ', ',
  '-',
  '.',
  '\n',
  '(',
  ')',
  '/',
  '·',
  ':',
  '+',
  '\u3000',
  'x',
];
const caseOf = (word: string, upper: number) =>
  upper === 1 ? word.toUpperCase() : upper === 2 ? word[0].toUpperCase() + word.slice(1) : word;
const piece = fc.oneof(
  fc
    .tuple(fc.constantFrom(...DIGIT_WORDS), fc.integer({ min: 0, max: 3 }))
    .map(([w, u]) => caseOf(w, u)),
  fc.integer({ min: 0, max: 9 }).map(String),
  fc.constantFrom(...PROSE),
);
const mix = fc
  .array(fc.tuple(piece, fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
  .map((parts) =>
    parts
      .map(([p, s]) => p + s)
      .join('')
      .normalize('NFKC'),
  );

describe('spelled digit runs', () => {
  it('finds the runs the reference regular expression finds, on mixes of digit words and prose', () => {
    fc.assert(
      fc.property(mix, (text) => {
        expect(spelledDigitRuns(text)).toEqual(referenceRuns(text));
        expect(spelledDigitRuns(text, 8, 4).map((r) => r.raw)).toEqual(phones(referenceRuns(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the runs the reference finds, in any normalised text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), mix, (noise, text) => {
        const mixed = (noise + text + noise).normalize('NFKC');
        expect(spelledDigitRuns(mixed)).toEqual(referenceRuns(mixed));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a spelled phone number amid Korean prose full of 이, 일, 사, 오', () => {
    const prose = '이번 일요일에 사촌 오빠랑 이모네 집에 갔어. 오늘은 사과 이야기. '.repeat(40);
    const text = `${prose}내 번호는 공일공 일이삼사 오육칠팔 맞지? ${prose}`;
    expect(spelledDigitRuns(text, 8, 4)).toEqual([
      {
        raw: '공일공 일이삼사 오육칠팔',
        digits: '01012345678',
        words: 11,
        index: prose.length + 6,
      },
    ]);
    expect(phones(referenceRuns(text))).toEqual(['공일공 일이삼사 오육칠팔']);
    expect(spelledDigitRuns(prose, 8, 4)).toEqual([]);
  });

  it('lowers exactly what the reference folds: no character folds to a digit word letter otherwise', () => {
    // The scanner lowers Latin words where the reference folded their case (flags iu). The same for
    // every character a normalised letter may hold, as long as this holds.
    const letters = new Set([...Object.keys(LATIN_DIGIT_WORDS).join('')]);
    const any = new RegExp(`^[${[...letters].join('')}]$`, 'iu');
    const odd: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!any.test(ch) || ch.normalize('NFKC') !== ch) continue;
      for (const letter of letters)
        if (new RegExp(`^${letter}$`, 'iu').test(ch) && ch.toLowerCase() !== letter) odd.push(ch);
    }
    expect(odd).toEqual([]);
  });
});
