import { LOCALES } from '../common/i18n/locales';
import { renderReasons, withoutAgeGap, type PairFacts } from './matching';
import { penpalsJson } from './penpal-matches.service';
import type { PenpalText } from './penpal.store';

const awkward = (label: string) =>
  `${label} "quoted" back\\slash /slash\nline\ttab \u0001\u001f\u007f \u2028 é 中文 😀 </script>`;

const facts: PairFacts = {
  speak: ['en'],
  some: ['ko', 'th'],
  practise: ['ko'],
  interests: ['film', awkward('tag'), 'music', 'travel', 'k_pop'],
  ageGap: 2,
  askedCountry: 'TH',
  askedKorea: false,
};

/** Two pen pals as the statement sends them, and the caller's row alone (no pen pals). */
const rows: (PenpalText | { match_id: null })[] = [
  {
    match_id: '0b0f4bde-5f0c-4c55-9f7e-0d8f3a5b7c11',
    round_id: '5e3c7d1a-2b4f-4e6a-8c9d-1f2e3a4b5c6d',
    round_name: awkward('Round'),
    status: 'accepted',
    score: 87,
    reasons: JSON.stringify(facts),
    my_response: 'accepted',
    their_response: awkward('response'),
    display_name: awkward('Pal'),
    country: 'K ',
    languages: '[{"code": "en", "level": "fluent"}, {"code": "x\\"\\u0001", "level": "basic"}]',
    interests: JSON.stringify([awkward('interest'), null, '']),
  },
  {
    match_id: '7a1e2f3c-4d5b-4a6c-8e7f-9a0b1c2d3e4f',
    round_id: '5e3c7d1a-2b4f-4e6a-8c9d-1f2e3a4b5c6d',
    round_name: 'Spring',
    status: 'published',
    score: 0,
    reasons: JSON.stringify([awkward('reason'), '2 years apart', 'the same age']),
    my_response: 'pending',
    their_response: 'pending',
    display_name: '',
    country: null,
    languages: null,
    interests: null,
  },
];

/** The answer as the service made it before (the parsed rows mapped, then JSON.stringify). */
const before = (locale: string) =>
  JSON.stringify(
    rows.flatMap((r) =>
      r.match_id === null
        ? []
        : [
            {
              matchId: r.match_id,
              roundId: r.round_id,
              roundName: r.round_name,
              status: r.status,
              myResponse: r.my_response,
              penpalResponse: r.their_response,
              score: r.score,
              reasons: Array.isArray(JSON.parse(r.reasons))
                ? withoutAgeGap(JSON.parse(r.reasons) as string[])
                : renderReasons(JSON.parse(r.reasons) as PairFacts, locale),
              penpal: {
                displayName: r.display_name,
                country: r.country,
                languages: r.languages === null ? null : (JSON.parse(r.languages) as unknown),
                interests: r.interests === null ? null : (JSON.parse(r.interests) as unknown),
              },
            },
          ],
    ),
  );

describe('penpalsJson', () => {
  it.each(LOCALES)('writes what JSON.stringify of the mapped rows wrote (%s)', (locale) => {
    const json = penpalsJson(rows, locale);
    // The languages keep jsonb's spacing: the same values, keys in the same order.
    expect(JSON.stringify(JSON.parse(json))).toBe(before(locale));
  });

  it('writes [] for the caller alone', () => {
    expect(penpalsJson([{ match_id: null }], 'en')).toBe('[]');
  });
});
