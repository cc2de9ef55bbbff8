import { describe, expect, test } from 'vitest'
import {
  clinicalReaders,
  clinicalWriteRefused,
  conflict,
  expectProblem,
  forbidden,
  notFound,
  refusalTable,
  staleVersion,
  unknownId,
} from '../../../../test/support/refusals'

// Who may find and register patients (patients:read, demographics:write) and chart their weight
// (clinical:read, clinical:write); refusals of duplicates, stale edits and another clinic.

const f = refusalTable({ patientMrn: 'RK-2024-0107' })

const patients = () => `${f.riverside()}/patients`
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
const version = async (id = f.patientId) => (await f.as('frontDesk').get(f.patientUrl(id))).json().version

describe('patients by role', () => {
  f.byRole(
    '%s finds and opens a patient: %o',
    { admin: forbidden, prescriber: 200, nurse: 200, frontDesk: 200, auditor: 200, nurse2: forbidden },
    () => [
      ['GET', `${patients()}?q=RK-2024`],
      ['GET', f.patientUrl()],
    ],
  )

  f.byRole(
    '%s may not register or edit a patient: %o',
    { admin: forbidden, auditor: forbidden, nurse2: forbidden },
    async () => [
      ['POST', patients(), registration()],
      ['PATCH', f.patientUrl(), { phone: '555-0100', version: await version() }],
    ],
  )

  f.byRole('%s reads the body measurements: %o', clinicalReaders, () => [
    ['GET', `${f.patientUrl()}/measurements`],
  ])

  f.byRole('%s may not record or correct a measurement: %o', clinicalWriteRefused, () => [
    ['POST', `${f.patientUrl()}/measurements`, { weightKg: 70 }],
    ['POST', `${f.patientUrl()}/measurements/${unknownId}/entered-in-error`, { reason: 'wrong scale' }],
  ])
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
      (await f.as('frontDesk').patch(f.patientUrl(), { phone: '555-0101', version: loaded })).statusCode,
    ).toBe(200)
    expectProblem(
      await f.as('nurse').patch(f.patientUrl(), { phone: '555-0102', version: loaded }),
      ...staleVersion,
    )
  })

  test('a measurement corrected twice: the second is a conflict, an unknown one not found', async () => {
    const added = await f.as('nurse').post(`${f.patientUrl()}/measurements`, { weightKg: 71.5 })
    expect(added.statusCode, added.body).toBe(201)
    const correct = (id: string) =>
      f
        .as('nurse')
        .post(`${f.patientUrl()}/measurements/${id}/entered-in-error`, { reason: 'scale not zeroed' })
    expect((await correct(added.json().id)).statusCode).toBe(204)
    expectProblem(await correct(added.json().id), ...conflict)
    expectProblem(await correct(unknownId), ...notFound)
  })
})

describe('another clinic’s patient', () => {
  f.likeMissing([
    ['opening', 'frontDesk', notFound, (id) => ['GET', f.patientUrl(id)]],
    [
      'editing',
      'frontDesk',
      notFound,
      (id) => ['PATCH', f.patientUrl(id), { phone: '555-0103', version: 1 }],
    ],
    ['listing measurements', 'nurse', 200, (id) => ['GET', `${f.patientUrl(id)}/measurements`]],
    [
      'recording a measurement',
      'nurse',
      notFound,
      (id) => ['POST', `${f.patientUrl(id)}/measurements`, { weightKg: 70 }],
    ],
  ])

  test('the patient search does not find another clinic’s patient', async () => {
    const found = (await f.as('frontDesk').get(`${patients()}?q=HC-0041`)).json()
    expect(found.items).toEqual([])
  })
})
