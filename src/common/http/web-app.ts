import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Vite names every file under assets/ by its content hash, so it never changes under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The page's own policy: scripts and styles only from this origin plus index.html's own inline
 * ones, each allowed by its hash (the script that picks the language, the app's entry module and
 * its style sheet, inlined to save round trips: web/scripts/inline-entry.mjs), nothing from
 * elsewhere.
 */
export function webAppCsp(indexHtml: string): string {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const scripts = [...indexHtml.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)];
  const styles = [...indexHtml.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  const hashes = scripts.map((m) => hash(m[1]));
  const styleHashes = styles.map((m) => hash(m[1]));
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "object-src 'none'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    `style-src 'self' ${styleHashes.join(' ')}`.trim(),
  ].join('; ');
}

/**
 * Serves the built web app (web/dist) on the API's origin: files as they are, with their brotli
 * or gzip sibling when the browser accepts it, and index.html for every other page path so that
 * the app's router takes over. /api/* and missing /assets/* stay 404 problem+json.
 * Returns false when the directory has not been built.
 */
export async function serveWebApp(app: NestFastifyApplication, dir: string): Promise<boolean> {
  const root = resolve(dir);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  const csp = webAppCsp(readFileSync(resolve(root, 'index.html'), 'utf8'));
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      // One route per built file (found once at start), so that everything else reaches the
      // fallback below instead of the plugin's own 404.
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      globIgnore: ['**/*.br', '**/*.gz'],
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? IMMUTABLE : 'no-cache');
        // The path is the file sent: index.html.br or .gz when the browser takes those.
        if (/\.html(\.br|\.gz)?$/.test(path)) reply.header('content-security-policy', csp);
      },
    });
    scope.route({
      method: ['GET', 'HEAD'],
      url: '/*',
      handler: (req, reply) => {
        const path = req.url.split('?')[0];
        if (path.startsWith('/api/') || path === '/api' || path.startsWith('/assets/')) {
          return reply.callNotFound();
        }
        return reply.sendFile('index.html');
      },
    });
  });
  return true;
}
