import { beforeAll, describe, expect, it } from 'vitest'
import { chairSideDesk } from '../../../../test/support/chair-side-desk'
import { fieldsRefused } from '../../../../test/support/refusals'
import { demoEmails, passwordOf } from '../../../../test/support/test-app'

// Clinical-reference §2 (issue 12): the dosing weight is never above actual weight, the titration
// ceiling is judged per kg of actual weight, and going beyond either needs the prescriber's signed
// override with a reason — at plan approval and at the session dose step.

const desk = chairSideDesk({ KETACARE_SESSION_IDLE_MIN: '240' })
let patientId: string
let prescriberId: string
const plansUrl = () => `${desk.clinicUrl}/patients/${patientId}/plans`
type Plan = {
  id: string
  version: number
  status: string
  doseOverride: unknown
  limitsNeedingOverride: unknown[]
}

async function auditOf(action: string, entityId: string) {
  return desk.t.database.db
    .selectFrom('audit_event')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute()
}

async function draft(body: Record<string, unknown>): Promise<Plan> {
  const response = await desk.prescriber.post(plansUrl(), { protocolId: 'iv-racemic-standard', ...body })
  expect(response.statusCode, response.body).toBe(201)
  return (response.json() as Plan[]).find((p) => p.status === 'draft')!
}

beforeAll(async () => {
  prescriberId = (await desk.prescriber.get('/api/v1/auth/me')).json().user.id
  // Maya Chen: eligible, consented, a draft plan not yet approved.
  patientId = await desk.patientIdByMrn('RK-2024-0121')
})

describe('plan approval beyond the §2 dose limits', () => {
  it('issue 12: refuses impossible doses with a 400 naming the field', async () => {
    for (const [field, value] of [
      ['doseMgPerKg', -0.5],
      ['doseMgPerKg', 5],
      ['maxDoseMgPerKg', 0],
    ] as const) {
      const response = await desk.prescriber.post(plansUrl(), {
        protocolId: 'iv-racemic-standard',
        [field]: value,
      })
      expect(response.statusCode).toBe(400)
      expect(response.headers['content-type']).toMatch(/problem\+json/)
      expect(fieldsRefused(response)).toContain(field)
    }
    const onActual = await desk.prescriber.post(plansUrl(), {
      protocolId: 'iv-racemic-standard',
      doseAboveActualWeight: true,
    })
    expect(onActual.statusCode).toBe(400)
    expect(onActual.json().errors[0].field).toBe('doseAboveActualWeight')
  })

  it('§2: a plan above the ceiling on actual weight is refused without a signed override, approved with one', async () => {
    const plan = await draft({ doseBasis: 'actual', doseMgPerKg: 1.2, maxDoseMgPerKg: 1.2 })
    expect(plan.limitsNeedingOverride.map((f) => (f as { field: string }).field)).toEqual([
      'doseMgPerKg',
      'maxDoseMgPerKg',
    ])
    const password = passwordOf(desk.t, demoEmails.prescriber)
    const refused = await desk.prescriber.post(`${plansUrl()}/${plan.id}/approve`, {
      version: plan.version,
      password,
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().limits).toEqual(['titration-ceiling'])
    const fields = fieldsRefused(refused)
    expect(fields).toEqual(['doseMgPerKg', 'maxDoseMgPerKg', 'doseOverride.reason'])
    expect(refused.json().errors[0].message).toMatch(
      /above the titration ceiling of 1 mg\/kg of actual weight/,
    )
    expect((await auditOf('plans.approve', plan.id)).length).toBe(0)

    const approved = await desk.prescriber.post(`${plansUrl()}/${plan.id}/approve`, {
      version: plan.version,
      password,
      doseOverride: {
        reason: 'Partial response at 1.0 mg/kg over 6 infusions; discussed dissociation risk.',
      },
    })
    expect(approved.statusCode, approved.body).toBe(200)
    const saved = (approved.json() as Plan[]).find((p) => p.id === plan.id)!
    expect(saved).toMatchObject({
      status: 'approved',
      doseOverride: { limits: ['titration-ceiling'], reason: expect.stringMatching(/Partial response/) },
      limitsNeedingOverride: [],
    })
    const [audit] = await auditOf('plans.dose-limit-override', plan.id)
    expect(audit?.detail).toMatchObject({
      limits: 'titration-ceiling',
      reason: expect.stringMatching(/Partial/),
    })
    expect(audit?.actor_user_id).toBe(prescriberId)
  })

  it('a plan within the limits has nothing to override', async () => {
    const plan = await draft({ doseBasis: 'actual', doseMgPerKg: 0.5 })
    expect(plan.limitsNeedingOverride).toEqual([])
    const response = await desk.prescriber.post(`${plansUrl()}/${plan.id}/approve`, {
      version: plan.version,
      password: passwordOf(desk.t, demoEmails.prescriber),
      doseOverride: { reason: 'not needed at all' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0].field).toBe('doseOverride.reason')
  })
})

describe('the session dose step beyond the §2 dose limits', () => {
  let sessionUrl: string
  const setDose = (body: Record<string, unknown>) =>
    desk.nurse.post(`${sessionUrl}/dose`, { vialMgPerMl: 10, ...body })

  beforeAll(async () => {
    // An ideal-weight plan that, with a signed override, may dose above actual weight (§2).
    const plan = await draft({ doseBasis: 'ideal', doseMgPerKg: 0.9, doseAboveActualWeight: true })
    expect(plan.limitsNeedingOverride.map((f) => (f as { limit: string }).limit)).toEqual([
      'dosing-weight-above-actual',
    ])
    const approved = await desk.prescriber.post(`${plansUrl()}/${plan.id}/approve`, {
      version: plan.version,
      password: passwordOf(desk.t, demoEmails.prescriber),
      doseOverride: { reason: 'Low muscle mass after illness; dose on ideal weight as before.' },
    })
    expect(approved.statusCode, approved.body).toBe(200)
    const booked = await desk.book(desk.frontDesk, patientId)
    expect(booked.statusCode, booked.body).toBe(201)
    sessionUrl = `${desk.clinicUrl}/sessions/${booked.json().session.id}`
    const version = (await desk.nurse.get(sessionUrl)).json().session.version
    expect(
      (await desk.frontDesk.post(`${sessionUrl}/transition`, { event: 'check-in', version })).statusCode,
    ).toBe(200)
  })

  it("§2: dosing above actual weight within the ceiling is covered by the plan's signed override", async () => {
    // Ideal weight of a 180 cm woman is 70.5 kg; 0.9 mg/kg × 70.5 = 63.4 mg = 0.98 mg/kg of 65 kg.
    const response = await setDose({ weightKg: 65, heightCm: 180 })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().dose.plannedDoseMg).toBeCloseTo(63.44, 1)
    expect(response.json().dose.limits).toMatchObject({
      ceilingMg: 65,
      isAboveCeiling: false,
      limitsExceeded: ['dosing-weight-above-actual'],
      coveredByPlanOverride: ['dosing-weight-above-actual'],
      override: null,
    })
  })

  it('§2: above the ceiling on actual weight is refused without a prescriber’s signed override', async () => {
    // 63.4 mg for 40 kg is 1.59 mg/kg of actual weight: the plan overrode the weight, not the ceiling.
    const refused = await setDose({ weightKg: 40, heightCm: 180 })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().limits).toEqual(['titration-ceiling'])
    expect(refused.json().errors[0]).toMatchObject({
      field: 'override.reason',
      message: expect.stringMatching(/titration ceiling.*1\.59 mg\/kg of actual weight/),
    })
    // Still the 65 kg dose: nothing half-written.
    expect((await desk.nurse.get(sessionUrl)).json().dose.weightKg).toBe(65)

    const nurseId = (await desk.nurse.get('/api/v1/auth/me')).json().user.id
    const byNurse = await setDose({
      weightKg: 40,
      heightCm: 180,
      override: {
        reason: 'I think it is fine to go ahead.',
        signer: { userId: nurseId, password: passwordOf(desk.t, demoEmails.nurse) },
      },
    })
    expect(byNurse.statusCode).toBe(400)
    expect(byNurse.json().errors[0].field).toBe('override.signer.userId')
  })

  it('§2: accepted with a prescriber’s signed override at the tablet; the reason is stored and audited', async () => {
    const reason = 'Weight today after acute illness; prescriber at chairside, monitoring every 5 min.'
    const accepted = await setDose({
      weightKg: 40,
      heightCm: 180,
      override: {
        reason,
        signer: { userId: prescriberId, password: passwordOf(desk.t, demoEmails.prescriber) },
      },
    })
    expect(accepted.statusCode, accepted.body).toBe(200)
    const view = accepted.json()
    expect(view.dose.limits).toMatchObject({
      ceilingMg: 40,
      isAboveCeiling: true,
      limitsExceeded: ['titration-ceiling', 'dosing-weight-above-actual'],
      override: { reason, limits: ['titration-ceiling'], signerName: 'Dr. Priya Raman' },
    })
    expect(view.dose.limits.doseMgPerKgOfActual).toBeCloseTo(1.586, 2)
    expect(view.timeline.some((e: { kind: string }) => e.kind === 'dose-override')).toBe(true)
    const [audit] = await auditOf('sessions.dose-override', view.session.id)
    expect(audit?.detail).toMatchObject({ limits: 'titration-ceiling', reason, signedBy: prescriberId })
  })

  it('§2: ideal weight uses the latest recorded height when none is measured today', async () => {
    // 180 cm was recorded with the earlier dose: ideal 70.5 kg, dosed above actual by the plan's override.
    const response = await setDose({ weightKg: 65 })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().dose.plannedDoseMg).toBeCloseTo(63.44, 1)
  })

  it('issue 12: impossible weights and vials are a 400 naming the field', async () => {
    for (const [field, body] of [
      ['weightKg', { weightKg: 19 }],
      ['weightKg', { weightKg: -70 }],
      ['weightKg', { weightKg: 400 }],
      ['vialMgPerMl', { weightKg: 70, vialMgPerMl: 500 }],
      ['heightCm', { weightKg: 70, heightCm: 30 }],
    ] as const) {
      const response = await setDose(body)
      expect(response.statusCode).toBe(400)
      expect(fieldsRefused(response)).toContain(field)
    }
  })
})
