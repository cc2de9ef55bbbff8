import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../../test/support/test-app'
import { seedDemoClinicalData } from '../../seed/demo'
import { inOwnerTransaction } from '../../tenancy'
import { loadSessionView } from './view'

// The reply schemas in src/contract/sessions.ts are what the serializer sends: a part the schema
// forgot would silently vanish from the wire (zod drops unknown keys). Every demo session (IV
// running with a PK curve and alerts, stopped early, esketamine with devices and dissociation
// checks, discharged, aborted) must arrive exactly as the server built it.

let t: TestApp
let nurse: Client
const url = () => `/api/v1/clinics/${t.clinics.riverside}`

beforeAll(async () => {
  t = await startTestApp({ KETACARE_SESSION_IDLE_MIN: '240' })
  await seedDemoClinicalData(t.ctx, t.demo)
  nurse = new Client(t)
  await nurse.signIn(demoEmails.nurse)
})
afterAll(() => t.close())

describe('the session replies match their contract', () => {
  it('sends every part of every demo session view as the server built it', async () => {
    const clinicId = t.clinics.riverside
    const ids = await inOwnerTransaction(t.ctx, (tx) =>
      tx.selectFrom('treatment_session').select('id').where('clinic_id', '=', clinicId).execute(),
    )
    const built = []
    for (const { id } of ids) {
      const view = await inOwnerTransaction(t.ctx, (tx) => loadSessionView(tx, clinicId, id, t.clock.now()))
      const reply = await nurse.get(`${url()}/sessions/${id}`)
      expect(reply.statusCode).toBe(200)
      expect(reply.json()).toEqual(JSON.parse(JSON.stringify(view)))
      built.push(view)
    }
    // The demo reaches the optional parts, so the comparison above covers them (a drawn dose, whose
    // stored payload passes through whole, is drawn in ledger/session-dose.int.test.ts).
    for (const part of [
      'infusion',
      'devices',
      'pk',
      'dissociation',
      'readyWithoutTimeRule',
      'discharge',
    ] as const)
      expect(built.some((v) => v[part] !== null)).toBe(true)
    expect(built.some((v) => v.dose.limits !== null)).toBe(true)
    expect(built.some((v) => v.alerts.some((a) => a.acknowledged !== null))).toBe(true)
  })

  it('answers the board, the patient list, suggested dates and the REMS form in their contract', async () => {
    const board = await nurse.get(`${url()}/board`)
    expect(board.statusCode).toBe(200)
    expect(board.json().sessions.length).toBeGreaterThan(0)
    const esketamine = board.json().sessions.find((s: { route: string }) => s.route === 'intranasal')
    const rems = await nurse.get(`${url()}/sessions/${esketamine.id}/rems`)
    expect(rems.statusCode).toBe(200)
    expect(Object.keys(rems.json().concomitantMedicines)).toHaveLength(5)
    const patientId = esketamine.patient.id
    const sessions = await nurse.get(`${url()}/patients/${patientId}/sessions`)
    expect(sessions.statusCode).toBe(200)
    expect(sessions.json()[0]).toMatchObject({ route: 'intranasal' })
    const suggested = await nurse.get(`${url()}/patients/${patientId}/sessions/suggested-dates`)
    expect(suggested.statusCode).toBe(200)
    expect(suggested.json().route).toBe('intranasal')
  })
  it('documents every part of the view in /openapi.json, dates as date-time text', async () => {
    const doc = (await nurse.get('/openapi.json')).json()
    const reply = doc.paths['/api/v1/clinics/{clinicId}/sessions/{sessionId}'].get.responses['200']
    const view = reply.content['application/json'].schema
    const parts = Object.keys(view.properties).filter((k) => k !== 'replayed' && k !== 'generatedAt')
    expect(parts).toHaveLength(20)
    interface Described {
      properties?: object
      items?: object
      additionalProperties?: object
      anyOf?: Described[]
    }
    const describedOf = (schema: Described): boolean =>
      Boolean(
        schema.properties ?? schema.items ?? schema.additionalProperties ?? schema.anyOf?.some(describedOf),
      )
    for (const part of parts) expect(describedOf(view.properties[part]), part).toBe(true)
    expect(view.properties.generatedAt).toMatchObject({ type: 'string', format: 'date-time' })
  })
})
