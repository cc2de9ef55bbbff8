import type { FastifyRequest } from 'fastify'

// One-time portal links carry their token in the path (`/portal/invite/<token>`,
// `/portal/s/<token>`, `/api/v1/portal/invites/<token>[/accept]`, `/api/v1/portal/magic/<token>`).
// A log line holding one is a live key to a patient's account (issue 13), so request logs keep
// the route's shape and drop the secret. Any query value named like a token goes too.
const tokenSegment = /(\/portal\/(?:invites?|magic|s)\/)[^/?#]+/gi
const tokenQuery = /([?&][^=&#]*token[^=&#]*=)[^&#]*/gi

export function redactUrl(url: string): string {
  return url.replace(tokenSegment, '$1[redacted]').replace(tokenQuery, '$1[redacted]')
}

/** Fastify's request log serializer with the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }
}
