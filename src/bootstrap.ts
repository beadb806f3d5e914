import { constants as zlibConstants } from 'node:zlib';
import compress from '@fastify/compress';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { PIECE_TYPE } from './competitions/uploads.controller';
import { createValidationPipe } from './common/errors/validation';
import { mergeAdapterHooks, onResponseWhereBodies } from './common/http/adapter-hooks';
import { requestId, securityHeadersHook } from './common/http/security-headers';
import { cachingZlib, CompressedBodies } from './common/http/compressed-bodies';
import { servePrecompressed } from './common/http/precompressed';
import { RootLogger, requestLogging } from './common/logging';
import { serveWebApp } from './common/http/web-app';
import { createOpenApiDocument } from './common/openapi/document';
import { AppConfig, loadConfig, trustProxySetting } from './config/app-config';
import { TableChanges } from './database/table-changes';
import { INTERESTS_BODY } from './identity/me.controller';
import { WorkerModule } from './worker.module';

export const API_PREFIX = 'api/v1';

const noop = () => undefined;

type OnSendDone = (err: Error | null, payload: unknown) => void;

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
    // No Nest middleware is used (no module configures any): without @fastify/middie, every
    // request passes one onRequest hook fewer. One added later fails loudly at start.
    skipMiddie: true,
  });
  mergeAdapterHooks(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: ['api/docs', 'api/docs-json'] });
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  // The request's log line, then the request id, helmet's headers and a Content-Security-Policy
  // strict except on the Swagger UI: in the slot of the onRequest hook the adapter always runs
  // (empty otherwise), rather than in two hooks more that every request would pass through.
  const logRequest = requestLogging(app.get(RootLogger));
  const secureResponse = securityHeadersHook(config.PUBLIC_URL);
  adapter.setOnRequestHook((req, reply, done) => {
    logRequest(req, reply, noop);
    secureResponse(req, reply, done);
  });
  // Static answers before Nest's pipeline (registered before Nest adds its routes at listen, and
  // before compression, so that their routes, stored compressed, skip its hooks).
  servePrecompressed(fastify, { [`/${API_PREFIX}/interests`]: INTERESTS_BODY });
  // Fastify reads no body on GET or HEAD: nothing to decompress, so no preParsing hook for it.
  // After a request that may write, this process serves no kept answer until its caches heard
  // its commits (so the caller's next read, here, sees them: a logout, a role taken away, a score
  // saved); the response does not wait for that.
  const changes = app.get(TableChanges);
  const fence = (_req: unknown, _reply: unknown, payload: unknown, done: OnSendDone) => {
    void changes.fence();
    done(null, payload);
  };
  fastify.addHook('onRoute', (route) => {
    if ([route.method].flat().every((m) => m === 'GET' || m === 'HEAD')) {
      route.decompress ??= false;
    } else if (route.method !== 'OPTIONS') {
      route.onSend = [fence, ...[route.onSend ?? []].flat()];
    }
  });
  // Bodies of 1 kB or more go out with brotli or gzip, as the client accepts. Brotli at quality 2:
  // for a judge's 20 assignments (17.9 kB) it takes 0.76 M instructions (callgrind) where quality 4
  // took 1.57 M, for 1,566 bytes instead of 1,492 (quality 1: 0.42 M, 1,654 bytes).
  // Up to 64 kB in one synchronous call: the plugin's default on two cores (8 kB) sent a judge's
  // list of 20 assignments (~12 kB) through a zlib stream on the thread pool, whose set-up and
  // hand-offs cost more CPU than compressing it (GET /me/assignments, bench:api-compare).
  await app.register(compress, {
    threshold: 1024,
    syncThreshold: 64 * 1024,
    encodings: ['br', 'gzip'],
    // The same body again (a list unchanged since it was last read) reuses its compressed bytes.
    // 2 MB holds ~100 judges' lists of 20; the API's RSS has only a few MB of margin under the
    // 150 MB a 500 MB upload must stay within (bench:submissions).
    zlib: cachingZlib(new CompressedBodies(2 * 1024 * 1024)),
    // A 64 kB window instead of brotli's 4 MB: no answer compressed here is larger, and each
    // call allocated and faulted in the full window, which put a ~200 ms tail on 1-2 % of the
    // letters listing at 200/s (bench:letters: p99 with br 175-220 ms, with gzip 10.5 ms).
    brotliOptions: {
      params: {
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_QUALITY]: 2,
        [zlibConstants.BROTLI_PARAM_LGWIN]: 16,
      },
    },
  });
  // Its onResponse hook (deleting saveRequestFiles' temporary files) only on routes with a body.
  await onResponseWhereBodies(fastify, () =>
    app.register(multipart, { limits: { files: 1, fields: 10 } }),
  );
  // A piece of a resumable upload reaches its route as the request stream, unread and unbuffered.
  fastify.addContentTypeParser(PIECE_TYPE, (_req, payload, done) => done(null, payload));
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await serveWebApp(app, config.WEB_DIST_DIR);
  app.enableShutdownHooks();
  app.get(AppConfig);
  return app;
}

/** The OpenAPI document without starting anything (no database, no Redis): Nest's preview mode. */
export async function writeOpenApiDocument(): Promise<string> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['api/docs', 'api/docs-json'] });
  const document = createOpenApiDocument(app);
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}

export async function createWorker() {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
