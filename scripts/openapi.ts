// Writes the OpenAPI document the API serves at /api/docs-json, without a database or Redis:
// `npm run openapi:write -- FILE` (stdout without FILE). `npm run openapi:lint` lints it with Redocly.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { writeOpenApiDocument } from '../src/bootstrap';

writeOpenApiDocument()
  .then((json) => {
    const file = process.argv[2];
    if (file) writeFileSync(file, json);
    else process.stdout.write(json);
  })
  .catch((err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  });
