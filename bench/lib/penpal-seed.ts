/**
 * A closed pen-pal round of a synthetic population (generatePopulation) written straight into a
 * migrated database, with a queued matching run: what the matching benchmarks run the real job on.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { generatePopulation } from './population';

const CHUNK = 5000;

export async function bulk(
  ds: DataSource,
  table: string,
  columns: string[],
  types: string[],
  rows: unknown[][],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params = columns.map((_, c) => chunk.map((r) => r[c]));
    // Array columns travel as their text form ('{a,b}') and are cast on the way in.
    const unnest = types.map((t, c) => `$${c + 1}::${t.endsWith('[]') ? 'text' : t}[]`).join(', ');
    const select = types.map((t, c) => `c${c}::${t}`).join(', ');
    const names = types.map((_, c) => `c${c}`).join(', ');
    await ds.query(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS t(${names})`,
      params,
    );
  }
}

/** Users, profiles, consents, a programme, a closed round and its enrolments; and a queued run. */
export async function seedPenpalRound(ds: DataSource, perSide: number, seed: number) {
  const input = generatePopulation({ perSide, seed });
  const closes = new Date('2027-06-30T00:00:00Z');
  const ids = new Map(input.participants.map((p) => [p.id, randomUUID()]));
  const t0 = performance.now();
  const people = input.participants;
  await bulk(
    ds,
    'users',
    ['id', 'email', 'display_name', 'password_hash', 'roles'],
    ['uuid', 'text', 'text', 'text', 'text[]'],
    people.map((p) => [ids.get(p.id), `${p.id}@bench.kenal`, p.id, null, '{applicant}']),
  );
  // Born on 31 December, `age` years before the close: exactly that age when enrolment closes.
  await bulk(
    ds,
    'profiles',
    ['user_id', 'country', 'date_of_birth', 'gender', 'languages', 'interests'],
    ['uuid', 'text', 'date', 'text', 'jsonb', 'text[]'],
    people.map((p) => [
      ids.get(p.id),
      p.country,
      `${closes.getUTCFullYear() - (p.age ?? 20) - 1}-12-31`,
      p.gender ?? null,
      JSON.stringify(p.languages),
      `{${p.interests.join(',')}}`,
    ]),
  );
  const minors = people.filter((p) => p.minor);
  await bulk(
    ds,
    'guardian_consents',
    ['user_id', 'guardian_name', 'guardian_email', 'token_hash', 'expires_at', 'confirmed_at'],
    ['uuid', 'text', 'text', 'text', 'timestamptz', 'timestamptz'],
    minors.map((p) => [
      ids.get(p.id),
      'Guardian',
      `g-${p.id}@bench.kenal`,
      randomUUID(),
      closes.toISOString(),
      p.consentConfirmed ? closes.toISOString() : null,
    ]),
  );
  const [programme] = await ds.query(
    `INSERT INTO programmes (name, slug, timezone) VALUES ('Bench', 'bench', 'Asia/Seoul') RETURNING id`,
  );
  const [round] = await ds.query(
    `INSERT INTO penpal_rounds (programme_id, name, enrolment_opens_at, enrolment_closes_at, penpals_per_participant, rules, weights, country_balance)
     VALUES ($1, 'Bench round', '2027-01-01', $2, $3, $4, $5, $6) RETURNING id`,
    [
      programme.id,
      closes,
      input.penpalsPerParticipant,
      input.rules,
      input.weights,
      input.countryBalance,
    ],
  );
  await bulk(
    ds,
    'penpal_enrolments',
    [
      'round_id',
      'user_id',
      'preferred_countries',
      'practise_languages',
      'gender_preference',
      'capacity',
    ],
    ['uuid', 'uuid', 'text[]', 'text[]', 'text', 'int'],
    people.map((p) => [
      round.id,
      ids.get(p.id),
      `{${(p.preferences?.preferredCountries ?? []).join(',')}}`,
      `{${(p.preferences?.practiseLanguages ?? []).join(',')}}`,
      p.preferences?.genderPreference ?? null,
      Math.min(p.preferences?.capacity ?? 1, input.penpalsPerParticipant ?? 1),
    ]),
  );
  const seedMs = Math.round(performance.now() - t0);
  const creator = ids.get(people[0].id);
  const [run] = await ds.query(
    `INSERT INTO matching_runs (round_id, seed, created_by) VALUES ($1, $2, $3) RETURNING id`,
    [round.id, String(seed), creator],
  );

  return { roundId: round.id as string, runId: run.id as string, seedMs, creator };
}
