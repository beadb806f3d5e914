import { writeOpenApiDocument } from '../src/bootstrap';
import { Harness } from './support/harness';

type Schema = Record<string, unknown>;
interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

/** The codes an operation documents for a status (from its problem+json response). */
const codes = (op: Operation, status: number): string[] | undefined => {
  const schema = op.responses[status]?.content?.['application/problem+json']?.schema;
  const parts = (schema?.allOf ?? []) as { properties?: { code?: { enum?: string[] } } }[];
  return parts.find((p) => p.properties?.code)?.properties?.code?.enum;
};

/** Every schema object below `node`, with its JSON pointer. */
function* schemas(node: unknown, at: string): Generator<[string, Schema]> {
  if (!node || typeof node !== 'object') return;
  if (!Array.isArray(node)) yield [at, node as Schema];
  for (const [key, child] of Object.entries(node)) yield* schemas(child, `${at}/${key}`);
}

describe('OpenAPI document (e2e)', () => {
  let h: Harness;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  const op = (method: string, path: string) => doc.paths[`/api/v1${path}`][method];
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, o]) => ({ route: `${method} ${path}`, op: o })),
    );

  beforeAll(async () => {
    h = await Harness.start();
    doc = (await h.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => h.stop());

  it('is the document `npm run openapi:write` writes without a database', async () => {
    expect(JSON.parse(await writeOpenApiDocument())).toEqual(doc);
  });

  it('declares security as the guard applies it: public, optional and bearer routes', () => {
    expect(op('post', '/auth/login').security).toEqual([]);
    expect(op('get', '/competitions/{id}').security).toEqual([]);
    expect(op('get', '/competitions/{id}/results').security).toEqual([{}, { bearer: [] }]);
    expect(op('get', '/me').security).toEqual([{ bearer: [] }]);
    for (const { route, op: o } of operations()) {
      expect([route, o.security]).toEqual([route, expect.any(Array)]);
      const bearerOnly = o.security!.length === 1 && 'bearer' in o.security![0];
      // Every route that needs a token says what happens without one.
      expect([route, bearerOnly ? codes(o, 401) : 'public']).toEqual([
        route,
        bearerOnly ? ['UNAUTHENTICATED'] : 'public',
      ]);
    }
  });

  it('documents error responses as problem+json with their codes', () => {
    expect(codes(op('post', '/penpal-rounds/{id}/enrolments'), 409)).toEqual([
      'DEADLINE_PASSED',
      'ALREADY_ENROLLED',
    ]);
    expect(codes(op('post', '/penpal-rounds/{id}/enrolments'), 422)).toContain('NOT_ELIGIBLE');
    expect(codes(op('post', '/penpal-rounds/{id}/enrolments'), 403)).toEqual([
      'FORBIDDEN',
      'EMAIL_UNVERIFIED',
    ]);
    expect(codes(op('post', '/penpal-rounds/{id}/enrolments'), 400)).toEqual(
      expect.arrayContaining(['MALFORMED_JSON', 'VALIDATION_FAILED', 'INVALID_ID']),
    );
    expect(codes(op('post', '/submissions/{id}/submit'), 422)).toContain('SUBMISSION_INCOMPLETE');
    expect(doc.components.schemas.ProblemDto).toMatchObject({
      required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
    });
    // A route with an id in its path says what a bad or unknown id gives.
    for (const { route, op: o } of operations()) {
      if (!/\{(id|token)\}/.test(route) || route.includes('password-reset')) continue;
      // The pages emailed links open (HTML) answer every token with a page, never 400/404.
      if (/(guardian-consents|verify-email)\/\{token\}/.test(route) && route.startsWith('get'))
        continue;
      expect([route, Boolean(o.responses[400] ?? o.responses[404])]).toEqual([route, true]);
    }
  });

  it('gives every object a shape and says which fields can be null', () => {
    for (const [at, schema] of schemas(doc.components.schemas, '#/components/schemas')) {
      if (schema.type !== 'object' || 'enum' in schema) continue;
      const shaped = ['properties', 'additionalProperties', '$ref', 'allOf', 'anyOf', 'oneOf'].some(
        (k) => k in schema,
      );
      expect([at, shaped]).toEqual([at, true]);
    }
    const profile = doc.components.schemas.ProfileViewDto.properties as Record<string, Schema>;
    expect(profile.institution).toMatchObject({ type: 'string', nullable: true });
  });

  it('a signed-in person without a profile gets profile: null, as documented', async () => {
    const me = await h.register();
    const res = await h
      .http()
      .get('/api/v1/me')
      .set({ Authorization: `Bearer ${me.token}` });
    expect(res.body.profile).toBeNull();
    const profile = (doc.components.schemas.MeDto.properties as Record<string, Schema>).profile;
    expect(profile.anyOf).toContainEqual(expect.objectContaining({ nullable: true, enum: [null] }));
  });
});
