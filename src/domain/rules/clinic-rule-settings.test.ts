import { describe, expect, it } from 'vitest'
import {
  applySettingsPatch,
  defaultClinicRuleSettings,
  diffClinicRuleSettings,
  mergeClinicRuleSettings,
  overridesOf,
} from './clinic-rule-settings'
import { findSettingErrors } from './validate-settings'

describe('clinic rule settings', () => {
  it('merges stored overrides over the defaults, keeping only known fields of the right type', () => {
    const merged = mergeClinicRuleSettings({
      vitals: { spo2BelowPercent: 90, singleBpAbove: { systolicMmHg: 190 }, bogus: 1 },
      dose: { titrationCeilingMgPerKg: 'high' },
      mfaRequiredRoles: ['admin'],
    })
    expect(merged.vitals.spo2BelowPercent).toBe(90)
    expect(merged.vitals.singleBpAbove).toEqual({ systolicMmHg: 190, diastolicMmHg: 120 })
    expect(merged.dose.titrationCeilingMgPerKg).toBe(1)
    expect(merged).not.toHaveProperty('mfaRequiredRoles')
    expect(mergeClinicRuleSettings(undefined)).toEqual(defaultClinicRuleSettings)
  })

  it('stores only what differs from the defaults, and diffs old against new per field', () => {
    const { values, unknownFields } = applySettingsPatch(defaultClinicRuleSettings, {
      vitals: { spo2BelowPercent: 90, moaasAtOrBelow: 2 },
      spacing: { schedulingSlackHours: 0 },
    })
    expect(unknownFields).toEqual([])
    expect(overridesOf(values)).toEqual({
      vitals: { spo2BelowPercent: 90 },
      spacing: { schedulingSlackHours: 0 },
    })
    expect(diffClinicRuleSettings(defaultClinicRuleSettings, values)).toEqual([
      { field: 'vitals.spo2BelowPercent', from: 92, to: 90 },
      { field: 'spacing.schedulingSlackHours', from: 12, to: 0 },
    ])
    expect(defaultClinicRuleSettings.vitals.spo2BelowPercent).toBe(92)
  })

  it('reports unknown fields instead of ignoring them', () => {
    const { unknownFields } = applySettingsPatch(defaultClinicRuleSettings, { vitals: { spo2Below: 90 } })
    expect(unknownFields).toEqual(['vitals.spo2Below'])
  })

  it('finds every invalid value by its field', () => {
    const { values } = applySettingsPatch(defaultClinicRuleSettings, {
      vitals: { spo2BelowPercent: 150, heartRateAbove: { bpm: 120.5 } },
      ledger: { wasteWitnessRequired: 'yes' },
      trd: { minAdequateWeeks: 3 },
    })
    expect(findSettingErrors(values).map((e) => e.field)).toEqual([
      'vitals.heartRateAbove.bpm',
      'vitals.spo2BelowPercent',
      'trd.minAdequateWeeks',
      'ledger.wasteWitnessRequired',
    ])
    expect(findSettingErrors(defaultClinicRuleSettings)).toEqual([])
  })

  it('§3: the esketamine observation can be lengthened but never set below 2 hours', () => {
    const shorter = applySettingsPatch(defaultClinicRuleSettings, {
      discharge: { esketamineMinObservationMin: 90 },
    })
    expect(findSettingErrors(shorter.values)).toEqual([
      {
        field: 'discharge.esketamineMinObservationMin',
        message: 'must be from 120 to 480 min from the first device',
      },
    ])
  })

  it('§2: the do-not-start BP may not be set below the defer BP', () => {
    const { values } = applySettingsPatch(defaultClinicRuleSettings, {
      vitals: { preDoseNoStartAbove: { systolicMmHg: 130 } },
    })
    expect(findSettingErrors(values)).toEqual([
      {
        field: 'vitals.preDoseNoStartAbove.systolicMmHg',
        message: 'must not be below vitals.preDoseDeferAbove.systolicMmHg (140)',
      },
    ])
  })
})
