/**
 * PURE: finds contact details in a letter, so that a minor's letter carrying them can be held for
 * a coordinator. No Nest, no I/O: plain strings in, plain data out.
 *
 * What counts: email addresses, phone numbers (the formats of the 11 countries: KR, TH, VN, ID,
 * MY, PH, SG, KH, LA, MM, BN), links (with or without a scheme) and messenger handles (KakaoTalk,
 * LINE, Zalo, WhatsApp, Telegram, Instagram, Facebook, Discord, WeChat, Viber...), also when they
 * are dressed up to slip past a simple filter: full-width characters, Thai/Lao/Burmese/Khmer
 * digits, digits spelled out in words (English, Korean, Thai, Lao, Khmer, Burmese, Vietnamese,
 * Indonesian/Malay, Filipino, Chinese), digits or letters spaced out, "at"/"dot" spelled out.
 *
 * What must not count: years, prices, times, scores, dates, ages, page numbers. A phone number is
 * a run of at least 7 digits (ordinary numbers in letters are shorter); runs that are dates,
 * thousands-grouped amounts, amounts with a currency, decimals or lists of years are skipped.
 */

import { spelledDigitRuns } from './spelled-digits';

export type ContactKind = 'email' | 'phone' | 'link' | 'handle';

export const CONTACT_KINDS: readonly ContactKind[] = ['email', 'phone', 'link', 'handle'];

export interface ContactMatch {
  kind: ContactKind;
  /** The text as the detector saw it (after normalisation), for the moderator. */
  text: string;
}

export interface ContactScan {
  found: boolean;
  /** Each kind found, once, in the order of CONTACT_KINDS. */
  kinds: ContactKind[];
  matches: ContactMatch[];
}

/** Longest text scanned: a letter is at most 20,000 characters. */
const MAX_SCAN = 40_000;

// ---- normalisation -------------------------------------------------------------------------

/** Zero of every decimal-digit block a letter here may use (NFKC already folds full-width ones). */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6,
  0x0e50 /* Thai */, 0x0ed0 /* Lao */, 0x0f20, 0x1040 /* Burmese */, 0x1090 /* Shan */,
  0x17e0 /* Khmer */, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50,
  0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
];

/**
 * The digits of those blocks, the only ones asciiDigits changes: one class of ranges, which a
 * letter is scanned for several times faster than for \p{Nd} (every decimal digit of Unicode).
 */
const OTHER_DIGITS = new RegExp(
  `[${DIGIT_ZEROS.map((z) => `\\u{${z.toString(16)}}-\\u{${(z + 9).toString(16)}}`).join('')}]`,
  'gu',
);

/** Thai, Lao, Burmese, Khmer... digits made ASCII; exported for its spec. */
export function asciiDigits(text: string): string {
  return text.replace(OTHER_DIGITS, (ch) => {
    const cp = ch.codePointAt(0)!;
    for (const zero of DIGIT_ZEROS) if (cp >= zero && cp <= zero + 9) return String(cp - zero);
    return ch;
  });
}

/**
 * Every match of a global regular expression. String.prototype.matchAll copies the expression
 * on each call, which costs a lot for the big alternations here; this reuses it.
 */
function* allMatches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex += 1;
    yield m;
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;

/** What people put between the digits of a phone number (never ':' or ',': times and amounts). */
const DIGIT_SEP = `[\\s\\-.()/_~*·•]*`;

/** Single characters separated by single spaces ("k i m @ g m a i l . c o m") joined up. */
function collapseSpacedOut(text: string): string {
  return text.replace(/(?:(?<!\S)\S[ \t]){3,}\S(?!\S)/gu, (run) => run.replace(/[ \t]/g, ''));
}

// ---- phone numbers -------------------------------------------------------------------------

const CURRENCY_BEFORE =
  /(?:[$€£¥₩฿₫₱₭៛]|\b(?:rp|rm|s\$|usd|sgd|krw|thb|vnd|idr|myr|php|khr|lak|mmk|bnd|b\$|k)\.?)\s*$/iu;
const CURRENCY_AFTER =
  /^\s*(?:[$€£¥₩฿₫₱₭៛]|đ|원|만|억|บาท|ກີບ|រៀល|ကျပ်|元|块|(?:won|vnd|dong|đồng|baht|rupiah|rp|ringgit|rm|peso|pesos|php|dollars?|usd|sgd|kip|riel|kyats?|mmk|yuan|idr|myr|thb|krw)\b)/iu;

interface Run {
  raw: string;
  digits: string;
  index: number;
}

const ASCII_RUN = new RegExp(`\\+?[0-9](?:${DIGIT_SEP}[0-9])*`, 'gu');

function asciiRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const m of allMatches(ASCII_RUN, text)) {
    const raw = m[0];
    if (raw.length < 7) continue; // too short to hold 7 digits
    runs.push({ raw, digits: raw.replace(/[^0-9]/g, ''), index: m.index });
  }
  return runs;
}

const isYear = (s: string) => /^(?:19|20)\d\d$/.test(s);

/** True for runs of digits that are numbers people write in letters, not phone numbers. */
function ordinaryNumber(run: Run, text: string): boolean {
  const raw = run.raw.trim().replace(/[.\-/\s]+$/, '');
  // Dates: 2026-12-05, 2026.12.05, 05/12/2026, 5.12.2026
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(raw)) return true;
  if (/^\d{1,2}[-./]\d{1,2}[-./](?:\d{2}|\d{4})$/.test(raw)) return true;
  // Thousands grouped with dots or spaces: 1.500.000 VND, 2 000 000 (a phone number starts with 0 or +)
  if (/^[1-9]\d{0,2}(?:([. ])\d{3})(?:\1\d{3})*$/.test(raw)) return true;
  // Decimals: 3.14159265
  if (/^[1-9]\d{0,2}\.\d+$/.test(raw)) return true;
  const groups = raw.split(/[\s\-./()]+/).filter(Boolean);
  // Years, alone or in a list or range: 2024 2025 2026, 2026-2027
  if (groups.every((g) => isYear(g) || g.length <= 2) && groups.some(isYear)) return true;
  // A list of small numbers: "95 98 100 87" (marks), "12 15 18"
  if (
    /^[1-9][0-9 ]*$/.test(raw) &&
    groups.length > 1 &&
    groups.every((g) => g.length >= 2 && g.length <= 3)
  )
    return true;
  // Amounts with a currency sign or word before or after.
  const before = text.slice(Math.max(0, run.index - 6), run.index);
  const after = text.slice(run.index + run.raw.length, run.index + run.raw.length + 10);
  return CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after);
}

/** Ordinary numbers are short: 7 digits or more in one run is a phone number unless shown otherwise. */
const PHONE_MIN_DIGITS = 7;
/** Digits spelled out one by one are a phone number from 8 on (all 11 countries' mobiles have 8+). */
const SPELLED_MIN_DIGITS = 8;
/** ...of which at least 4 in words (runs of digits alone are the ASCII runs above). */
const SPELLED_MIN_WORDS = 4;

function findPhones(text: string): ContactMatch[] {
  const out: ContactMatch[] = [];
  for (const run of asciiRuns(text)) {
    const n = run.digits.length;
    if (n < PHONE_MIN_DIGITS || n > 16 || ordinaryNumber(run, text)) continue;
    out.push({ kind: 'phone', text: run.raw.trim() });
  }
  // Only the runs that long are built (one digit per token).
  for (const run of spelledDigitRuns(text, SPELLED_MIN_DIGITS, SPELLED_MIN_WORDS))
    out.push({ kind: 'phone', text: run.raw.trim() });
  return out;
}

// ---- emails and links ----------------------------------------------------------------------

/** "at" and "dot" as people spell them to dodge a filter, in the languages of the programme. */
const AT_LATIN = ['at', 'a còng', 'a móc', 'a cong', 'a moc', 'et', 'arroba'];
const AT_SCRIPT = ['แอท', 'แอด', '골뱅이', '골벵이', '앳', '艾特', 'ແອັດ', 'អាត់'];
const DOT_LATIN = ['dot', 'chấm', 'cham', 'titik', 'tuldok', 'period'];
const DOT_SCRIPT = ['ดอท', 'จุด', '닷', '쩜', '점', '点', '點', 'ດອດ', 'ຈຸດ', 'ដត', 'ចុច', 'အစက်'];
const wordAlt = (words: string[]) => [...words].sort(byLength).map(escapeRe).join('|');
/**
 * Bracketed ("(at)", "[dot]"), attached script words ("골뱅이"), spaced signs (" @ ") and Latin
 * words of several parts ("a còng"). Without such words that last part is left out: an empty
 * alternative matched between two spaces and made "football  com" a link.
 */
const spelledWord = (latin: string[], script: string[], sign: string) => {
  const multi = latin.filter((w) => w.includes(' '));
  return new RegExp(
    [
      `[([{<]\\s*(?:${wordAlt([...latin, ...script])}|${sign})\\s*[)\\]}>]`,
      `(?:${wordAlt(script)})`,
      `[ \\t]+${sign}[ \\t]+(?=[\\p{L}\\p{N}])`,
      ...(multi.length > 0 ? [`(?<!\\S)(?:${wordAlt(multi)})(?!\\S)`] : []),
    ].join('|'),
    'giu',
  );
};
const SPELLED_AT = spelledWord(AT_LATIN, AT_SCRIPT, '@');
const SPELLED_DOT = spelledWord(DOT_LATIN, DOT_SCRIPT, '\\.');
/** Single Latin words standing alone ("at", "dot"): the whole of a run of non-spaces, in any case. */
const LATIN_SIGNS = new Map<string, string>([
  ...AT_LATIN.filter((w) => !w.includes(' ')).map((w) => [w, '@'] as [string, string]),
  ...DOT_LATIN.filter((w) => !w.includes(' ')).map((w) => [w, '.'] as [string, string]),
]);
/**
 * Finds those words without a call per word of the letter. Exactly the runs whose lower case is
 * one of them: in a normalised (NFKC) letter no character folds to one of their letters without
 * lowering to it (checked over every code point in the spec).
 */
const LATIN_SIGN_WORD = new RegExp(`(?<!\\S)(?:${wordAlt([...LATIN_SIGNS.keys()])})(?!\\S)`, 'giu');
/** The spelled-out sign, with the spaces around it, becomes the sign itself. */
// eslint-disable-next-line no-control-regex
const SIGN_MARK = /[ \t]*\u0001([@.])\u0001[ \t]*/g;
/** The Latin signs standing alone marked as signs; exported for its spec. */
export const markLatinSigns = (s: string): string =>
  s.replace(LATIN_SIGN_WORD, (w) => `\u0001${LATIN_SIGNS.get(w.toLowerCase())!}\u0001`);
const spellOut = (s: string): string =>
  markLatinSigns(
    s.replace(SPELLED_AT, '\u0001@\u0001').replace(SPELLED_DOT, '\u0001.\u0001'),
  ).replace(SIGN_MARK, '$1');

/** Top-level domains that are not also everyday words in the letters' languages. */
const STRONG_TLDS = (
  'com net org edu gov mil io info biz xyz app dev kr th vn kh mm bn sg ph cn jp tw hk ly gg ' +
  'link site online tv uk au nz ca de fr ru gl blog icu asia'
).split(' ');
/** Top-level domains that are also words ("my", "me", "id"...): a link only with a path or inside a longer name. */
const WEAK_TLDS =
  'my me id la to co us be in it is so do no at am go ai im one fun live top page shop store club vip'.split(
    ' ',
  );
/** Lower case or all capitals: "school.It was" is a missing space, not a domain. */
const tldAlt = (tlds: string[]) => {
  const sorted = [...tlds].sort(byLength);
  return [...sorted, ...sorted.map((t) => t.toUpperCase())].join('|');
};
const ALL_TLDS = tldAlt([...STRONG_TLDS, ...WEAK_TLDS]);
/** Mail providers whose name alone makes an address: "minji at naver". */
const MAIL_PROVIDERS = (() => {
  const names =
    'gmail naver daum hanmail yahoo hotmail outlook icloud kakao protonmail proton qq 163';
  const list = names.split(' ');
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
  return [...list, ...list.map((w) => w.toUpperCase()), ...list.map(cap)].join('|');
})();

/** What follows the "@" of an address: a domain with a known TLD, or a mail provider's name. */
const EMAIL_DOMAIN = new RegExp(
  `(?:[\\p{L}\\p{N}-]+\\.)+(?:${ALL_TLDS})(?![\\p{L}\\p{N}])|(?:${MAIL_PROVIDERS})(?![\\p{L}\\p{N}])`,
  'uy',
);
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const LOCAL_END = /[\p{L}\p{N}]/u;

const LINK_WITH_SCHEME = /\b(?:https?|ftp):\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/giu;
/** What every link with a scheme holds: a plain search, far cheaper than the \b of LINK_WITH_SCHEME. */
const SCHEME_HINT = /:\/\/|www\./i;
const DOMAIN =
  /(?<![\p{L}\p{N}@._-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,12})(?![\p{L}\p{N}-])(\/[^\s<>"]*)?/gu;

function findEmails(text: string): ContactMatch[] {
  // From each "@": the local part backwards, the domain forwards (linear, whatever the text).
  const out: ContactMatch[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at === 0 || !LOCAL_END.test(text[at - 1])) continue;
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1])) start -= 1;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (domain) out.push({ kind: 'email', text: text.slice(start, at + 1 + domain[0].length) });
  }
  return out;
}

function findLinks(text: string): ContactMatch[] {
  const out: ContactMatch[] = [];
  if (SCHEME_HINT.test(text))
    for (const m of allMatches(LINK_WITH_SCHEME, text)) out.push({ kind: 'link', text: m[0] });
  for (const m of allMatches(DOMAIN, text)) {
    const tldRaw = m[1];
    if (tldRaw !== tldRaw.toLowerCase() && tldRaw !== tldRaw.toUpperCase()) continue;
    const labels = m[0].toLowerCase().split('/')[0].split('.');
    const tld = labels[labels.length - 1];
    const path = m[2] !== undefined && m[2].length > 1;
    const strongInside = labels.slice(1).some((l) => STRONG_TLDS.includes(l));
    if (STRONG_TLDS.includes(tld) || (WEAK_TLDS.includes(tld) && (path || strongInside)))
      out.push({ kind: 'link', text: m[0] });
  }
  return out;
}

// ---- messenger handles ---------------------------------------------------------------------

export const MESSENGERS = [
  'kakaotalk',
  'kakao talk',
  'kakao',
  'katalk',
  'katok',
  '카카오톡',
  '카카오',
  '카톡',
  '카톡아이디',
  'line',
  'line id',
  '라인',
  'ไลน์',
  'ไลน',
  'ລາຍ',
  'ឡាញ',
  'zalo',
  '잘로',
  'whatsapp',
  'whats app',
  'watsap',
  'wasap',
  'wa',
  'wassap',
  '왓츠앱',
  'วอทส์แอป',
  'telegram',
  'tele',
  'tg',
  '텔레그램',
  '텔레',
  'เทเลแกรม',
  'តេឡេក្រាម',
  'instagram',
  'insta',
  'ig',
  'instgram',
  '인스타그램',
  '인스타',
  'อินสตาแกรม',
  'อินสตา',
  'ไอจี',
  'អ៊ីនស្តាក្រាម',
  'facebook',
  'fb',
  'face book',
  'messenger',
  'fb messenger',
  '페이스북',
  '페북',
  'เฟซบุ๊ก',
  'เฟสบุ๊ค',
  'เฟส',
  'ເຟສບຸກ',
  'ហ្វេសប៊ុក',
  'ဖေ့ဘုတ်',
  'discord',
  '디스코드',
  'ดิสคอร์ด',
  'wechat',
  'weixin',
  'wx',
  '微信',
  '위챗',
  'viber',
  '바이버',
  'វីប័រ',
  'ဗိုက်ဘာ',
  'snapchat',
  'snap',
  '스냅챗',
  'tiktok',
  'tik tok',
  '틱톡',
  'ติ๊กต็อก',
  'twitter',
  'x.com',
  'skype',
  'signal',
  'imessage',
  'qq',
  'threads',
];
/** Words between the app and the handle that name it: "my LINE id", "카톡 아이디", "微信号". */
const STRONG_MARKERS = [
  'id',
  'i.d.',
  'username',
  'user name',
  'handle',
  'account',
  'acc',
  'akun',
  'tài khoản',
  'nick',
  '아이디',
  '아디',
  '계정',
  'ไอดี',
  'ชื่อ',
  'ບັນຊີ',
  'អាខោន',
  '号',
  '號',
  '账号',
  ':',
  '=',
  '→',
  '->',
  '@',
  '#',
];
/** Words that may sit between the app and the handle: "is", "là", "คือ", particles. */
const WEAK_MARKERS = [
  'is',
  'là',
  'của mình là',
  'của tớ là',
  'của em là',
  'của mình',
  'saya',
  'aku',
  'ko',
  'ku',
  'ako',
  'ay',
  'คือ',
  'ແມ່ນ',
  'គឺ',
  'က',
  '는',
  '은',
  '이',
  '가',
  '-',
];
/** English words that can follow "my Instagram is" without being a handle. */
const NOT_HANDLES = new Set(
  (
    'really very so too quite private public empty boring new old fun cool great good bad nice ' +
    'closed open full the a an my your our their his her its not just only also still mostly ' +
    'about for with and but or of to in on at by from down up blocked deleted gone account page ' +
    'app there here dead inactive banned where what when how why which that this was were are be ' +
    'been being has have had will would can could should may might must use using used every ' +
    'all some any many much more most less few lot lots popular famous everyone everybody ' +
    'people friends stories story posts post photos videos reels feed too. yet now then later ' +
    'today yesterday tomorrow because since while though although like love hate'
  ).split(' '),
);
const isLatin = (w: string) => /^[\x20-\x7e]+$/.test(w);
const LATIN_MESSENGERS = MESSENGERS.filter(isLatin);
/**
 * The apps' names: Latin ones as whole words, the others anywhere. The Latin names' first letters
 * are looked for first, in a class: on a two-byte letter (any letter with a character beyond
 * Latin-1) the look-behind and the names were tried at every position, 155 µs of CPU on the
 * bench's English letter with a Lao phone number (83 µs now; the others' names cost ~20 µs more
 * on Lao and Burmese letters, the cheapest ones). Exported for its spec.
 */
export const MESSENGER_RE = new RegExp(
  `(?=[${[...new Set(LATIN_MESSENGERS.map((w) => w[0]))].map(escapeRe).join('')}])` +
    `(?<![\\p{L}\\p{M}])(?:${wordAlt(LATIN_MESSENGERS)})(?![a-z])|` +
    `(?:${wordAlt(MESSENGERS.filter((w) => !isLatin(w)))})`,
  'giu',
);
const STRONG_RE = new RegExp(`^(?:${wordAlt(STRONG_MARKERS)})`, 'iu');
const WEAK_RE = new RegExp(`^(?:${wordAlt(WEAK_MARKERS)})`, 'iu');
const HANDLE_TOKEN = /^@?([A-Za-z0-9][A-Za-z0-9._-]{2,31})(?![A-Za-z0-9])/u;

/** A Latin marker counts only as a whole word ("is", not the start of "island"). */
const markerAt = (s: string, re: RegExp): string | null => {
  const m = s.match(re);
  if (!m) return null;
  if (/[a-z]$/i.test(m[0]) && /^[\p{L}\p{N}]/u.test(s.slice(m[0].length))) return null;
  return m[0];
};

function findHandles(text: string): ContactMatch[] {
  const out: ContactMatch[] = [];
  for (const m of allMatches(MESSENGER_RE, text)) {
    // Look a short way past the app's name, skipping markers and separators.
    let rest = text.slice(m.index + m[0].length, m.index + m[0].length + 48);
    let strong = false;
    let weak = false;
    for (let i = 0; i < 6; i += 1) {
      rest = rest.replace(/^[\s,;'"“”‘’()[\]{}]+/u, '');
      const s = markerAt(rest, STRONG_RE);
      const w = s ? null : markerAt(rest, WEAK_RE);
      if (!s && !w) break;
      if (s === '@' || s === '#') break; // part of the handle
      strong ||= s !== null;
      weak ||= w !== null;
      rest = rest.slice((s ?? w)!.length);
    }
    // A Latin token right after the app's name in Korean or Thai prose is a handle, also a few
    // words on ("Viber ကနေ aungaung99"); in English prose ("I use LINE every day") only with a
    // marker, an "@", digits, dots or underscores.
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const latinProse = /[A-Za-z]{2,}[^\p{L}]*$/u.test(before) || !/[^\t\n\r\x20-\x7e]/.test(text);
    if (!latinProse) rest = rest.replace(/^[^A-Za-z0-9@]{0,16}/u, '');
    const handle = rest.match(HANDLE_TOKEN);
    if (!handle) continue;
    const token = handle[1];
    const word = token.toLowerCase().replace(/\.$/, '');
    if (NOT_HANDLES.has(word)) continue;
    const at = rest.startsWith('@');
    const shaped = /[0-9_.]/.test(token.replace(/\.$/, ''));
    if (at || shaped || strong || (weak && token.length >= 3) || !latinProse)
      out.push({ kind: 'handle', text: `${m[0]} ${token}` });
  }
  // @handle on its own (Telegram, Instagram, X...), not an email address.
  const ats = text.includes('@')
    ? text.matchAll(/(?<![\p{L}\p{N}._%+-])@([A-Za-z0-9_][A-Za-z0-9_.]{2,31})(?![\p{L}\p{N}@])/gu)
    : [];
  for (const m of ats) {
    out.push({ kind: 'handle', text: m[0] });
  }
  // Discord's name#1234
  const tags = text.includes('#') ? text.matchAll(/[\p{L}\p{N}_.]{2,32}#\d{4}(?!\d)/gu) : [];
  for (const m of tags) {
    out.push({ kind: 'handle', text: m[0] });
  }
  return out;
}

// ---- the whole scan ------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g;

/** The variants of the text every finder looks at: dodges undone one after another. */
function variants(text: string): { plain: string; spelled: string; collapsed: string } {
  // Control characters (our own marks among them) only ever hide things: out they go.
  const plain = asciiDigits(text.slice(0, MAX_SCAN).normalize('NFKC')).replace(HIDDEN, '');
  const collapsed = collapseSpacedOut(plain);
  const spelled = spellOut(plain);
  return { plain, spelled, collapsed: collapsed === plain ? spelled : spellOut(collapsed) };
}

const without = (text: string, found: ContactMatch[]) =>
  found.reduce((s, x) => s.split(x.text).join(' '), text);

export function scanContactDetails(text: string): ContactScan {
  const { plain, spelled, collapsed } = variants(text);
  const matches: ContactMatch[] = [];
  const seen = new Set<string>();
  const add = (list: ContactMatch[]) => {
    for (const x of list) {
      const key = `${x.kind}\u0000${x.text.toLowerCase()}`;
      if (!seen.has(key)) {
        seen.add(key);
        matches.push(x);
      }
    }
  };
  // An email's domain is not also a link; a link's digits are not also a phone number.
  // Most letters have no spaced-out words, so that collapsed is spelled: each finder then runs
  // once per distinct text (same text, same finds).
  const twice = collapsed !== spelled;
  add(findEmails(spelled));
  if (twice) add(findEmails(collapsed));
  const emails = matches.filter((x) => x.kind === 'email');
  const emailsIn = (s: string) => without(s, emails);
  add(findLinks(emailsIn(spelled)));
  if (twice) add(findLinks(emailsIn(collapsed)));
  const links = matches.filter((x) => x.kind === 'link');
  const rest = without(emailsIn(plain), links);
  add(findPhones(rest));
  add(findHandles(rest));
  if (matches.length === 0 && collapsed !== plain) add(findHandles(collapsed));
  const kinds = CONTACT_KINDS.filter((k) => matches.some((x) => x.kind === k));
  return { found: kinds.length > 0, kinds, matches };
}

/** Letters that take every finder down each of its paths (a clean one, each kind, each dodge). */
const WARM_UP_LETTERS = [
  'Hi! We had a storm today, 2 hours without power. It is 10:30 here and 28°C; 2019-2024, $1,500.',
  'Write to me at minji.kim@gmail.com or ari at yahoo dot co dot id, k i m @ g m a i l . c o m',
  '내 번호는 010-1234-5678 이야, 공일공 일이삼사 오육칠팔, เบอร์ ๐๘๑-๒๓๔-๕๖๗๘, ເບີໂທ ໐໒໐ ໕໕໕໕ ໑໒໓໔',
  'call me: zero eight one two three four five six seven eight, 0 8 1 2 3 4 5 6 7 8',
  'see www.example.com/me, kakao: minji_10, line id somchai, @noy.vong, minji#1234, ｍｉｎｊｉ＠ｇｍａｉｌ．ｃｏｍ',
];

/**
 * Runs the detector over WARM_UP_LETTERS a few times. V8 compiles a regular expression when it
 * first runs it and again, to native code, soon after: for these large Unicode alternations the
 * first scan of a fresh process took 212 ms (load 20; 2.6 ms for the second, 0.1 ms from the
 * fifth), a pause of the event loop that every request in flight waited out. Called at boot, so
 * the first letters written after a start do not pay it.
 */
export function warmUpContactDetector(): void {
  for (let i = 0; i < 3; i += 1) for (const letter of WARM_UP_LETTERS) scanContactDetails(letter);
}
