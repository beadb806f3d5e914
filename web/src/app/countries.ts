import { isLocale, type Locale } from './locales';

/** The 11 countries of Kenal (ISO 3166-1 alpha-2): the ten ASEAN countries, then Korea. */
export type Country = 'BN' | 'KH' | 'ID' | 'LA' | 'MY' | 'MM' | 'PH' | 'SG' | 'TH' | 'VN' | 'KR';

const CODES = 'BN KH ID LA MY MM PH SG TH VN KR'.split(' ') as readonly Country[];

/**
 * The 11 countries' names in the 11 languages, written out because browsers lack some: Debian's
 * Chromium has no Khmer, Lao or Burmese region names (Intl.DisplayNames then answers in English).
 * The names the API's emails use (src/common/i18n/locales.ts, countryName: ICU's, and "한국"),
 * except English, which keeps the pages' short names ("Laos" where emails say "Lao PDR").
 * One line per language, the names in the order of CODES.
 */
const NAMES: Record<Locale, string> = {
  en: 'Brunei|Cambodia|Indonesia|Laos|Malaysia|Myanmar|Philippines|Singapore|Thailand|Vietnam|South Korea',
  ko: '브루나이|캄보디아|인도네시아|라오스|말레이시아|미얀마|필리핀|싱가포르|태국|베트남|한국',
  id: 'Brunei|Kamboja|Indonesia|Laos|Malaysia|Myanmar|Filipina|Singapura|Thailand|Vietnam|Korea Selatan',
  ms: 'Brunei|Kemboja|Indonesia|Laos|Malaysia|Myanmar|Filipina|Singapura|Thailand|Vietnam|Korea Selatan',
  th: 'บรูไน|กัมพูชา|อินโดนีเซีย|ลาว|มาเลเซีย|เมียนมา|ฟิลิปปินส์|สิงคโปร์|ไทย|เวียดนาม|เกาหลีใต้',
  vi: 'Brunei|Campuchia|Indonesia|Lào|Malaysia|Myanmar|Philippines|Singapore|Thái Lan|Việt Nam|Hàn Quốc',
  fil: 'Brunei|Cambodia|Indonesia|Laos|Malaysia|Myanmar|Pilipinas|Singapore|Thailand|Vietnam|Timog Korea',
  km: 'ព្រុយណេ|កម្ពុជា|ឥណ្ឌូណេស៊ី|ឡាវ|ម៉ាឡេស៊ី|មីយ៉ាន់ម៉ា|ហ្វ៊ីលីពីន|សិង្ហបុរី|ថៃ|វៀតណាម|កូរ៉េ​ខាង​ត្បូង',
  lo: 'ບຣູໄນ|ກຳປູເຈຍ|ອິນໂດເນເຊຍ|ລາວ|ມາເລເຊຍ|ມຽນມາ|ຟິລິບປິນ|ສິງກະໂປ|ໄທ|ຫວຽດນາມ|ເກົາຫລີໃຕ້',
  my: 'ဘရူနိုင်း|ကမ္ဘောဒီးယား|အင်ဒိုနီးရှား|လာအို|မလေးရှား|မြန်မာ|ဖိလစ်ပိုင်|စင်္ကာပူ|ထိုင်း|ဗီယက်နမ်|တောင်ကိုရီးယား',
  zh: '文莱|柬埔寨|印度尼西亚|老挝|马来西亚|缅甸|菲律宾|新加坡|泰国|越南|韩国',
};

/** A country's name for a reader of `locale`, e.g. "ລາວ" for LA in Lao; the code if unknown. */
export function countryName(locale: string, code: string | null | undefined): string {
  if (!code) return '';
  const i = CODES.indexOf(code as Country);
  return i < 0 ? code : NAMES[isLocale(locale) ? locale : 'en'].split('|')[i];
}
