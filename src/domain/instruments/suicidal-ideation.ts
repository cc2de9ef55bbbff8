import { DomainValidationError } from '../errors'
import type { ScoreFlag } from './types'

/** Answer at or above which an item opens a safety alert of that severity. */
export interface SuicidalIdeationThresholds {
  warningAtOrAbove: number
  urgentAtOrAbove: number
}

/**
 * The suicidal-ideation item of every depression instrument raises the same `suicide-risk` flag
 * (clinical-reference §4 "Suicidal-ideation items"): a clinic setting per instrument.
 */
export interface SuicidalIdeationSettings {
  phq9Item9: { urgentAtOrAbove: number }
  qidsItem12: SuicidalIdeationThresholds
  madrsItem10: SuicidalIdeationThresholds
  hamdItem3: SuicidalIdeationThresholds
}

export type SuicidalIdeationSettingKey = keyof SuicidalIdeationSettings

/** Defaults of §4: PHQ-9 item 9 ≥ 1 urgent (✅); the others 🔶 (Rucci et al. 2011, item anchors). */
export const defaultSuicidalIdeationSettings: SuicidalIdeationSettings = {
  phq9Item9: { urgentAtOrAbove: 1 },
  qidsItem12: { warningAtOrAbove: 1, urgentAtOrAbove: 2 },
  madrsItem10: { warningAtOrAbove: 1, urgentAtOrAbove: 4 },
  hamdItem3: { warningAtOrAbove: 1, urgentAtOrAbove: 3 },
}

/** Which item each setting reads, and its answer range (§4 structure column). */
export const suicidalIdeationItems: Readonly<
  Record<
    SuicidalIdeationSettingKey,
    { instrumentId: string; itemId: string; itemNumber: number; label: string; maxValue: number }
  >
> = {
  phq9Item9: {
    instrumentId: 'phq9',
    itemId: 'phq9_9',
    itemNumber: 9,
    label: 'thoughts of death or self-harm',
    maxValue: 3,
  },
  qidsItem12: {
    instrumentId: 'qids-sr16',
    itemId: 'qids_12',
    itemNumber: 12,
    label: 'thoughts of death or suicide',
    maxValue: 3,
  },
  madrsItem10: {
    instrumentId: 'madrs',
    itemId: 'madrs_10',
    itemNumber: 10,
    label: 'suicidal thoughts',
    maxValue: 6,
  },
  hamdItem3: { instrumentId: 'hamd17', itemId: 'hamd_3', itemNumber: 3, label: 'suicide', maxValue: 4 },
}

const settingKeys = Object.keys(suicidalIdeationItems) as SuicidalIdeationSettingKey[]

/**
 * Throws DomainValidationError naming the field (`suicidalIdeation.qidsItem12.urgentAtOrAbove`):
 * each threshold is a whole number from 1 to the item's maximum (0 would flag every answer), and
 * warning is at or below urgent (equal means the warning level is never reached).
 */
export function validateSuicidalIdeationSettings(s: SuicidalIdeationSettings): void {
  for (const key of settingKeys) {
    const { maxValue } = suicidalIdeationItems[key]
    const thresholds = s[key] as Partial<SuicidalIdeationThresholds> | undefined
    const field = (name: string) => `suicidalIdeation.${key}.${name}`
    const names = key === 'phq9Item9' ? ['urgentAtOrAbove'] : ['warningAtOrAbove', 'urgentAtOrAbove']
    for (const name of names) {
      const value = thresholds?.[name as keyof SuicidalIdeationThresholds]
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > maxValue)
        throw new DomainValidationError(
          field(name),
          `must be a whole number from 1 to ${maxValue} (the item's range), got ${String(value)}`,
        )
    }
    if (key !== 'phq9Item9' && thresholds!.warningAtOrAbove! > thresholds!.urgentAtOrAbove!)
      throw new DomainValidationError(
        field('warningAtOrAbove'),
        `must be at or below urgentAtOrAbove (${thresholds!.urgentAtOrAbove}), got ${thresholds!.warningAtOrAbove}`,
      )
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A clinic's stored settings (any subset) merged over the defaults per instrument, then validated,
 * so a clinic that changed only the QIDS urgent threshold keeps every other default.
 */
export function resolveSuicidalIdeationSettings(stored: unknown): SuicidalIdeationSettings {
  const given = isRecord(stored) ? stored : {}
  const merged = Object.fromEntries(
    settingKeys.map((key) => [
      key,
      { ...defaultSuicidalIdeationSettings[key], ...(isRecord(given[key]) ? given[key] : {}) },
    ]),
  ) as unknown as SuicidalIdeationSettings
  validateSuicidalIdeationSettings(merged)
  return merged
}

/**
 * The `suicide-risk` flag for one item's answer, or null below the thresholds. The message names
 * the item, the answer and the threshold it reached; the clinician acts on it (§4).
 */
export function suicidalIdeationFlag(
  key: SuicidalIdeationSettingKey,
  value: number,
  settings: SuicidalIdeationSettings,
): ScoreFlag | null {
  const { itemNumber, label } = suicidalIdeationItems[key]
  const thresholds = settings[key] as Partial<SuicidalIdeationThresholds>
  const item = `Item ${itemNumber} (${label}) answered ${value}`
  if (value >= thresholds.urgentAtOrAbove!)
    return {
      id: 'suicide-risk',
      severity: 'urgent',
      message: `${item}, at or above the urgent level ${thresholds.urgentAtOrAbove}: a clinician must follow up the same day.`,
    }
  if (thresholds.warningAtOrAbove !== undefined && value >= thresholds.warningAtOrAbove)
    return {
      id: 'suicide-risk',
      severity: 'warning',
      message: `${item}, at or above the warning level ${thresholds.warningAtOrAbove}: a clinician must review it and acknowledge the alert with a note before the patient is discharged.`,
    }
  return null
}

/** A summed instrument's `buildFlags`: the `suicide-risk` flag of its suicidal-ideation item, if raised. */
export function buildSuicidalIdeationFlags(
  key: SuicidalIdeationSettingKey,
  settings: SuicidalIdeationSettings,
): (values: Readonly<Record<string, number>>) => ScoreFlag[] {
  return (values) => {
    const flag = suicidalIdeationFlag(key, values[suicidalIdeationItems[key].itemId] ?? 0, settings)
    return flag ? [flag] : []
  }
}
