import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../../../test/support/test-app'
import { seedDemoClinicalData } from '../../seed/demo'
import { type ExportRecordType, exportDeidentified } from './export'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
  await seedDemoClinicalData(t.ctx, t.demo)
})
afterAll(() => t.close())

async function runExport(salt: string) {
  const records: { type: ExportRecordType; record: Record<string, unknown> }[] = []
  const progress: number[] = []
  const counts = await exportDeidentified(t.ctx, {
    secret: { salt, maxShiftDays: 180 },
    sink: { write: (type, record) => void records.push({ type, record }) },
    onProgress: (p) => progress.push(p.patientsDone),
  })
  return { records, counts, progress }
}

describe('de-identified research export', () => {
  it('includes only patients whose consent permits research use', async () => {
    const { counts, progress } = await runExport('salt-1')
    const consenting = await t.database.db
      .selectFrom('consent')
      .select('patient_id')
      .where('research_use', '=', true)
      .where('withdrawn_at', 'is', null)
      .distinct()
      .execute()
    expect(counts.patient).toBe(consenting.length)
    expect(counts.patient).toBeGreaterThan(0)
    expect(counts.session).toBeGreaterThan(0)
    expect(progress.at(-1)).toBe(consenting.length)
  })

  it('carries no direct identifier of any patient, session or record', async () => {
    const { records } = await runExport('salt-2')
    const patients = await t.database.db.selectFrom('patient').selectAll().execute()
    const sessions = await t.database.db.selectFrom('treatment_session').select('id').execute()
    const identifiers = [
      ...patients.flatMap((p) => [
        p.id,
        p.mrn,
        p.given_name,
        p.family_name,
        p.date_of_birth,
        p.email,
        p.phone,
        p.address,
        p.escort_name,
        p.escort_phone,
        p.emergency_contact_name,
        p.emergency_contact_phone,
      ]),
      ...sessions.map((s) => s.id),
    ].filter((x): x is string => typeof x === 'string' && x.length > 0)
    const values = records
      .flatMap(({ record }) => Object.values(record))
      .filter((v): v is string => typeof v === 'string')
    for (const value of values) {
      const lower = value.toLowerCase()
      for (const id of identifiers) {
        const needle = id.toLowerCase()
        // Short identifiers (a first name) are compared whole; long ones also as substrings.
        if (needle.length >= 6 ? lower.includes(needle) : lower === needle)
          throw new Error(`export value "${value}" carries the identifier "${id}"`)
      }
    }
  })

  it('shifts each patient’s dates by one amount, so intervals stay true, and differs between exports', async () => {
    const a = await runExport('salt-3')
    const b = await runExport('salt-4')
    const sessionsA = a.records.filter(
      (r) => r.type === 'session' && r.record.dischargedAt && r.record.doseStartedAt,
    )
    expect(sessionsA.length).toBeGreaterThan(0)
    const source = await t.database.db
      .selectFrom('treatment_session')
      .select(['dose_started_at', 'discharged_at'])
      .where('state', '=', 'discharged')
      .execute()
    const sourceIntervals = new Set(
      source.map((s) => s.discharged_at!.getTime() - s.dose_started_at!.getTime()),
    )
    for (const { record } of sessionsA) {
      expect(
        sourceIntervals.has(
          Date.parse(record.dischargedAt as string) - Date.parse(record.doseStartedAt as string),
        ),
      ).toBe(true)
    }
    const idsA = new Set(a.records.filter((r) => r.type === 'patient').map((r) => r.record.researchId))
    expect(b.records.filter((r) => r.type === 'patient').some((r) => idsA.has(r.record.researchId))).toBe(
      false,
    )
  })
})
