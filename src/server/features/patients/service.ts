import type { PatientSex } from '../../../db'
import { hasPermission } from '../../../domain/access/permissions'
import { CONTRAINDICATION_QUESTIONS } from '../../../domain/eligibility'
import type { ClinicScope } from '../../clinic-scope'
import { clinicService } from '../../clinic-scope'
import { errorInfo } from '../../corrections'
import { AppError } from '../../errors'
import { deriveStage } from '../chart/stage'
import { insertClinicRow } from '../clinics/clinic-rows'
import { type PageRequest, pageReply, pageWindow } from '../clinics/paging'
import { type AddressPart, addressLine, mergeAddress } from './address'
import { patientRecordReader, recordCorrection } from './record'
import * as store from './store'

export interface PatientInput {
  mrn: string
  givenName: string
  familyName: string
  dateOfBirth: string
  sex: PatientSex
  phone?: string | null | undefined
  email?: string | null | undefined
  /** Postal address in parts, all required at registration (§8: the administration log names it). */
  addressStreet: string
  addressCity: string
  addressState: string
  addressPostalCode: string
  escortName?: string | null | undefined
  escortPhone?: string | null | undefined
  emergencyContactName?: string | null | undefined
  emergencyContactPhone?: string | null | undefined
  emergencyContactRelation?: string | null | undefined
}

const columnOf = {
  mrn: 'mrn',
  givenName: 'given_name',
  familyName: 'family_name',
  dateOfBirth: 'date_of_birth',
  sex: 'sex',
  phone: 'phone',
  email: 'email',
  addressStreet: 'address_street',
  addressCity: 'address_city',
  addressState: 'address_state',
  addressPostalCode: 'address_postal_code',
  escortName: 'escort_name',
  escortPhone: 'escort_phone',
  emergencyContactName: 'emergency_contact_name',
  emergencyContactPhone: 'emergency_contact_phone',
  emergencyContactRelation: 'emergency_contact_relation',
} as const satisfies Record<keyof PatientInput, keyof store.PatientRow>

export function toPatientDto(row: store.PatientRow) {
  return {
    id: row.id,
    mrn: row.mrn,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    phone: row.phone,
    email: row.email,
    address: row.address,
    addressStreet: row.address_street,
    addressCity: row.address_city,
    addressState: row.address_state,
    addressPostalCode: row.address_postal_code,
    escortName: row.escort_name,
    escortPhone: row.escort_phone,
    emergencyContactName: row.emergency_contact_name,
    emergencyContactPhone: row.emergency_contact_phone,
    emergencyContactRelation: row.emergency_contact_relation,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  }
}

function toColumns(input: { [K in keyof PatientInput]?: PatientInput[K] | null }): Partial<store.PatientRow> {
  const changes: Record<string, unknown> = {}
  for (const [key, column] of Object.entries(columnOf)) {
    const value = input[key as keyof PatientInput]
    if (value !== undefined) changes[column] = typeof value === 'string' ? value.trim() || null : value
  }
  return changes as Partial<store.PatientRow>
}

function duplicateError(
  dups: { id: string; mrn: string; given_name: string; family_name: string; date_of_birth: string }[],
) {
  return new AppError(
    'conflict',
    `A patient with the same name and date of birth already exists (MRN ${dups.map((d) => d.mrn).join(', ')}). Open that chart, or confirm this is a different person.`,
    {
      extra: {
        duplicateOf: dups.map((d) => ({
          id: d.id,
          mrn: d.mrn,
          name: `${d.given_name} ${d.family_name}`,
          dateOfBirth: d.date_of_birth,
        })),
      },
      fieldErrors: [
        { field: 'confirmNotDuplicate', message: 'likely duplicate: same name and date of birth' },
      ],
    },
  )
}

export const listPatients = clinicService(
  { permission: 'patients:read', action: 'patients.list', entity: 'patient' },
  async (scope, q: PageRequest & { q?: string | undefined; dateOfBirth?: string | undefined }) => {
    const { rows, total } = await store.searchPatients(scope.tx, scope.clinicId, {
      q: q.q,
      dateOfBirth: q.dateOfBirth,
      window: pageWindow(q),
      contraindicationQuestionCount: CONTRAINDICATION_QUESTIONS.length,
    })
    await scope.audit({
      action: 'patients.list',
      entity: 'patient',
      detail: { query: q.q ?? null, count: rows.length, patientIds: rows.map((r) => r.id) },
    })
    return pageReply(
      rows.map((r) => withStage(r, readsChart(scope))),
      total,
      q,
    )
  },
)

/**
 * The demographics plus where the patient stands. Stage and open safety alerts are clinical
 * (a declined decision, a suicidality alert): a role that may not read the chart (front desk)
 * gets only what booking needs — whether the patient is ready for a treatment session (issue 13).
 */
function withStage(
  r: Awaited<ReturnType<typeof store.findPatientWithStageFacts>> & object,
  canReadClinical: boolean,
) {
  const stage = deriveStage({
    latestDecision: r.latest_decision as 'approve' | 'decline' | 'defer' | null,
    hasApprovedPlan: r.has_approved_plan,
    hasCurrentConsent: r.has_current_consent,
    isAssessmentComplete: r.is_assessment_complete,
  })
  return {
    ...toPatientDto(r),
    stage: canReadClinical ? stage : null,
    openAlerts: canReadClinical ? Number(r.open_alerts) : null,
    isReadyForTreatment: stage === 'ready-for-treatment',
  }
}

const readsChart = (scope: ClinicScope) => hasPermission(scope.membership.role, 'clinical:read')

export const getPatient = clinicService(
  { permission: 'patients:read', action: 'patients.read', entity: 'patient' },
  async (scope, patientId: string) => {
    const row = await store.findPatientWithStageFacts(
      scope.tx,
      scope.clinicId,
      patientId,
      CONTRAINDICATION_QUESTIONS.length,
    )
    if (!row) throw new AppError('not-found', 'No such patient in this clinic.')
    await scope.audit({ action: 'patients.read', entity: 'patient', entityId: patientId })
    return withStage(row, readsChart(scope))
  },
)

export const createPatient = clinicService(
  { permission: 'demographics:write', action: 'patients.create', entity: 'patient' },
  async (scope, input: PatientInput & { confirmNotDuplicate?: boolean | undefined }) => {
    const mrn = input.mrn.trim()
    if (await store.findPatientByMrn(scope.tx, scope.clinicId, mrn)) {
      throw new AppError('conflict', `MRN ${mrn} is already used in this clinic.`, {
        fieldErrors: [{ field: 'mrn', message: 'already used in this clinic' }],
      })
    }
    const dups = await store.findLikelyDuplicates(scope.tx, scope.clinicId, input)
    if (dups.length > 0 && !input.confirmNotDuplicate) throw duplicateError(dups)
    const id = await insertClinicRow(scope, 'patient', {
      ...(toColumns(input) as Pick<
        store.PatientRow,
        'mrn' | 'given_name' | 'family_name' | 'date_of_birth' | 'sex'
      >),
      address: addressLine(input),
      created_at: scope.now,
      created_by: scope.principal.userId,
      updated_at: scope.now,
    })
    await scope.audit({
      action: 'patients.create',
      entity: 'patient',
      entityId: id,
      detail: { mrn, confirmedNotDuplicate: dups.length > 0 },
    })
    return toPatientDto((await store.findPatient(scope.tx, scope.clinicId, id))!)
  },
)

export const updatePatient = clinicService(
  { permission: 'demographics:write', action: 'patients.update', entity: 'patient' },
  async (
    scope,
    patientId: string,
    input: Partial<Omit<PatientInput, AddressPart>> &
      Partial<Record<AddressPart, string | null>> & {
        version: number
        confirmNotDuplicate?: boolean | undefined
      },
  ) => {
    const current = await store.requirePatient(scope.tx, scope.clinicId, patientId)
    if (current.version !== input.version) {
      throw new AppError(
        'stale-version',
        'Someone else changed this patient since you opened the form. Reload to see their changes, then make yours again.',
        { extra: { currentVersion: current.version } },
      )
    }
    const { version, confirmNotDuplicate, ...fields } = input
    const { addressStreet, addressCity, addressState, addressPostalCode, ...others } = fields
    const changes = toColumns(others)
    const address = mergeAddress(
      {
        addressStreet: current.address_street,
        addressCity: current.address_city,
        addressState: current.address_state,
        addressPostalCode: current.address_postal_code,
      },
      { addressStreet, addressCity, addressState, addressPostalCode },
    )
    if (address) Object.assign(changes, toColumns(address), { address: addressLine(address) })
    if (changes.mrn && changes.mrn !== current.mrn) {
      const other = await store.findPatientByMrn(scope.tx, scope.clinicId, changes.mrn)
      if (other)
        throw new AppError('conflict', `MRN ${changes.mrn} is already used in this clinic.`, {
          fieldErrors: [{ field: 'mrn', message: 'already used in this clinic' }],
        })
    }
    const next = {
      givenName: changes.given_name ?? current.given_name,
      familyName: changes.family_name ?? current.family_name,
      dateOfBirth: changes.date_of_birth ?? current.date_of_birth,
    }
    const isIdentityChanged =
      next.givenName !== current.given_name ||
      next.familyName !== current.family_name ||
      next.dateOfBirth !== current.date_of_birth
    if (isIdentityChanged) {
      const dups = await store.findLikelyDuplicates(scope.tx, scope.clinicId, next, patientId)
      if (dups.length > 0 && !confirmNotDuplicate) throw duplicateError(dups)
    }
    const result = await store.updatePatient(scope.tx, scope.clinicId, patientId, version, changes, scope.now)
    if (result.numUpdatedRows === 0n)
      throw new AppError(
        'stale-version',
        'Someone else changed this patient since you opened the form. Reload to see their changes.',
      )
    // The audit keeps the values before the change, so the record's history can be rebuilt.
    const before: Record<string, string | null> = {}
    for (const column of Object.keys(changes))
      before[column] = String(current[column as keyof store.PatientRow] ?? '') || null
    await scope.audit({
      action: 'patients.update',
      entity: 'patient',
      entityId: patientId,
      detail: { changed: Object.keys(changes), before },
    })
    return toPatientDto((await store.findPatient(scope.tx, scope.clinicId, patientId))!)
  },
)

function toMeasurementDto(row: Awaited<ReturnType<typeof store.listMeasurements>>[number]) {
  return {
    id: row.id,
    measuredAt: row.measured_at,
    weightKg: Number(row.weight_kg),
    heightCm: row.height_cm === null ? null : Number(row.height_cm),
    recordedBy: row.recorded_by,
    enteredInError: errorInfo(row),
  }
}

export const listMeasurements = patientRecordReader(
  { action: 'measurements.list', entity: 'body_measurement' },
  async (tx, clinicId, patientId) =>
    (await store.listMeasurements(tx, clinicId, patientId)).map(toMeasurementDto),
)

export const addMeasurement = clinicService(
  { permission: 'clinical:write', action: 'measurements.add', entity: 'body_measurement' },
  async (
    scope,
    patientId: string,
    input: { weightKg: number; heightCm?: number | null | undefined; measuredAt?: Date | undefined },
  ) => {
    await store.requirePatient(scope.tx, scope.clinicId, patientId)
    const id = await insertClinicRow(scope, 'body_measurement', {
      patient_id: patientId,
      measured_at: input.measuredAt ?? scope.now,
      weight_kg: input.weightKg.toFixed(2),
      height_cm: input.heightCm == null ? null : input.heightCm.toFixed(1),
      recorded_by: scope.principal.userId,
      created_at: scope.now,
    })
    await scope.audit({
      action: 'measurements.add',
      entity: 'body_measurement',
      entityId: id,
      detail: { patientId },
    })
    const rows = await store.listMeasurements(scope.tx, scope.clinicId, patientId)
    return toMeasurementDto(rows.find((r) => r.id === id)!)
  },
)

export const markMeasurementInError = recordCorrection('body_measurement')
