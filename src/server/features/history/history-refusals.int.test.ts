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
  staleVersion,
  startRefusalFixture,
  unknownId,
} from '../../../../test/support/refusals'

// Who may read (clinical:read) and chart (clinical:write) the treatment history: antidepressant
// trials, their corrections and the contraindication screen; refusals by state and clinic.

let f: RefusalFixture
let patientId: string
beforeAll(async () => {
  f = await startRefusalFixture()
  patientId = await f.patientByMrn('RK-2024-0136')
})
afterAll(() => f.t.close())

const patientUrl = (id = patientId) => `${f.riverside()}/patients/${id}`
const trial = {
  drug: 'sertraline',
  drugClass: 'ssri',
  doseAdequate: true,
  weeks: 8,
  adherence: 'good',
  outcome: 'non-response',
}
const screening = (version: number) => ({
  contraindicationAnswers: {},
  episodeDurationMonths: 14,
  severity: 'moderate',
  ect: { used: false, bilateral: false, failed: false },
  version,
})

describe('history by role', () => {
  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['admin', forbidden],
    ['prescriber', 200],
    ['nurse', 200],
    ['frontDesk', forbidden],
    ['auditor', 200],
    ['nurse2', forbidden],
  ])('%s reads the history: %o', async (role, outcome) => {
    expectOutcome(await f.as(role).get(`${patientUrl()}/history`), outcome)
  })

  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['admin', forbidden],
    ['frontDesk', forbidden],
    ['auditor', forbidden],
    ['nurse2', forbidden],
  ])('%s may not add or correct a trial, nor save the screen: %o', async (role, outcome) => {
    const client = f.as(role)
    expectOutcome(await client.post(`${patientUrl()}/trials`, trial), outcome)
    const reason = { reason: 'wrong patient' }
    expectOutcome(await client.post(`${patientUrl()}/trials/${unknownId}/entered-in-error`, reason), outcome)
    expectOutcome(await client.request('PUT', `${patientUrl()}/screening`, screening(0)), outcome)
  })
})

describe('history in the wrong state', () => {
  test('a trial corrected twice: the second is a conflict, an unknown trial not found', async () => {
    const nurse = f.as('nurse')
    const added = await nurse.post(`${patientUrl()}/trials`, trial)
    expect(added.statusCode, added.body).toBe(201)
    const id = added.json().trials.find((t: { drug: string }) => t.drug === 'sertraline').id
    const correct = (trialId: string) =>
      nurse.post(`${patientUrl()}/trials/${trialId}/entered-in-error`, { reason: 'another patient’s trial' })
    expect((await correct(id)).statusCode).toBe(200)
    expectProblem(await correct(id), ...conflict)
    expectProblem(await correct(unknownId), ...notFound)
  })

  test('saving the screen on a version someone else changed is refused', async () => {
    const { screening: current } = (await f.as('nurse').get(`${patientUrl()}/history`)).json()
    const saved = await f.as('nurse').request('PUT', `${patientUrl()}/screening`, screening(current.version))
    expect(saved.statusCode, saved.body).toBe(200)
    expectProblem(
      await f.as('prescriber').request('PUT', `${patientUrl()}/screening`, screening(current.version)),
      ...staleVersion,
    )
  })
})

describe('history of another clinic’s patient', () => {
  test.each<[string, (id: string) => Promise<LightMyRequestResponse>]>([
    ['reading', (id) => f.as('nurse').get(`${patientUrl(id)}/history`)],
    ['adding a trial', (id) => f.as('nurse').post(`${patientUrl(id)}/trials`, trial)],
    ['saving the screen', (id) => f.as('nurse').request('PUT', `${patientUrl(id)}/screening`, screening(0))],
  ])('%s: the same answer as for a patient that does not exist', async (_, send) => {
    await expectSameAsMissing(f, send, notFound)
  })
})
