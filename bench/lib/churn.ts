/**
 * A season's traffic for the per-user caches: many people reading in turn while others sign in
 * elsewhere (bench:api and bench:api-compare's me-churn). The other read routes read as one
 * caller, which a cache answers from memory whatever drops it.
 */
import { Client } from 'pg';
import type { CannonRequest } from './cannon';
import { accessToken } from './letters-world';

/** GET `path` as each of the first `n` of seedPopulation's people, tokens signed with the API's secret. */
export async function callersReading(
  db: Client,
  jwtSecret: string,
  n: number,
  path: string,
  headers: Record<string, string>,
): Promise<CannonRequest[]> {
  const { rows } = await db.query<{ id: string; sid: string }>(
    `SELECT u.id, s.id AS sid FROM users u JOIN auth_sessions s ON s.user_id = u.id
      WHERE u.email LIKE 'person-%' ORDER BY u.email LIMIT $1`,
    [n],
  );
  return rows.map((r) => ({
    method: 'GET',
    path,
    headers: { ...headers, authorization: `Bearer ${accessToken(jwtSecret, r.id, r.sid)}` },
  }));
}

/**
 * `perSecond` sign-ins of random people among seedPopulation's `people`, as another API process
 * makes them (a session row, by SQL on `db`), until the returned function is called.
 */
export function signInsElsewhere(db: Client, perSecond: number, people: number): () => void {
  if (perSecond <= 0) return () => undefined;
  const timer = setInterval(() => {
    void db.query(`INSERT INTO auth_sessions (user_id) SELECT id FROM users WHERE email = $1`, [
      `person-${1 + Math.floor(Math.random() * people)}@bench.test`,
    ]);
  }, 1000 / perSecond);
  return () => clearInterval(timer);
}

/**
 * `perSecond` answers to pen-pal matches of random people among seedPopulation's `people` (their
 * first pen pal's answer flips between accepted and pending), as another API process writes them,
 * until the returned function is called.
 */
export function answersElsewhere(db: Client, perSecond: number, people: number): () => void {
  if (perSecond <= 0) return () => undefined;
  const timer = setInterval(() => {
    void db.query(
      `UPDATE penpal_matches
          SET response_a = CASE response_a WHEN 'accepted' THEN 'pending' ELSE 'accepted' END
        WHERE user_a = (SELECT id FROM users WHERE email = $1)`,
      [`person-${1 + 2 * Math.floor((Math.random() * people) / 2)}@bench.test`],
    );
  }, 1000 / perSecond);
  return () => clearInterval(timer);
}
