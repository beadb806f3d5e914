/**
 * The letters world of bench:letters and bench:api-compare's write route: active pen-pal matches
 * between adults in a round that delays letters by distance and screens adults' letters (every
 * write runs the detector and schedules a delayed delivery), older letters on them, a session
 * each, and access tokens signed with the build's JWT secret (as a login would). With letterDelay
 * 'none' every letter is delivered at once (its notice written in the same transaction).
 */
import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { succeededRun } from './world';

/** An access token as the API signs one (HS256, { sub, sid }), valid for an hour. */
export function accessToken(secret: string, sub: string, sid: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub, sid, iat: now, exp: now + 3600 })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

export const BODIES = [
  '안녕! 오늘 학교에서 축구를 했어. 너는 주말에 뭐 해? 라오스 음식도 궁금해.',
  'ສະບາຍດີ! ມື້ນີ້ຂ້ອຍໄປຕະຫຼາດກັບແມ່. ເຈົ້າມັກກິນຫຍັງ?',
  'Hi! We had a storm today and the power went out for 2 hours, so I read by candlelight.',
  'สวัสดี! สัปดาห์นี้ฉันสอบเสร็จแล้ว ดีใจมาก ปิดเทอมนี้อยากไปทะเล',
  'Xin chào! Mình vừa xem một bộ phim Hàn rất hay. Bạn thích phim gì?',
];

/** 2N adults in pairs, each pair an accepted match in one round, a session each; then the letters. */
async function seed(
  db: Client,
  programmeId: string,
  adminId: string,
  matches: number,
  letters: number,
  letterDelay: 'distance' | 'none',
) {
  const countries = ['KR', 'LA', 'KR', 'TH', 'KR', 'VN', 'KR', 'ID', 'KR', 'MM'];
  await db.query(
    `INSERT INTO users (email, display_name, password_hash, email_verified_at, locale)
     SELECT 'writer-' || g || '@bench.test', 'Writer ' || g, NULL, now(), 'en'
       FROM generate_series(1, $1) g`,
    [matches * 2],
  );
  await db.query(
    `INSERT INTO profiles (user_id, country, date_of_birth, languages, interests)
     SELECT u.id, ($1::text[])[1 + split_part(split_part(u.email, '-', 2), '@', 1)::int % 10],
            '2003-03-03', '[{"code":"en","level":"conversational"}]', '{music,film}'
       FROM users u WHERE u.email LIKE 'writer-%'`,
    [countries],
  );
  await db.query(
    `INSERT INTO auth_sessions (user_id) SELECT id FROM users WHERE email LIKE 'writer-%'`,
  );
  const [round] = (
    await db.query(
      `INSERT INTO penpal_rounds (programme_id, name, enrolment_opens_at, enrolment_closes_at,
                                  letter_delay, letters_per_day, screen_adult_letters)
       VALUES ($1, 'Letters bench', now() - interval '90 days', now() - interval '70 days', $2, 5, true)
       RETURNING id`,
      [programmeId, letterDelay],
    )
  ).rows;
  const run = { id: await succeededRun(db, round.id, adminId) };
  await db.query(
    `INSERT INTO penpal_matches (run_id, round_id, user_a, country_a, user_b, country_b, score, reasons,
                                 status, response_a, response_b)
     SELECT $1, $2, a.user_id, a.country, b.user_id, b.country, 75, '{}', 'accepted', 'accepted', 'accepted'
       FROM generate_series(1, $3) g
       JOIN users ua ON ua.email = 'writer-' || (2 * g - 1) || '@bench.test' JOIN profiles a ON a.user_id = ua.id
       JOIN users ub ON ub.email = 'writer-' || (2 * g) || '@bench.test' JOIN profiles b ON b.user_id = ub.id`,
    [run.id, round.id, matches],
  );
  // Letters: spread evenly over the matches, alternating writers, over the last 60 days (so none
  // counts against today's limit); the older ones read.
  await db.query(
    `WITH m AS (SELECT id, user_a, user_b, row_number() OVER (ORDER BY id) - 1 AS k
                  FROM penpal_matches WHERE round_id = $4)
     INSERT INTO letters (match_id, sender_id, recipient_id, body, language, status, deliver_at,
                          delivered_at, read_at, created_at)
     SELECT m.id,
            CASE WHEN g % 2 = 0 THEN m.user_a ELSE m.user_b END,
            CASE WHEN g % 2 = 0 THEN m.user_b ELSE m.user_a END,
            ($3::text[])[1 + g % 5], 'en', 'delivered', t.at, t.at,
            CASE WHEN g % 10 < 8 THEN t.at + interval '1 hour' END, t.at
       FROM generate_series(0, $1 - 1) g
       JOIN m ON m.k = g % $2
      CROSS JOIN LATERAL (SELECT now() - interval '61 days' + (g::float / $1) * interval '59 days' AS at) t`,
    [letters, matches, BODIES, round.id],
  );
}

export interface LetterPair {
  id: string;
  user_a: string;
  sid_a: string;
  user_b: string;
  sid_b: string;
}

/** Seeds the world (a programme of its own, `matches` matches, `letters` letters); its pairs and tokens. */
export async function seedLetterWorld(
  db: Client,
  adminEmail: string,
  jwtSecret: string,
  matches: number,
  letters: number,
  letterDelay: 'distance' | 'none' = 'distance',
) {
  const [adminRow] = (await db.query(`SELECT id FROM users WHERE email = $1`, [adminEmail]))
    .rows as { id: string }[];
  const [programme] = (
    await db.query(
      `INSERT INTO programmes (name, slug, timezone) VALUES ('Letters bench', 'letters-bench', 'Asia/Seoul') RETURNING id`,
    )
  ).rows as { id: string }[];
  await seed(db, programme.id, adminRow.id, matches, letters, letterDelay);
  await db.query('ANALYZE');
  const pairs = (
    await db.query(
      `SELECT x.id, x.user_a, sa.id AS sid_a, x.user_b, sb.id AS sid_b
         FROM penpal_matches x
         JOIN auth_sessions sa ON sa.user_id = x.user_a JOIN auth_sessions sb ON sb.user_id = x.user_b
         JOIN penpal_rounds r ON r.id = x.round_id AND r.programme_id = $1
        ORDER BY x.id`,
      [programme.id],
    )
  ).rows as LetterPair[];
  const tokenA = pairs.map((p) => accessToken(jwtSecret, p.user_a, p.sid_a));
  const tokenB = pairs.map((p) => accessToken(jwtSecret, p.user_b, p.sid_b));
  return { pairs, tokenA, tokenB };
}

/**
 * The i-th letter write: match i (mod the matches), written by its b side on odd i, its a side on
 * even, with a body of about 200 characters in the programme's languages.
 */
export const letterWrite = (
  world: { pairs: LetterPair[]; tokenA: string[]; tokenB: string[] },
  i: number,
  headers: Record<string, string>,
) => ({
  method: 'POST' as const,
  path: `/api/v1/penpal-matches/${world.pairs[i].id}/letters`,
  headers: {
    ...headers,
    authorization: `Bearer ${i % 2 ? world.tokenB[i] : world.tokenA[i]}`,
    'content-type': 'application/json',
  },
  body: JSON.stringify({
    body: `${BODIES[i % 5]} ${BODIES[(i + 2) % 5]} (${i}) Write back soon, it is 10:30 here and 28°C!`,
  }),
});
