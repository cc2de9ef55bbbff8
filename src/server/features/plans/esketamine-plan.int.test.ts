import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoClinic } from '../../../../test/support/clinic-fixture'
import { type Client, demoEmails, passwordOf, type TestApp } from '../../../../test/support/test-app'

// An esketamine plan's own shape (issue 14, point A): a fixed dose in 28 mg devices used 5 minutes
// apart (clinical-reference §3), none of the IV fields (mg/kg, titration limit, ceiling), and an
// approval with the prescriber's signature like any plan.

let t: TestApp
let prescriber: Client
let nurse: Client
const url = () => `/api/v1/clinics/${t.clinics.riverside}`
type Plan = Record<string, unknown> & { id: string; version: number; status: string }

async function plansOf(mrn: string) {
  const id = (await nurse.get(`${url()}/patients?q=${mrn}`)).json().items[0].id as string
  return {
    plansUrl: `${url()}/patients/${id}/plans`,
    plans: (await nurse.get(`${url()}/patients/${id}/plans`)).json() as Plan[],
  }
}

beforeAll(async () => {
  ;({
    t,
    clients: { nurse, prescriber },
  } = await startDemoClinic({ env: { KETACARE_SESSION_IDLE_MIN: '240' }, roles: ['nurse', 'prescriber'] }))
})
afterAll(() => t.close())

describe('esketamine plans', () => {
  it('the approved demo plan carries its devices and no IV fields', async () => {
    const { plans } = await plansOf('RK-2024-0139')
    expect(plans).toHaveLength(1)
    expect(plans[0]).toMatchObject({
      route: 'intranasal',
      status: 'approved',
      doseMg: 56,
      doseMgPerKg: null,
      maxDoseMgPerKg: null,
      ceilingMgPerKg: null,
      limitsNeedingOverride: [],
      dosePreview: {
        kind: 'esketamine',
        doseMg: 56,
        deviceMg: 28,
        deviceCount: 2,
        sprayCount: 4,
        deviceOffsetsMin: [0, 5],
        minutesBetweenDevices: 5,
      },
    })
  })

  it('an IV plan says so, with its dose at the latest weight', async () => {
    const { plans } = await plansOf('RK-2024-0107')
    expect(plans[0]).toMatchObject({ route: 'iv-infusion', dosePreview: { kind: 'iv', weightKg: 68.4 } })
    expect((plans[0]!.dosePreview as { doseMg: number }).doseMg).toBeCloseTo(34.2)
  })

  it('a prescriber drafts 84 mg weekly and signs it; the earlier plan is superseded', async () => {
    const { plansUrl } = await plansOf('RK-2024-0139')
    const refused = await prescriber.post(plansUrl, { protocolId: 'esketamine-trd', doseMg: 70 })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors).toEqual([
      { field: 'doseMg', message: 'must be one of 56, 84 mg for this protocol' },
    ])
    const created = await prescriber.post(plansUrl, {
      protocolId: 'esketamine-trd',
      doseMg: 84,
      cadence: 'weekly',
      plannedSessions: 6,
    })
    expect(created.statusCode, created.body).toBe(201)
    const draft = (created.json() as Plan[]).find((p) => p.status === 'draft')!
    expect(draft).toMatchObject({ route: 'intranasal', dosePreview: { kind: 'esketamine', deviceCount: 3 } })
    const approved = await prescriber.post(`${plansUrl}/${draft.id}/approve`, {
      version: draft.version,
      password: passwordOf(t, demoEmails.prescriber),
    })
    expect(approved.statusCode, approved.body).toBe(200)
    expect((approved.json() as Plan[]).map((p) => [p.doseMg, p.status])).toEqual([
      [84, 'approved'],
      [56, 'superseded'],
    ])
  })

  it('the suicidal-ideation protocol starts at 84 mg and allows 56 mg, nothing else', async () => {
    const { plansUrl } = await plansOf('RK-2024-0140')
    const created = await prescriber.post(plansUrl, { protocolId: 'esketamine-suicidal-ideation' })
    expect(created.statusCode, created.body).toBe(201)
    expect((created.json() as Plan[]).find((p) => p.status === 'draft')).toMatchObject({
      doseMg: 84,
      dosePreview: { kind: 'esketamine', deviceCount: 3 },
    })
  })
})
