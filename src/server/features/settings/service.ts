import {
  applySettingsPatch,
  buildRuleCatalogue,
  type ClinicRuleSettings,
  defaultClinicRuleSettings,
  diffClinicRuleSettings,
  findSettingErrors,
  mergeClinicRuleSettings,
  overridesOf,
} from '../../../domain/rules'
import { clinicService } from '../../clinic-scope'
import { readClinic } from '../../clinic-settings'
import type { Tx } from '../../context'
import { AppError } from '../../errors'
import { markClinicOutcomesStale } from '../outcomes/queries'
import { outcomeThresholds } from '../outcomes/service'

export interface ClinicSettingsReply {
  version: number
  values: ClinicRuleSettings
  defaults: ClinicRuleSettings
}

async function readClinicRow(tx: Tx, clinicId: string) {
  return readClinic(tx, clinicId, ['settings', 'version'])
}

export const getClinicSettings = clinicService(
  { permission: 'settings:manage', action: 'clinic.settings.read', entity: 'clinic' },
  async (scope): Promise<ClinicSettingsReply> => {
    const row = await readClinicRow(scope.tx, scope.clinicId)
    await scope.audit({ action: 'clinic.settings.read', entity: 'clinic', entityId: scope.clinicId })
    return {
      version: row.version,
      values: mergeClinicRuleSettings(row.settings),
      defaults: defaultClinicRuleSettings,
    }
  },
)

/** The rule catalogue with this clinic's values beside the defaults; any member may review it. */
export const getRuleCatalogue = clinicService(
  { permission: 'clinic:read', action: 'clinic.rules.read', entity: 'clinic' },
  async (scope) => {
    const row = await readClinicRow(scope.tx, scope.clinicId)
    await scope.audit({ action: 'clinic.rules.read', entity: 'clinic', entityId: scope.clinicId })
    return { rules: buildRuleCatalogue(mergeClinicRuleSettings(row.settings)) }
  },
)

const stale = (currentVersion: number) =>
  new AppError(
    'stale-version',
    'The settings were changed by someone else; reload them and apply your change again.',
    {
      extra: { currentVersion },
    },
  )

/**
 * Changes some settings (a nested partial) under optimistic concurrency. Every value is checked
 * (a 400 names each bad field), the clinic stores only what differs from the defaults (other keys
 * of `clinic.settings` are kept), and the audit event carries each field's old and new value. A
 * change to a threshold the outcome summaries use marks them stale, so they are rebuilt.
 */
export const updateClinicSettings = clinicService(
  { permission: 'settings:manage', action: 'clinic.settings.update', entity: 'clinic' },
  async (scope, input: { version: number; patch: Record<string, unknown> }): Promise<ClinicSettingsReply> => {
    const row = await readClinicRow(scope.tx, scope.clinicId)
    if (row.version !== input.version) throw stale(row.version)
    const before = mergeClinicRuleSettings(row.settings)
    const { values, unknownFields } = applySettingsPatch(before, input.patch)
    const errors = [
      ...unknownFields.map((field) => ({ field, message: 'is not a clinic setting' })),
      ...findSettingErrors(values),
    ]
    if (errors.length > 0)
      throw new AppError('validation-failed', `Check ${errors.map((e) => e.field).join(', ')}.`, {
        fieldErrors: errors,
      })
    const changes = diffClinicRuleSettings(before, values)
    if (changes.length === 0) return { version: row.version, values, defaults: defaultClinicRuleSettings }

    const stored: Record<string, unknown> = { ...(row.settings as Record<string, unknown>) }
    for (const group of Object.keys(defaultClinicRuleSettings)) delete stored[group]
    Object.assign(stored, overridesOf(values))
    const updated = await scope.tx
      .updateTable('clinic')
      .set((eb) => ({ settings: JSON.stringify(stored), version: eb('version', '+', 1) }))
      .where('id', '=', scope.clinicId)
      .where('version', '=', input.version)
      .returning('version')
      .executeTakeFirst()
    if (!updated) throw stale((await readClinicRow(scope.tx, scope.clinicId)).version)

    const isOutcomeThresholdChanged =
      JSON.stringify(outcomeThresholds(before.vitals)) !== JSON.stringify(outcomeThresholds(values.vitals))
    if (isOutcomeThresholdChanged) await markClinicOutcomesStale(scope.tx, scope.clinicId)
    await scope.audit({
      action: 'clinic.settings.update',
      entity: 'clinic',
      entityId: scope.clinicId,
      detail: {
        changes: changes.map((c) => ({ field: c.field, from: c.from, to: c.to })),
        outcomeSummariesMarkedStale: isOutcomeThresholdChanged,
      },
    })
    return { version: updated.version, values, defaults: defaultClinicRuleSettings }
  },
)
