import { ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import fastify from 'fastify';
import pino from 'pino';
import { RootLogger, requestLogging } from '../logging';
import { AppError } from './app-error';
import { ProblemFilter, toProblem } from './problem.filter';

describe('toProblem', () => {
  it('keeps the code, status and field errors of an AppError', () => {
    const { problem } = toProblem(
      new AppError(422, 'NOT_ELIGIBLE', 'Too young', [
        { path: 'dateOfBirth', message: 'under 13' },
      ]),
    );
    expect(problem).toMatchObject({
      status: 422,
      code: 'NOT_ELIGIBLE',
      detail: 'Too young',
      title: 'Unprocessable entity',
      errors: [{ path: 'dateOfBirth', message: 'under 13' }],
    });
  });

  it('maps Nest exceptions to a code by status', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x')).problem.code).toBe('NOT_FOUND');
    expect(toProblem(new BadRequestException('bad')).problem.code).toBe('BAD_REQUEST');
  });

  it('maps Fastify body errors to 400 MALFORMED_JSON and 413', () => {
    const bad = Object.assign(new Error('Unexpected token'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    expect(toProblem(bad).problem).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    const big = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(toProblem(big).problem).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('never leaks the message or stack of an unexpected error', () => {
    const { problem } = toProblem(new Error('password=hunter2 at db.ts:12'));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });
});

describe('ProblemFilter', () => {
  it('logs a 500 with the request’s own logger, so that the line names the request', async () => {
    const lines: string[] = [];
    const root = new RootLogger(pino({}, { write: (line: string) => void lines.push(line) }));
    const app = fastify({ genReqId: () => 'req-500' });
    app.addHook('onRequest', requestLogging(root));
    app.get('/api/v1/me', (req, reply) => {
      const http = { getResponse: () => reply, getRequest: () => req };
      new ProblemFilter().catch(new Error('boom'), { switchToHttp: () => http } as ArgumentsHost);
    });
    const res = await app.inject({ method: 'GET', url: '/api/v1/me' });
    await app.close();
    expect(res.statusCode).toBe(500);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const errors = logged.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      context: 'Errors',
      req: { id: 'req-500', method: 'GET', url: '/api/v1/me' },
    });
    expect(String(errors[0].msg)).toContain('boom');
  });
});
