import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoClinic } from '../../../../test/support/clinic-fixture'
import { type Client, demoEmails, type TestApp } from '../../../../test/support/test-app'

let t: TestApp
let admin: Client
let nurse: Client
let frontDesk: Client
const url = () => `/api/v1/clinics/${t.clinics.riverside}`
const put = (c: Client, body: unknown) => c.request('PUT', `${url()}/settings`, body)
const currentVersion = async () => (await admin.get(`${url()}/settings`)).json().version as number

beforeAll(async () => {
  // Today's demo board: one IV session dosing (SpO2 97 %), one in monitoring, discharged ones.
  ;({
    t,
    clients: { admin, nurse, frontDesk },
  } = await startDemoClinic({
    env: { KETACARE_SESSION_IDLE_MIN: '240' },
    roles: ['admin', 'nurse', 'frontDesk'],
    withSessions: true,
  }))
})
afterAll(() => t.close())

async function dosingSessionUrl(): Promise<string> {
  const row = await t.database.db
    .selectFrom('treatment_session')
    .select('id')
    .where('clinic_id', '=', t.clinics.riverside)
    .where('state', '=', 'dosing')
    .executeTakeFirstOrThrow()
  return `${url()}/sessions/${row.id}`
}

describe('clinic settings API (issue 12 point 10)', () => {
  it('lets an administrator read the settings, with the clinical-reference defaults', async () => {
    const res = await admin.get(`${url()}/settings`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.version).toBeGreaterThanOrEqual(1)
    expect(body.values.vitals.spo2BelowPercent).toBe(92)
    expect(body.defaults.discharge.esketamineMinObservationMin).toBe(120)
    expect(body.values.spacing).toEqual({ schedulingSlackHours: 12 })
  })

  it('documents the settings in the OpenAPI description, built from the domain lists', async () => {
    const doc = (await admin.get('/openapi.json')).json()
    const put = doc.paths['/api/v1/clinics/{clinicId}/settings'].put
    const body = put.requestBody.content['application/json'].schema
    expect(body.properties.vitals.properties.spo2BelowPercent).toMatchObject({ minimum: 80, maximum: 100 })
    expect(doc.paths['/api/v1/clinics/{clinicId}/rules'].get).toBeDefined()
  })

  it('refuses members who are not administrators (403), and lets any member read the rule catalogue', async () => {
    expect((await nurse.get(`${url()}/settings`)).statusCode).toBe(403)
    const version = await currentVersion()
    const refused = await put(nurse, { version, vitals: { spo2BelowPercent: 90 } })
    expect(refused.statusCode).toBe(403)
    expect((await admin.get(`${url()}/settings`)).json().values.vitals.spo2BelowPercent).toBe(92)
    const rules = await nurse.get(`${url()}/rules`)
    expect(rules.statusCode).toBe(200)
    expect(rules.json().rules.find((r: { id: string }) => r.id === 'vitals.spo2-below')).toMatchObject({
      mark: '⚠️',
      isUnverifiedDefault: true,
      parameters: [{ field: 'vitals.spo2BelowPercent', defaultValue: 92, currentValue: 92 }],
    })
  })

  it('answers 400 naming the field for a bad or unknown value, and changes nothing', async () => {
    const version = await currentVersion()
    const outOfRange = await put(admin, { version, vitals: { spo2BelowPercent: 150 } })
    expect(outOfRange.statusCode).toBe(400)
    expect(outOfRange.json().errors).toEqual([expect.objectContaining({ field: 'vitals.spo2BelowPercent' })])
    const wrongType = await put(admin, { version, dose: { titrationCeilingMgPerKg: 'lots' } })
    expect(wrongType.json().errors[0].field).toBe('dose.titrationCeilingMgPerKg')
    const unknown = await put(admin, { version, vitals: { spo2Below: 90 } })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors).toEqual([{ field: 'vitals.spo2Below', message: 'is not a clinic setting' }])
    // §3 ✅: the esketamine observation may be lengthened, never shortened below 2 hours.
    const shorter = await put(admin, { version, discharge: { esketamineMinObservationMin: 60 } })
    expect(shorter.statusCode).toBe(400)
    expect(shorter.json().errors[0].field).toBe('discharge.esketamineMinObservationMin')
    const crossed = await put(admin, { version, vitals: { preDoseNoStartAbove: { systolicMmHg: 130 } } })
    expect(crossed.json().errors[0].field).toBe('vitals.preDoseNoStartAbove.systolicMmHg')
    expect(await currentVersion()).toBe(version)
  })
})

describe('clinic settings API: a change takes effect', () => {
  it('§2: a changed SpO2 threshold changes the chair-side alert on a session, audited with old and new value', async () => {
    const sessionUrl = await dosingSessionUrl()
    const codes = async () =>
      ((await nurse.get(sessionUrl)).json().alerts as { code: string }[]).map((a) => a.code)
    expect(await codes()).not.toContain('spo2-low')

    const version = await currentVersion()
    const saved = await put(admin, { version, vitals: { spo2BelowPercent: 98 } })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ version: version + 1, values: { vitals: { spo2BelowPercent: 98 } } })
    expect(await codes()).toContain('spo2-low')
    const alert = (await nurse.get(sessionUrl))
      .json()
      .alerts.find((a: { code: string }) => a.code === 'spo2-low')
    expect(alert.message).toMatch(/below 98 %/)

    // Recording a vital sign (the lean hot path) applies the clinic's threshold too.
    const recorded = await nurse.post(`${sessionUrl}/vitals`, {
      context: 'intra',
      spo2Percent: 97,
      heartRateBpm: 80,
    })
    expect(recorded.json().openAlerts.map((a: { code: string }) => a.code)).toContain('spo2-low')

    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['detail', 'actor_email'])
      .where('clinic_id', '=', t.clinics.riverside)
      .where('action', '=', 'clinic.settings.update')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.actor_email).toBe(demoEmails.admin)
    expect(audit.detail).toMatchObject({ changes: [{ field: 'vitals.spo2BelowPercent', from: 92, to: 98 }] })

    // The clinic stores only what differs from the defaults, and keeps its other settings.
    const stored = await t.database.db
      .selectFrom('clinic')
      .select('settings')
      .where('id', '=', t.clinics.riverside)
      .executeTakeFirstOrThrow()
    expect(stored.settings).toMatchObject({
      vitals: { spo2BelowPercent: 98 },
      mfaRequiredRoles: ['admin', 'prescriber'],
    })

    // Back to the default: nothing of the vitals group is stored any more, and the alert goes.
    const reset = await put(admin, { version: version + 1, vitals: { spo2BelowPercent: 92 } })
    expect(reset.statusCode).toBe(200)
    expect(await codes()).not.toContain('spo2-low')
  })
})

describe('clinic settings API: stale saves, spacing and summaries', () => {
  it('refuses a stale save with 409, so a second administrator cannot overwrite unseen', async () => {
    const version = await currentVersion()
    expect((await put(admin, { version, discharge: { ivMinObservationMin: 45 } })).statusCode).toBe(200)
    const staleSave = await put(admin, { version, discharge: { ivMinObservationMin: 60 } })
    expect(staleSave.statusCode).toBe(409)
    expect(staleSave.json()).toMatchObject({ code: 'stale-version', currentVersion: version + 1 })
    expect((await admin.get(`${url()}/settings`)).json().values.discharge.ivMinObservationMin).toBe(45)
  })

  it('a changed spacing default changes booking (a session 30 h after another)', async () => {
    const patientId = (
      await t.database.db
        .selectFrom('treatment_session')
        .select('patient_id')
        .where('clinic_id', '=', t.clinics.riverside)
        .where('state', '=', 'dosing')
        .executeTakeFirstOrThrow()
    ).patient_id
    const chairs = (await nurse.get(`${url()}/chairs`)).json() as { id: string }[]
    const book = () =>
      frontDesk.post(`${url()}/sessions`, {
        patientId,
        chairId: chairs[0]!.id,
        scheduledAt: new Date(t.clock.now().getTime() + 30 * 3_600_000).toISOString(),
      })
    const refused = await book()
    expect(refused.statusCode).toBe(409)
    expect(refused.json().minimumHours).toBe(36)
    const version = await currentVersion()
    expect((await put(admin, { version, spacing: { schedulingSlackHours: 24 } })).statusCode).toBe(200)
    expect((await book()).statusCode).toBe(201)
  })

  it('marks the outcome summaries stale when the BP threshold they count excursions with changes', async () => {
    expect((await admin.get(`${url()}/outcomes`)).statusCode).toBe(200)
    const riversideRows = async (table: 'outcome_stale' | 'outcome_summary') =>
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('clinic_id', '=', t.clinics.riverside)
          .executeTakeFirstOrThrow()
      ).n
    const staleCount = () => riversideRows('outcome_stale')
    const summarised = await riversideRows('outcome_summary')
    expect(Number(summarised)).toBeGreaterThan(0)
    expect(Number(await staleCount())).toBe(0)
    let version = await currentVersion()
    await put(admin, { version, vitals: { moaasAtOrBelow: 1 } })
    expect(Number(await staleCount())).toBe(0)
    version = await currentVersion()
    const saved = await put(admin, { version, vitals: { sustainedBpAbove: { systolicMmHg: 170 } } })
    expect(saved.statusCode).toBe(200)
    expect(await staleCount()).toBe(summarised)
  })
})
