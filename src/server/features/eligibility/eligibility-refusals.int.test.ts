import { describe, expect, test } from 'vitest'
import {
  clinicalReaders,
  clinicalSignRefused,
  conflict,
  expectOutcome,
  expectProblem,
  notFound,
  type Outcome,
  refusalTable,
} from '../../../../test/support/refusals'
import { demoEmails, passwordOf } from '../../../../test/support/test-app'

// Who may review (clinical:read) and sign (clinical:sign) an eligibility decision, and the
// refusals of an unfinished assessment, an open safety alert, a wrong password or another clinic.

const f = refusalTable()

const decide = (
  decision: 'approve' | 'decline' | 'defer',
  password = passwordOf(f.t, demoEmails.prescriber),
) => ({
  decision,
  reason: 'Reviewed with the patient; see the note.',
  password,
})

describe('eligibility by role', () => {
  const undecided = async () => f.patientUrl(await f.patientByMrn('RK-2024-0125'))

  f.byRole('%s reads the review: %o', clinicalReaders, async () => [
    ['GET', `${await undecided()}/eligibility`],
  ])

  f.byRole('%s may not sign a decision: %o', clinicalSignRefused, async () => [
    ['POST', `${await undecided()}/eligibility-decisions`, decide('defer', 'whatever')],
  ])
})

describe('eligibility in the wrong state', () => {
  test.each<[string, string, 'approve' | 'defer', Outcome]>([
    ['approving with an unacknowledged safety alert', 'RK-2024-0129', 'approve', conflict],
    ['approving an assessment not yet complete', 'RK-2024-0136', 'approve', conflict],
    // A decision can be taken again (a deferral reviewed later): the latest one counts.
    ['deciding again for a patient decided already', 'RK-2024-0133', 'defer', 201],
  ])('%s (%s): %o', async (_, mrn, decision, outcome) => {
    const id = await f.patientByMrn(mrn)
    expectOutcome(
      await f.as('prescriber').post(`${f.patientUrl(id)}/eligibility-decisions`, decide(decision)),
      outcome,
    )
  })

  test('a wrong password makes no signature', async () => {
    const id = await f.patientByMrn('RK-2024-0125')
    const before = (await f.as('prescriber').get(`${f.patientUrl(id)}/eligibility`)).json().decisions.length
    const refused = await f
      .as('prescriber')
      .post(`${f.patientUrl(id)}/eligibility-decisions`, decide('defer', 'not-it'))
    expectProblem(refused, 401, 'invalid-credentials')
    expect((await f.as('prescriber').get(`${f.patientUrl(id)}/eligibility`)).json().decisions).toHaveLength(
      before,
    )
  })
})

describe('eligibility of another clinic’s patient', () => {
  f.likeMissing([
    ['reviewing', 'prescriber', notFound, (id) => ['GET', `${f.patientUrl(id)}/eligibility`]],
    [
      'signing',
      'prescriber',
      notFound,
      (id) => ['POST', `${f.patientUrl(id)}/eligibility-decisions`, decide('defer')],
    ],
  ])
})
