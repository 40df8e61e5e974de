/** Builds the Fastify app: plugins, error handling, routes. No listening, no process concerns. */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Db } from './db';
import { errorBody, handleError } from './errors';
import { HiddenCursor } from './hidden-cursor';
import { hiddenRoutes } from './routes/hidden';
import { moderationRoutes } from './routes/moderation';
import { reporterRoutes } from './routes/reporters';
import { reportRoutes } from './routes/reports';

export interface Context {
  db: Db;
  config: Config;
  cursor: HiddenCursor;
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9._-]+$/;

export async function buildApp(db: Db, config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    // No request logging: it would write client addresses to disk (PRIVACY.md).
    logger: false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false } },
    return503OnClosing: true,
  });
  const ctx: Context = { db, config, cursor: new HiddenCursor(db, config.hiddenCursorCacheMs) };

  // JSON only: any other body type is refused before parsing. An empty JSON body (a DELETE sent
  // with a client's default Content-Type) is no body; non-empty bodies use Fastify's own parser
  // (which refuses __proto__ / constructor.prototype keys).
  app.removeContentTypeParser(['text/plain', 'application/json']);
  const json = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' && request.method === 'DELETE') return done(null, undefined);
    json(request, body as string, done);
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(errorBody('not-found', 'no such endpoint')));

  await app.register(cors, {
    origin: (origin, cb) => {
      // No Origin: not a browser cross-origin request (curl, server-to-server).
      if (!origin) return cb(null, true);
      cb(null, EXTENSION_ORIGIN.test(origin) || config.corsOrigins.includes(origin));
    },
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
    exposedHeaders: ['ETag', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      code: 'rate-limited',
      message: `too many requests; retry in ${context.after}`,
    }),
  });

  await app.register(reporterRoutes(ctx));
  await app.register(reportRoutes(ctx));
  await app.register(hiddenRoutes(ctx));
  await app.register(moderationRoutes(ctx));
  app.get('/v1/health', async () => ({ ok: true }));
  return app;
}
