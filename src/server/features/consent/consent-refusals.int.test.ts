import { describe, expect, test } from 'vitest'
import {
  clinicalReaders,
  clinicalWriteRefused,
  conflict,
  expectProblem,
  forbidden,
  notFound,
  refusalTable,
  unknownId,
} from '../../../../test/support/refusals'

// Who may read and publish consent texts (clinical:read, settings:manage) and record, withdraw and
// print a patient's consent (clinical:write, clinical:read); refusals by state and clinic.

const f = refusalTable({ patientMrn: 'RK-2024-0118' })

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
  f.byRole('%s reads the current text and a patient’s consents: %o', clinicalReaders, () => [
    ['GET', `${f.riverside()}/consent-texts/current`],
    ['GET', `${f.patientUrl()}/consents`],
  ])

  f.byRole(
    '%s may not publish a consent text: %o',
    { prescriber: forbidden, nurse: forbidden, frontDesk: forbidden, auditor: forbidden, nurse2: forbidden },
    () => [['POST', `${f.riverside()}/consent-texts`, newText]],
  )

  f.byRole('%s may not record or withdraw a consent, nor print one: %o', clinicalWriteRefused, (role) => [
    ['POST', `${f.patientUrl()}/consents`, signature(unknownId)],
    ['POST', `${f.patientUrl()}/consents/${unknownId}/withdraw`, { reason: 'patient asked' }],
    ...(role === 'auditor' ? [] : [['GET', `${f.patientUrl()}/consents/${unknownId}/pdf`] as const]),
  ])
})

describe('consent in the wrong state', () => {
  test('a consent withdrawn already cannot be withdrawn again: not found, like an unknown one', async () => {
    const nurse = f.as('nurse')
    const signed = await nurse.post(`${f.patientUrl()}/consents`, signature(await currentTextId()))
    expect(signed.statusCode, signed.body).toBe(201)
    const withdraw = (id: string) =>
      nurse.post(`${f.patientUrl()}/consents/${id}/withdraw`, { reason: 'changed mind' })
    expect((await withdraw(signed.json().id)).statusCode).toBe(200)
    expectProblem(await withdraw(signed.json().id), ...notFound)
    expectProblem(await withdraw(unknownId), ...notFound)
    expectProblem(await nurse.get(`${f.patientUrl()}/consents/${unknownId}/pdf`), ...notFound)
  })

  test('signing a text that is no longer current is a conflict naming consentTextId', async () => {
    const old = await currentTextId()
    expect((await f.as('admin').post(`${f.riverside()}/consent-texts`, newText)).statusCode).toBe(201)
    const refused = await f.as('nurse').post(`${f.patientUrl()}/consents`, signature(old))
    expectProblem(refused, ...conflict)
    expect(refused.json().errors[0].field).toBe('consentTextId')
  })
})

describe('consent of another clinic’s patient', () => {
  f.likeMissing([
    [
      'recording',
      'nurse',
      notFound,
      async (id) => ['POST', `${f.patientUrl(id)}/consents`, signature(await currentTextId())],
    ],
    ['listing', 'nurse', 200, (id) => ['GET', `${f.patientUrl(id)}/consents`]],
  ])

  test('withdrawing or printing another clinic’s consent: not found', async () => {
    const consent = await f.t.database.db
      .selectFrom('consent')
      .select(['id', 'patient_id'])
      .where('clinic_id', '=', f.t.clinics.hillcrest)
      .executeTakeFirstOrThrow()
    const url = `${f.patientUrl(consent.patient_id)}/consents/${consent.id}`
    expectProblem(await f.as('nurse').post(`${url}/withdraw`, { reason: 'not ours' }), ...notFound)
    expectProblem(await f.as('nurse').get(`${url}/pdf`), ...notFound)
  })
})
