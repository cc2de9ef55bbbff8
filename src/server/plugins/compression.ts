import compress from '@fastify/compress'
import type { FastifyInstance, RouteOptions } from 'fastify'

/**
 * Reply members that are secrets: a sign-in's CSRF token, a one-time device token, an
 * authenticator secret, a generated password. A route whose reply can hold one is never compressed.
 */
const secretMembers = new Set(['csrfToken', 'token', 'secret', 'otpauthUrl', 'temporaryPassword'])

/** The parts of zod's schema definitions the walk reads (zod 4 `_zod.def`). */
interface ZodDef {
  type?: string
  shape?: Record<string, { _zod?: { def?: ZodDef } }>
  element?: { _zod?: { def?: ZodDef } }
  innerType?: { _zod?: { def?: ZodDef } }
  options?: { _zod?: { def?: ZodDef } }[]
  left?: { _zod?: { def?: ZodDef } }
  right?: { _zod?: { def?: ZodDef } }
  in?: { _zod?: { def?: ZodDef } }
  out?: { _zod?: { def?: ZodDef } }
}

/** Whether a zod schema has, at any depth, a member named like a secret. */
export function holdsSecret(schema: unknown, depth = 0): boolean {
  const def = (schema as { _zod?: { def?: ZodDef } } | undefined)?._zod?.def
  if (!def || depth > 20) return false
  if (def.shape && Object.keys(def.shape).some((key) => secretMembers.has(key))) return true
  const children = [
    ...Object.values(def.shape ?? {}),
    def.element,
    def.innerType,
    ...(def.options ?? []),
    def.left,
    def.right,
    def.in,
    def.out,
  ]
  return children.some((child) => child !== undefined && holdsSecret(child, depth + 1))
}

function repliesHoldSecret(route: RouteOptions): boolean {
  const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response
  return Object.values(response ?? {}).some((reply) => holdsSecret(reply))
}

/**
 * Compresses dynamic replies (API JSON, problem+json, the OpenAPI document, pages) above 1 KB with
 * Brotli or gzip as the client accepts; a client that accepts neither gets them plain.
 *
 * What is not compressed, and why:
 * - The built web app's files: registered before this plugin (its hooks only reach routes added
 *   after it), they are sent as the Brotli/gzip files written at build time.
 * - Server-sent events (`live/event-stream.ts`) hijack the reply and write to the socket, so no
 *   onSend hook (and no compression, which would hold events back in its buffer) touches them.
 * - PDFs and other binary types: not in @fastify/compress's list of compressible types.
 * - BREACH: compressing a reply that holds a secret next to text the requester chose lets an
 *   attacker who can make the browser send requests and watch the encrypted sizes guess the secret
 *   byte by byte. So a route whose reply schema can carry a secret (`secretMembers`: CSRF tokens,
 *   device tokens, authenticator secrets, generated passwords) is never compressed; they are small
 *   replies anyway. Other replies hold no secret (the session cookie is a header, which HTTP/1.1
 *   does not compress) and the page's CSP nonce is new in every response.
 * Compressed request bodies are refused as before (no request decompression): nothing sends them,
 * and a small compressed body could expand past the body limit's intent.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (repliesHoldSecret(route)) route.compress = false
  })
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
  })
}
