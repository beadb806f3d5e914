import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { createValidationPipe } from './common/errors/validation';
import { contentSecurityPolicies, requestId } from './common/http/security-headers';
import { AppConfig, loadConfig, trustProxySetting } from './config/app-config';
import { WorkerModule } from './worker.module';

/** Builds the HTTP app exactly as production runs it; tests call this too. */
export async function createApi(): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Only a configured proxy may tell the client's address (rate limits count per address).
    trustProxy: trustProxySetting(config),
    return503OnClosing: true,
    // The caller's request id when it is short and plain, else a UUID.
    requestIdHeader: false,
    genReqId: requestId,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api/v1', { exclude: ['api/docs', 'api/docs-json'] });
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // Helmet's other headers; the Content-Security-Policy is strict except on the Swagger UI.
  await app.register(helmet, { contentSecurityPolicy: false });
  const csp = contentSecurityPolicies(config.PUBLIC_URL);
  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('content-security-policy', csp(req.url));
  });
  // Bodies of 1 kB or more go out with brotli (quality 4: fast) or gzip, as the client accepts.
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(multipart, { limits: { files: 1, fields: 10 } });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kenal API')
      .setDescription(
        'Pen pals, competitions and judging for an ASEAN–Korea youth exchange. Errors are application/problem+json with a stable `code`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  app.enableShutdownHooks();
  app.get(AppConfig);
  return app;
}

export async function createWorker() {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
