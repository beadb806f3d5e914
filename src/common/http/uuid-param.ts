import { ParseUUIDPipe } from '@nestjs/common';
import { badRequest } from '../errors/app-error';

/** Path ids are UUIDs; anything else is a 400 with a stable code rather than a database error. */
export const UuidParam = new ParseUUIDPipe({
  version: undefined,
  exceptionFactory: () => badRequest('INVALID_ID', 'The id in the path must be a UUID'),
});
