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

// Who may read and publish consent texts (clinical:read, settings:manage) and record, withdraw and
// print a patient's consent (clinical:write, clinical:read); refusals by state and clinic.

let f: RefusalFixture
let patientId: string
beforeAll(async () => {
  f = await startRefusalFixture()
  patientId = await f.patientByMrn('RK-2024-0118')
})
afterAll(() => f.t.close())

const patientUrl = (id = patientId) => `${f.riverside()}/patients/${id}`
const currentTextId = async () =>
  (await f.as('nurse').get(`${f.riverside()}/consent-texts/current`)).json().id
const signature = (consentTextId: string) => ({
  consentTextId,
  signerName: 'Marcus Webb',
  signatureKind: 'typed',
  signatureData: 'Marcus Webb',
})
const newText = { title: 'Consent v-next', body: 'I understand the treatment. '.repeat(10) }

describe('consent by role', () => {
  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['admin', forbidden],
    ['prescriber', 200],
    ['nurse', 200],
    ['frontDesk', forbidden],
    ['auditor', 200],
    ['nurse2', forbidden],
  ])('%s reads the current text and a patient’s consents: %o', async (role, outcome) => {
    expectOutcome(await f.as(role).get(`${f.riverside()}/consent-texts/current`), outcome)
    expectOutcome(await f.as(role).get(`${patientUrl()}/consents`), outcome)
  })

  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['prescriber', forbidden],
    ['nurse', forbidden],
    ['frontDesk', forbidden],
    ['auditor', forbidden],
    ['nurse2', forbidden],
  ])('%s may not publish a consent text: %o', async (role, outcome) => {
    expectOutcome(await f.as(role).post(`${f.riverside()}/consent-texts`, newText), outcome)
  })

  test.each<[RiversideRole | 'nurse2', Outcome]>([
    ['admin', forbidden],
    ['frontDesk', forbidden],
    ['auditor', forbidden],
    ['nurse2', forbidden],
  ])('%s may not record or withdraw a consent, nor print one: %o', async (role, outcome) => {
    const client = f.as(role)
    expectOutcome(await client.post(`${patientUrl()}/consents`, signature(unknownId)), outcome)
    const reason = { reason: 'patient asked' }
    expectOutcome(await client.post(`${patientUrl()}/consents/${unknownId}/withdraw`, reason), outcome)
    if (role !== 'auditor')
      expectOutcome(await client.get(`${patientUrl()}/consents/${unknownId}/pdf`), outcome)
  })
})

describe('consent in the wrong state', () => {
  test('a consent withdrawn already cannot be withdrawn again: not found, like an unknown one', async () => {
    const nurse = f.as('nurse')
    const signed = await nurse.post(`${patientUrl()}/consents`, signature(await currentTextId()))
    expect(signed.statusCode, signed.body).toBe(201)
    const withdraw = (id: string) =>
      nurse.post(`${patientUrl()}/consents/${id}/withdraw`, { reason: 'changed mind' })
    expect((await withdraw(signed.json().id)).statusCode).toBe(200)
    expectProblem(await withdraw(signed.json().id), ...notFound)
    expectProblem(await withdraw(unknownId), ...notFound)
    expectProblem(await nurse.get(`${patientUrl()}/consents/${unknownId}/pdf`), ...notFound)
  })

  test('signing a text that is no longer current is a conflict naming consentTextId', async () => {
    const old = await currentTextId()
    expect((await f.as('admin').post(`${f.riverside()}/consent-texts`, newText)).statusCode).toBe(201)
    const refused = await f.as('nurse').post(`${patientUrl()}/consents`, signature(old))
    expectProblem(refused, ...conflict)
    expect(refused.json().errors[0].field).toBe('consentTextId')
  })
})

describe('consent of another clinic’s patient', () => {
  test.each<[string, Outcome, (id: string) => Promise<LightMyRequestResponse>]>([
    [
      'recording',
      notFound,
      async (id) => f.as('nurse').post(`${patientUrl(id)}/consents`, signature(await currentTextId())),
    ],
    ['listing', 200, (id) => f.as('nurse').get(`${patientUrl(id)}/consents`)],
  ])('%s: the same answer as for a patient that does not exist (%o)', async (_, outcome, send) => {
    await expectSameAsMissing(f, send, outcome)
  })

  test('withdrawing or printing another clinic’s consent: not found', async () => {
    const consent = await f.t.database.db
      .selectFrom('consent')
      .select(['id', 'patient_id'])
      .where('clinic_id', '=', f.t.clinics.hillcrest)
      .executeTakeFirstOrThrow()
    const url = `${patientUrl(consent.patient_id)}/consents/${consent.id}`
    expectProblem(await f.as('nurse').post(`${url}/withdraw`, { reason: 'not ours' }), ...notFound)
    expectProblem(await f.as('nurse').get(`${url}/pdf`), ...notFound)
  })
})
