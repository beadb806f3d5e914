import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '../errors/error-codes';
import { CODE_BY_STATUS } from '../errors/problem.filter';

export const API_ERRORS = 'kenal:api-errors';

/** Status → the stable codes a route answers with it (a bare status means its generic code). */
export type ErrorCodes = Partial<Record<number, ErrorCode | ErrorCode[]>>;

/**
 * The error responses a route gives, besides those the document derives by itself (401 and 403
 * from the auth guard, 400 from body, query and UUID validation): `@ApiErrors(404, { 409: [...] })`.
 * They are written into the OpenAPI document as application/problem+json with the codes listed.
 */
export const ApiErrors =
  (...specs: (number | ErrorCodes)[]): MethodDecorator =>
  (_target, _key, descriptor) => {
    const merged: Record<number, string[]> = {
      ...((Reflect.getMetadata(API_ERRORS, descriptor.value as object) as Record<
        number,
        string[]
      >) ?? {}),
    };
    for (const spec of specs) {
      const entries: [number, string[]][] =
        typeof spec === 'number'
          ? [[spec, [CODE_BY_STATUS[spec] ?? 'ERROR']]]
          : Object.entries(spec).map(([status, codes]) => [
              Number(status),
              ([] as string[]).concat(codes ?? []),
            ]);
      for (const [status, codes] of entries) merged[status] = [...(merged[status] ?? []), ...codes];
    }
    Reflect.defineMetadata(API_ERRORS, merged, descriptor.value as object);
    return descriptor;
  };

export class FieldErrorDto {
  @ApiProperty({ example: 'dateOfBirth', description: 'the field, dotted for nested ones' })
  path: string;

  @ApiProperty({ example: 'dateOfBirth must be a valid ISO 8601 date string' })
  message: string;

  @ApiPropertyOptional({ example: 'IS_DATE', description: 'a stable code for the field error' })
  code?: string;
}

/** RFC 9457 problem details, as every error leaves the API (see ProblemFilter). */
export class ProblemDto {
  @ApiProperty({ example: 'https://kenal.dev/problems/not-found' })
  type: string;

  @ApiProperty({ example: 'Not found' })
  title: string;

  @ApiProperty({ example: 404 })
  status: number;

  @ApiProperty({ example: 'Competition not found' })
  detail: string;

  @ApiProperty({
    enum: Object.keys(ERROR_CODES),
    example: 'NOT_FOUND',
    description: 'stable UPPER_SNAKE code (src/common/errors/error-codes.ts)',
  })
  code: ErrorCode;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'one entry per invalid field' })
  errors?: FieldErrorDto[];
}
