import { appendAudit } from '../../audit/append-audit'
import { type ClinicScope, clinicService, inAuditedClinicTransaction } from '../../clinic-scope'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { hashToken, randomToken } from '../../ids'
import { inOwnerTransaction } from '../../tenancy'
import { insertClinicRow } from '../clinics/clinic-rows'
import { doseTimersOf, sessionsOfClinicDay } from '../sessions/board'
import { loadSessionView } from '../sessions/view'
import * as store from './store'

// The Today board as a read-only display for a nurses' station (issue 14): a device token made by
// an administrator, shown once, kept only as its SHA-256, revocable. The display needs no staff
// sign-in and never locks, so what it may show is cut down to what a passer-by may see: chair,
// the patient's first-name initial, the phase and the timers. Nothing else leaves this file.

/** A polling display is audited when it opens and then at most this often, not on every refresh. */
const auditEveryMs = 10 * 60_000

/** An administrator's work on the clinic's displays (settings:manage), audited under its action. */
function displayOperation<A extends unknown[], T>(
  action: string,
  work: (scope: ClinicScope, ...args: A) => Promise<T>,
) {
  return clinicService({ permission: 'settings:manage', action, entity: 'board_display' }, work)
}

export const listDisplays = displayOperation('board-display.list', async (scope) => {
  const rows = await store.listDisplays(scope.tx, scope.clinicId)
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }))
})

/** Creates a display and returns its token: the only time anyone sees it. */
export const createDisplay = displayOperation('board-display.create', async (scope, name: string) => {
  const token = randomToken()
  const id = await insertClinicRow(scope, 'board_display', {
    name,
    token_hash: hashToken(token),
    created_by: scope.principal.userId,
    created_at: scope.now,
  })
  await scope.audit({
    action: 'board-display.create',
    entity: 'board_display',
    entityId: id,
    detail: { name },
  })
  return { id, name, token }
})

export const revokeDisplay = displayOperation('board-display.revoke', async (scope, displayId: string) => {
  const row = await scope.tx
    .updateTable('board_display')
    .set({ revoked_at: scope.now, revoked_by: scope.principal.userId })
    .where('id', '=', displayId)
    .where('clinic_id', '=', scope.clinicId)
    .where('revoked_at', 'is', null)
    .returning(['name'])
    .executeTakeFirst()
  if (!row) throw new AppError('not-found', 'No such board display in use at this clinic.')
  await scope.audit({
    action: 'board-display.revoke',
    entity: 'board_display',
    entityId: displayId,
    detail: { name: row.name },
  })
})

const refused = () =>
  new AppError(
    'forbidden',
    'This board display is not set up or was switched off. Ask your clinic administrator for a new display link.',
  )

/** What the display shows: the day's sessions with no more than chair, initial, phase and timers. */
export async function readDisplayBoard(ctx: AppContext, token: string | undefined, ip: string | null) {
  const now = ctx.now()
  const display = token
    ? await inOwnerTransaction(ctx, (tx) => store.findDisplayByTokenHash(tx, hashToken(token)))
    : undefined
  if (!display || display.revoked_at) {
    await inOwnerTransaction(ctx, (tx) =>
      appendAudit(
        tx,
        {
          clinicId: null,
          actorUserId: null,
          actorEmail: null,
          action: 'board-display.read',
          entity: 'board_display',
          entityId: display?.id ?? null,
          outcome: 'denied',
          ip,
          detail: { reason: !token ? 'no token' : display ? 'revoked' : 'unknown token' },
        },
        now,
      ),
    )
    throw refused()
  }
  return inAuditedClinicTransaction(
    ctx,
    display.clinic_id,
    { userId: null, email: `board display: ${display.name}`, ip },
    async (tx, at, audit) => {
      const { clinic, day, sessions: all } = await sessionsOfClinicDay(tx, display.clinic_id, at)
      const sessions = all.filter((s) => s.state !== 'cancelled')
      const cards = []
      for (const s of sessions) {
        const view = s.state === 'scheduled' ? null : await loadSessionView(tx, display.clinic_id, s.id, at)
        cards.push({
          chair: s.chair_name,
          initial: `${Array.from(s.given_name.trim())[0]?.toUpperCase() ?? '?'}.`,
          phase: s.state,
          scheduledAt: s.scheduled_at,
          ...doseTimersOf(view),
          dischargeReadyAt: view?.discharge?.earliestReadyAtMs
            ? new Date(view.discharge.earliestReadyAtMs)
            : null,
        })
      }
      const isAuditDue =
        !display.last_audited_at || at.getTime() - display.last_audited_at.getTime() >= auditEveryMs
      await tx
        .updateTable('board_display')
        .set(isAuditDue ? { last_used_at: at, last_audited_at: at } : { last_used_at: at })
        .where('id', '=', display.id)
        .execute()
      if (isAuditDue)
        await audit({
          action: 'board-display.read',
          entity: 'board_display',
          entityId: display.id,
          detail: { date: day, sessions: cards.length },
        })
      return {
        clinicName: clinic.name,
        displayName: display.name,
        date: day,
        timeZone: clinic.time_zone,
        generatedAt: at,
        sessions: cards,
      }
    },
  )
}
