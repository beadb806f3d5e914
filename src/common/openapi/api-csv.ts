import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** A 200 that is JSON (the DTO, or a list of it) or, with ?format=csv, a CSV file. */
export const ApiOkJsonOrCsv = (dto: Type | [Type]) => {
  const model = Array.isArray(dto) ? dto[0] : dto;
  const json = Array.isArray(dto)
    ? { type: 'array' as const, items: { $ref: getSchemaPath(model) } }
    : { $ref: getSchemaPath(model) };
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description: 'JSON, or a CSV file with ?format=csv',
      content: {
        'application/json': { schema: json },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
  );
};
