import { describe, expect, test } from 'vitest'
import {
  conflict,
  expectProblem,
  forbidden,
  notFound,
  refusalTable,
  staleVersion,
  unknownId,
} from '../../../../test/support/refusals'

// Who may read (clinical:read) and chart (clinical:write) the treatment history: antidepressant
// trials, their corrections and the contraindication screen; refusals by state and clinic.

const f = refusalTable({ patientMrn: 'RK-2024-0136' })

const patientUrl = (id = f.patientId) => `${f.riverside()}/patients/${id}`
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
  f.byRole(
    '%s reads the history: %o',
    { admin: forbidden, prescriber: 200, nurse: 200, frontDesk: forbidden, auditor: 200, nurse2: forbidden },
    () => [['GET', `${patientUrl()}/history`]],
  )

  f.byRole(
    '%s may not add or correct a trial, nor save the screen: %o',
    { admin: forbidden, frontDesk: forbidden, auditor: forbidden, nurse2: forbidden },
    () => [
      ['POST', `${patientUrl()}/trials`, trial],
      ['POST', `${patientUrl()}/trials/${unknownId}/entered-in-error`, { reason: 'wrong patient' }],
      ['PUT', `${patientUrl()}/screening`, screening(0)],
    ],
  )
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
  f.likeMissing([
    ['reading', 'nurse', notFound, (id) => ['GET', `${patientUrl(id)}/history`]],
    ['adding a trial', 'nurse', notFound, (id) => ['POST', `${patientUrl(id)}/trials`, trial]],
    ['saving the screen', 'nurse', notFound, (id) => ['PUT', `${patientUrl(id)}/screening`, screening(0)]],
  ])
})
