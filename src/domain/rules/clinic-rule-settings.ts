import { type DoseSettings, defaultDoseSettings } from '../dosing/dose'
import { DEFAULT_TRD_SETTINGS, type TrdSettings } from '../eligibility/trial-adequacy'
import {
  defaultSuicidalIdeationSettings,
  type SuicidalIdeationSettings,
} from '../instruments/suicidal-ideation'
import { DEFAULT_LEDGER_SETTINGS, type LedgerSettings } from '../ledger/settings'
import { type DischargeSettings, defaultDischargeSettings } from '../session/discharge'
import { defaultSpacingSettings, type SpacingSettings } from '../session/spacing'
import { defaultVitalsSettings, type VitalsSettings } from '../session/vitals-settings'

/**
 * Every clinical threshold a clinic may set (design.md §1 "every threshold is data"). The defaults
 * are the domain's own, each beside its clinical-reference § in its file; nothing is repeated here.
 * To add a group: add it to this interface and to `defaultClinicRuleSettings`; the compiler then
 * asks for its parameters in `setting-parameters.ts` and the catalogue test for its rules.
 */
export interface ClinicRuleSettings {
  vitals: VitalsSettings
  discharge: DischargeSettings
  spacing: SpacingSettings
  dose: DoseSettings
  trd: TrdSettings
  ledger: LedgerSettings
  suicidalIdeation: SuicidalIdeationSettings
}

export const defaultClinicRuleSettings: ClinicRuleSettings = Object.freeze({
  vitals: defaultVitalsSettings,
  discharge: defaultDischargeSettings,
  spacing: defaultSpacingSettings,
  dose: defaultDoseSettings,
  trd: DEFAULT_TRD_SETTINGS,
  ledger: DEFAULT_LEDGER_SETTINGS,
  suicidalIdeation: defaultSuicidalIdeationSettings,
})

export type SettingValue = number | boolean

/** Dotted paths of every leaf, e.g. `vitals.spo2BelowPercent` or `vitals.singleBpAbove.systolicMmHg`. */
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends SettingValue
    ? K
    : T[K] extends object
      ? `${K}.${LeafPaths<T[K]>}`
      : never
}[keyof T & string]

export type SettingPath = LeafPaths<ClinicRuleSettings>

type Tree = { [key: string]: Tree | SettingValue }

const isTree = (value: unknown): value is Tree =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    isTree(value) ? leaves(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

/** Every setting path, in the order of the defaults. */
export const settingPaths = leaves(defaultClinicRuleSettings as unknown as Tree) as SettingPath[]

export function isSettingPath(path: string): path is SettingPath {
  return (settingPaths as string[]).includes(path)
}

function readPath(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isTree(node) ? node[key] : undefined), tree)
}

export function readSetting(values: ClinicRuleSettings, path: SettingPath): SettingValue {
  return readPath(values, path) as SettingValue
}

function writePath(tree: Tree, path: string, value: SettingValue): void {
  const keys = path.split('.')
  let node = tree
  for (const key of keys.slice(0, -1)) {
    if (!isTree(node[key])) node[key] = {}
    node = node[key] as Tree
  }
  node[keys[keys.length - 1]!] = value
}

function fromEntries(entries: [string, SettingValue][]): Tree {
  const tree: Tree = {}
  for (const [path, value] of entries) writePath(tree, path, value)
  return tree
}

/** Nests `[path, value]` pairs into a patch or a stored override: `{ vitals: { spo2BelowPercent: 90 } }`. */
export function nestSettings(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  return fromEntries(entries as [string, SettingValue][])
}

/**
 * A clinic's stored overrides merged over the defaults. Only known paths with a value of the
 * default's type are taken, so a stray or mistyped key in storage can never reach a rule.
 */
export function mergeClinicRuleSettings(stored: unknown): ClinicRuleSettings {
  return fromEntries(
    settingPaths.map((path) => {
      const fallback = readSetting(defaultClinicRuleSettings, path)
      const value = readPath(stored, path)
      return [path, typeof value === typeof fallback && value !== null ? (value as SettingValue) : fallback]
    }),
  ) as unknown as ClinicRuleSettings
}

/** What the clinic stores: only the values that differ from the defaults, nested by group. */
export function overridesOf(values: ClinicRuleSettings): Record<string, unknown> {
  return fromEntries(
    settingPaths
      .map((path): [string, SettingValue] => [path, readSetting(values, path)])
      .filter(([path, value]) => value !== readSetting(defaultClinicRuleSettings, path as SettingPath)),
  )
}

export interface SettingChange {
  field: SettingPath
  from: SettingValue
  to: SettingValue
}

export function diffClinicRuleSettings(
  before: ClinicRuleSettings,
  after: ClinicRuleSettings,
): SettingChange[] {
  return settingPaths
    .map((field) => ({ field, from: readSetting(before, field), to: readSetting(after, field) }))
    .filter((c) => c.from !== c.to)
}

/**
 * Applies a nested partial (`{ vitals: { spo2BelowPercent: 90 } }`) over `current`. Unknown
 * paths are reported, never ignored, so a misspelt field cannot look saved.
 */
export function applySettingsPatch(
  current: ClinicRuleSettings,
  patch: unknown,
): { values: ClinicRuleSettings; unknownFields: string[] } {
  const next = structuredClone(current) as unknown as Tree
  const unknownFields: string[] = []
  const given = isTree(patch) ? leaves(patch) : []
  for (const path of given) {
    if (isSettingPath(path)) writePath(next, path, readPath(patch, path) as SettingValue)
    else unknownFields.push(path)
  }
  return { values: next as unknown as ClinicRuleSettings, unknownFields }
}
