import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookSessionNow, sessionDriver } from '../../../../test/support/chair-side'
import { patientIdByMrn, startNursePrescriberDesk } from '../../../../test/support/clinic-fixture'
import { type Client, demoEmails, passwordOf, type TestApp } from '../../../../test/support/test-app'

// §3 ✅ pre-dose cautions (esketamine label 5.6, 7.1–7.3): asked at intake, acknowledged by the
// prescriber with the eligibility signature and again before each dose; warnings, never blocks.

let t: TestApp
let nurse: Client
let prescriber: Client
let frontDesk: Client
const url = () => `/api/v1/clinics/${t.clinics.riverside}`
const patientByMrn = (mrn: string) => patientIdByMrn(frontDesk, t.clinics.riverside, mrn)

/** Re-saves the patient's screening with these caution answers set to yes. */
async function answerYes(patientId: string, ids: string[]) {
  const { screening } = (await nurse.get(`${url()}/patients/${patientId}/history`)).json()
  const res = await nurse.request('PUT', `${url()}/patients/${patientId}/screening`, {
    contraindicationAnswers: {
      ...screening.contraindicationAnswers,
      ...Object.fromEntries(ids.map((id) => [id, true])),
    },
    episodeDurationMonths: screening.episodeDurationMonths,
    severity: screening.severity,
    ect: screening.ect,
    version: screening.version,
  })
  expect(res.statusCode).toBe(200)
  return res.json()
}

beforeAll(async () => {
  ;({ t, nurse, frontDesk, prescriber } = await startNursePrescriberDesk())
})
afterAll(() => t.close())

describe('pre-dose cautions (clinical-reference §3, label 5.6, 7.1–7.3)', () => {
  it('eligibility approval must carry the prescriber’s acknowledgement of the cautions', async () => {
    const luis = await patientByMrn('RK-2024-0125')
    const history = await answerYes(luis, ['cns-depressants'])
    expect(history.contraindications).toMatchObject({ hasAbsolute: false, hasRelative: false })
    expect(history.contraindications.cautions.map((c: { id: string }) => c.id)).toEqual(['cns-depressants'])
    const decisions = `${url()}/patients/${luis}/eligibility-decisions`
    const body = {
      decision: 'approve',
      reason: 'Meets TRD; benzodiazepine at night discussed.',
      password: passwordOf(t, demoEmails.prescriber),
    }
    const refused = await prescriber.post(decisions, body)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors[0].field).toBe('cautionsAcknowledged')
    const signed = await prescriber.post(decisions, { ...body, cautionsAcknowledged: true })
    expect(signed.statusCode).toBe(201)
    expect(signed.json().acknowledgedCautions).toEqual(['cns-depressants'])
    // No override reason was needed: a caution is not a contraindication.
    expect(signed.json().overrideReason).toBeNull()
  })

  it('a pre-check waits for the prescriber to acknowledge the cautions before each dose', async () => {
    const marcus = await patientByMrn('RK-2024-0118')
    await answerYes(marcus, ['current-maoi', 'hypertensive-encephalopathy-history'])
    const chairs = (await nurse.get(`${url()}/chairs`)).json()
    const { url: s } = await bookSessionNow(t, frontDesk, marcus, chairs[0].id)
    const step = (event: string) => sessionDriver(nurse, s).step(nurse, event)
    const tooEarly = await prescriber.post(`${s}/cautions-ack`, {})
    expect(tooEarly.statusCode).toBe(409)
    await step('check-in')
    await step('start-pre-checks')
    let view = (await nurse.get(s)).json()
    const item = () => view.preChecks.items.find((i: { id: string }) => i.id === 'cautions')
    expect(item()).toMatchObject({
      status: 'pending',
      detail: expect.stringMatching(/Prescriber to acknowledge/),
    })
    expect(view.preChecks.cautions.items.map((c: { id: string }) => c.id)).toEqual([
      'hypertensive-encephalopathy-history',
      'current-maoi',
    ])
    expect(view.preChecks.status).not.toBe('passed')
    expect((await nurse.post(`${s}/cautions-ack`, {})).statusCode).toBe(403)
    view = (await prescriber.post(`${s}/cautions-ack`, {})).json()
    expect(item()).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(/Acknowledged by Dr. Priya Raman/),
    })
    expect(view.preChecks.cautions.acknowledged).toMatchObject({ by: 'Dr. Priya Raman' })
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select('detail')
      .where('action', '=', 'sessions.cautions-ack')
      .where('outcome', '=', 'success')
      .execute()
    expect(audited).toHaveLength(1)
    expect(audited[0]!.detail).toMatchObject({
      patientId: marcus,
      cautions: 'hypertensive-encephalopathy-history,current-maoi',
    })
  })

  it('a patient with no cautions passes that pre-check without an acknowledgement', async () => {
    const grace = await patientByMrn('RK-2024-0112')
    const chairs = (await nurse.get(`${url()}/chairs`)).json()
    const booked = await frontDesk.post(`${url()}/sessions`, {
      patientId: grace,
      chairId: chairs[1].id,
      scheduledAt: t.clock.now().toISOString(),
    })
    const s = `${url()}/sessions/${booked.json().session.id}`
    const v = (await nurse.get(s)).json()
    expect(v.preChecks.items.find((i: { id: string }) => i.id === 'cautions')).toMatchObject({
      status: 'pass',
      detail: 'None on the intake screen',
    })
  })
})
