import type { ReferralBody } from '../../../contract/referrals'
import type { ReferralStatus } from '../../../db'
import { hasPermission } from '../../../domain/access/permissions'
import { type SelfCheckAnswers, summarizeSelfCheck } from '../../../domain/self-check'
import { clinicService } from '../../clinic-scope'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { uuidv7 } from '../../ids'
import { runPublicInClinic } from '../../public-scope'
import { inOwnerTransaction } from '../../tenancy'
import { type PageRequest, pageReply, pageWindow } from '../clinics/paging'
import * as store from './store'

// Which status changes staff may make, as data (style.md habit 11). "Registered" is final: the
// person is a patient now and their chart carries on from there.
const allowedTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  new: ['contacted', 'registered', 'declined'],
  contacted: ['new', 'registered', 'declined'],
  declined: ['contacted'],
  registered: [],
}

/** The clinics a visitor may send a self-check to: id, name and the phone number for patients. */
export function listPublicClinics(ctx: AppContext) {
  return inOwnerTransaction(ctx, (tx) =>
    tx.selectFrom('clinic').select(['id', 'name', 'phone']).orderBy('name').execute(),
  )
}

/**
 * Stores a self-check the person chose to send, in that clinic's row-level-secured transaction.
 * The server scores the PHQ-9 itself; item 9 > 0 flags the referral for same-day follow-up (§4).
 */
export async function submitReferral(ctx: AppContext, body: ReferralBody, ip: string | null) {
  const summary = summarizeSelfCheck(body.selfCheck as SelfCheckAnswers)
  const item9 = body.selfCheck.phq9.phq9_9 ?? 0
  return runPublicInClinic(ctx, { clinicId: body.clinicId, ip }, async (scope) => {
    const id = uuidv7(scope.now.getTime())
    await store.insertReferral(scope.tx, {
      id,
      clinic_id: scope.clinicId,
      received_at: scope.now,
      name: body.name,
      email: body.email,
      phone: body.phone,
      preferred_contact: body.preferredContact,
      self_check: JSON.stringify(body.selfCheck),
      phq9_total: summary.score.total,
      phq9_item9: item9,
      is_urgent: summary.hasSelfHarmThoughts,
      consent_to_contact: body.consentToContact,
    })
    // No name or contact details in the audit trail's detail: the row holds them.
    await scope.audit({
      action: 'referral.received',
      entity: 'referral',
      entityId: id,
      detail: { phq9Total: summary.score.total, isUrgent: summary.hasSelfHarmThoughts },
    })
    return { id, receivedAt: scope.now, isUrgent: summary.hasSelfHarmThoughts }
  })
}

/** A referral as the caller may see it: the self-check answers only for chart readers. */
function toReferralDto(row: store.ReferralRow, canReadClinical: boolean) {
  const dto = toFullReferralDto(row)
  return canReadClinical ? dto : { ...dto, selfCheck: null, phq9Total: null, phq9Item9: null }
}

function toFullReferralDto(row: store.ReferralRow) {
  return {
    id: row.id,
    receivedAt: row.received_at,
    name: row.name,
    email: row.email,
    phone: row.phone,
    preferredContact: row.preferred_contact,
    selfCheck: row.self_check as unknown as SelfCheckAnswers,
    phq9Total: row.phq9_total,
    phq9Item9: row.phq9_item9,
    isUrgent: row.is_urgent,
    status: row.status,
    handledBy: row.handled_by_name,
    handledAt: row.handled_at,
    version: row.version,
  }
}

export const listReferrals = clinicService(
  { permission: 'patients:read', action: 'referrals.list', entity: 'referral' },
  async (scope, q: PageRequest & { status?: ReferralStatus | undefined }) => {
    const { rows, total } = await store.listReferrals(scope.tx, scope.clinicId, q.status, pageWindow(q))
    const clinical = hasPermission(scope.membership.role, 'clinical:read')
    await scope.audit({
      action: 'referrals.list',
      entity: 'referral',
      detail: { status: q.status ?? null, referralIds: rows.map((r) => r.id), answersShown: clinical },
    })
    return pageReply(
      rows.map((r) => toReferralDto(r, clinical)),
      total,
      q,
    )
  },
)

export const changeReferralStatus = clinicService(
  { permission: 'demographics:write', action: 'referral.status', entity: 'referral' },
  async (scope, referralId: string, change: { status: ReferralStatus; version: number }) => {
    const current = await store.findReferral(scope.tx, scope.clinicId, referralId)
    if (!current) throw new AppError('not-found', 'No such referral in this clinic.')
    if (current.version !== change.version) {
      throw new AppError('stale-version', 'This referral was changed by someone else. Reload it.')
    }
    if (current.status !== change.status && !allowedTransitions[current.status].includes(change.status)) {
      throw new AppError('conflict', `A referral that is ${current.status} cannot become ${change.status}.`, {
        fieldErrors: [{ field: 'status', message: `not allowed from ${current.status}` }],
      })
    }
    const isUpdated = await store.updateReferralStatus(scope.tx, scope.clinicId, referralId, {
      ...change,
      handledBy: scope.principal.userId,
      handledAt: scope.now,
    })
    if (!isUpdated)
      throw new AppError('stale-version', 'This referral was changed by someone else. Reload it.')
    await scope.audit({
      action: 'referral.status',
      entity: 'referral',
      entityId: referralId,
      detail: { from: current.status, to: change.status },
    })
    const updated = await store.findReferral(scope.tx, scope.clinicId, referralId)
    return toReferralDto(updated!, hasPermission(scope.membership.role, 'clinical:read'))
  },
)
