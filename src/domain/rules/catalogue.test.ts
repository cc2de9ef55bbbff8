import { describe, expect, it } from 'vitest'
import { buildRuleCatalogue } from './catalogue'
import { defaultClinicRuleSettings, mergeClinicRuleSettings, settingPaths } from './clinic-rule-settings'
import { ruleCategories, ruleDefinitions } from './rule-definitions'

describe('rule catalogue', () => {
  const catalogue = buildRuleCatalogue()

  it('lists every clinic setting default in exactly one rule, with its default value', () => {
    const listed = catalogue.flatMap((r) => r.parameters.map((p) => p.field))
    expect([...listed].sort()).toEqual([...settingPaths].sort())
    const spo2 = catalogue.find((r) => r.id === 'vitals.spo2-below')!
    expect(spo2.parameters).toEqual([
      expect.objectContaining({
        field: 'vitals.spo2BelowPercent',
        defaultValue: 92,
        currentValue: 92,
        unit: '%',
      }),
    ])
  })

  it('gives every rule a unique stable id in its own category', () => {
    const ids = catalogue.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of catalogue) {
      expect(rule.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/)
      expect(rule.id.startsWith(`${rule.category}.`)).toBe(true)
      expect(ruleCategories).toContain(rule.category)
    }
  })

  it('cites a clinical-reference § and a verification mark for every rule', () => {
    for (const rule of ruleDefinitions) {
      expect(rule.section, rule.id).toMatch(/^§\d+(, §\d+)*$/)
      expect(['✅', '🔶', '⚠️']).toContain(rule.mark)
      expect(Boolean(rule.settings) !== Boolean(rule.fixed), `${rule.id}: setting or fixed, not both`).toBe(
        true,
      )
    }
  })

  it('marks the ⚠️ setting rules as unverified defaults (§2 thresholds) and the REMS stop as fixed (§3)', () => {
    expect(catalogue.find((r) => r.id === 'vitals.bp-single')).toMatchObject({
      isUnverifiedDefault: true,
      kind: 'setting',
    })
    expect(catalogue.find((r) => r.id === 'discharge.esketamine-observation')).toMatchObject({
      mark: '✅',
      isUnverifiedDefault: false,
    })
    expect(catalogue.find((r) => r.id === 'rems.enrolment-hard-stop')).toMatchObject({
      kind: 'fixed',
      parameters: [],
      source: { section: '§3' },
    })
    // §4: every suicidal-ideation item is a clinic setting (PHQ-9 ✅, the others 🔶).
    expect(catalogue.find((r) => r.id === 'instruments.phq9-item9')).toMatchObject({
      kind: 'setting',
      mark: '✅',
      isUnverifiedDefault: false,
    })
    expect(catalogue.find((r) => r.id === 'instruments.qids-item12')).toMatchObject({
      kind: 'setting',
      mark: '🔶',
    })
  })

  it("shows a clinic's value beside the default", () => {
    const clinic = mergeClinicRuleSettings({ vitals: { spo2BelowPercent: 90 } })
    const spo2 = buildRuleCatalogue(clinic).find((r) => r.id === 'vitals.spo2-below')!.parameters[0]!
    expect(spo2).toMatchObject({ defaultValue: 92, currentValue: 90, isChanged: true })
    expect(defaultClinicRuleSettings.vitals.spo2BelowPercent).toBe(92)
  })
})
