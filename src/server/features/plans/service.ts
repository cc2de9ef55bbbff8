import type { Selectable } from 'kysely'
import type { TreatmentPlanTable } from '../../../db'
import { signatureMeanings } from '../../../domain/access/signature-meanings'
import {
  type BodyMeasurements,
  calculateProtocolDose,
  type DevicePlan,
  type DoseLimitFinding,
  type DoseSettings,
  devicesForDose,
  esketamineDeviceMg,
  esketamineDoseOptionsMg,
  esketamineStartDose,
  findProtocol,
  type IvDose,
  type IvProtocol,
  minutesBetweenDevices,
  type Protocol,
  planDoseFindings,
  type WeightBasis,
} from '../../../domain/dosing'
import { DomainValidationError } from '../../../domain/errors'
import { ageInYearsAt } from '../../../domain/time'
import { clinicService } from '../../clinic-scope'
import { clinicTimeZone, loadClinicSettings } from '../../clinic-settings'
import type { Tx } from '../../context'
import { AppError } from '../../errors'
import { type SignerProof, signContent } from '../auth/signature'
import { insertClinicRow } from '../clinics/clinic-rows'
import { loadConsents } from '../consent/service'
import { listDecisionsOf } from '../eligibility/service'
import { patientRecordReader } from '../patients/record'
import { findPatient, listPatientRows, requirePatient } from '../patients/store'
import { latestHeightCm } from '../sessions/store'

export interface PlanInput {
  protocolId: string
  doseBasis: WeightBasis
  doseMgPerKg?: number | null | undefined
  doseMg?: number | null | undefined
  maxDoseMgPerKg?: number | null | undefined
  /** Dose on the ideal/adjusted weight even above actual weight (§2: needs a signed override at approval). */
  doseAboveActualWeight?: boolean | undefined
  plannedSessions?: number | undefined
  cadence?: string | undefined
  note?: string | null | undefined
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value))

/** A plan's dose as the plan and the session view show it. */
export function planDoseOf(row: Selectable<TreatmentPlanTable>) {
  return {
    doseBasis: row.dose_basis,
    doseMgPerKg: numberOrNull(row.dose_mg_per_kg),
    doseMg: numberOrNull(row.dose_mg),
    maxDoseMgPerKg: numberOrNull(row.max_dose_mg_per_kg),
    doseAboveActualWeight: row.dose_above_actual_weight,
    // The §2 limits the approval signature overrides, and why (the approval's content hash covers it).
    doseOverride:
      row.dose_override_limits && row.dose_override_reason
        ? { limits: row.dose_override_limits, reason: row.dose_override_reason }
        : null,
  }
}

export function toPlanDto(row: Selectable<TreatmentPlanTable>) {
  return {
    id: row.id,
    protocolId: row.protocol_id,
    ...planDoseOf(row),
    plannedSessions: row.planned_sessions,
    cadence: row.cadence,
    note: row.note,
    status: row.status,
    createdAt: row.created_at,
    approvedBy: row.approved_by,
    approverName: row.approver_name,
    approvedAt: row.approved_at,
    contentHash: row.content_hash,
    version: row.version,
  }
}

export function listPlansOf(tx: Tx, clinicId: string, patientId: string) {
  return listPatientRows(tx, 'treatment_plan', clinicId, patientId, 'created_at')
}

function resolveProtocol(protocolId: string): Protocol {
  try {
    return findProtocol(protocolId)
  } catch (error) {
    if (error instanceof DomainValidationError)
      throw new AppError('validation-failed', `Unknown protocol "${protocolId}".`, {
        fieldErrors: [{ field: 'protocolId', message: 'is not a known protocol' }],
      })
    throw error
  }
}

/**
 * Checks a plan against its protocol and fills the protocol's defaults (clinical-reference §2, §3).
 * `ageYears` picks the esketamine ≥ 65 schedule (§3: start 28 mg, then 28, 56 or 84 mg).
 * A draft may go beyond the §2 dose limits (titration ceiling, dosing weight above actual); its
 * approval then needs the prescriber's signed override with a reason (`approvePlan`).
 */
function normalizePlan(input: PlanInput, settings: DoseSettings, ageYears: number) {
  const protocol = resolveProtocol(input.protocolId)
  const invalid = (field: string, message: string) =>
    new AppError('validation-failed', `${field} ${message}.`, { fieldErrors: [{ field, message }] })
  if (protocol.route === 'iv-infusion') {
    const doseMgPerKg = input.doseMgPerKg ?? protocol.doseMgPerKg
    const maxDoseMgPerKg = input.maxDoseMgPerKg ?? settings.titrationCeilingMgPerKg
    if (input.doseAboveActualWeight && input.doseBasis === 'actual')
      throw invalid('doseAboveActualWeight', 'applies only to the ideal or adjusted weight basis')
    if (doseMgPerKg > maxDoseMgPerKg)
      throw invalid('doseMgPerKg', `must not exceed the titration limit of ${maxDoseMgPerKg} mg/kg`)
    const cadence = input.cadence ?? protocol.cadences[0]!.id
    if (!protocol.cadences.some((c) => c.id === cadence))
      throw invalid('cadence', `must be one of ${protocol.cadences.map((c) => c.id).join(', ')}`)
    return {
      protocol,
      doseMgPerKg,
      doseMg: null,
      maxDoseMgPerKg,
      doseAboveActualWeight: input.doseAboveActualWeight === true,
      cadence,
      plannedSessions: input.plannedSessions ?? protocol.courseSessions,
    }
  }
  const doseOptions = esketamineDoseOptionsMg(protocol, ageYears)
  const doseMg = input.doseMg ?? esketamineStartDose(protocol, ageYears).doseMg
  if (!doseOptions.includes(doseMg))
    throw invalid('doseMg', `must be one of ${doseOptions.join(', ')} mg for this protocol`)
  const frequencies = [...new Set(protocol.phases.flatMap((p) => p.frequencies))]
  const cadence = input.cadence ?? 'label-schedule'
  if (cadence !== 'label-schedule' && !frequencies.includes(cadence as (typeof frequencies)[number]))
    throw invalid('cadence', `must be label-schedule or one of ${frequencies.join(', ')}`)
  return {
    protocol,
    doseMgPerKg: null,
    doseMg,
    maxDoseMgPerKg: null,
    doseAboveActualWeight: false,
    cadence,
    plannedSessions: input.plannedSessions ?? 8,
  }
}

export const createPlan = clinicService(
  { permission: 'clinical:sign', action: 'plans.create', entity: 'treatment_plan' },
  async (scope, patientId: string, input: PlanInput) => {
    const patient = await requirePatient(scope.tx, scope.clinicId, patientId)
    const timeZone = await clinicTimeZone(scope.tx, scope.clinicId)
    const ageYears = ageInYearsAt(patient.date_of_birth, scope.now, timeZone)
    const plan = normalizePlan(input, (await loadClinicSettings(scope.tx, scope.clinicId)).dose, ageYears)
    const id = await insertClinicRow(scope, 'treatment_plan', {
      patient_id: patientId,
      protocol_id: plan.protocol.id,
      dose_basis: input.doseBasis,
      dose_mg_per_kg: plan.doseMgPerKg === null ? null : String(plan.doseMgPerKg),
      dose_mg: plan.doseMg === null ? null : String(plan.doseMg),
      max_dose_mg_per_kg: plan.maxDoseMgPerKg === null ? null : String(plan.maxDoseMgPerKg),
      dose_above_actual_weight: plan.doseAboveActualWeight,
      planned_sessions: plan.plannedSessions,
      cadence: plan.cadence,
      note: input.note ?? null,
      status: 'draft',
      created_by: scope.principal.userId,
      created_at: scope.now,
      approved_by: null,
      approver_name: null,
      approved_at: null,
      content_hash: null,
    })
    await scope.audit({
      action: 'plans.create',
      entity: 'treatment_plan',
      entityId: id,
      detail: { patientId, protocolId: plan.protocol.id },
    })
    return loadPlans(scope.tx, scope.clinicId, patientId)
  },
)

/** The latest recorded weight (and latest height) of a patient, with the sex Devine needs. */
async function latestBody(tx: Tx, clinicId: string, patientId: string) {
  const [patient, measurement, heightCm] = await Promise.all([
    findPatient(tx, clinicId, patientId),
    tx
      .selectFrom('body_measurement')
      .select(['weight_kg', 'measured_at'])
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      .where('entered_in_error_at', 'is', null)
      .orderBy('measured_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    latestHeightCm(tx, clinicId, patientId),
  ])
  if (!measurement) return null
  const sex = patient?.sex === 'female' ? 'F' : patient?.sex === 'male' ? 'M' : undefined
  const body: BodyMeasurements = {
    weightKg: Number(measurement.weight_kg),
    ...(heightCm !== null ? { heightCm } : {}),
    ...(sex ? { sex } : {}),
  }
  return { body, weighedAt: measurement.measured_at }
}

type PlanDto = ReturnType<typeof toPlanDto>
type Body = Awaited<ReturnType<typeof latestBody>>

/**
 * What a plan's dose comes to, by route: an IV plan's dose at the latest weight (or why it could
 * not be computed), an esketamine plan's devices of 28 mg used 5 minutes apart (§3).
 */
export type PlanDosePreview =
  | ({ kind: 'iv'; weightKg: number; weighedAt: Date } & IvDose)
  | { kind: 'unavailable'; reason: string }
  | ({ kind: 'esketamine'; deviceMg: number; minutesBetweenDevices: number } & DevicePlan)

/**
 * An IV plan's dose at the latest weight and the §2 limits it goes beyond (each needs the
 * prescriber's signed override with a reason at approval).
 */
function ivDoseReview(protocol: IvProtocol, dto: PlanDto, body: Body, settings: DoseSettings) {
  let dosePreview: PlanDosePreview | null = null
  let dose: ReturnType<typeof calculateProtocolDose> | undefined
  if (body && dto.doseMgPerKg !== null) {
    try {
      dose = calculateProtocolDose(protocol, {
        body: body.body,
        basis: dto.doseBasis,
        doseMgPerKg: dto.doseMgPerKg,
        settings,
        isAboveActualAllowed: dto.doseAboveActualWeight,
      })
      dosePreview = { kind: 'iv', weightKg: body.body.weightKg, weighedAt: body.weighedAt, ...dose }
    } catch (error) {
      if (!(error instanceof DomainValidationError)) throw error
      dosePreview = { kind: 'unavailable', reason: error.message }
    }
  }
  const limitFindings: DoseLimitFinding[] =
    dto.doseMgPerKg === null
      ? []
      : planDoseFindings(
          {
            doseMgPerKg: dto.doseMgPerKg,
            maxDoseMgPerKg: dto.maxDoseMgPerKg ?? dto.doseMgPerKg,
            isAboveActualAllowed: dto.doseAboveActualWeight,
          },
          settings,
          dose,
        )
  return { dosePreview, limitFindings }
}

/** Plans with, for IV protocols, the dose each would give at the latest recorded weight. */
export async function loadPlans(tx: Tx, clinicId: string, patientId: string) {
  const [rows, body, settings] = await Promise.all([
    listPlansOf(tx, clinicId, patientId),
    latestBody(tx, clinicId, patientId),
    loadClinicSettings(tx, clinicId),
  ])
  return rows.map((row) => {
    const dto = toPlanDto(row)
    const protocol = resolveProtocol(row.protocol_id)
    let dosePreview: PlanDosePreview | null = null
    let limitFindings: DoseLimitFinding[] = []
    if (protocol.route === 'iv-infusion')
      ({ dosePreview, limitFindings } = ivDoseReview(protocol, dto, body, settings.dose))
    if (protocol.route === 'intranasal' && dto.doseMg !== null) {
      // Esketamine is a fixed dose: the preview is the devices it takes, 5 minutes apart (§3).
      dosePreview = {
        kind: 'esketamine',
        ...devicesForDose(dto.doseMg),
        deviceMg: esketamineDeviceMg,
        minutesBetweenDevices,
      }
    }
    return {
      ...dto,
      // Which fields apply: mg/kg, weight basis and titration limit are IV only; doseMg is esketamine only.
      route: protocol.route,
      protocolName: protocol.name,
      ceilingMgPerKg: protocol.route === 'iv-infusion' ? settings.dose.titrationCeilingMgPerKg : null,
      // For a draft: what its approval must override (§2); an approved plan shows doseOverride.
      limitsNeedingOverride: row.status === 'draft' ? limitFindings : [],
      dosePreview,
    }
  })
}

export const listPlans = patientRecordReader({ action: 'plans.list', entity: 'treatment_plan' }, loadPlans)

/**
 * Approves a draft with the prescriber's signature. Refused without an approved eligibility
 * decision and a current consent (design.md §1: unsafe records are blocked); an earlier approved
 * plan of the patient is superseded. A plan beyond a §2 dose limit (titration ceiling per kg of
 * actual weight, dosing weight above actual) is refused unless the approval carries the
 * prescriber's override reason: the same signature then covers the override, which is stored on
 * the plan and audited.
 */
export const approvePlan = clinicService(
  { permission: 'clinical:sign', action: 'plans.approve', entity: 'treatment_plan' },
  async (
    scope,
    patientId: string,
    planId: string,
    input: { version: number; doseOverride?: { reason: string } | undefined } & SignerProof,
  ) => {
    const plan = await scope.tx
      .selectFrom('treatment_plan')
      .selectAll()
      .where('clinic_id', '=', scope.clinicId)
      .where('patient_id', '=', patientId)
      .where('id', '=', planId)
      .executeTakeFirst()
    if (!plan) throw new AppError('not-found', 'No such plan for this patient.')
    if (plan.version !== input.version)
      throw new AppError('stale-version', 'This plan changed since you opened it. Reload before approving.')
    if (plan.status !== 'draft')
      throw new AppError('conflict', `Only a draft can be approved; this plan is ${plan.status}.`)
    const [decision] = await listDecisionsOf(scope.tx, scope.clinicId, patientId)
    const blockers: string[] = []
    if (decision?.decision !== 'approve') blockers.push('an approved eligibility decision')
    if (!(await loadConsents(scope.tx, scope.clinicId, patientId)).some((c) => c.isCurrent))
      blockers.push('a current signed consent')
    if (blockers.length > 0)
      throw new AppError('conflict', `The plan cannot be approved yet: it needs ${blockers.join(' and ')}.`, {
        extra: { blockers },
      })
    const dto = toPlanDto(plan)
    const protocol = resolveProtocol(plan.protocol_id)
    const findings =
      protocol.route === 'iv-infusion'
        ? ivDoseReview(
            protocol,
            dto,
            await latestBody(scope.tx, scope.clinicId, patientId),
            (await loadClinicSettings(scope.tx, scope.clinicId)).dose,
          ).limitFindings
        : []
    const reason = input.doseOverride?.reason.trim() || null
    if (findings.length > 0 && !reason)
      throw new AppError(
        'validation-failed',
        `This plan goes beyond the clinic's dose limits: ${findings.map((f) => f.message).join('; ')}. Approving it needs your signed override with a reason.`,
        {
          fieldErrors: [
            ...findings.map((f) => ({
              field: f.field,
              message: `${f.message}; needs a signed override with a reason`,
            })),
            {
              field: 'doseOverride.reason',
              message: "required to approve a plan beyond the clinic's dose limits",
            },
          ],
          extra: { limits: [...new Set(findings.map((f) => f.limit))] },
        },
      )
    if (findings.length === 0 && reason)
      throw new AppError(
        'validation-failed',
        "This plan is within the clinic's dose limits; there is nothing to override.",
        {
          fieldErrors: [{ field: 'doseOverride.reason', message: 'no dose limit to override' }],
        },
      )
    const doseOverride = reason ? { limits: [...new Set(findings.map((f) => f.limit))], reason } : null
    const signature = await signContent(
      scope,
      scope.principal,
      input,
      doseOverride ? signatureMeanings.planApproveWithDoseOverride : signatureMeanings.planApprove,
      doseOverride ? { ...dto, doseOverride: { ...doseOverride, findings } } : dto,
    )
    await scope.tx
      .updateTable('treatment_plan')
      .set((eb) => ({ status: 'superseded', version: eb('version', '+', 1) }))
      .where('clinic_id', '=', scope.clinicId)
      .where('patient_id', '=', patientId)
      .where('status', '=', 'approved')
      .execute()
    await scope.tx
      .updateTable('treatment_plan')
      .set((eb) => ({
        status: 'approved',
        approved_by: signature.signedBy,
        approver_name: signature.signerName,
        approved_at: signature.signedAt,
        content_hash: signature.contentHash,
        dose_override_limits: doseOverride ? JSON.stringify(doseOverride.limits) : null,
        dose_override_reason: doseOverride?.reason ?? null,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', planId)
      .execute()
    await scope.audit({
      action: 'plans.approve',
      entity: 'treatment_plan',
      entityId: planId,
      detail: { patientId, contentHash: signature.contentHash, doseOverride: doseOverride !== null },
    })
    if (doseOverride)
      await scope.audit({
        action: 'plans.dose-limit-override',
        entity: 'treatment_plan',
        entityId: planId,
        detail: { patientId, limits: doseOverride.limits.join(','), reason: doseOverride.reason },
      })
    return loadPlans(scope.tx, scope.clinicId, patientId)
  },
)
