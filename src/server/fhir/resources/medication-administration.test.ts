import { describe, expect, it } from 'vitest'
import {
  type AdministrationRow,
  type DeliveryMark,
  toMedicationAdministration,
} from './medication-administration'

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute))
const mark = (minute: number, action: string): DeliveryMark => ({ kind: 'infusion', at: at(minute), action })

const ivRow = (over: Partial<AdministrationRow> = {}): AdministrationRow => ({
  id: '01a20d1a-f440-7f58-a34e-2fd5868991ce',
  patient_id: '01a21c3b-a280-7e1e-9328-ae09075d9533',
  route: 'iv',
  planned_dose_mg: '40',
  infusion_min: '40',
  supervising_prescriber_id: null,
  primary_nurse_id: null,
  dose_checked_by: null,
  dose_started_at: null,
  dose_ended_at: null,
  updated_at: at(0),
  version: 3,
  status: 'completed',
  changes: 2,
  lastUpdated: at(50),
  firstEventAt: at(0),
  ...over,
})

describe('an infusion from its pump record', () => {
  it('a pump that ran 10 min, paused 5, then ran to completion gave the planned dose over 45 min', () => {
    const a = toMedicationAdministration(
      ivRow(),
      [mark(0, 'start'), mark(10, 'pause'), mark(15, 'resume')],
      [],
    )
    expect(a.dosage!.dose!.value).toBe(40)
    expect(a.dosage!.rateQuantity).toMatchObject({ value: 1, code: 'mg/min' })
    expect(a.effectivePeriod).toEqual({ start: at(0).toISOString(), end: at(45).toISOString() })
    expect(a.meta!.versionId).toBe('5')
  })

  it('stopped after 7 minutes: 7 mg given, stopped at the stop mark', () => {
    const a = toMedicationAdministration(
      ivRow({ status: 'stopped' }),
      [mark(0, 'start'), mark(7, 'stop')],
      [],
    )
    expect(a.dosage!.dose!.value).toBe(7)
    expect(a.effectivePeriod!.end).toBe(at(7).toISOString())
    expect(a.dosage!.text).toBe('IV ketamine infusion')
  })

  it('in progress: no end, and the dose is the planned dose (said so)', () => {
    const a = toMedicationAdministration(ivRow({ status: 'in-progress' }), [mark(0, 'start')], [])
    expect(a.effectivePeriod).toEqual({ start: at(0).toISOString() })
    expect(a.dosage!.dose!.value).toBe(40)
    expect(a.dosage!.text).toContain('planned dose')
  })

  it('marks that no longer make a sequence (a pause marked in error) fall back to the columns', () => {
    const row = ivRow({ dose_started_at: at(0), dose_ended_at: at(40) })
    const a = toMedicationAdministration(row, [mark(0, 'start'), mark(15, 'resume')], [])
    expect(a.dosage!.dose!.value).toBe(40)
    expect(a.effectivePeriod).toEqual({ start: at(0).toISOString(), end: at(40).toISOString() })
  })

  it('one lot is the Medication; several are named alongside the drug', () => {
    const one = toMedicationAdministration(ivRow(), [mark(0, 'start')], [{ id: 'a' }])
    expect(one.medicationReference).toEqual({ reference: 'Medication/a' })
    const two = toMedicationAdministration(ivRow(), [mark(0, 'start')], [{ id: 'a' }, { id: 'b' }])
    expect(two.medicationCodeableConcept!.coding![0]!.code).toBe('6130')
    expect(two.supportingInformation).toEqual([{ reference: 'Medication/a' }, { reference: 'Medication/b' }])
  })
})

describe('esketamine devices', () => {
  const row = ivRow({ route: 'intranasal', planned_dose_mg: '84', infusion_min: null })
  const device = (minute: number): DeliveryMark => ({ kind: 'device', at: at(minute), action: null })

  it('28 mg per device given, from the first device to the last, by the nasal route', () => {
    const a = toMedicationAdministration(row, [device(0), device(5)], [])
    expect(a.dosage!.dose!.value).toBe(56)
    expect(a.dosage!.rateQuantity).toBeUndefined()
    expect(a.dosage!.route!.coding![0]!.code).toBe('46713006')
    expect(a.medicationCodeableConcept!.coding![0]!.code).toBe('2201623')
    expect(a.effectivePeriod).toEqual({ start: at(0).toISOString(), end: at(5).toISOString() })
  })

  it('a synthetic session (no events) is its columns; a record marked in error keeps its time', () => {
    const synthetic = toMedicationAdministration(
      { ...row, dose_started_at: at(0), dose_ended_at: at(10) },
      [],
      [],
    )
    expect(synthetic.dosage!.dose!.value).toBe(84)
    const marked = toMedicationAdministration(
      { ...row, status: 'entered-in-error', firstEventAt: at(3) },
      [],
      [],
    )
    expect(marked).toMatchObject({
      status: 'entered-in-error',
      effectivePeriod: { start: at(3).toISOString() },
    })
  })
})
