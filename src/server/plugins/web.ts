import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { AppError } from '../errors'
import { redactUrl } from '../log-redaction'
import { sendProblem } from './errors'

/** Written by Vite into index.html (vite.config.ts `html.cspNonce`) where each page's nonce goes. */
const noncePlaceholder = 'KETACARE_CSP_NONCE'

/**
 * Serves the built React app at `/` with a fallback to index.html for client-side routes.
 * Unknown /api paths stay problem+json 404s. index.html is never served as a static file: each
 * copy carries this response's CSP style nonce (from @fastify/helmet's `enableCSPNonces`), and is
 * not cached, since a nonce is good for one response only.
 */
export async function registerWeb(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  const indexPath = webDir === undefined ? undefined : join(webDir, 'index.html')
  const indexHtml = indexPath && existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : undefined
  if (indexHtml !== undefined)
    await app.register(fastifyStatic, {
      root: webDir!,
      wildcard: false,
      index: false,
      allowedPath: (pathName) => pathName !== '/index.html',
    })
  const sendIndex = (reply: FastifyReply) => {
    if (indexHtml === undefined)
      return reply
        .status(200)
        .type('text/html')
        .send(
          '<!doctype html><title>KetaCare</title><p>The KetaCare server is running, but the web app is not built. Run <code>npm run build</code>.</p>',
        )
    const nonce = reply.cspNonce?.style ?? ''
    return reply
      .status(200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(indexHtml.replaceAll(noncePlaceholder, nonce))
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = ['/api/', '/fhir/', '/docs/'].some((p) => request.url.startsWith(p))
    if (request.method === 'GET' && !isApi) return sendIndex(reply)
    return sendProblem(
      reply,
      request,
      new AppError('not-found', `No route ${request.method} ${redactUrl(request.url.split('?')[0] ?? '')}.`),
    )
  })
}
