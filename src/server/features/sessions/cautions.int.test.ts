import { describe, expect, it } from 'vitest'
import { auditEvents } from '../../../../test/support/audit-events'
import { bookSessionNow, sessionDriver } from '../../../../test/support/chair-side'
import { chairSideDesk } from '../../../../test/support/chair-side-desk'
import { demoEmails, passwordOf } from '../../../../test/support/test-app'

// §3 ✅ pre-dose cautions (esketamine label 5.6, 7.1–7.3): asked at intake, acknowledged by the
// prescriber with the eligibility signature and again before each dose; warnings, never blocks.

const desk = chairSideDesk()

/** Re-saves the patient's screening with these caution answers set to yes. */
async function answerYes(patientId: string, ids: string[]) {
  const { screening } = (await desk.nurse.get(`${desk.clinicUrl}/patients/${patientId}/history`)).json()
  const res = await desk.nurse.request('PUT', `${desk.clinicUrl}/patients/${patientId}/screening`, {
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

describe('pre-dose cautions (clinical-reference §3, label 5.6, 7.1–7.3)', () => {
  it('eligibility approval must carry the prescriber’s acknowledgement of the cautions', async () => {
    const luis = await desk.patientIdByMrn('RK-2024-0125')
    const history = await answerYes(luis, ['cns-depressants'])
    expect(history.contraindications).toMatchObject({ hasAbsolute: false, hasRelative: false })
    expect(history.contraindications.cautions.map((c: { id: string }) => c.id)).toEqual(['cns-depressants'])
    const decisions = `${desk.clinicUrl}/patients/${luis}/eligibility-decisions`
    const body = {
      decision: 'approve',
      reason: 'Meets TRD; benzodiazepine at night discussed.',
      password: passwordOf(desk.t, demoEmails.prescriber),
    }
    const refused = await desk.prescriber.post(decisions, body)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().errors[0].field).toBe('cautionsAcknowledged')
    const signed = await desk.prescriber.post(decisions, { ...body, cautionsAcknowledged: true })
    expect(signed.statusCode).toBe(201)
    expect(signed.json().acknowledgedCautions).toEqual(['cns-depressants'])
    // No override reason was needed: a caution is not a contraindication.
    expect(signed.json().overrideReason).toBeNull()
  })

  it('a pre-check waits for the prescriber to acknowledge the cautions before each dose', async () => {
    const marcus = await desk.patientIdByMrn('RK-2024-0118')
    await answerYes(marcus, ['current-maoi', 'hypertensive-encephalopathy-history'])
    const { url: s } = await bookSessionNow(desk.t, desk.frontDesk, marcus, desk.chairs[0]!.id)
    const step = (event: string) => sessionDriver(desk.nurse, s).step(desk.nurse, event)
    const tooEarly = await desk.prescriber.post(`${s}/cautions-ack`, {})
    expect(tooEarly.statusCode).toBe(409)
    await step('check-in')
    await step('start-pre-checks')
    let view = (await desk.nurse.get(s)).json()
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
    expect((await desk.nurse.post(`${s}/cautions-ack`, {})).statusCode).toBe(403)
    view = (await desk.prescriber.post(`${s}/cautions-ack`, {})).json()
    expect(item()).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(/Acknowledged by Dr. Priya Raman/),
    })
    expect(view.preChecks.cautions.acknowledged).toMatchObject({ by: 'Dr. Priya Raman' })
    const audited = await auditEvents(desk.t, { action: 'sessions.cautions-ack', outcome: 'success' })
    expect(audited).toHaveLength(1)
    expect(audited[0]!.detail).toMatchObject({
      patientId: marcus,
      cautions: 'hypertensive-encephalopathy-history,current-maoi',
    })
  })

  it('a patient with no cautions passes that pre-check without an acknowledgement', async () => {
    const grace = await desk.patientIdByMrn('RK-2024-0112')
    const booked = await desk.book(desk.frontDesk, grace, { chair: 1 })
    const s = `${desk.clinicUrl}/sessions/${booked.json().session.id}`
    const v = (await desk.nurse.get(s)).json()
    expect(v.preChecks.items.find((i: { id: string }) => i.id === 'cautions')).toMatchObject({
      status: 'pass',
      detail: 'None on the intake screen',
    })
  })
})
