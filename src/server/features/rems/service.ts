import type { RemsRecordKind } from '../../../db'
import type { Permission } from '../../../domain/access/permissions'
import {
  missingRemsRequirements,
  type RemsRecords,
  type RemsRequirement,
  remsRefusalMessage,
} from '../../../domain/rems'
import { clinicDateOf } from '../../../domain/time'
import { type ClinicScope, readInClinic, runInClinic } from '../../clinic-scope'
import { clinicTimeZone } from '../../clinic-settings'
import type { AppContext, Tx } from '../../context'
import { AppError } from '../../errors'
import type { Principal } from '../../principal'
import { insertClinicRow } from '../clinics/clinic-rows'
import { requirePatient } from '../patients/store'
import { listRemsRecords, type RemsRow } from './store'

// Esketamine REMS records (clinical-reference §3 ✅): the clinic's setting certification and each
// patient's enrolment. Entries are never changed or deleted; a correction is a newer entry with a
// reason, and the newest is the one in force.

export interface RemsEntryInput {
  identifier: string
  /** Date certified or enrolled, 'YYYY-MM-DD'. */
  effectiveOn: string
  /** Required when an entry already exists: why this one replaces it. */
  correctionReason?: string | null | undefined
}

function toEntryDto(row: RemsRow) {
  return {
    id: row.id,
    identifier: row.identifier,
    effectiveOn: row.effective_on,
    correctionReason: row.correction_reason,
    recordedBy: row.recorder_name,
    recordedAt: row.recorded_at,
  }
}

async function loadEntries(tx: Tx, clinicId: string, kind: RemsRecordKind, patientId: string | null) {
  const rows = await listRemsRecords(tx, clinicId, kind, patientId)
  const history = rows.map(toEntryDto)
  return { current: history[0] ?? null, history }
}

/** The records the hard stop reads, in the shape the domain rule takes. */
export async function loadRemsRecords(tx: Tx, clinicId: string, patientId: string): Promise<RemsRecords> {
  const [certification, enrolment] = await Promise.all([
    listRemsRecords(tx, clinicId, 'setting-certification', null),
    listRemsRecords(tx, clinicId, 'patient-enrolment', patientId),
  ])
  const pick = (row: RemsRow | undefined) =>
    row ? { identifier: row.identifier, effectiveOn: row.effective_on } : null
  return { settingCertification: pick(certification[0]), patientEnrolment: pick(enrolment[0]) }
}

/**
 * The REMS hard stop: refuses (409, no override) when the clinic is not certified or the patient
 * not enrolled, naming what is missing. `action` completes "cannot be … without".
 */
export async function requireRemsRecords(
  tx: Tx,
  clinicId: string,
  patientId: string,
  action: 'booked' | 'dosed',
): Promise<void> {
  const missing: RemsRequirement[] = missingRemsRequirements(await loadRemsRecords(tx, clinicId, patientId))
  const message = remsRefusalMessage(missing, action)
  if (message) throw new AppError('conflict', message, { extra: { remsMissing: missing } })
}

async function appendEntry(
  scope: ClinicScope,
  kind: RemsRecordKind,
  patientId: string | null,
  input: RemsEntryInput,
): Promise<string> {
  const today = clinicDateOf(scope.now, await clinicTimeZone(scope.tx, scope.clinicId))
  if (input.effectiveOn > today)
    throw new AppError('validation-failed', 'effectiveOn must not be in the future.', {
      fieldErrors: [{ field: 'effectiveOn', message: `must be on or before ${today}` }],
    })
  const existing = await listRemsRecords(scope.tx, scope.clinicId, kind, patientId)
  const correctionReason = input.correctionReason?.trim() || null
  if (existing.length > 0 && !correctionReason)
    throw new AppError(
      'validation-failed',
      'An entry is already recorded: say why this one replaces it (the earlier entry is kept).',
      { fieldErrors: [{ field: 'correctionReason', message: 'required to correct an existing entry' }] },
    )
  return insertClinicRow(scope, 'rems_record', {
    kind,
    patient_id: patientId,
    entry_no: (existing[0]?.entry_no ?? 0) + 1,
    identifier: input.identifier.trim(),
    effective_on: input.effectiveOn,
    correction_reason: existing.length > 0 ? correctionReason : null,
    recorded_by: scope.principal.userId,
    recorder_name: scope.principal.displayName,
    recorded_at: scope.now,
  })
}

/**
 * The two kinds of entry, one flow: the clinic's certification has no patient, a patient's
 * enrolment names one (checked in this clinic and audited with the read).
 */
const entryKinds = {
  'setting-certification': {
    read: { permission: 'clinic:read', action: 'rems.certification.read' },
    record: { permission: 'rems:certify', action: 'rems.certification.record' },
  },
  'patient-enrolment': {
    read: { permission: 'patients:read', action: 'rems.enrolment.read' },
    record: { permission: 'clinical:write', action: 'rems.enrolment.record' },
  },
} as const satisfies Record<
  RemsRecordKind,
  Record<'read' | 'record', { permission: Permission; action: string }>
>

function readEntries(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  kind: RemsRecordKind,
  patientId: string | null,
) {
  const request = { clinicId, ...entryKinds[kind].read, entity: 'rems_record' }
  return readInClinic(
    ctx,
    principal,
    patientId === null ? request : { ...request, detail: { patientId } },
    async (scope) => {
      if (patientId !== null) await requirePatient(scope.tx, clinicId, patientId)
      return loadEntries(scope.tx, clinicId, kind, patientId)
    },
  )
}

/** Appends an entry, audits it and replies with the kind's entries as they now stand. */
function recordEntry(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  kind: RemsRecordKind,
  patientId: string | null,
  input: RemsEntryInput,
) {
  const { permission, action } = entryKinds[kind].record
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission, action, entity: 'rems_record' },
    async (scope) => {
      if (patientId !== null) await requirePatient(scope.tx, clinicId, patientId)
      const id = await appendEntry(scope, kind, patientId, input)
      await scope.audit({
        action,
        entity: 'rems_record',
        entityId: id,
        detail: {
          ...(patientId === null ? {} : { patientId }),
          identifier: input.identifier.trim(),
          effectiveOn: input.effectiveOn,
          correction: Boolean(input.correctionReason?.trim()),
        },
      })
      return loadEntries(scope.tx, clinicId, kind, patientId)
    },
  )
}

export function getSettingCertification(ctx: AppContext, principal: Principal, clinicId: string) {
  return readEntries(ctx, principal, clinicId, 'setting-certification', null)
}

/** An administrator or prescriber records the clinic's REMS healthcare-setting certification. */
export function recordSettingCertification(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  input: RemsEntryInput,
) {
  return recordEntry(ctx, principal, clinicId, 'setting-certification', null, input)
}

export function getPatientEnrolment(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  patientId: string,
) {
  return readEntries(ctx, principal, clinicId, 'patient-enrolment', patientId)
}

/** A prescriber or nurse records the patient's REMS enrolment. */
export function recordPatientEnrolment(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  patientId: string,
  input: RemsEntryInput,
) {
  return recordEntry(ctx, principal, clinicId, 'patient-enrolment', patientId, input)
}
