import { type ClinicRuleSettings, readSetting, type SettingPath, settingPaths } from './clinic-rule-settings'
import { settingOrder, settingParameters } from './setting-parameters'

export interface SettingError {
  field: string
  message: string
}

/** Every problem with a full set of values, each naming its field (`vitals.spo2BelowPercent`). */
export function findSettingErrors(values: ClinicRuleSettings): SettingError[] {
  const errors: SettingError[] = []
  for (const field of settingPaths) {
    const spec = settingParameters[field]
    const value = readSetting(values, field) as unknown
    if (spec.kind === 'boolean') {
      if (typeof value !== 'boolean') errors.push({ field, message: 'must be yes or no' })
      continue
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ field, message: 'must be a number' })
    } else if (spec.isInteger && !Number.isInteger(value)) {
      errors.push({ field, message: 'must be a whole number' })
    } else if (value < spec.min || value > spec.max) {
      errors.push({ field, message: `must be from ${spec.min} to ${spec.max} ${spec.unit}`.trim() })
    }
  }
  const isBad = (field: SettingPath) => errors.some((e) => e.field === field)
  for (const { higher, lower } of settingOrder) {
    if (isBad(higher) || isBad(lower)) continue
    if ((readSetting(values, higher) as number) < (readSetting(values, lower) as number))
      errors.push({ field: higher, message: `must not be below ${lower} (${readSetting(values, lower)})` })
  }
  return errors
}
