import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from './support/competitions';
import { auth, Harness } from './support/harness';

interface Line {
  msg?: string;
  req?: { id?: string; method?: string; url?: string; headers?: Record<string, string> };
  res?: { statusCode?: number; headers?: Record<string, string> };
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

  it('writes one line per request with its id, status and headers (bearer redacted), none for health checks', async () => {
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
      expect(line.msg).toBe('request completed');
      expect(line.req?.method).toBe('GET');
      expect(line.req?.url?.startsWith(url)).toBe(true);
      expect(line.res?.statusCode).toBe(status);
      expect(line.res?.headers?.['x-request-id']).toBe(i);
      expect(line.res?.headers?.['x-content-type-options']).toBe('nosniff');
      expect(line.res?.headers?.['content-type']).toMatch(/json/);
    }
    expect(of(mine)[0].req?.headers?.authorization).toBe('[Redacted]');
    expect(readFileSync(logFile, 'utf8')).not.toContain(me.token);
    expect(of(health)).toEqual([]);
  });
});
