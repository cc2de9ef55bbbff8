import { describe, expect, test } from 'vitest'
import {
  clinicalReaders,
  clinicalWriteRefused,
  conflict,
  expectProblem,
  notFound,
  refusalTable,
  unknownId,
} from '../../../../test/support/refusals'

// Who may read and chart scored instruments, vital signs and safety alerts (clinical:read,
// clinical:write), and the refusals of records in the wrong state or of another clinic.

const f = refusalTable({ patientMrn: 'RK-2024-0107' })

const phq9 = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i === 8 ? 0 : 1]))
const response = { instrumentId: 'phq9', context: 'between', answers: phq9 }
const vitals = { systolicMmHg: 122, diastolicMmHg: 78, heartRateBpm: 70 }

describe('assessments by role', () => {
  f.byRole('%s reads a patient’s assessments: %o', clinicalReaders, () => [
    ['GET', `${f.patientUrl()}/assessments`],
  ])

  f.byRole(
    '%s may not chart a score, a vital sign, an acknowledgement or a correction: %o',
    clinicalWriteRefused,
    () => {
      const reason = { reason: 'wrong patient' }
      return [
        ['POST', `${f.patientUrl()}/responses`, response],
        ['POST', `${f.patientUrl()}/vitals`, vitals],
        ['POST', `${f.patientUrl()}/alerts/${unknownId}/acknowledge`, { note: 'seen' }],
        ['POST', `${f.patientUrl()}/responses/${unknownId}/entered-in-error`, reason],
        ['POST', `${f.patientUrl()}/vitals/${unknownId}/entered-in-error`, reason],
      ]
    },
  )

  f.byRole('%s charts a score and a vital sign: %o', { prescriber: 201, nurse: 201 }, () => [
    ['POST', `${f.patientUrl()}/responses`, response],
    ['POST', `${f.patientUrl()}/vitals`, vitals],
  ])
})

describe('assessments in the wrong state', () => {
  test.each<['responses' | 'vitals']>([['responses'], ['vitals']])(
    'an entry of %s corrected twice: the second is a conflict, an unknown entry not found',
    async (kind) => {
      const nurse = f.as('nurse')
      const created = await nurse.post(`${f.patientUrl()}/${kind}`, kind === 'vitals' ? vitals : response)
      expect(created.statusCode, created.body).toBe(201)
      const id = kind === 'vitals' ? created.json().id : created.json().response.id
      const reason = { reason: 'charted on the wrong patient' }
      expect((await nurse.post(`${f.patientUrl()}/${kind}/${id}/entered-in-error`, reason)).statusCode).toBe(
        204,
      )
      expectProblem(await nurse.post(`${f.patientUrl()}/${kind}/${id}/entered-in-error`, reason), ...conflict)
      expectProblem(
        await nurse.post(`${f.patientUrl()}/${kind}/${unknownId}/entered-in-error`, reason),
        ...notFound,
      )
    },
  )

  test('an alert acknowledged already is a conflict; an unknown alert is not found', async () => {
    const { alerts } = (await f.as('nurse').get(`${f.patientUrl()}/assessments`)).json()
    const acknowledged = alerts.find((a: { acknowledgedAt: string | null }) => a.acknowledgedAt !== null)
    expect(acknowledged).toBeDefined()
    const note = { note: 'Discussed again.' }
    expectProblem(
      await f.as('nurse').post(`${f.patientUrl()}/alerts/${acknowledged.id}/acknowledge`, note),
      ...conflict,
    )
    expectProblem(
      await f.as('nurse').post(`${f.patientUrl()}/alerts/${unknownId}/acknowledge`, note),
      ...notFound,
    )
  })
})

describe('assessments of another clinic’s patient', () => {
  f.likeMissing([
    ['reading', 'nurse', notFound, (id) => ['GET', `${f.patientUrl(id)}/assessments`]],
    ['scoring', 'nurse', notFound, (id) => ['POST', `${f.patientUrl(id)}/responses`, response]],
    ['a vital sign', 'nurse', notFound, (id) => ['POST', `${f.patientUrl(id)}/vitals`, vitals]],
  ])
})
