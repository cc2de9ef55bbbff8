import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patientIdsOf } from '../../../../test/support/clinic-fixture'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../../test/support/test-app'
import { seedSyntheticPopulation } from '../../seed/synthetic'

let t: TestApp
let prescriber: Client
beforeAll(async () => {
  t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })
  await seedSyntheticPopulation(t.ctx, { clinicId: t.clinics.riverside, patients: 400, seed: 3 })
  prescriber = new Client(t)
  await prescriber.signIn(demoEmails.prescriber)
})
afterAll(() => t.close())

/** The same measures recomputed here from the raw rows, independently of the dashboard's SQL. */
async function recompute() {
  const db = t.database.db
  const sessions = await db
    .selectFrom('treatment_session')
    .select(['patient_id', 'dose_started_at', 'discharged_at'])
    .where('clinic_id', '=', t.clinics.riverside)
    .where('state', '=', 'discharged')
    .execute()
  const phq = await db
    .selectFrom('instrument_response')
    .select(['patient_id', 'administered_at', 'total'])
    .where('clinic_id', '=', t.clinics.riverside)
    .where('instrument_id', '=', 'phq9')
    .where('entered_in_error_at', 'is', null)
    .execute()
  const byPatient = new Map<string, { first: number; last: number }>()
  for (const s of sessions) {
    const e = byPatient.get(s.patient_id) ?? { first: Number.POSITIVE_INFINITY, last: 0 }
    e.first = Math.min(e.first, s.dose_started_at!.getTime())
    e.last = Math.max(e.last, s.discharged_at!.getTime())
    byPatient.set(s.patient_id, e)
  }
  const h = 3_600_000
  let measured24 = 0
  let responded24 = 0
  let measuredEnd = 0
  let remittedEnd = 0
  for (const [patientId, { first, last }] of byPatient) {
    const mine = phq
      .filter((r) => r.patient_id === patientId)
      .sort((a, b) => a.administered_at.getTime() - b.administered_at.getTime())
    const baseline = [...mine].reverse().find((r) => r.administered_at.getTime() <= first)
    if (!baseline) continue
    const h24 = mine.find(
      (r) => r.administered_at.getTime() >= first + 12 * h && r.administered_at.getTime() <= first + 48 * h,
    )
    if (h24) {
      measured24++
      if (Number(h24.total) <= Number(baseline.total) / 2) responded24++
    }
    const end = mine.find(
      (r) => r.administered_at.getTime() >= last && r.administered_at.getTime() <= last + 7 * 24 * h,
    )
    if (end) {
      measuredEnd++
      if (Number(end.total) < 5) remittedEnd++
    }
  }
  return { measured24, responded24, measuredEnd, remittedEnd }
}

describe('outcome dashboard', () => {
  it('agrees with an independent count from the raw rows, with 95 % intervals and literature beside', async () => {
    const res = await prescriber.get(`/api/v1/clinics/${t.clinics.riverside}/outcomes`)
    expect(res.statusCode).toBe(200)
    const d = res.json()
    const expected = await recompute()
    expect(d.outcomes['24h'].response).toMatchObject({
      successes: expected.responded24,
      total: expected.measured24,
    })
    expect(d.outcomes['course-end'].remission).toMatchObject({
      successes: expected.remittedEnd,
      total: expected.measuredEnd,
    })
    const r = d.outcomes['24h'].response
    expect(r.lower).toBeLessThan(r.rate)
    expect(r.upper).toBeGreaterThan(r.rate)
    // All treatments mixed: no published figure beside them (issue 14), and the mix is named.
    expect(d.comparison.treatment).toBeNull()
    expect(d.benchmarks).toEqual([])
    expect(d.cohort.byRoute.iv + d.cohort.byRoute.intranasal).toBe(d.cohort.patients)
    expect(d.cohort.byRoute.intranasal).toBeGreaterThan(0)
    expect(d.relapse.responders).toBeGreaterThan(10)
    expect(
      d.adverseEvents.find((e: { term: string; grade: number }) => e.term === 'nausea' && e.grade === 1)
        .per100Sessions,
    ).toBeGreaterThan(15)
    expect(d.bloodPressure.meanSystolicRiseMmHg).toBeGreaterThan(10)
  })

  it('follows a score entered in error after the summary was computed', async () => {
    const url = `/api/v1/clinics/${t.clinics.riverside}/outcomes`
    const before = (await prescriber.get(url)).json()
    const measured = await t.database.db
      .selectFrom('outcome_summary')
      .select(['patient_id', 'last_end'])
      .where('clinic_id', '=', t.clinics.riverside)
      .where('course_end', 'is not', null)
      .where('baseline', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow()
    await t.database.db
      .updateTable('instrument_response')
      .set({ entered_in_error_at: new Date(), error_reason: 'wrong patient' })
      .where('patient_id', '=', measured.patient_id)
      .where('instrument_id', '=', 'phq9')
      .where('administered_at', '>=', measured.last_end!)
      .where('administered_at', '<=', new Date(measured.last_end!.getTime() + 7 * 86_400_000))
      .execute()
    const after = (await prescriber.get(url)).json()
    const expected = await recompute()
    expect(after.outcomes['course-end'].remission.total).toBe(
      before.outcomes['course-end'].remission.total - 1,
    )
    expect(after.outcomes['course-end'].remission).toMatchObject({
      successes: expected.remittedEnd,
      total: expected.measuredEnd,
    })
  })

  it('ends consistent when corrections and dashboard views overlap', async () => {
    const url = `/api/v1/clinics/${t.clinics.riverside}/outcomes`
    const targets = await t.database.db
      .selectFrom('outcome_summary')
      .select(['patient_id', 'first_dose'])
      .where('clinic_id', '=', t.clinics.riverside)
      .where('h24', 'is not', null)
      .limit(6)
      .execute()
    // Each correction removes a patient's 24-hour score while views are being computed.
    const corrections = targets.map((p) =>
      t.database.db
        .updateTable('instrument_response')
        .set({ entered_in_error_at: new Date(), error_reason: 'duplicate entry' })
        .where('patient_id', '=', p.patient_id)
        .where('instrument_id', '=', 'phq9')
        .where('administered_at', '>=', new Date(p.first_dose!.getTime() + 12 * 3_600_000))
        .where('administered_at', '<=', new Date(p.first_dose!.getTime() + 48 * 3_600_000))
        .execute(),
    )
    const views = Array.from({ length: 4 }, () => prescriber.get(url))
    const settled = await Promise.all([...views, ...corrections])
    for (const view of settled.slice(0, 4)) expect((view as { statusCode: number }).statusCode).toBe(200)
    const expected = await recompute()
    expect((await prescriber.get(url)).json().outcomes['24h'].response).toMatchObject({
      successes: expected.responded24,
      total: expected.measured24,
    })
  })
})

describe('outcome dashboard: clinics, cohorts and routes', () => {
  it('adds up every clinic the user may read, each counted once', async () => {
    await seedSyntheticPopulation(t.ctx, { clinicId: t.clinics.hillcrest, patients: 120, seed: 4 })
    const get = async (clinic: string, query = '') =>
      (await prescriber.get(`/api/v1/clinics/${clinic}/outcomes${query}`)).json()
    const riverside = await get(t.clinics.riverside)
    const hillcrest = await get(t.clinics.hillcrest)
    const both = await get(t.clinics.riverside, '?clinics=all')
    expect(both.cohort.clinics.map((c: { id: string }) => c.id).sort()).toEqual(
      [t.clinics.riverside, t.clinics.hillcrest].sort(),
    )
    expect(both.cohort.patients).toBe(riverside.cohort.patients + hillcrest.cohort.patients)
    expect(both.cohort.sessions).toBe(riverside.cohort.sessions + hillcrest.cohort.sessions)
    for (const at of ['24h', '1w', 'course-end']) {
      expect(both.outcomes[at].response.successes).toBe(
        riverside.outcomes[at].response.successes + hillcrest.outcomes[at].response.successes,
      )
      expect(both.outcomes[at].response.total).toBe(
        riverside.outcomes[at].response.total + hillcrest.outcomes[at].response.total,
      )
    }
    expect(both.relapse.responders).toBe(riverside.relapse.responders + hillcrest.relapse.responders)
    const nausea = (d: { adverseEvents: { term: string; grade: number; count: number }[] }) =>
      d.adverseEvents.find((e) => e.term === 'nausea' && e.grade === 1)?.count ?? 0
    expect(nausea(both)).toBe(nausea(riverside) + nausea(hillcrest))
    expect(both.chairUtilisation.bookedHours).toBeCloseTo(
      riverside.chairUtilisation.bookedHours + hillcrest.chairUtilisation.bookedHours,
    )
  })

  it('filters the cohort and is closed to nurses', async () => {
    const all = (await prescriber.get(`/api/v1/clinics/${t.clinics.riverside}/outcomes`)).json()
    const esk = (
      await prescriber.get(`/api/v1/clinics/${t.clinics.riverside}/outcomes?route=intranasal`)
    ).json()
    expect(esk.cohort.patients).toBeLessThan(all.cohort.patients)
    expect(esk.cohort.patients).toBeGreaterThan(0)
    expect(esk.benchmarks.every((b: { treatment: string }) => b.treatment === 'esketamine')).toBe(true)
    const byProtocol = (
      await prescriber.get(`/api/v1/clinics/${t.clinics.riverside}/outcomes?protocol=esketamine-trd`)
    ).json()
    // Every synthetic esketamine patient is on the TRD label protocol.
    expect(byProtocol.cohort.patients).toBe(esk.cohort.patients)
    expect(byProtocol.benchmarks.every((b: { treatment: string }) => b.treatment === 'esketamine')).toBe(true)
    const none = await prescriber.get(
      `/api/v1/clinics/${t.clinics.riverside}/outcomes?protocol=esketamine-suicidal-ideation`,
    )
    expect(none.json().cohort.patients).toBe(0)
    const bad = await prescriber.get(`/api/v1/clinics/${t.clinics.riverside}/outcomes?protocol=DROP%20TABLE`)
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json())).toContain('protocol')
    const nurse = new Client(t)
    await nurse.signIn(demoEmails.nurse)
    expect((await nurse.get(`/api/v1/clinics/${t.clinics.riverside}/outcomes`)).statusCode).toBe(403)
  })

  it('compares like with like: IV figures beside IV patients only, esketamine beside esketamine', async () => {
    const base = `/api/v1/clinics/${t.clinics.riverside}/outcomes`
    const all = (await prescriber.get(base)).json()
    const iv = (await prescriber.get(`${base}?route=iv`)).json()
    const esk = (await prescriber.get(`${base}?route=intranasal`)).json()
    expect(iv.comparison.treatment).toBe('iv-ketamine')
    expect(iv.benchmarks.length).toBeGreaterThan(0)
    expect(iv.benchmarks.every((b: { treatment: string }) => b.treatment === 'iv-ketamine')).toBe(true)
    expect(esk.comparison.treatment).toBe('esketamine')
    expect(esk.benchmarks.some((b: { treatment: string }) => b.treatment === 'iv-ketamine')).toBe(false)
    // The two modalities add up to the mixed cohort, and each split is its own count.
    expect(iv.cohort.patients + esk.cohort.patients).toBe(all.cohort.patients)
    expect(iv.cohort.byRoute).toEqual({ iv: iv.cohort.patients, intranasal: 0 })
    for (const at of ['24h', '1w', 'course-end'] as const)
      expect(iv.outcomes[at].response.total + esk.outcomes[at].response.total).toBe(
        all.outcomes[at].response.total,
      )
  })
})

describe('the patients behind a flagged count', () => {
  const base = () => `/api/v1/clinics/${t.clinics.riverside}/outcomes`

  it('lists exactly the patients each count counted, with the same filter, audited', async () => {
    const iv = (await prescriber.get(`${base()}?route=iv`)).json()
    const cases = [
      ['response-24h', iv.outcomes['24h'].response.successes],
      ['remission-course-end', iv.outcomes['course-end'].remission.successes],
      ['no-response-after-three', iv.noResponseAfterThree.successes],
      ['relapsed', iv.relapse.events],
    ] as const
    for (const [flag, count] of cases) {
      const res = await prescriber.get(`${base()}/patients?route=iv&flag=${flag}`)
      expect(res.statusCode, res.body).toBe(200)
      const { patients } = res.json()
      expect(patients, flag).toHaveLength(count)
      expect(patients.every((p: { route: string }) => p.route === 'iv')).toBe(true)
    }
    const listed = (await prescriber.get(`${base()}/patients?route=iv&flag=response-24h`)).json().patients
    const event = await t.database.db
      .selectFrom('audit_event')
      .select('detail')
      .where('action', '=', 'outcomes.patients')
      .where('clinic_id', '=', t.clinics.riverside)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect((event.detail as { patientIds: string[] }).patientIds).toEqual(
      listed.map((p: { id: string }) => p.id),
    )
  })

  it('names patients only to roles that read both reports and charts; refuses an unknown flag', async () => {
    const admin = new Client(t)
    await admin.signIn(demoEmails.admin)
    expect((await admin.get(`${base()}/patients?flag=relapsed`)).statusCode).toBe(403)
    const nurse = new Client(t)
    await nurse.signIn(demoEmails.nurse)
    expect((await nurse.get(`${base()}/patients?flag=relapsed`)).statusCode).toBe(403)
    const bad = await prescriber.get(`${base()}/patients?flag=everyone`)
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json())).toContain('flag')
    const other = await prescriber.get(
      `/api/v1/clinics/${t.clinics.hillcrest}/outcomes/patients?flag=relapsed`,
    )
    expect(other.statusCode).toBe(200)
    const riversideIds = await patientIdsOf(t, t.clinics.riverside)
    for (const p of other.json().patients) expect(riversideIds.has(p.id)).toBe(false)
  })
})
