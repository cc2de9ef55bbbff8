import { describe, expect, test } from 'vitest'
import {
  clinicalReaders,
  clinicalWriteRefused,
  conflict,
  expectProblem,
  notFound,
  refusalTable,
  staleVersion,
  unknownId,
} from '../../../../test/support/refusals'

// Who may read (clinical:read) and chart (clinical:write) the treatment history: antidepressant
// trials, their corrections and the contraindication screen; refusals by state and clinic.

const f = refusalTable({ patientMrn: 'RK-2024-0136' })

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
  f.byRole('%s reads the history: %o', clinicalReaders, () => [['GET', `${f.patientUrl()}/history`]])

  f.byRole('%s may not add or correct a trial, nor save the screen: %o', clinicalWriteRefused, () => [
    ['POST', `${f.patientUrl()}/trials`, trial],
    ['POST', `${f.patientUrl()}/trials/${unknownId}/entered-in-error`, { reason: 'wrong patient' }],
    ['PUT', `${f.patientUrl()}/screening`, screening(0)],
  ])
})

describe('history in the wrong state', () => {
  test('a trial corrected twice: the second is a conflict, an unknown trial not found', async () => {
    const nurse = f.as('nurse')
    const added = await nurse.post(`${f.patientUrl()}/trials`, trial)
    expect(added.statusCode, added.body).toBe(201)
    const id = added.json().trials.find((t: { drug: string }) => t.drug === 'sertraline').id
    const correct = (trialId: string) =>
      nurse.post(`${f.patientUrl()}/trials/${trialId}/entered-in-error`, {
        reason: 'another patient’s trial',
      })
    expect((await correct(id)).statusCode).toBe(200)
    expectProblem(await correct(id), ...conflict)
    expectProblem(await correct(unknownId), ...notFound)
  })

  test('saving the screen on a version someone else changed is refused', async () => {
    const { screening: current } = (await f.as('nurse').get(`${f.patientUrl()}/history`)).json()
    const saved = await f
      .as('nurse')
      .request('PUT', `${f.patientUrl()}/screening`, screening(current.version))
    expect(saved.statusCode, saved.body).toBe(200)
    expectProblem(
      await f.as('prescriber').request('PUT', `${f.patientUrl()}/screening`, screening(current.version)),
      ...staleVersion,
    )
  })
})

describe('history of another clinic’s patient', () => {
  f.likeMissing([
    ['reading', 'nurse', notFound, (id) => ['GET', `${f.patientUrl(id)}/history`]],
    ['adding a trial', 'nurse', notFound, (id) => ['POST', `${f.patientUrl(id)}/trials`, trial]],
    ['saving the screen', 'nurse', notFound, (id) => ['PUT', `${f.patientUrl(id)}/screening`, screening(0)]],
  ])
})
