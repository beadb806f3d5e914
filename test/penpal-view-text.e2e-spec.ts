import { randomUUID } from 'node:crypto';
import { LOCALES } from '../src/common/i18n/locales';
import { renderReasons, withoutAgeGap, type PairFacts } from '../src/penpal/matching';
import { inDays, type Person, programme } from './support/competitions';
import { awkward } from './support/awkward-text';
import { auth, Harness } from './support/harness';
import { profiled } from './support/judging';

interface Match {
  id: string;
  round_id: string;
  round_name: string;
  closes_at: Date;
  user_a: string;
  user_b: string;
  status: string;
  score: number;
  reasons: string[];
  reason_facts: PairFacts | null;
  response_a: string;
  response_b: string;
}

/**
 * GET /me/penpals as it was answered before PostgreSQL wrote its JSON text (issue 14), worked out
 * here on its own: the caller's shown matches, newest round first (then by id), each with the
 * other person's name and profile as pg parses them, mapped field by field as the service mapped
 * its rows, the reasons rendered in the reader's language.
 */
async function oldShape(h: Harness, me: Person, locale: string) {
  const matches: Match[] = await h.db.query(
    `SELECT x.*, r.name AS round_name, r.enrolment_closes_at AS closes_at
       FROM penpal_matches x, penpal_rounds r
      WHERE r.id = x.round_id AND $1 IN (x.user_a, x.user_b)
        AND x.status NOT IN ('proposed', 'carried', 'cancelled')`,
    [me.id],
  );
  // uuids sort in PostgreSQL as their lower-case text does.
  matches.sort((a, b) => b.closes_at.getTime() - a.closes_at.getTime() || (a.id < b.id ? -1 : 1));
  const out = [];
  for (const x of matches) {
    const mine = x.user_a === me.id;
    const [pal] = (await h.db.query(
      `SELECT u.display_name, p.country, p.languages, p.interests
         FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = $1`,
      [mine ? x.user_b : x.user_a],
    )) as {
      display_name: string;
      country: string | null;
      languages: unknown;
      interests: unknown;
    }[];
    out.push({
      matchId: x.id,
      roundId: x.round_id,
      roundName: x.round_name,
      status: x.status,
      myResponse: mine ? x.response_a : x.response_b,
      penpalResponse: mine ? x.response_b : x.response_a,
      score: x.score,
      reasons: x.reason_facts ? renderReasons(x.reason_facts, locale) : withoutAgeGap(x.reasons),
      penpal: {
        displayName: pal.display_name,
        country: pal.country,
        languages: pal.languages,
        interests: pal.interests,
      },
    });
  }
  return out;
}

/**
 * The API writes the pen pals' JSON itself from the texts PostgreSQL sends (JSON columns as JSON
 * text, spliced in unparsed) and the reasons it renders: every text people wrote must come out
 * escaped, whole and unchanged, in the same keys and order as before, in every language, and of
 * the pen pal only what may be shown.
 */
describe('pen pals: my list keeps people’s text intact (e2e)', () => {
  let h: Harness;
  let me: Person;
  const pals: Person[] = [];

  beforeAll(async () => {
    h = await Harness.start();
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'penpal-text');
    const round = async (closesInDays: number) =>
      (
        await h
          .http()
          .post(`/api/v1/programmes/${programmeId}/penpal-rounds`)
          .set(auth(coordinator.token))
          .send({
            name: `Round ${randomUUID().slice(0, 6)}`,
            enrolmentOpensAt: inDays(closesInDays - 10),
            enrolmentClosesAt: inDays(closesInDays),
          })
          .expect(201)
      ).body.id as string;
    const older = await round(-20);
    const newer = await round(-2);
    me = await profiled(h, { name: awkward('Me'), country: 'TH' });
    for (const n of [1, 2, 3, 4]) pals.push(await profiled(h, { name: `Pal ${n}`, country: 'KR' }));

    // Past the routes' own validation: the list must survive whatever the columns hold.
    await h.db.query(`UPDATE penpal_rounds SET name = $1 WHERE id = $2`, [awkward('Newer'), newer]);
    await h.db.query(`UPDATE penpal_rounds SET name = $1 WHERE id = $2`, [awkward('Older'), older]);
    await h.db.query(`UPDATE users SET display_name = $1 WHERE id = $2`, [
      awkward('Pal 1'),
      pals[0].id,
    ]);
    await h.db.query(`UPDATE users SET display_name = $1 WHERE id = $2`, ['', pals[1].id]);
    await h.db.query(
      `UPDATE profiles SET interests = $1, languages = $2, country = $3, institution = 'Secret',
                           city = 'Secret city', bio = 'Secret bio' WHERE user_id = $4`,
      [
        [awkward('interest'), 'film', ''],
        JSON.stringify([
          { code: awkward('code'), level: awkward('level') },
          { code: 'en', level: 'fluent' },
        ]),
        '"\\',
        pals[0].id,
      ],
    );
    // One capital: char(2) pads it, and the list sends it padded as it always did.
    await h.db.query(`UPDATE profiles SET country = 'K', interests = '{}' WHERE user_id = $1`, [
      pals[1].id,
    ]);
    // A pen pal whose profile is gone: country, languages and interests are null.
    await h.db.query(`DELETE FROM profiles WHERE user_id = $1`, [pals[2].id]);

    const facts: PairFacts = {
      speak: ['en', 'th'],
      some: ['ko'],
      practise: ['ko', awkward('lang')],
      interests: ['film', 'football', awkward('tag'), 'music', 'travel'],
      ageGap: 3,
      askedCountry: 'TH',
      askedKorea: true,
    };
    const match = async (
      roundId: string,
      a: Person,
      b: Person,
      fields: {
        status?: string;
        reasons?: string[];
        facts?: PairFacts;
        responseA?: string;
        responseB?: string;
      },
    ) =>
      h.db.query(
        `INSERT INTO penpal_matches (run_id, round_id, user_a, country_a, user_b, country_b, score,
                                     reasons, reason_facts, status, response_a, response_b)
         VALUES ($1, $2, $3, 'TH', $4, 'KR', 77, $5, $6, $7, $8, $9)`,
        [
          randomUUID(),
          roundId,
          a.id,
          b.id,
          fields.reasons ?? [],
          fields.facts ? JSON.stringify(fields.facts) : null,
          fields.status ?? 'published',
          fields.responseA ?? 'pending',
          fields.responseB ?? 'pending',
        ],
      );
    // Stored English, with the age gaps a participant must not read.
    await match(newer, me, pals[0], {
      reasons: [awkward('reason'), 'the same age', '3 years apart', '1 year apart', ''],
      responseA: 'accepted',
    });
    // Facts, rendered in the reader's language; the caller is user_b, a response never written.
    await match(newer, pals[1], me, {
      facts,
      status: 'accepted',
      responseA: awkward('response'),
      responseB: 'declined',
    });
    await match(older, me, pals[2], { facts: { ...facts, practise: [], interests: [] } });
    await match(older, pals[3], me, { status: 'ended', reasons: [] });
    // Facts written as a JSON null: none, the stored English is read.
    await match(older, me, pals[3], { reasons: ['both speak English'] });
    await h.db.query(
      `UPDATE penpal_matches SET reason_facts = 'null'::jsonb
        WHERE user_a = $1 AND user_b = $2 AND status = 'published'`,
      [me.id, pals[3].id],
    );
    // Never shown: proposed, carried or cancelled.
    for (const status of ['proposed', 'carried', 'cancelled'])
      await match(older, me, pals[3], { status, reasons: ['hidden'] });
  }, 60000);
  afterAll(() => h.stop());

  it('answers the same list as before, escaped and whole, in every language', async () => {
    for (const locale of LOCALES) {
      await h.db.query(`UPDATE users SET locale = $1 WHERE id = $2`, [locale, me.id]);
      const res = await h.http().get('/api/v1/me/penpals').set(auth(me.token)).expect(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const expected = await oldShape(h, me, locale);
      expect(expected).toHaveLength(5);
      // Same content, same keys in the same order.
      expect(JSON.stringify(res.body)).toBe(JSON.stringify(expected));
      expect(JSON.parse(res.text)).toEqual(expected);
      // A control character people wrote goes out escaped.
      expect(res.text).not.toContain('\u0001');
    }
    const res = await h.http().get('/api/v1/me/penpals').set(auth(me.token)).expect(200);
    const items = res.body as { penpal: { displayName: string } }[];
    const named = (name: string) => items.find((i) => i.penpal.displayName === name);
    const [first, second, third] = [named(awkward('Pal 1')), named(''), named('Pal 3')];
    expect(first).toMatchObject({
      roundName: awkward('Newer'),
      myResponse: 'accepted',
      penpal: {
        displayName: awkward('Pal 1'),
        country: '"\\',
        languages: [
          { code: awkward('code'), level: awkward('level') },
          { code: 'en', level: 'fluent' },
        ],
        interests: [awkward('interest'), 'film', ''],
      },
    });
    expect((first as unknown as { reasons: string[] }).reasons).toEqual([
      awkward('reason'),
      "age difference within the round's limit",
      "age difference within the round's limit",
      "age difference within the round's limit",
      '',
    ]);
    expect(second).toMatchObject({
      penpalResponse: awkward('response'),
      penpal: { displayName: '', country: 'K ' },
    });
    expect(third).toMatchObject({ penpal: { country: null, languages: null, interests: null } });
  });

  it('shows of the pen pal only name, country, languages and interests', async () => {
    const res = await h.http().get('/api/v1/me/penpals').set(auth(me.token)).expect(200);
    for (const item of res.body as { penpal: object }[]) {
      expect(Object.keys(item)).toEqual([
        'matchId',
        'roundId',
        'roundName',
        'status',
        'myResponse',
        'penpalResponse',
        'score',
        'reasons',
        'penpal',
      ]);
      expect(Object.keys(item.penpal)).toEqual([
        'displayName',
        'country',
        'languages',
        'interests',
      ]);
    }
    expect(res.text).not.toMatch(/Secret|@kenal\.test|1990-02-02/);
  });
});
