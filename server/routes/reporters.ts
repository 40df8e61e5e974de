/** POST /v1/reporters: register an install; the secret is returned once, only its hash is kept. */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Context } from '../app';
import { hashSecret, makeCredential } from '../auth';
import { perAddress } from '../guards';

export const reporterRoutes =
  (ctx: Context): FastifyPluginAsync =>
  async (app) => {
    app.post(
      '/v1/reporters',
      {
        onRequest: perAddress(app, 'register', ctx.config.limits.register),
        // No fields today; an empty object (or no body) is accepted, anything else refused.
        schema: { body: { anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, properties: {} }] } },
      },
      async (_request, reply) => {
        const reporterId = randomBytes(16).toString('base64url');
        const secret = makeCredential('reporter', reporterId);
        await ctx.db.query('INSERT INTO reporters (id, secret_hash) VALUES ($1, $2)', [reporterId, hashSecret(secret)]);
        reply.header('Cache-Control', 'no-store');
        return reply.code(201).send({ reporterId, secret });
      },
    );
  };
