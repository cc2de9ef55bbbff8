import { timingSafeEqual } from 'node:crypto'
import { PassThrough } from 'node:stream'
import { createGzip } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context'
import { writeBackup } from './dump'

// `ketacare backup` against a running embedded server: the CLI reads the token from the data
// folder's server file and the server streams a backup taken on its own connection (the only one
// that may open the folder). Not an API for people: hidden from the OpenAPI document, no session,
// and registered only when `serve` made a token.

function tokenMatches(expected: string, header: string | undefined): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '')
  const wanted = Buffer.from(expected)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

export function registerBackupRoute(app: FastifyInstance, ctx: AppContext, token: string): void {
  app.get(
    '/internal/backup',
    { config: { auth: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      if (!tokenMatches(token, request.headers.authorization)) return reply.status(404).send()
      const body = new PassThrough()
      const gzip = createGzip()
      gzip.pipe(body)
      writeBackup(ctx.db, ctx.dbKind, gzip).then(
        () => gzip.end(),
        (error: unknown) => {
          request.log.error({ err: error }, 'backup failed')
          gzip.destroy(error as Error)
          body.destroy(error as Error)
        },
      )
      return reply.header('content-type', 'application/gzip').send(body)
    },
  )
}
