import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors'
import { sendProblem } from './errors'

/**
 * Serves the built React app at `/` with a fallback to index.html for client-side routes.
 * Unknown /api paths stay problem+json 404s.
 */
export async function registerWeb(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'))
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] })
  app.setNotFoundHandler((request, reply) => {
    const isApi = ['/api/', '/fhir/', '/docs/'].some((p) => request.url.startsWith(p))
    if (request.method === 'GET' && !isApi) {
      if (hasWeb) return reply.type('text/html').sendFile('index.html')
      return reply
        .status(200)
        .type('text/html')
        .send(
          '<!doctype html><title>KetaCare</title><p>The KetaCare server is running, but the web app is not built. Run <code>npm run build</code>.</p>',
        )
    }
    return sendProblem(
      reply,
      request,
      new AppError('not-found', `No route ${request.method} ${request.url.split('?')[0]}.`),
    )
  })
}
