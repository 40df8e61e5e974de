/**
 * Every refusal is `{ "error": { "code", "message" } }` with a 4xx status; only a real server
 * fault answers 5xx. Codes are listed in docs/community-api.md.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
export const unauthorized = (message = 'missing or invalid credentials') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const notFound = (message: string) => new ApiError(404, 'not-found', message);

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Fastify's own refusals (parsing, content type, size) → our codes. */
const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [400, 'unsupported-content-type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad-content-length'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad-json'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad-json'],
  FST_ERR_CTP_EMPTY_TYPE: [400, 'unsupported-content-type'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'unsupported-content-type'],
};

export function handleError(err: FastifyError | ApiError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof ApiError) {
    return reply.code(err.statusCode).send(errorBody(err.code, err.message));
  }
  const e = err as FastifyError & { code?: string; statusCode?: number };
  if (e.validation) {
    return reply.code(400).send(errorBody('invalid-request', e.message));
  }
  const mapped = e.code ? FASTIFY_CODES[e.code] : undefined;
  if (mapped) return reply.code(mapped[0]).send(errorBody(mapped[1], e.message));
  if (e.statusCode === 429) {
    return reply.code(429).send(errorBody('rate-limited', e.message || 'too many requests, retry later'));
  }
  if (e instanceof SyntaxError || (e.statusCode === 400 && /JSON/i.test(e.message))) {
    return reply.code(400).send(errorBody('bad-json', 'the body is not valid JSON'));
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return reply.code(e.statusCode).send(errorBody('bad-request', e.message));
  }
  request.log.error({ err }, 'request failed');
  console.error('naqi-server: request failed:', err);
  return reply.code(500).send(errorBody('internal', 'the server failed; try again later'));
}
