import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'KetaCare API',
        version: '1',
        description:
          'REST API of KetaCare. Sign in with POST /api/v1/auth/login; the session travels in an httpOnly cookie, and every write must carry the `x-csrf-token` header from the sign-in or /auth/me reply. Errors are RFC 9457 problem+json with a `code` and field-level `errors`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kc_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Writes the schemas replies share by reference (a recursive JSON value) into `components`.
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  app.get('/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () => app.swagger())
}
