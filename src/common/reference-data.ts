export const ASEAN_COUNTRIES = [
  'BN',
  'KH',
  'ID',
  'LA',
  'MY',
  'MM',
  'PH',
  'SG',
  'TH',
  'VN',
] as const;
export const COUNTRIES = [...ASEAN_COUNTRIES, 'KR'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Country names for people, in the two languages Kenal writes to them in. */
export const COUNTRY_NAMES: Record<Country, { en: string; ko: string }> = {
  BN: { en: 'Brunei Darussalam', ko: '브루나이' },
  KH: { en: 'Cambodia', ko: '캄보디아' },
  ID: { en: 'Indonesia', ko: '인도네시아' },
  LA: { en: 'Lao PDR', ko: '라오스' },
  MY: { en: 'Malaysia', ko: '말레이시아' },
  MM: { en: 'Myanmar', ko: '미얀마' },
  PH: { en: 'the Philippines', ko: '필리핀' },
  SG: { en: 'Singapore', ko: '싱가포르' },
  TH: { en: 'Thailand', ko: '태국' },
  VN: { en: 'Viet Nam', ko: '베트남' },
  KR: { en: 'Korea', ko: '한국' },
};

export const LANGUAGE_LEVELS = ['native', 'fluent', 'conversational', 'basic'] as const;

/** ISO 639-1, all 183 two-letter codes. */
export const ISO_639_1 = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el ' +
  'en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it ' +
  'iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt ' +
  'my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl ' +
  'sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo ' +
  'za zh zu'
).split(' ');

export interface InterestTag {
  tag: string;
  label: { en: string; ko: string };
}

/** The controlled list of interests a profile and the pen-pal matcher use. */
export const INTERESTS: InterestTag[] = [
  ['film', 'Film', '영화'],
  ['k-pop', 'K-pop', 'K팝'],
  ['music', 'Music', '음악'],
  ['football', 'Football', '축구'],
  ['badminton', 'Badminton', '배드민턴'],
  ['esports', 'Esports', 'e스포츠'],
  ['cooking', 'Cooking', '요리'],
  ['climate', 'Climate action', '기후 행동'],
  ['coding', 'Coding', '코딩'],
  ['photography', 'Photography', '사진'],
  ['travel', 'Travel', '여행'],
  ['languages', 'Learning languages', '외국어 학습'],
  ['reading', 'Reading', '독서'],
  ['writing', 'Writing', '글쓰기'],
  ['drawing', 'Drawing and art', '그림과 미술'],
  ['dance', 'Dance', '춤'],
  ['fashion', 'Fashion', '패션'],
  ['anime', 'Anime and comics', '애니메이션과 만화'],
  ['history', 'History', '역사'],
  ['science', 'Science', '과학'],
  ['entrepreneurship', 'Entrepreneurship', '창업'],
  ['volunteering', 'Volunteering', '자원봉사'],
  ['nature', 'Nature and hiking', '자연과 등산'],
  ['traditional-culture', 'Traditional culture', '전통 문화'],
  ['food', 'Street food', '길거리 음식'],
  ['gaming', 'Gaming', '게임'],
].map(([tag, en, ko]) => ({ tag, label: { en, ko } }));

export const INTEREST_TAGS = INTERESTS.map((i) => i.tag);
