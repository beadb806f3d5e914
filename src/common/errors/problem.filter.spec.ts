import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { ArgumentsHost, BadRequestException, NotFoundException } from '@nestjs/common';
import { pinoHttp } from 'pino-http';
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
  it('logs a 500 with the request’s own logger, so that the line names the request', () => {
    const lines: string[] = [];
    const raw = Object.assign(new IncomingMessage(new Socket()), {
      id: 'req-500',
      method: 'GET',
      url: '/api/v1/me',
    });
    pinoHttp({}, { write: (line: string) => lines.push(line) })(raw, new ServerResponse(raw));
    let status = 0;
    const reply = {
      header: () => reply,
      status: (code: number) => ((status = code), reply),
      send: () => reply,
    };
    const http = { getResponse: () => reply, getRequest: () => ({ raw }) };
    new ProblemFilter().catch(new Error('boom'), { switchToHttp: () => http } as ArgumentsHost);
    expect(status).toBe(500);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, context: 'Errors', req: { id: 'req-500' } });
    expect(String(logged[0].msg)).toContain('boom');
  });
});
