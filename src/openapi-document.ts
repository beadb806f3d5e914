import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { openApiDocument } from './bootstrap';

/**
 * Writes the OpenAPI document (the one /api/docs-json serves) without PostgreSQL or Redis: the
 * app is created in preview mode, which reads the routes' metadata but instantiates nothing.
 * `node dist/src/openapi-document.js <file>`; the web client is generated from that file.
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: openapi-document <output.json>');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix('api/v1', { exclude: ['api/docs', 'api/docs-json'] });
  writeFileSync(out, JSON.stringify(openApiDocument(app), null, 2) + '\n');
  await app.close();
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
