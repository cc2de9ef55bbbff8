import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../test/support/test-app'

// Issue 15: every JSON reply is described in /openapi.json down to its last field, so the document
// (and the web app's types, which come from the same schemas in src/contract) says what a route
// sends. A reply schema that allows anything — `{}`, an object without properties, a record of
// anything — fails here, wherever it sits in the reply.

/**
 * Routes whose replies are not JSON and do not yet say so in their reply schema (the consent PDF
 * shows how: `pdfReply` in src/contract/common.ts). A 204 or a declared non-JSON content type
 * needs no entry.
 */
const nonJsonReplies: Record<string, string> = {
  'GET /api/v1/clinics/{clinicId}/ledger/reports/{kind}': 'text/csv or application/pdf',
  'GET /api/v1/clinics/{clinicId}/sessions/{sessionId}/discharge-instructions.pdf': 'application/pdf',
  'GET /api/v1/clinics/{clinicId}/sessions/{sessionId}/record.pdf': 'application/pdf',
  'GET /api/v1/clinics/{clinicId}/sessions/{sessionId}/rems.pdf': 'application/pdf',
  'GET /api/v1/portal/documents/{kind}/{id}.pdf': 'application/pdf',
  'GET /api/v1/clinics/{clinicId}/board/live': 'text/event-stream',
  'GET /api/v1/clinics/{clinicId}/sessions/{sessionId}/live': 'text/event-stream',
}

/**
 * Replies with a part open by design, each with its reason (a route not on this list fails at once,
 * and an entry that no longer matches an open reply fails too). An entry ending in `*` covers every
 * route starting so.
 * - Ledger entries: `detail` keeps, as JSON, members that older versions wrote beside today's typed
 *   ones, so a stored entry is never cut on the way out (src/contract/ledger.ts).
 * - The session view (and every chair-side write, which answers with it): a timeline event's
 *   `payload` is what that kind of event stores; typing it per kind is still to do.
 */
const stillUntyped: readonly string[] = [
  'GET /api/v1/clinics/{clinicId}/ledger/entries',
  'GET /api/v1/clinics/{clinicId}/ledger/lots/{lotId}',
  'POST /api/v1/clinics/{clinicId}/ledger/*',
  'GET /api/v1/clinics/{clinicId}/sessions/{sessionId}',
  'POST /api/v1/clinics/{clinicId}/sessions',
  'POST /api/v1/clinics/{clinicId}/sessions/*',
]

/** Whether an allow-list entry covers a flagged reply ("METHOD path status"). */
const covers = (entry: string, reply: string) =>
  entry.endsWith('*') ? reply.startsWith(entry.slice(0, -1)) : reply.startsWith(`${entry} `)

type Schema = { [key: string]: unknown }
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }
type Document = {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, Schema> }
}

const compositions = ['anyOf', 'oneOf', 'allOf'] as const

/**
 * Where in a reply schema anything at all is allowed, as JSON paths (empty when fully typed).
 * `roots` resolve `$ref`s: the reply's own schema (zod puts recursive parts in its `$defs`), then
 * the document (`#/components/…`).
 */
function openSpots(schema: unknown, roots: unknown[], at = '$', seen = new Set<unknown>()): string[] {
  if (schema === true || schema === undefined) return [at]
  if (typeof schema !== 'object' || schema === null) return []
  if (seen.has(schema)) return []
  const s = schema as Schema
  const next = new Set(seen).add(schema)
  if (typeof s.$ref === 'string') return openSpots(resolveRef(roots, s.$ref), roots, at, next)
  const parts = compositions.flatMap((key) =>
    Array.isArray(s[key])
      ? (s[key] as unknown[]).flatMap((sub, i) => openSpots(sub, roots, `${at}<${key}[${i}]>`, next))
      : [],
  )
  if (compositions.some((key) => Array.isArray(s[key]))) return parts
  if (s.not !== undefined || s.const !== undefined || Array.isArray(s.enum)) return []
  const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type]
  if (types.length === 0) return [at]
  const spots: string[] = []
  if (types.includes('array')) spots.push(...openSpots(s.items, roots, `${at}[]`, next))
  if (types.includes('object')) {
    const properties = (s.properties ?? {}) as Record<string, unknown>
    const extra = s.additionalProperties
    const hasTypedExtra = typeof extra === 'object' && extra !== null
    if (Object.keys(properties).length === 0 && !hasTypedExtra) spots.push(at)
    for (const [name, sub] of Object.entries(properties))
      spots.push(...openSpots(sub, roots, `${at}.${name}`, next))
    if (hasTypedExtra) spots.push(...openSpots(extra, roots, `${at}.*`, next))
  }
  return spots
}

function resolveRef(roots: unknown[], ref: string): unknown {
  // fastify-type-provider-zod writes shared recursive parts as `#/components/schemas/__shared#/definitions/…`.
  const keys = ref.split('#').slice(1).join('').split('/').filter(Boolean)
  for (const root of roots) {
    let node = root
    for (const key of keys) node = (node as Schema | undefined)?.[key]
    if (node !== undefined) return node
  }
  return undefined
}

function untypedReplies(doc: Document): Record<string, string[]> {
  const found: Record<string, string[]> = {}
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const route = `${method.toUpperCase()} ${path}`
      if (route in nonJsonReplies) continue
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!status.startsWith('2') || status === '204') continue
        const json = Object.entries(response.content ?? {}).filter(([type]) => type.includes('json'))
        if (response.content && json.length === 0) continue
        const spots = json.length
          ? json.flatMap(([, media]) => openSpots(media.schema, [media.schema, doc]))
          : ['no reply schema']
        if (spots.length > 0) found[`${route} ${status}`] = spots
      }
    }
  }
  return found
}

let t: TestApp
let doc: Document

beforeAll(async () => {
  t = await startTestApp()
  const res = await t.app.inject({ method: 'GET', url: '/openapi.json' })
  expect(res.statusCode).toBe(200)
  doc = res.json() as Document
})
afterAll(() => t?.close())

describe('/openapi.json describes every JSON reply completely', () => {
  it('no 2xx reply schema allows anything (beyond the routes other branches still type)', () => {
    const untyped = untypedReplies(doc)
    const unexpected = Object.fromEntries(
      Object.entries(untyped).filter(([key]) => !stillUntyped.some((entry) => covers(entry, key))),
    )
    expect(unexpected).toEqual({})
  })

  it('the lists of exceptions name real routes, and no typed route stays on the untyped list', () => {
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    )
    for (const route of Object.keys(nonJsonReplies)) expect(routes).toContain(route)
    const untyped = Object.keys(untypedReplies(doc))
    const stale = stillUntyped.filter((entry) => !untyped.some((reply) => covers(entry, reply)))
    expect(stale).toEqual([])
  })

  it('the check finds what it must: an open object, a record of anything, an unknown field', () => {
    const open = {
      type: 'object',
      properties: {
        fine: { type: 'string' },
        anything: {},
        bag: { type: 'object', additionalProperties: {} },
        list: { type: 'array', items: { anyOf: [{ type: 'object' }, { type: 'null' }] } },
      },
    }
    expect(openSpots(open, [open])).toEqual(['$.anything', '$.bag.*', '$.list[]<anyOf[0]>'])
    const json = {
      $ref: '#/$defs/j',
      $defs: { j: { anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/$defs/j' } }] } },
    }
    expect(openSpots(json, [json])).toEqual([])
  })
})
