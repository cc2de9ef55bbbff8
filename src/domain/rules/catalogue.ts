import {
  type ClinicRuleSettings,
  defaultClinicRuleSettings,
  readSetting,
  type SettingPath,
  type SettingValue,
} from './clinic-rule-settings'
import { type RuleCategory, ruleDefinitions, type VerificationMark } from './rule-definitions'
import { settingParameters } from './setting-parameters'

export interface CatalogueParameter {
  field: SettingPath
  label: string
  /** Empty for a yes/no setting. */
  unit: string
  defaultValue: SettingValue
  currentValue: SettingValue
  /** The clinic's value differs from the default. */
  isChanged: boolean
}

export interface CatalogueRule {
  id: string
  category: RuleCategory
  title: string
  source: { section: string; publication: string | null }
  mark: VerificationMark
  /** A ⚠️ setting: shown as "unverified default" wherever its value is shown. */
  isUnverifiedDefault: boolean
  kind: 'setting' | 'fixed'
  parameters: CatalogueParameter[]
  /** A fixed rule's value and unit (the same for every clinic); null for a setting rule. */
  fixed: { value: string; unit: string } | null
}

/**
 * The rule catalogue (issue 12): every clinical rule with its source, mark, default and the
 * clinic's current value. Setting values are read from the domain defaults and the clinic's
 * settings, so the catalogue cannot disagree with what the rules apply.
 */
export function buildRuleCatalogue(current: ClinicRuleSettings = defaultClinicRuleSettings): CatalogueRule[] {
  return ruleDefinitions.map((rule) => ({
    id: rule.id,
    category: rule.category,
    title: rule.title,
    source: { section: rule.section, publication: rule.publication },
    mark: rule.mark,
    isUnverifiedDefault: rule.mark === '⚠️' && rule.settings !== undefined,
    kind: rule.settings ? 'setting' : 'fixed',
    parameters: (rule.settings ?? []).map((field) => {
      const spec = settingParameters[field]
      const defaultValue = readSetting(defaultClinicRuleSettings, field)
      const currentValue = readSetting(current, field)
      return {
        field,
        label: spec.label,
        unit: spec.kind === 'number' ? spec.unit : '',
        defaultValue,
        currentValue,
        isChanged: defaultValue !== currentValue,
      }
    }),
    fixed: rule.fixed ?? null,
  }))
}
