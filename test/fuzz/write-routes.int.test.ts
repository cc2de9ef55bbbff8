import fc from 'fast-check'
import { type Kysely, sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { seedDemoClinicalData } from '../../src/server/seed/demo'
import {
  fieldByFieldBodies,
  hostileBodies,
  type JsonSchema,
  type KnownIds,
  validSample,
} from '../support/hostile-bodies'
import { PortalClient } from '../support/portal-client'
import { changedTables, fingerprintQuery } from '../support/table-fingerprint'
import { Client, demoEmails, passwordOf, startTestApp } from '../support/test-app'

// Issue 13, "bad input gets a clear 4xx, never a 500": every write route of the OpenAPI document
// gets a few hundred hostile bodies generated from its own body schema, sent as a signed-in user
// of a role that may make the write, with the CSRF header. No response may be a 5xx, every refusal
// must be problem+json, and a refused request must leave every table as it was.
// KETACARE_FUZZ_RUNS (bodies per route, default 60) and KETACARE_FUZZ_SEED replay or widen a run.

const runs = Number(process.env.KETACARE_FUZZ_RUNS ?? 60)
const seed = Number(process.env.KETACARE_FUZZ_SEED ?? 20261205)

const t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '10000', KETACARE_SESSION_IDLE_MIN: '240' })
await seedDemoClinicalData(t.ctx, t.demo)
await t.app.ready()
afterAll(() => t.close())

interface WriteRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  body: JsonSchema | undefined
}

const doc = t.app.swagger() as {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
  >
}
const routes: WriteRoute[] = Object.entries(doc.paths).flatMap(([path, operations]) =>
  Object.entries(operations)
    .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
    .map(([method, op]) => ({
      method: method.toUpperCase() as WriteRoute['method'],
      path,
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
)

// Routes that end or change the caller's own sign-in are fuzzed without a session (they still
// parse and validate everything); the rest as a signed-in user.
const anonymous = [
  /^\/api\/v1\/auth\//,
  /^\/api\/v1\/public\//,
  /^\/api\/v1\/portal\/(login|logout|mfa\/verify|magic|invites)/,
]
// The caller's own password goes into these (signatures); wrong ones may count toward the
// caller's lockout, so they run last. State changes that end a session or a record come just before.
const order = (r: WriteRoute) =>
  r.body?.properties?.password ? 3 : /transition|discharge|withdraw|disable|reset-mfa/.test(r.path) ? 2 : 1
routes.sort((a, b) => order(a) - order(b))

const staff = { prescriber: new Client(t, '10.0.0.2'), admin: new Client(t, '10.0.0.3') }
await staff.prescriber.signIn(demoEmails.prescriber)
await staff.admin.signIn(demoEmails.admin)

const db = t.database.db as unknown as Kysely<unknown>
const firstId = async (query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(db)).rows[0]?.id
const clinicId = t.clinics.riverside
const sessionRow = await sql<{ id: string; patient_id: string }>`
  SELECT id, patient_id FROM treatment_session WHERE clinic_id = ${clinicId} ORDER BY (state IN ('dosing', 'monitoring', 'pre-checks', 'checked-in')) DESC, scheduled_at DESC LIMIT 1`.execute(
  db,
)
const patientId = sessionRow.rows[0]!.patient_id
const forPatient = (table: string) =>
  firstId(
    sql`SELECT id FROM ${sql.table(table)} WHERE clinic_id = ${clinicId} AND patient_id = ${patientId} LIMIT 1`,
  )
const inClinic = (table: string) =>
  firstId(sql`SELECT id FROM ${sql.table(table)} WHERE clinic_id = ${clinicId} LIMIT 1`)

// A patient with a portal account, for the portal's signed-in writes.
const portal = new PortalClient(t)
const invite = await staff.prescriber.post(`/api/v1/clinics/${clinicId}/patients/${patientId}/portal-invite`)
const inviteToken = String(invite.json().inviteUrl ?? '')
  .split('/')
  .pop()
await portal.call('POST', `/api/v1/portal/invites/${inviteToken}/accept`, {
  password: 'a long fuzz password 1',
})

const userIdOf = async (email: string) =>
  (await firstId(sql`SELECT id FROM app_user WHERE email = ${email}`))!
const noRow = '0190d5f0-0000-7000-8000-000000000000'
const witness = {
  userId: await userIdOf(demoEmails.nurse),
  password: passwordOf(t, demoEmails.nurse),
  totpCode: undefined,
}

/** Real rows and codes for valid bodies and paths, looked up before each route (earlier routes create some). */
async function knownIds(): Promise<KnownIds> {
  return {
    clinicId,
    patientId,
    sessionId: sessionRow.rows[0]!.id,
    consentId: (await forPatient('consent')) ?? noRow,
    planId: (await forPatient('treatment_plan')) ?? noRow,
    lotId: (await inClinic('cs_lot')) ?? noRow,
    discrepancyId: (await inClinic('cs_discrepancy')) ?? noRow,
    reportId: (await inClinic('cs_loss_report')) ?? noRow,
    chairId: (await inClinic('chair')) ?? noRow,
    consentTextId: (await inClinic('consent_text')) ?? noRow,
    referralId: (await inClinic('referral')) ?? noRow,
    surveyId: (await forPatient('survey_assignment')) ?? noRow,
    sideEffectId: (await forPatient('side_effect')) ?? noRow,
    token: 'not-a-real-token-0123456789',
    instrumentId: 'phq9',
    protocolId: 'iv-racemic-standard',
    cadence: 'three-weekly-12-days',
    dea: 'BR1234563',
    witness,
    checker: witness,
    // The signer's own password (signatures); a code as well would be refused as ambiguous.
    password: passwordOf(t, demoEmails.prescriber),
    totpCode: undefined,
  }
}
/** The user a route changes (role, deactivation, MFA reset) is one nobody here signs in as. */
const targetUserId = await userIdOf(demoEmails.nurse2)
const entryTables: Record<string, string> = {
  measurements: 'body_measurement',
  trials: 'antidepressant_trial',
  responses: 'instrument_response',
  alerts: 'safety_alert',
  vitals: 'vital_sign',
}
async function urlOf(route: WriteRoute, ids: KnownIds): Promise<string> {
  const entryTable = Object.entries(entryTables).find(([segment]) =>
    route.path.includes(`/${segment}/{entryId}`),
  )
  const entryId = entryTable ? await forPatient(entryTable[1]) : undefined
  const pathIds: KnownIds = { ...ids, userId: targetUserId, entryId: entryId ?? noRow }
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => String(pathIds[name] ?? noRow))
}

const fingerprint = await fingerprintQuery(db)
let requestNumber = 0

async function send(route: WriteRoute, url: string, who: Client | PortalClient | undefined, payload: string) {
  requestNumber += 1
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': `fuzz-${requestNumber}`,
  }
  if (who instanceof Client && who.cookie) {
    headers.cookie = `kc_session=${who.cookie}`
    headers['x-csrf-token'] = who.csrfToken ?? ''
  }
  if (who instanceof PortalClient && who.cookie) {
    headers.cookie = `kc_portal=${who.cookie}`
    headers['x-csrf-token'] = who.csrf ?? ''
  }
  return t.app.inject({
    method: route.method,
    url,
    headers,
    payload,
    remoteAddress: `10.1.${requestNumber % 250}.1`,
  })
}

interface Finding {
  route: string
  status?: number
  changed?: string[]
  body: string
  reply: string
}

describe('every write route refuses hostile bodies with a 4xx, never a 5xx, and writes nothing when it refuses (issue 13)', () => {
  const findings: Finding[] = []
  const summary: string[] = []
  const started = Date.now()

  for (const route of routes) {
    const name = `${route.method} ${route.path}`
    it(name, { timeout: 300_000 }, async () => {
      const ids = await knownIds()
      const url = await urlOf(route, ids)
      const isPortal = route.path.startsWith('/api/v1/portal/')
      let who: Client | PortalClient | undefined = anonymous.some((r) => r.test(route.path))
        ? undefined
        : isPortal
          ? portal
          : staff.prescriber
      const valid = JSON.stringify(route.body ? validSample(route.body, ids) : {})
      const probe = await send(route, url, who, valid)
      if (probe.statusCode === 403 && who === staff.prescriber) who = staff.admin
      const bodies = [
        valid,
        ...fieldByFieldBodies(route.body, ids),
        ...fc.sample(hostileBodies(route.body, ids), { numRuns: runs, seed }),
      ]

      // Every request is followed by a fingerprint: after a refusal it must equal the one before;
      // after an accepted write it becomes the new one.
      let baseline = await fingerprint()
      const statuses: Record<string, number> = {}
      for (const body of bodies) {
        const response = await send(route, url, who, body)
        const key = `${response.statusCode}`
        statuses[key] = (statuses[key] ?? 0) + 1
        if (response.statusCode >= 500 || (response.statusCode >= 400 && !isProblem(response.headers)))
          findings.push({
            route: name,
            status: response.statusCode,
            body: body.slice(0, 300),
            reply: response.body.slice(0, 300),
          })
        const now = await fingerprint()
        if (response.statusCode >= 400) {
          const changed = changedTables(baseline, now)
          if (changed.length > 0)
            findings.push({
              route: name,
              status: response.statusCode,
              changed,
              body: body.slice(0, 300),
              reply: response.body.slice(0, 300),
            })
        }
        baseline = now
      }
      summary.push(
        `${name}: probe ${probe.statusCode} ${JSON.stringify(statuses)}${probe.statusCode === 400 ? ` ${valid} -> ${probe.body.slice(0, 300)}` : ''}`,
      )
      const mine = findings.filter((f) => f.route === name)
      expect(mine, JSON.stringify(mine, null, 2)).toEqual([])
    })
  }

  it('took a bounded time', () => {
    // Printed for the CI log: the run is tuned to stay within a couple of minutes per database.
    if (process.env.KETACARE_FUZZ_VERBOSE) console.info(summary.join('\n'))
    console.info(
      `fuzzed ${routes.length} write routes, ${requestNumber} requests, ${Math.round((Date.now() - started) / 1000)} s`,
    )
    expect(routes.length).toBeGreaterThan(60)
  })
})

function isProblem(headers: Record<string, unknown>): boolean {
  return String(headers['content-type'] ?? '').startsWith('application/problem+json')
}
