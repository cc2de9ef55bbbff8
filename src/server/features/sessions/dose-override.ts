import { signatureMeanings } from '../../../domain/access/signature-meanings'
import {
  type ApprovedDoseOverride,
  type DoseLimit,
  type DoseLimitFinding,
  type DoseSettings,
  doseLimitLabels,
  type IvDose,
} from '../../../domain/dosing'
import type { ClinicScope } from '../../clinic-scope'
import { loadClinicSettings } from '../../clinic-settings'
import { AppError } from '../../errors'
import { type MemberSignerInput, signAsMember } from '../auth/member-signature'

/** A prescriber's override of a session dose beyond the §2 limits: the reason and their signature. */
export interface DoseOverrideInput {
  reason: string
  /** The prescriber signing: the signed-in user, or a prescriber at this tablet with their own proof. */
  signer: MemberSignerInput
}

export interface PlanDoseApproval {
  settings: DoseSettings
  /** What the approved plan's signed override allows, if it has one. */
  override: ApprovedDoseOverride | null
  /** The plan asked, and its approval signed, to dose on a weight above actual weight. */
  isAboveActualAllowed: boolean
}

/** The clinic's ceiling and what the session's approved plan has overridden (§2). */
export async function planDoseApproval(scope: ClinicScope, planId: string): Promise<PlanDoseApproval> {
  const [plan, settings] = await Promise.all([
    scope.tx
      .selectFrom('treatment_plan')
      .select(['dose_above_actual_weight', 'dose_override_limits', 'dose_mg_per_kg', 'max_dose_mg_per_kg'])
      .where('clinic_id', '=', scope.clinicId)
      .where('id', '=', planId)
      .executeTakeFirstOrThrow(),
    loadClinicSettings(scope.tx, scope.clinicId),
  ])
  const limits = plan.dose_override_limits ?? []
  // The plan's ceiling override reaches as far as the titration limit the prescriber signed.
  const upTo = Number(plan.max_dose_mg_per_kg ?? plan.dose_mg_per_kg ?? settings.dose.titrationCeilingMgPerKg)
  return {
    settings: settings.dose,
    override: limits.length > 0 ? { limits, upToMgPerKgOfActual: upTo } : null,
    isAboveActualAllowed: plan.dose_above_actual_weight && limits.includes('dosing-weight-above-actual'),
  }
}

export interface SignedDoseOverride {
  limits: DoseLimit[]
  reason: string
  signedBy: string
  signerName: string
  contentHash: string
  findings: DoseLimitFinding[]
}

/**
 * Refuses a dose beyond the §2 limits (400 naming the limit) unless a prescriber signs an
 * override with a reason; returns the signed override for the session record.
 */
export async function signDoseOverride(
  scope: ClinicScope,
  sessionId: string,
  dose: IvDose,
  uncovered: DoseLimitFinding[],
  input: DoseOverrideInput | undefined,
): Promise<SignedDoseOverride> {
  const limits = [...new Set(uncovered.map((f) => f.limit))]
  const what = uncovered.map((f) => f.message).join('; ')
  if (!input?.reason.trim())
    throw new AppError(
      'validation-failed',
      `This dose goes beyond the clinic's dose limits: ${what}. It needs a prescriber's signed override with a reason.`,
      {
        fieldErrors: [
          {
            field: 'override.reason',
            message: `required: ${limits.map((l) => doseLimitLabels[l]).join(' and ')} — ${what}`,
          },
        ],
        extra: { limits },
      },
    )
  const reason = input.reason.trim()
  const signature = await signAsMember(
    scope,
    input.signer,
    {
      permission: 'override:sign',
      fieldPrefix: 'override.signer',
      roleMessage: 'is not a prescriber of this clinic who may sign overrides',
      isSelfAllowed: true,
      signerLabel: 'Prescriber',
    },
    signatureMeanings.doseLimitOverride,
    {
      sessionId,
      doseMg: dose.doseMg,
      doseMgPerKgOfActual: dose.doseMgPerKgOfActual,
      actualWeightKg: dose.actualWeightKg,
      dosingWeightKg: dose.dosingWeightKg,
      ceilingMgPerKg: dose.ceilingMgPerKg,
      limits,
      reason,
    },
  )
  await scope.audit({
    action: 'sessions.dose-override',
    entity: 'treatment_session',
    entityId: sessionId,
    detail: {
      limits: limits.join(','),
      reason,
      signedBy: signature.userId,
      contentHash: signature.signatureHash,
    },
  })
  return {
    limits,
    reason,
    signedBy: signature.userId,
    signerName: signature.name,
    contentHash: signature.signatureHash,
    findings: uncovered,
  }
}
