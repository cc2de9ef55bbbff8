import { z } from 'zod'
import {
  type ClinicRuleSettings,
  defaultClinicRuleSettings,
  ruleCategories,
  type SettingPath,
  settingParameters,
} from '../domain/rules'

// The API's settings schemas are built from the domain's lists (src/domain/rules), so a new
// setting reaches the OpenAPI document, the validation and the Settings page without a copy here.

type Tree = { [key: string]: Tree | number | boolean }

function leafSchema(path: SettingPath): z.ZodType {
  const spec = settingParameters[path]
  if (spec.kind === 'boolean') return z.boolean()
  const n = z.number().min(spec.min).max(spec.max)
  return (spec.isInteger ? n.int() : n).describe(`${spec.label} (${spec.unit})`)
}

function treeSchema(tree: Tree, prefix: string, isPartial: boolean): z.ZodType {
  const shape = Object.fromEntries(
    Object.entries(tree).map(([key, value]) => {
      const path = `${prefix}${key}`
      const schema =
        typeof value === 'object' ? treeSchema(value, `${path}.`, isPartial) : leafSchema(path as SettingPath)
      return [key, isPartial ? schema.optional() : schema]
    }),
  )
  // Loose in requests: an unknown field reaches the service, which names it, rather than being
  // silently dropped and looking saved.
  return isPartial ? z.looseObject(shape) : z.object(shape)
}

const defaults = defaultClinicRuleSettings as unknown as Tree

// Both sides are the domain's type: the reply sends numbers and booleans as they are.
export const clinicRuleSettingsSchema = treeSchema(defaults, '', false) as z.ZodType<
  ClinicRuleSettings,
  ClinicRuleSettings
>

/** PUT body: the version read, and any settings to change, nested by group. */
export const settingsPatchSchema = (treeSchema(defaults, '', true) as z.ZodObject).extend({
  version: z.number().int().min(1),
})

export const settingsReplySchema = z.object({
  version: z.number(),
  values: clinicRuleSettingsSchema,
  defaults: clinicRuleSettingsSchema,
})

const settingValue = z.union([z.number(), z.boolean()])

export const catalogueSchema = z.object({
  rules: z.array(
    z.object({
      id: z.string(),
      category: z.enum(ruleCategories),
      title: z.string(),
      source: z.object({ section: z.string(), publication: z.string().nullable() }),
      mark: z.enum(['✅', '🔶', '⚠️']),
      isUnverifiedDefault: z.boolean(),
      kind: z.enum(['setting', 'fixed']),
      parameters: z.array(
        z.object({
          field: z.string(),
          label: z.string(),
          unit: z.string(),
          defaultValue: settingValue,
          currentValue: settingValue,
          isChanged: z.boolean(),
        }),
      ),
      fixed: z.object({ value: z.string(), unit: z.string() }).nullable(),
    }),
  ),
})
