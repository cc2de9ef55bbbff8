export type { CatalogueParameter, CatalogueRule } from './catalogue'
export { buildRuleCatalogue } from './catalogue'
export type { ClinicRuleSettings, SettingChange, SettingPath, SettingValue } from './clinic-rule-settings'
export {
  applySettingsPatch,
  defaultClinicRuleSettings,
  diffClinicRuleSettings,
  isSettingPath,
  mergeClinicRuleSettings,
  nestSettings,
  overridesOf,
  readSetting,
  settingPaths,
} from './clinic-rule-settings'
export type { RuleCategory, RuleDefinition, VerificationMark } from './rule-definitions'
export { ruleCategories, ruleDefinitions } from './rule-definitions'
export type { ParameterSpec } from './setting-parameters'
export { settingOrder, settingParameters } from './setting-parameters'
export type { SettingError } from './validate-settings'
export { findSettingErrors } from './validate-settings'
