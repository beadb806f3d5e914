import { prepare } from './prepare';
import { pairFacts, pairReasons, renderReasons } from './reasons';
import type { Participant } from './types';

const person = (id: string, country: Participant['country'], extra: Partial<Participant> = {}) =>
  ({
    id,
    country,
    age: 20,
    consentConfirmed: true,
    languages: [{ code: 'en', level: 'fluent' }],
    interests: [],
    ...extra,
  }) as Participant;

describe('prepare', () => {
  it('derives ages and minor status from birth dates', () => {
    const prep = prepare({
      participants: [person('k', 'KR', { age: undefined, birthDate: '2010-01-01' })],
      referenceDate: '2027-03-01',
    });
    expect(prep.kr.age[0]).toBe(17);
    expect(prep.kr.minor[0]).toBe(1);
    expect(() =>
      prepare({ participants: [person('k', 'KR', { age: undefined, birthDate: '2010-01-01' })] }),
    ).toThrow('referenceDate');
  });

  it('says why someone cannot take new pairs', () => {
    const prep = prepare({
      participants: [
        person('too-old', 'KR', { age: 31 }),
        person('no-age', 'KR', { age: undefined }),
        person('none-wanted', 'KR', { preferences: { capacity: 0 } }),
        person('mute', 'ID', { languages: [] }),
        person('ok', 'ID', { preferences: { capacity: 5 } }),
      ],
      rules: { maxAge: 30 },
      penpalsPerParticipant: 2,
    });
    const why = (side: typeof prep.kr) =>
      side.participants.map((p, i) => [p.id, side.ineligible[i]?.reason ?? null]);
    expect(Object.fromEntries([...why(prep.kr), ...why(prep.asean)])).toEqual({
      'too-old': 'age_rules',
      'no-age': 'age_rules',
      'none-wanted': 'no_capacity',
      mute: 'no_shared_language',
      ok: null,
    });
    const ok = prep.asean.participants.findIndex((p) => p.id === 'ok');
    expect(prep.asean.capacity[ok]).toBe(2);
  });
});

describe('pairReasons', () => {
  it('names practice partners, wished-for countries and many shared interests', () => {
    const prep = prepare({
      participants: [
        person('k', 'KR', {
          age: 18,
          languages: [
            { code: 'ko', level: 'native' },
            { code: 'th', level: 'basic' },
          ],
          interests: ['film', 'football', 'music', 'k_pop'],
          preferences: { preferredCountries: ['TH'], practiseLanguages: ['th'] },
        }),
        person('t', 'TH', {
          age: 21,
          languages: [
            { code: 'th', level: 'native' },
            { code: 'ko', level: 'conversational' },
          ],
          interests: ['film', 'football', 'music', 'k_pop'],
          preferences: { practiseLanguages: ['ko'] },
        }),
      ],
    });
    expect(pairReasons(prep, 0, 0)).toEqual([
      'both speak Korean',
      'both know some Thai',
      'one of you wants to practise Korean, which the other speaks well',
      'one of you wants to practise Thai, which the other speaks well',
      'both like film, football, k pop and 1 more',
      "age difference within the round's limit",
      'one of you asked for a pen pal from Thailand',
    ]);
    expect(renderReasons(pairFacts(prep, 0, 0), 'ko')).toEqual([
      '함께 쓰는 언어: 한국어',
      '둘 다 조금 아는 언어: 태국어',
      '한 사람은 한국어를 연습하고 싶고, 다른 사람은 잘해요',
      '한 사람은 태국어를 연습하고 싶고, 다른 사람은 잘해요',
      '공통 관심사: 영화, 축구, k pop 외 1개',
      '나이 차이가 이번 회차 기준 안이에요',
      '한 사람이 태국 펜팔을 원했어요',
    ]);
  });

  it('says 를 after a Korean language name, 을(를) after a bare code', () => {
    const facts = {
      speak: [],
      some: [],
      practise: ['ko', 'xx'],
      interests: ['film'],
      ageGap: 0,
      askedCountry: null,
      askedKorea: true,
    };
    expect(renderReasons(facts, 'ko')).toEqual([
      '한 사람은 한국어를 연습하고 싶고, 다른 사람은 잘해요',
      '한 사람은 XX을(를) 연습하고 싶고, 다른 사람은 잘해요',
      '공통 관심사: 영화',
      '나이 차이가 이번 회차 기준 안이에요',
      '한 사람이 한국 펜팔을 원했어요',
    ]);
    expect(renderReasons(facts, 'de')).toContain("age difference within the round's limit");
  });

  const allFacts = {
    speak: ['en'],
    some: ['th'],
    practise: ['ko'],
    interests: ['film', 'football', 'k-pop', 'cooking'],
    ageGap: 2,
    askedCountry: 'LA' as const,
    askedKorea: true,
  };

  it.each(['id', 'ms', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'zh'])(
    'words every reason in %s, naming languages, interests and countries in it',
    (locale) => {
      const english = renderReasons(allFacts, 'en');
      const mine = renderReasons(allFacts, locale);
      expect(mine).toHaveLength(english.length);
      for (const [i, reason] of mine.entries()) expect(reason).not.toBe(english[i]);
      const text = mine.join(' | ');
      // No English sentence or name left ("Laos" and "film" are Indonesian and Malay words too,
      // "Korean" is how Filipino names the language).
      for (const word of ['both', 'speak', 'practise', 'like ', 'asked', 'English'])
        expect(text).not.toContain(word);
      if (locale !== 'fil') expect(text).not.toContain('Korean');
      expect(text).not.toMatch(/undefined|null|\d+ years?/);
    },
  );

  it('names them as a Lao, Indonesian or Chinese reader reads them', () => {
    expect(renderReasons(allFacts, 'lo')).toEqual([
      'ເວົ້າພາສາອັງກິດໄດ້ທັງສອງຄົນ',
      'ຮູ້ພາສາໄທໜ້ອຍໜຶ່ງທັງສອງຄົນ',
      'ຄົນໜຶ່ງຢາກຝຶກພາສາເກົາຫລີ ເຊິ່ງອີກຄົນເວົ້າໄດ້ດີ',
      'ມັກຮູບເງົາ, ບານເຕະ, K-pop ແລະ ອີກ 1 ຢ່າງຄືກັນ',
      'ອາຍຸຫ່າງກັນບໍ່ເກີນເກນຂອງຮອບນີ້',
      'ຄົນໜຶ່ງຢາກໄດ້ໝູ່ທາງຈົດໝາຍຈາກລາວ',
      'ຄົນໜຶ່ງຢາກໄດ້ໝູ່ທາງຈົດໝາຍຈາກເກົາຫລີໃຕ້',
    ]);
    expect(renderReasons(allFacts, 'id')[0]).toBe('sama-sama bisa bahasa Inggris');
    expect(renderReasons(allFacts, 'zh')[3]).toBe(
      '你们都喜欢电影、足球、韩流音乐，还有另外 1 个共同爱好',
    );
  });
});
