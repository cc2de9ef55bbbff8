import { describe, expect, test } from 'vitest'
import {
  clinicalReaders,
  clinicalSignRefused,
  conflict,
  expectProblem,
  notFound,
  refusalTable,
  staleVersion,
  unknownId,
} from '../../../../test/support/refusals'
import { demoEmails, passwordOf } from '../../../../test/support/test-app'

// Who may read (clinical:read), draft and approve (clinical:sign) a treatment plan, and the
// refusals of a plan that is not a draft, a stale one, a missing decision and another clinic.

interface Plan {
  id: string
  version: number
  status: string
}

const f = refusalTable()

const plansUrl = async (mrn: string) => `${f.riverside()}/patients/${await f.patientByMrn(mrn)}/plans`
const draftBody = { protocolId: 'iv-racemic-standard' }
const approval = (version: number) => ({ version, password: passwordOf(f.t, demoEmails.prescriber) })
const plansOf = async (url: string): Promise<Plan[]> => (await f.as('prescriber').get(url)).json()
const approve = (url: string, plan: Plan, version = plan.version) =>
  f.as('prescriber').post(`${url}/${plan.id}/approve`, approval(version))

describe('plans by role', () => {
  f.byRole('%s reads the plans: %o', clinicalReaders, async () => [['GET', await plansUrl('RK-2024-0107')]])

  f.byRole('%s may not draft or approve a plan: %o', clinicalSignRefused, async () => {
    const url = await plansUrl('RK-2024-0121')
    return [
      ['POST', url, draftBody],
      ['POST', `${url}/${unknownId}/approve`, approval(1)],
    ]
  })
})

describe('plans in the wrong state', () => {
  test('approving an approved plan, or one superseded by a newer approval, is a conflict', async () => {
    const url = await plansUrl('RK-2024-0107')
    const approved = (await plansOf(url)).find((p) => p.status === 'approved')!
    expectProblem(await approve(url, approved), ...conflict)
    const drafted = await f.as('prescriber').post(url, draftBody)
    expect(drafted.statusCode, drafted.body).toBe(201)
    const draft = (drafted.json() as Plan[]).find((p) => p.status === 'draft')!
    expect((await approve(url, draft)).statusCode).toBe(200)
    const superseded = (await plansOf(url)).find((p) => p.id === approved.id)!
    expect(superseded.status).toBe('superseded')
    expectProblem(await approve(url, superseded), ...conflict)
  })

  test('approving on a stale version, an unknown plan, or without an approved decision', async () => {
    const url = await plansUrl('RK-2024-0121')
    const draft = (await plansOf(url)).find((p) => p.status === 'draft')!
    expectProblem(await approve(url, draft, draft.version + 1), ...staleVersion)
    expectProblem(await approve(url, { ...draft, id: unknownId }), ...notFound)
    const undecided = await plansUrl('RK-2024-0125')
    const drafted = await f.as('prescriber').post(undecided, draftBody)
    expect(drafted.statusCode, drafted.body).toBe(201)
    const blocked = await approve(undecided, (drafted.json() as Plan[]).find((p) => p.status === 'draft')!)
    expectProblem(blocked, ...conflict)
    expect(blocked.json().blockers).toEqual(['an approved eligibility decision', 'a current signed consent'])
  })
})

describe('plans of another clinic’s patient', () => {
  const url = (id: string) => `${f.riverside()}/patients/${id}/plans`
  f.likeMissing([
    ['listing', 'prescriber', 200, (id) => ['GET', url(id)]],
    ['drafting', 'prescriber', notFound, (id) => ['POST', url(id), draftBody]],
  ])

  test('approving another clinic’s plan: not found', async () => {
    const plan = await f.t.database.db
      .selectFrom('treatment_plan')
      .select(['id', 'patient_id', 'version'])
      .where('clinic_id', '=', f.t.clinics.hillcrest)
      .executeTakeFirstOrThrow()
    const refused = await f
      .as('prescriber')
      .post(`${url(plan.patient_id)}/${plan.id}/approve`, approval(plan.version))
    expectProblem(refused, ...notFound)
  })
})
