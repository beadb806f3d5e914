import type { PipeTransform } from '@nestjs/common';
import { badRequest } from '../errors/app-error';

/** Any version, as ParseUUIDPipe's 'all'. */
const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;

/**
 * Path ids are UUIDs; anything else is a 400 with a stable code rather than a database error.
 * Synchronous: ParseUUIDPipe's async transform cost every request with an id a promise and the
 * pipes consumer's waits for it.
 */
export const UuidParam: PipeTransform<unknown, string> = {
  transform(value) {
    if (typeof value === 'string' && UUID.test(value)) return value;
    throw badRequest('INVALID_ID', 'The id in the path must be a UUID');
  },
};
