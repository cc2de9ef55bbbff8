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

// Who may find and register patients (patients:read, demographics:write) and chart their weight
// (clinical:read, clinical:write); refusals of duplicates, stale edits and another clinic.

let f: RefusalFixture
let patientId: string
beforeAll(async () => {
  f = await startRefusalFixture()
  patientId = await f.patientByMrn('RK-2024-0107')
})
afterAll(() => f.t.close())

const patients = () => `${f.riverside()}/patients`
const patientUrl = (id = patientId) => `${patients()}/${id}`
let mrnCount = 0
const registration = (mrn = `REF-${++mrnCount}`) => ({
  mrn,
  givenName: 'Robin',
  familyName: 'Vale',
  dateOfBirth: '1984-06-02',
  sex: 'female',
  addressStreet: '12 Elm Street',
  addressCity: 'Columbus',
  addressState: 'OH',
  addressPostalCode: '43215',
})
const version = async (id = patientId) => (await f.as('frontDesk').get(patientUrl(id))).json().version

describe('patients by role', () => {
  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['admin', forbidden],
    ['prescriber', 200],
    ['nurse', 200],
    ['frontDesk', 200],
    ['auditor', 200],
    ['nurse2', forbidden],
  ])('%s finds and opens a patient: %o', async (role, outcome) => {
    expectOutcome(await f.as(role).get(`${patients()}?q=RK-2024`), outcome)
    expectOutcome(await f.as(role).get(patientUrl()), outcome)
  })

  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['admin', forbidden],
    ['auditor', forbidden],
    ['nurse2', forbidden],
  ])('%s may not register or edit a patient: %o', async (role, outcome) => {
    expectOutcome(await f.as(role).post(patients(), registration()), outcome)
    expectOutcome(
      await f.as(role).patch(patientUrl(), { phone: '555-0100', version: await version() }),
      outcome,
    )
  })

  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['admin', forbidden],
    ['prescriber', 200],
    ['nurse', 200],
    ['frontDesk', forbidden],
    ['auditor', 200],
    ['nurse2', forbidden],
  ])('%s reads the body measurements: %o', async (role, outcome) => {
    expectOutcome(await f.as(role).get(`${patientUrl()}/measurements`), outcome)
  })

  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['admin', forbidden],
    ['frontDesk', forbidden],
    ['auditor', forbidden],
    ['nurse2', forbidden],
  ])('%s may not record or correct a measurement: %o', async (role, outcome) => {
    expectOutcome(await f.as(role).post(`${patientUrl()}/measurements`, { weightKg: 70 }), outcome)
    const reason = { reason: 'wrong scale' }
    expectOutcome(
      await f.as(role).post(`${patientUrl()}/measurements/${unknownId}/entered-in-error`, reason),
      outcome,
    )
  })
})

describe('patients in the wrong state', () => {
  test('an MRN used already in the clinic is a conflict naming mrn', async () => {
    const refused = await f.as('frontDesk').post(patients(), registration('RK-2024-0107'))
    expectProblem(refused, ...conflict)
    expect(refused.json().errors[0].field).toBe('mrn')
  })

  test('an edit on a version someone else changed is refused', async () => {
    const loaded = await version()
    expect(
      (await f.as('frontDesk').patch(patientUrl(), { phone: '555-0101', version: loaded })).statusCode,
    ).toBe(200)
    expectProblem(
      await f.as('nurse').patch(patientUrl(), { phone: '555-0102', version: loaded }),
      ...staleVersion,
    )
  })

  test('a measurement corrected twice: the second is a conflict, an unknown one not found', async () => {
    const added = await f.as('nurse').post(`${patientUrl()}/measurements`, { weightKg: 71.5 })
    expect(added.statusCode, added.body).toBe(201)
    const correct = (id: string) =>
      f
        .as('nurse')
        .post(`${patientUrl()}/measurements/${id}/entered-in-error`, { reason: 'scale not zeroed' })
    expect((await correct(added.json().id)).statusCode).toBe(204)
    expectProblem(await correct(added.json().id), ...conflict)
    expectProblem(await correct(unknownId), ...notFound)
  })
})

describe('another clinic’s patient', () => {
  test.each<[string, Outcome, (id: string) => Promise<LightMyRequestResponse>]>([
    ['opening', notFound, (id) => f.as('frontDesk').get(patientUrl(id))],
    ['editing', notFound, (id) => f.as('frontDesk').patch(patientUrl(id), { phone: '555-0103', version: 1 })],
    ['listing measurements', 200, (id) => f.as('nurse').get(`${patientUrl(id)}/measurements`)],
    [
      'recording a measurement',
      notFound,
      (id) => f.as('nurse').post(`${patientUrl(id)}/measurements`, { weightKg: 70 }),
    ],
  ])('%s: the same answer as for a patient that does not exist (%o)', async (_, outcome, send) => {
    await expectSameAsMissing(f, send, outcome)
  })

  test('the patient search does not find another clinic’s patient', async () => {
    const found = (await f.as('frontDesk').get(`${patients()}?q=HC-0041`)).json()
    expect(found.items).toEqual([])
  })
})
