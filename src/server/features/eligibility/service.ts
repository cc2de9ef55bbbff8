import type { Selectable } from 'kysely'
import type { EligibilityDecisionTable, EligibilityOutcome } from '../../../db'
import { eligibilityMeanings } from '../../../domain/access/signature-meanings'
import { clinicService } from '../../clinic-scope'
import type { Tx } from '../../context'
import { AppError } from '../../errors'
import {
  listAlertsOf,
  listResponsesOf,
  listVitalsOf,
  toAlertDto,
  toResponseDto,
  toVitalDto,
} from '../assessments/service'
import { type SignerProof, signContent } from '../auth/signature'
import { insertClinicRow } from '../clinics/clinic-rows'
import { loadHistory } from '../history/service'
import { patientRecordReader } from '../patients/record'
import { listPatientRows, requirePatient } from '../patients/store'

export function toDecisionDto(row: Selectable<EligibilityDecisionTable>) {
  return {
    id: row.id,
    decision: row.decision,
    reason: row.reason,
    overrideReason: row.override_reason,
    meaning: row.meaning,
    contentHash: row.content_hash,
    signedBy: row.signed_by,
    signerName: row.signer_name,
    signedAt: row.signed_at,
    /** §3 label warnings the prescriber acknowledged with this signature (ids of the screen). */
    acknowledgedCautions: ((row.snapshot as { acknowledgedCautions?: string[] }).acknowledgedCautions ??
      []) as string[],
  }
}

export function listDecisionsOf(tx: Tx, clinicId: string, patientId: string) {
  return listPatientRows(tx, 'eligibility_decision', clinicId, patientId, 'signed_at')
}

/** Body mass index from the latest weight with a height (kg/m²); null without a height. */
function bodyMassIndex(weightKg: number, heightCm: number | null): number | null {
  if (!heightCm) return null
  const m = heightCm / 100
  return Math.round((weightKg / (m * m)) * 10) / 10
}

/** One screen's worth: TRD result, contraindications, latest scores, alerts, vitals and history. */
export async function loadReview(tx: Tx, clinicId: string, patientId: string) {
  const patient = await requirePatient(tx, clinicId, patientId)
  const [history, responses, alerts, vitals, decisions, measurements] = await Promise.all([
    loadHistory(tx, clinicId, patientId),
    listResponsesOf(tx, clinicId, patientId),
    listAlertsOf(tx, clinicId, patientId),
    listVitalsOf(tx, clinicId, patientId),
    listDecisionsOf(tx, clinicId, patientId),
    tx
      .selectFrom('body_measurement')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      .where('entered_in_error_at', 'is', null)
      .orderBy('measured_at', 'desc')
      .execute(),
  ])
  const latestScores: Record<string, ReturnType<typeof toResponseDto>> = {}
  for (const r of responses)
    if (!r.entered_in_error_at && !latestScores[r.instrument_id])
      latestScores[r.instrument_id] = toResponseDto(r)
  const latestVitals = vitals.find((v) => !v.entered_in_error_at)
  const latestWeight = measurements[0]
  const latestHeight = measurements.find((m) => m.height_cm !== null)
  const weightKg = latestWeight ? Number(latestWeight.weight_kg) : null
  const heightCm = latestHeight ? Number(latestHeight.height_cm) : null
  return {
    patient: {
      id: patient.id,
      mrn: patient.mrn,
      name: `${patient.given_name} ${patient.family_name}`,
      dateOfBirth: patient.date_of_birth,
      sex: patient.sex,
    },
    history,
    latestScores,
    openAlerts: alerts.filter((a) => !a.acknowledged_at).map(toAlertDto),
    latestVitals: latestVitals ? toVitalDto(latestVitals) : null,
    body: { weightKg, heightCm, bmi: weightKg === null ? null : bodyMassIndex(weightKg, heightCm) },
    decisions: decisions.map(toDecisionDto),
  }
}

export const getReview = patientRecordReader(
  { action: 'eligibility.review', entity: 'eligibility_decision' },
  loadReview,
)

const meanings: Record<EligibilityOutcome, string> = eligibilityMeanings

/**
 * The prescriber's signed decision. Approval is refused while a safety alert is unacknowledged or
 * the assessment is incomplete, and needs an override reason when an absolute contraindication is
 * present or the TRD definition is not met — the clinician decides, the record says why.
 */
export const signDecision = clinicService(
  { permission: 'clinical:sign', action: 'eligibility.sign', entity: 'eligibility_decision' },
  async (
    scope,
    patientId: string,
    input: {
      decision: EligibilityOutcome
      reason: string
      overrideReason?: string | null | undefined
      /** Approval with §3 cautions on the screen needs the prescriber to acknowledge them. */
      cautionsAcknowledged?: boolean | undefined
    } & SignerProof,
  ) => {
    const review = await loadReview(scope.tx, scope.clinicId, patientId)
    const overrideReason = input.overrideReason?.trim() || null
    const cautions = (
      (review.history.contraindications as { cautions?: { id: string }[] } | null)?.cautions ?? []
    ).map((c) => c.id)
    if (input.decision === 'approve') {
      if (review.openAlerts.length > 0) {
        throw new AppError(
          'conflict',
          'A safety alert is not yet acknowledged. Acknowledge it before approving.',
          { extra: { openAlerts: review.openAlerts.map((a) => a.id) } },
        )
      }
      const missing = [
        ...review.history.trdMissing,
        ...(review.history.contraindications ? [] : ['the contraindication screen']),
        ...(review.latestScores.phq9 || review.latestScores.madrs ? [] : ['a baseline PHQ-9 or MADRS']),
        ...(review.latestScores['cssrs-screen'] ? [] : ['a C-SSRS screen']),
      ]
      if (missing.length > 0)
        throw new AppError('conflict', `The assessment is not complete: ${missing.join(', ')}.`, {
          extra: { missing },
        })
      const needsOverride = [
        ...(review.history.contraindications &&
        (review.history.contraindications as { hasAbsolute: boolean }).hasAbsolute
          ? ['an absolute contraindication is present']
          : []),
        ...(review.history.trd && !(review.history.trd as { isTrd: boolean }).isTrd
          ? ['the TRD definition is not met']
          : []),
      ]
      // §3 (label 5.6, 7.1–7.3): warnings, not contraindications — the signature carries the
      // prescriber's acknowledgement of each one.
      if (cautions.length > 0 && input.cautionsAcknowledged !== true)
        throw new AppError(
          'validation-failed',
          `Approval needs the pre-dose cautions acknowledged: ${cautions.join(', ')}.`,
          {
            fieldErrors: [{ field: 'cautionsAcknowledged', message: 'acknowledge the pre-dose cautions' }],
            extra: { cautions },
          },
        )
      if (needsOverride.length > 0 && !overrideReason) {
        throw new AppError(
          'validation-failed',
          `Approval needs an override reason: ${needsOverride.join('; ')}.`,
          { fieldErrors: [{ field: 'overrideReason', message: `required: ${needsOverride.join('; ')}` }] },
        )
      }
    }
    const snapshot = {
      review: { ...review, decisions: undefined },
      decision: input.decision,
      reason: input.reason,
      overrideReason,
      acknowledgedCautions: input.decision === 'approve' ? cautions : [],
    }
    const signature = await signContent(scope, scope.principal, input, meanings[input.decision], snapshot)
    const id = await insertClinicRow(scope, 'eligibility_decision', {
      patient_id: patientId,
      decision: input.decision,
      reason: input.reason,
      override_reason: overrideReason,
      snapshot: JSON.stringify(snapshot),
      content_hash: signature.contentHash,
      meaning: signature.meaning,
      signed_by: signature.signedBy,
      signer_name: signature.signerName,
      signed_at: signature.signedAt,
    })
    await scope.audit({
      action: 'eligibility.sign',
      entity: 'eligibility_decision',
      entityId: id,
      detail: {
        patientId,
        decision: input.decision,
        contentHash: signature.contentHash,
        override: overrideReason !== null,
      },
    })
    return toDecisionDto(
      await scope.tx
        .selectFrom('eligibility_decision')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    )
  },
)
