import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { AppError } from '../errors'
import { redactUrl } from '../log-redaction'
import { sendProblem } from './errors'

/** Written by Vite into index.html (vite.config.ts `html.cspNonce`) where each page's nonce goes. */
const noncePlaceholder = 'KETACARE_CSP_NONCE'
/**
 * Written by the prerender step (src/web/prerender-entry.tsx) where the public address goes: canonical
 * links and sitemap entries must be absolute, and the address is only known when the server starts.
 */
const publicUrlPlaceholder = 'KETACARE_PUBLIC_URL'
/** Holds the public address, so it is served from memory with the address filled in. */
const sitemapFile = 'sitemap.xml'

/** Vite's content-hashed output: a changed file gets a new name, so a copy never goes stale. */
const hashedAssetCache = 'public, max-age=31536000, immutable'
/** favicon, robots.txt, sitemap.xml: same name across releases, so kept for an hour at most. */
const plainFileCache = 'public, max-age=3600'
/** Pages are revalidated every time: each carries a nonce good for one response. */
const pageCache = 'no-cache'

/**
 * The built web app's files at `/`, except HTML: each file is sent as its Brotli or gzip copy
 * written at build time (scripts/compress-web.mjs) when the client accepts it, with
 * `Vary: Accept-Encoding`. Registered before the compression plugin, which must not touch them.
 * The file list is read once at start (`wildcard: false`), so only files that exist are routes.
 */
export async function registerStaticFiles(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  if (webDir === undefined || !existsSync(join(webDir, 'index.html'))) return
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    // HTML never goes out as stored (its nonce placeholder); the compressed copies are not URLs
    // of their own but alternative encodings of the file they sit beside.
    globIgnore: ['**/*.html', '**/*.br', '**/*.gz', sitemapFile],
    cacheControl: false,
    setHeaders: (reply, path) => {
      const isHashed = relative(webDir, path).startsWith(`assets${sep}`)
      reply.header('cache-control', isHashed ? hashedAssetCache : plainFileCache)
    },
  })
}

/** One URL segment of a prerendered page's folder (anything else is not made a route). */
const pageSegment = /^[a-z0-9][a-z0-9_-]*$/i

/** `<dir>/index.html` below the web root, as route → HTML (the build prerenders /learn and its pages). */
function readPrerenderedPages(webDir: string, publicUrl: string): Map<string, string> {
  const pages = new Map<string, string>()
  const visit = (dir: string, route: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'assets' || !pageSegment.test(entry.name)) continue
      const path = join(dir, entry.name)
      const pageRoute = `${route}/${entry.name}`
      const indexPath = join(path, 'index.html')
      if (existsSync(indexPath))
        pages.set(pageRoute, withPublicUrl(readFileSync(indexPath, 'utf8'), publicUrl))
      visit(path, pageRoute)
    }
  }
  visit(webDir, '')
  return pages
}

/** The address without a trailing slash: the pages' paths start with one. */
function withPublicUrl(text: string, publicUrl: string): string {
  return text.replaceAll(publicUrlPlaceholder, publicUrl.replace(/\/+$/, ''))
}

function sendPage(reply: FastifyReply, html: string) {
  return (
    reply
      .status(200)
      .type('text/html; charset=utf-8')
      .header('cache-control', pageCache)
      // Compressed or not by the client's Accept-Encoding (the compression plugin), so a shared cache
      // must key on it even when this reply went out plain.
      .header('vary', 'accept-encoding')
      .send(html.replaceAll(noncePlaceholder, reply.cspNonce?.style ?? ''))
  )
}

/**
 * The pages: each prerendered page (`dist/web/<route>/index.html`, read once here) at its route,
 * and index.html for every other GET outside /api, /fhir and /docs, so the React app routes it.
 * Each copy carries this response's CSP style nonce (from @fastify/helmet's `enableCSPNonces`) in
 * place of the placeholder. The prerendered pages are ordinary routes, so the compression plugin
 * compresses them per response (a stored compressed copy could not carry the nonce). Unknown /api
 * paths and missing /assets files stay problem+json 404s.
 */
export function registerPages(app: FastifyInstance, webDir: string | undefined, publicUrl: string): void {
  const indexPath = webDir === undefined ? undefined : join(webDir, 'index.html')
  const indexHtml = indexPath && existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : undefined
  const options = { config: { auth: 'public' as const }, schema: { hide: true } }
  if (webDir !== undefined && indexHtml !== undefined) {
    for (const [route, html] of readPrerenderedPages(webDir, publicUrl)) {
      app.get(route, options, (_request, reply) => sendPage(reply, html))
      app.get(`${route}/`, options, (_request, reply) => sendPage(reply, html))
    }
    const sitemapPath = join(webDir, sitemapFile)
    if (existsSync(sitemapPath)) {
      const sitemap = withPublicUrl(readFileSync(sitemapPath, 'utf8'), publicUrl)
      app.get(`/${sitemapFile}`, options, (_request, reply) =>
        reply.type('application/xml; charset=utf-8').header('cache-control', plainFileCache).send(sitemap),
      )
    }
  }
  const sendIndex = (reply: FastifyReply) => {
    if (indexHtml === undefined)
      return reply
        .status(200)
        .type('text/html')
        .send(
          '<!doctype html><title>KetaCare</title><p>The KetaCare server is running, but the web app is not built. Run <code>npm run build</code>.</p>',
        )
    return sendPage(reply, indexHtml)
  }
  app.setNotFoundHandler((request, reply) => {
    // A missing /assets file (a chunk of an older build) is a 404, not the page: a browser would
    // otherwise try to run HTML as a script.
    const isNotPage = ['/api/', '/fhir/', '/docs/', '/assets/'].some((p) => request.url.startsWith(p))
    if (request.method === 'GET' && !isNotPage) return sendIndex(reply)
    return sendProblem(
      reply,
      request,
      new AppError('not-found', `No route ${request.method} ${redactUrl(request.url.split('?')[0] ?? '')}.`),
    )
  })
}
