import type { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

type PathItemObject = OpenAPIObject['paths'][string];
type OperationObject = NonNullable<PathItemObject['get']>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;
import { IS_PUBLIC, OPTIONAL_AUTH, ROLES_KEY, VERIFIED_EMAIL } from '../auth/decorators';
import { isListed } from '../errors/error-codes';
import { CODE_BY_STATUS } from '../errors/problem.filter';
import { UuidParam } from '../http/uuid-param';
import { API_ERRORS, FieldErrorDto, ProblemDto } from './api-errors';

const PROBLEM = 'application/problem+json';

/** The OpenAPI document served at /api/docs-json and written by `npm run openapi:write`. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kenal API')
      .setDescription(
        'Pen pals, competitions and judging for an ASEAN–Korea youth exchange. Errors are application/problem+json with a stable `code`; each operation lists its error statuses and their codes.',
      )
      .setVersion('1')
      .setLicense('UNLICENSED', 'https://kenal.dev/license')
      .addServer('/', 'this server')
      .addBearerAuth()
      .build(),
    { extraModels: [ProblemDto, FieldErrorDto] },
  );
  describeAuthAndErrors(app, document);
  nullableReferences(document);
  return document;
}

interface Route {
  controller: Type;
  handler: (...args: unknown[]) => unknown;
}

function routesByOperationId(app: INestApplication): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name !== 'constructor' && typeof handler === 'function') {
          routes.set(`${controller.name}_${name}`, {
            controller,
            handler: handler as Route['handler'],
          });
        }
      }
    }
  }
  return routes;
}

const meta = <T>(key: string, route: Route): T | undefined =>
  (Reflect.getMetadata(key, route.handler) as T | undefined) ??
  (Reflect.getMetadata(key, route.controller) as T | undefined);

/** 400 codes that the validation pipe and UuidParam give, read from the handler's parameters. */
function validationCodes(route: Route): string[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handler.name) ??
    {}) as Record<string, { index: number; pipes?: unknown[] }>;
  const types = (Reflect.getMetadata(
    'design:paramtypes',
    route.controller.prototype,
    route.handler.name,
  ) ?? []) as unknown[];
  const codes = new Set<string>();
  for (const [key, arg] of Object.entries(args)) {
    const kind = Number(key.split(':')[0]);
    const dto = types[arg.index];
    const validated =
      typeof dto === 'function' && ![String, Number, Boolean, Object].includes(dto as never);
    if (kind === RouteParamtypes.BODY) codes.add('MALFORMED_JSON');
    if ((kind === RouteParamtypes.BODY || kind === RouteParamtypes.QUERY) && validated) {
      codes.add('VALIDATION_FAILED');
    }
    if (arg.pipes?.includes(UuidParam)) codes.add('INVALID_ID');
  }
  return [...codes];
}

function problemResponse(status: number, codes: string[]): ResponseObject {
  const title = (CODE_BY_STATUS[status] ?? 'ERROR').toLowerCase().replace(/_/g, ' ');
  return {
    description: `${title[0].toUpperCase()}${title.slice(1)}: ${codes.join(', ')}`,
    content: {
      [PROBLEM]: {
        schema: {
          allOf: [
            { $ref: getSchemaPath(ProblemDto) },
            {
              type: 'object',
              properties: {
                status: { type: 'integer', enum: [status] },
                code: { type: 'string', enum: codes },
              },
            },
          ],
        },
      },
    },
  };
}

/**
 * Writes each operation's security and error responses from what the server really does: the
 * auth guard's @Public/@OptionalAuth/@Roles/@VerifiedEmail (401, 403), validation (400) and @ApiErrors.
 */
function describeAuthAndErrors(app: INestApplication, document: OpenAPIObject): void {
  const routes = routesByOperationId(app);
  for (const path of Object.values(document.paths) as PathItemObject[]) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation: OperationObject | undefined = path[method];
      if (!operation) continue;
      const route = routes.get(operation.operationId ?? '');
      if (!route) throw new Error(`No handler found for operation ${operation.operationId}`);

      const errors: Record<number, string[]> = {};
      const add = (status: number, codes: string[]) => {
        const stray = codes.filter((code) => !isListed(code, status));
        if (stray.length) {
          throw new Error(
            `${operation.operationId}: ${stray.join(', ')} not listed with ${status} in error-codes.ts`,
          );
        }
        errors[status] = [...new Set([...(errors[status] ?? []), ...codes])];
      };
      const isPublic = meta<boolean>(IS_PUBLIC, route) === true;
      if (!isPublic) {
        operation.security = [{ bearer: [] }];
        add(401, ['UNAUTHENTICATED']);
        if (meta<string[]>(ROLES_KEY, route)?.length) add(403, ['FORBIDDEN']);
      } else if (meta<boolean>(OPTIONAL_AUTH, route)) {
        operation.security = [{}, { bearer: [] }];
      } else {
        operation.security = []; // public: no token needed (and none looked at)
      }
      const invalid = validationCodes(route);
      if (invalid.length) add(400, invalid);
      // Fastify refuses a body over BODY_LIMIT_BYTES before the handler runs.
      if (invalid.includes('MALFORMED_JSON')) add(413, ['PAYLOAD_TOO_LARGE']);
      for (const [status, codes] of Object.entries(
        (Reflect.getMetadata(API_ERRORS, route.handler) ?? {}) as Record<number, string[]>,
      )) {
        add(Number(status), codes);
      }
      if (meta<boolean>(VERIFIED_EMAIL, route)) add(403, ['EMAIL_UNVERIFIED']);
      for (const status of Object.keys(errors).map(Number).sort()) {
        if (!errors[status].length)
          throw new Error(`${operation.operationId}: ${status} has no code`);
        operation.responses[status] = problemResponse(status, errors[status]);
      }
    }
  }
}

/**
 * `nullable` next to `allOf: [$ref]` (what @ApiProperty({ type: Dto, nullable: true }) writes) is
 * ignored by validators such as Prism's: null then fails the referenced object schema. Say it as
 * "the object or null" instead, which every OpenAPI 3.0 tool (and openapi-typescript) reads alike.
 */
function nullableReferences(document: OpenAPIObject): void {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    const properties = (schema as { properties?: Record<string, Record<string, unknown>> })
      .properties;
    for (const [name, property] of Object.entries(properties ?? {})) {
      const allOf = property.allOf as unknown[] | undefined;
      if (property.nullable !== true || allOf?.length !== 1) continue;
      const { nullable: _nullable, type: _type, allOf: _allOf, ...rest } = property;
      properties![name] = {
        ...rest,
        anyOf: [allOf[0], { type: 'object', nullable: true, enum: [null] }],
      };
    }
  }
}
