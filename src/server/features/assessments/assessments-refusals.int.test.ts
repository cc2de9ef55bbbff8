import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  conflict,
  expectOutcome,
  expectProblem,
  expectSameAsMissing,
  forbidden,
  notFound,
  type Outcome,
  type RefusalFixture,
  type RiversideRole,
  startRefusalFixture,
  unknownId,
} from '../../../../test/support/refusals'

// Who may read and chart scored instruments, vital signs and safety alerts (clinical:read,
// clinical:write), and the refusals of records in the wrong state or of another clinic.

let f: RefusalFixture
let patientId: string
beforeAll(async () => {
  f = await startRefusalFixture()
  patientId = await f.patientByMrn('RK-2024-0107')
})
afterAll(() => f.t.close())

const patientUrl = (id = patientId) => `${f.riverside()}/patients/${id}`
const phq9 = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i === 8 ? 0 : 1]))
const response = { instrumentId: 'phq9', context: 'between', answers: phq9 }
const vitals = { systolicMmHg: 122, diastolicMmHg: 78, heartRateBpm: 70 }

describe('assessments by role', () => {
  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['admin', forbidden],
    ['prescriber', 200],
    ['nurse', 200],
    ['frontDesk', forbidden],
    ['auditor', 200],
    ['nurse2', forbidden],
  ])('%s reads a patient’s assessments: %o', async (role, outcome) => {
    expectOutcome(await f.as(role).get(`${patientUrl()}/assessments`), outcome)
  })

  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['admin', forbidden],
    ['frontDesk', forbidden],
    ['auditor', forbidden],
    ['nurse2', forbidden],
  ])(
    '%s may not chart a score, a vital sign, an acknowledgement or a correction: %o',
    async (role, outcome) => {
      const client = f.as(role)
      expectOutcome(await client.post(`${patientUrl()}/responses`, response), outcome)
      expectOutcome(await client.post(`${patientUrl()}/vitals`, vitals), outcome)
      expectOutcome(
        await client.post(`${patientUrl()}/alerts/${unknownId}/acknowledge`, { note: 'seen' }),
        outcome,
      )
      const reason = { reason: 'wrong patient' }
      expectOutcome(
        await client.post(`${patientUrl()}/responses/${unknownId}/entered-in-error`, reason),
        outcome,
      )
      expectOutcome(
        await client.post(`${patientUrl()}/vitals/${unknownId}/entered-in-error`, reason),
        outcome,
      )
    },
  )

  test.each<[RiversideRole, Outcome]>([
    ['prescriber', 201],
    ['nurse', 201],
  ])('%s charts a score and a vital sign: %o', async (role, outcome) => {
    expectOutcome(await f.as(role).post(`${patientUrl()}/responses`, response), outcome)
    expectOutcome(await f.as(role).post(`${patientUrl()}/vitals`, vitals), outcome)
  })
})

describe('assessments in the wrong state', () => {
  test.each<['responses' | 'vitals']>([['responses'], ['vitals']])(
    'an entry of %s corrected twice: the second is a conflict, an unknown entry not found',
    async (kind) => {
      const nurse = f.as('nurse')
      const created = await nurse.post(`${patientUrl()}/${kind}`, kind === 'vitals' ? vitals : response)
      expect(created.statusCode, created.body).toBe(201)
      const id = kind === 'vitals' ? created.json().id : created.json().response.id
      const reason = { reason: 'charted on the wrong patient' }
      expect((await nurse.post(`${patientUrl()}/${kind}/${id}/entered-in-error`, reason)).statusCode).toBe(
        204,
      )
      expectProblem(await nurse.post(`${patientUrl()}/${kind}/${id}/entered-in-error`, reason), ...conflict)
      expectProblem(
        await nurse.post(`${patientUrl()}/${kind}/${unknownId}/entered-in-error`, reason),
        ...notFound,
      )
    },
  )

  test('an alert acknowledged already is a conflict; an unknown alert is not found', async () => {
    const { alerts } = (await f.as('nurse').get(`${patientUrl()}/assessments`)).json()
    const acknowledged = alerts.find((a: { acknowledgedAt: string | null }) => a.acknowledgedAt !== null)
    expect(acknowledged).toBeDefined()
    const note = { note: 'Discussed again.' }
    expectProblem(
      await f.as('nurse').post(`${patientUrl()}/alerts/${acknowledged.id}/acknowledge`, note),
      ...conflict,
    )
    expectProblem(
      await f.as('nurse').post(`${patientUrl()}/alerts/${unknownId}/acknowledge`, note),
      ...notFound,
    )
  })
})

describe('assessments of another clinic’s patient', () => {
  test.each<[string, (id: string) => Promise<LightMyRequestResponse>]>([
    ['reading', (id) => f.as('nurse').get(`${patientUrl(id)}/assessments`)],
    ['scoring', (id) => f.as('nurse').post(`${patientUrl(id)}/responses`, response)],
    ['a vital sign', (id) => f.as('nurse').post(`${patientUrl(id)}/vitals`, vitals)],
  ])('%s: the same answer as for a patient that does not exist', async (_, send) => {
    await expectSameAsMissing(f, send, notFound)
  })
})
