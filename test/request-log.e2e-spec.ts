import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from './support/competitions';
import { auth, Harness } from './support/harness';

interface Line {
  msg?: string;
  level?: number;
  req?: Record<string, unknown>;
  res?: Record<string, unknown>;
  responseTime?: number;
}

describe('the request log (e2e)', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'kenal-request-log-'));
  const logFile = join(dir, 'api.log');

  beforeAll(async () => {
    h = await Harness.start({ env: { LOG_LEVEL: 'info', LOG_FILE: logFile } });
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const lines = () =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);

  it('writes one line per request with its id, method, URL and status, no header, none for health checks', async () => {
    const me = await h.register();
    const id = () => `log-${randomUUID()}`;
    const [interests, mine, missing, health] = [id(), id(), id(), id()];
    await h.http().get('/api/v1/interests').set('x-request-id', interests).expect(200);
    await h.http().get('/api/v1/me').set(auth(me.token)).set('x-request-id', mine).expect(200);
    await h
      .http()
      .get(`/api/v1/competitions/${randomUUID()}`)
      .set('x-request-id', missing)
      .expect(404);
    await h.http().get('/api/v1/health').set('x-request-id', health).expect(200);
    await waitUntil('the request log', async () =>
      [interests, mine, missing].every((i) => lines().some((l) => l.req?.id === i)),
    );
    const of = (i: string) => lines().filter((l) => l.req?.id === i);
    for (const [i, url, status] of [
      [interests, '/api/v1/interests', 200],
      [mine, '/api/v1/me', 200],
      [missing, '/api/v1/competitions/', 404],
    ] as const) {
      expect(of(i)).toHaveLength(1);
      const [line] = of(i);
      expect(line).toMatchObject({ level: 30, msg: 'request completed' });
      // The fixed list of fields: no header (no Authorization, no cookie) can reach a line.
      expect(line.req).toEqual({
        id: i,
        method: 'GET',
        url: expect.stringMatching(new RegExp(`^${url}`)),
        remoteAddress: expect.any(String),
      });
      expect(line.res).toEqual({ statusCode: status });
      expect(line.responseTime).toEqual(expect.any(Number));
    }
    const text = readFileSync(logFile, 'utf8');
    expect(text).not.toContain(me.token);
    expect(text).not.toMatch(/authorization|bearer/i);
    expect(of(health)).toEqual([]);
  });
});
