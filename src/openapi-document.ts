import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { writeOpenApiDocument } from './bootstrap';

/**
 * Writes the OpenAPI document (the one /api/docs-json serves) without PostgreSQL or Redis, from the
 * build: `node dist/src/openapi-document.js <file>`; the web client is generated from that file.
 */
writeOpenApiDocument()
  .then((json) => writeFileSync(process.argv[2] ?? '/dev/stdout', json))
  .catch((err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  });
