import type { PortalSessionScope } from '../../../db'
import type { CanonicalValue } from '../../../domain/ledger/hash-chain'
import { type AuditInput, appendAudit } from '../../audit/append-audit'
import type { ClinicScope } from '../../clinic-scope'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { Membership } from '../../principal'
import { inClinicTransaction } from '../../tenancy'

export interface PortalPatient {
  patientId: string
  clinicId: string
  email: string
  sessionId: string
  scope: PortalSessionScope
  surveyId: string | null
  ip: string | null
}

/**
 * The portal's way into clinic data: the patient's own clinic, under row-level security, every read
 * and write audited with the patient as actor. The scope it hands on looks like a staff scope so
 * shared writers (scored responses, safety alerts) work unchanged; services filter by the
 * patient's id themselves, so a patient only ever reaches their own rows.
 */
export function runForPatient<T>(
  ctx: AppContext,
  patient: PortalPatient,
  work: (scope: ClinicScope) => Promise<T>,
): Promise<T> {
  // The routes already refuse a session still waiting for its code; this keeps it true for any caller.
  if (patient.scope === 'mfa-pending') return Promise.reject(mfaPendingError())
  const now = ctx.now()
  // A patient is not a staff member: the role below only satisfies the shared scope's shape.
  const membership = {
    clinicId: patient.clinicId,
    clinicName: '',
    organizationName: '',
    role: 'patient',
  } as unknown as Membership
  return inClinicTransaction(ctx, patient.clinicId, async (tx) => {
    const events: AuditInput[] = []
    const result = await work({
      tx,
      clinicId: patient.clinicId,
      membership,
      secrets: ctx.secrets,
      principal: {
        userId: patient.patientId,
        email: patient.email,
        displayName: 'patient',
        sessionId: patient.sessionId,
        memberships: [membership],
        ip: patient.ip,
      },
      now,
      audit: async (event) => {
        events.push({
          clinicId: patient.clinicId,
          actorUserId: patient.patientId,
          actorEmail: `patient:${patient.email}`,
          outcome: 'success',
          ip: patient.ip,
          entityId: event.entityId ?? null,
          action: event.action,
          entity: event.entity,
          detail: (event.detail ?? null) as Record<string, CanonicalValue> | null,
        })
      },
    })
    for (const event of events) await appendAudit(tx, event, now)
    return result
  })
}

export function mfaPendingError(): AppError {
  return new AppError('mfa-required', 'Enter the code from your authenticator app first.', {
    extra: { state: 'mfa-required' },
  })
}
