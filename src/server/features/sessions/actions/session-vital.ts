import type { ClinicScope } from '../../../clinic-scope'
import { AppError } from '../../../errors'
import { uuidv7 } from '../../../ids'
import * as store from '../store'

// A vital sign charted in a session: from the vitals pad (vitals.ts) or as the recheck entered with
// an alert's acknowledgement (alert-ack.ts).

/** The measures of a session's reading: those of the vital-sign row, in a chair-side context. */
export type SessionVitalsInput = Omit<
  Parameters<typeof store.insertVitalSign>[1],
  'id' | 'clinicId' | 'patientId' | 'sessionId' | 'context' | 'measuredAt' | 'recordedBy' | 'now'
> & { context: 'pre' | 'intra' | 'post'; measuredAt?: Date | undefined }

/** Diastolic below systolic; a 400 naming the field (with a prefix for a nested reading). */
export function checkVitalsInput(input: SessionVitalsInput, prefix = ''): void {
  if (input.systolicMmHg != null && input.diastolicMmHg != null && input.diastolicMmHg >= input.systolicMmHg)
    throw new AppError('validation-failed', 'Diastolic pressure must be below systolic.', {
      fieldErrors: [{ field: `${prefix}diastolicMmHg`, message: 'must be below the systolic pressure' }],
    })
}

export const vitalsOutsideTheChair = (state: string) =>
  new AppError('conflict', `Vitals are charted between check-in and discharge; this session is ${state}.`)

/** One vital sign row, audited; the caller has checked the session and the input. */
export async function insertSessionVital(
  scope: ClinicScope,
  sessionId: string,
  patientId: string,
  input: SessionVitalsInput,
): Promise<string> {
  const id = uuidv7(scope.now.getTime())
  await store.insertVitalSign(scope.tx, {
    ...input,
    id,
    clinicId: scope.clinicId,
    patientId,
    sessionId,
    measuredAt: input.measuredAt ?? scope.now,
    recordedBy: scope.principal.userId,
    now: scope.now,
  })
  await scope.audit({
    action: 'sessions.vitals',
    entity: 'vital_sign',
    entityId: id,
    detail: { patientId, sessionId },
  })
  return id
}
