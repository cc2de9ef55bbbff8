import { doseBody } from '../../../../contract/session-actions'
import {
  calculateProtocolDose,
  findProtocol,
  type IvProtocol,
  uncoveredLimits,
} from '../../../../domain/dosing'
import type { CanonicalValue } from '../../../../domain/ledger/hash-chain'
import type { ClinicScope } from '../../../clinic-scope'
import { AppError } from '../../../errors'
import { insertClinicRow } from '../../clinics/clinic-rows'
import { requireRemsRecords } from '../../rems/service'
import { type DoseOverrideInput, planDoseApproval, signDoseOverride } from '../dose-override'
import * as store from '../store'
import type { SessionView } from '../view'
import { defineAction, stateConflict } from './define'
import { addEvent, saveSession } from './session-writes'

/**
 * Today's weight → dose, rate and volume from the plan's protocol (domain dosing). The dosing
 * weight is never above actual weight and the ceiling is judged per kg of actual weight (§2); a
 * dose beyond a limit the approved plan's override does not cover is refused unless a prescriber
 * signs an override with a reason here (recorded as a 'dose-override' event and audited).
 */
export const dose = defineAction({
  name: 'dose',
  path: '/dose',
  summary:
    "Today's weight → dose, rate and volume (refused beyond the §2 dose limits without a prescriber's signed override)",
  body: doseBody,
  permission: 'clinical:write',
  // The signer's password or code is not part of the idempotency fingerprint.
  fingerprint: ({ override, ...rest }) => ({ ...rest, overrideReason: override?.reason ?? null }),
  refuseState: stateConflict(() => 'The dose is set during pre-checks, before dosing starts.'),
  run: async (scope, view, input) => {
    const protocol = findProtocol(view.plan.protocolId)
    const basis = input.doseBasis ?? view.plan.doseBasis
    let plannedDoseMg: number
    let infusionMin: number | null = null
    let limitCheck: Record<string, unknown> | null = null
    let overrideDetail: Record<string, CanonicalValue> = {}
    if (protocol.route === 'iv-infusion') {
      const infusion = await infusionDose(scope, view, protocol, { ...input, basis }, input.override)
      ;({ plannedDoseMg, infusionMin, limitCheck, overrideDetail } = infusion)
    } else {
      // REMS hard stop (clinical-reference §3): the dose is not set without both records.
      await requireRemsRecords(scope.tx, scope.clinicId, view.patient.id, 'dosed')
      plannedDoseMg = view.plan.doseMg ?? protocol.firstDoseMg
    }
    await saveSession(scope, view, {
      weight_kg: input.weightKg.toFixed(2),
      dose_basis: basis,
      planned_dose_mg: String(plannedDoseMg),
      vial_mg_per_ml: input.vialMgPerMl ? String(input.vialMgPerMl) : null,
      infusion_min: infusionMin === null ? null : String(infusionMin),
      dose_checked_by: null,
      dose_checked_at: null,
    })
    await insertClinicRow(scope, 'body_measurement', {
      patient_id: view.patient.id,
      measured_at: scope.now,
      weight_kg: input.weightKg.toFixed(2),
      height_cm: input.heightCm ? input.heightCm.toFixed(1) : null,
      recorded_by: scope.principal.userId,
      created_at: scope.now,
    })
    await addEvent(scope, view.session.id, 'dose-set', {
      weightKg: input.weightKg,
      basis,
      plannedDoseMg,
      infusionMin,
      vialMgPerMl: input.vialMgPerMl ?? null,
      ...(limitCheck ? { limits: limitCheck } : {}),
    })
    return { plannedDoseMg, ...overrideDetail }
  },
})

/** An infusion's dose from the plan's protocol, under the §2 limits and any signed override. */
async function infusionDose(
  scope: ClinicScope,
  view: SessionView,
  protocol: IvProtocol,
  input: {
    weightKg: number
    vialMgPerMl?: number | null | undefined
    heightCm?: number | null | undefined
    basis: SessionView['plan']['doseBasis']
  },
  override: DoseOverrideInput | undefined,
) {
  if (!input.vialMgPerMl)
    throw new AppError(
      'validation-failed',
      'Give the vial concentration to compute the volume and pump rate.',
      {
        fieldErrors: [{ field: 'vialMgPerMl', message: 'required for an infusion' }],
      },
    )
  const patient = await scope.tx
    .selectFrom('patient')
    .select('sex')
    .where('id', '=', view.patient.id)
    .executeTakeFirstOrThrow()
  const sex = patient.sex === 'female' ? 'F' : patient.sex === 'male' ? 'M' : undefined
  const approval = await planDoseApproval(scope, view.plan.id)
  // Ideal and adjusted weight need a height: today's if measured, else the latest recorded.
  const heightCm = input.heightCm ?? (await store.latestHeightCm(scope.tx, scope.clinicId, view.patient.id))
  const dose = calculateProtocolDose(protocol, {
    body: { weightKg: input.weightKg, ...(heightCm ? { heightCm } : {}), ...(sex ? { sex } : {}) },
    basis: input.basis,
    doseMgPerKg: view.plan.doseMgPerKg ?? protocol.doseMgPerKg,
    vialMgPerMl: input.vialMgPerMl,
    settings: approval.settings,
    isAboveActualAllowed: approval.isAboveActualAllowed,
  })
  const uncovered = uncoveredLimits(dose, approval.override)
  const sessionOverride =
    uncovered.length > 0 ? await signDoseOverride(scope, view.session.id, dose, uncovered, override) : null
  const overrideEventId = sessionOverride
    ? await addEvent(scope, view.session.id, 'dose-override', {
        reason: sessionOverride.reason,
        limits: sessionOverride.limits,
        findings: sessionOverride.findings.map((f) => f.message),
        signedBy: sessionOverride.signedBy,
        signerName: sessionOverride.signerName,
        contentHash: sessionOverride.contentHash,
      })
    : null
  return {
    plannedDoseMg: Math.round(dose.doseMg * 1000) / 1000,
    infusionMin: dose.infusionMin as number | null,
    limitCheck: {
      dosingWeightKg: dose.dosingWeightKg,
      basisWeightKg: dose.basisWeightKg,
      isCappedAtActual: dose.isCappedAtActual,
      doseMgPerKgOfActual: dose.doseMgPerKgOfActual,
      ceilingMgPerKg: dose.ceilingMgPerKg,
      ceilingMg: dose.ceilingMg,
      isAboveCeiling: dose.isAboveCeiling,
      limitsExceeded: dose.limitsExceeded,
      coveredByPlanOverride: dose.limitsExceeded.filter((l) => !uncovered.some((u) => u.limit === l)),
      overrideEventId,
    } as Record<string, unknown> | null,
    overrideDetail: (sessionOverride
      ? { overrideLimits: sessionOverride.limits.join(','), overrideReason: sessionOverride.reason }
      : {}) as Record<string, CanonicalValue>,
  }
}
