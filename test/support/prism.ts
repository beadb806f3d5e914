import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Response } from 'superagent';
import type { Test } from 'supertest';

/** One place where the API's answer and its OpenAPI document disagree, as Prism reports it. */
export interface Violation {
  method: string;
  path: string;
  status: number;
  location: string;
  message: string;
}

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * With PRISM=1 the harness puts Stoplight Prism (proxy mode) between the tests and the API: every
 * response is checked against the OpenAPI document the API serves. Prism only reports (no
 * --errors), in the `sl-violations` header; the harness collects the response violations and the
 * suite fails at its end when there are any. PRISM_REPORT=dir writes them to dir/<suite>.json.
 */
export class PrismProxy {
  readonly violations: Violation[] = [];
  private process: ChildProcess;
  private dir: string;
  url: string;

  static enabled(): boolean {
    return process.env.PRISM === '1';
  }

  static async start(upstream: string, document: unknown): Promise<PrismProxy> {
    const p = new PrismProxy();
    p.dir = mkdtempSync(join(tmpdir(), 'kenal-prism-'));
    const file = join(p.dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const port = await freePort();
    p.process = spawn(
      process.execPath,
      [
        require.resolve('@stoplight/prism-cli/dist/index.js'),
        'proxy',
        file,
        upstream,
        '--port',
        String(port),
        '--cors',
        'false',
        '--validate-request',
        'false',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Prism is listening')) resolve();
      };
      p.process.stdout!.on('data', onData);
      p.process.stderr!.on('data', onData);
      p.process.once('exit', (code) => reject(new Error(`prism exited (${code}): ${output}`)));
    });
    p.process.removeAllListeners('exit');
    p.process.stdout!.removeAllListeners('data').resume();
    p.process.stderr!.removeAllListeners('data').resume();
    p.url = `http://127.0.0.1:${port}`;
    // A suite that never reaches stop() (a failed beforeAll) must not leave Prism running.
    process.once('exit', p.cleanUp);
    return p;
  }

  /**
   * Prism does not forward everything as sent: it answers malformed JSON itself, re-encodes
   * multipart bodies (uploads then fail with 415) and binary downloads (the bytes change). Such
   * requests go straight to the API, unchecked.
   */
  bypassWhereUnfaithful(method: string, path: string, test: Test, api: string): Test {
    const direct = () => {
      test.url = test.url.replace(this.url, api);
    };
    if (method === 'get' && /\/assets\/[^/?]+$/.test(path)) direct();
    const { attach, field, send } = test;
    test.attach = (...args: Parameters<Test['attach']>) => {
      direct();
      return attach.apply(test, args);
    };
    test.field = ((...args: Parameters<Test['field']>) => {
      direct();
      return field.apply(test, args);
    }) as Test['field'];
    test.send = (body?: string | object) => {
      if (typeof body === 'string' && !isJson(body)) direct();
      return send.call(test, body);
    };
    return test;
  }

  /** Reads Prism's verdict on one response (the `sl-violations` header). */
  record(method: string, path: string, res: Response): void {
    const header = res.headers['sl-violations'] as string | undefined;
    if (!header) return;
    for (const v of JSON.parse(header) as { location: string[]; message: string }[]) {
      if (v.location[0] !== 'response') continue;
      this.violations.push({
        method: method.toUpperCase(),
        path,
        status: res.status,
        location: v.location.join('.'),
        message: v.message,
      });
    }
  }

  private readonly cleanUp = () => {
    if (this.process.exitCode === null) this.process.kill();
    rmSync(this.dir, { recursive: true, force: true });
  };

  async stop(suite: string): Promise<void> {
    process.off('exit', this.cleanUp);
    this.cleanUp();
    const report = process.env.PRISM_REPORT;
    if (report) {
      mkdirSync(report, { recursive: true });
      writeFileSync(
        join(report, `${basename(suite)}.json`),
        JSON.stringify(this.violations, null, 2),
      );
    }
    if (this.violations.length) {
      const lines = this.violations
        .slice(0, 20)
        .map((v) => `${v.method} ${v.path} → ${v.status}: ${v.location} ${v.message}`);
      throw new Error(
        `Prism: ${this.violations.length} response(s) differ from the OpenAPI document:\n${lines.join('\n')}`,
      );
    }
  }
}
