import { sql } from 'kysely'
import type { OutboxMessageTable } from '../../db'
import { appendAudit } from '../audit/append-audit'
import type { AppContext, Tx } from '../context'
import { reissueToken } from '../features/portal/store'
import { uuidv7 } from '../ids'
import type { Transport } from './transport'

/** After this many failed attempts a message stops retrying and waits for a person. */
export const maxAttempts = 8

/** 1, 2, 4 … minutes between attempts, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360) * 60_000
}

/**
 * Where a message's portal link goes. The outbox never holds a usable link (issue 13): the body
 * keeps this text and `portal_token_id` the token row, and the worker issues the clear token as it
 * sends, so the link exists only in the e-mail. On the Outbox page (no e-mail server) it reads as is.
 */
export const portalLinkPlaceholder = '[one-time link, issued when this e-mail is sent]'

export interface NewMessage {
  clinicId: string
  kind: string
  dedupeKey: string
  recipient: string
  subject: string
  body: string
  patientId?: string | null
  /** The portal token row whose link replaces `portalLinkPlaceholder` at send time. */
  portalTokenId?: string | null
}

/** Queues a message in the caller's transaction; the same dedupe key twice queues it once. */
export async function enqueueMessage(tx: Tx, message: NewMessage, now: Date): Promise<boolean> {
  const inserted = await tx
    .insertInto('outbox_message')
    .values({
      id: uuidv7(now.getTime()),
      clinic_id: message.clinicId,
      kind: message.kind,
      dedupe_key: message.dedupeKey,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body,
      patient_id: message.patientId ?? null,
      portal_token_id: message.portalTokenId ?? null,
      status: 'queued',
      attempts: 0,
      next_attempt_at: now,
      claimed_by: null,
      claimed_at: null,
      last_error: null,
      created_at: now,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['clinic_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted !== undefined
}

/**
 * Claims due messages for one worker. SKIP LOCKED lets several servers claim side by side without
 * waiting on or double-taking each other's rows; a claimed row is `sending` until its outcome is
 * written, and is never claimed again.
 */
export async function claimDueMessages(ctx: AppContext, workerId: string, limit = 20) {
  const now = ctx.now()
  const result = await sql<OutboxMessageTable>`
    UPDATE outbox_message SET status = 'sending', claimed_by = ${workerId}, claimed_at = ${now}
    WHERE id IN (
      SELECT id FROM outbox_message
      WHERE status = 'queued' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(ctx.db)
  return result.rows
}

async function settle(
  ctx: AppContext,
  message: OutboxMessageTable,
  outcome: { status: 'sent' | 'held' | 'queued' | 'failed'; error?: string },
) {
  const now = ctx.now()
  await ctx.db.transaction().execute(async (tx) => {
    const attempts = message.attempts + (outcome.status === 'queued' || outcome.status === 'failed' ? 1 : 0)
    await tx
      .updateTable('outbox_message')
      .set({
        status: outcome.status,
        attempts,
        last_error: outcome.error ?? null,
        sent_at: outcome.status === 'sent' ? now : null,
        next_attempt_at:
          outcome.status === 'queued'
            ? new Date(now.getTime() + retryDelayMs(attempts))
            : message.next_attempt_at,
      })
      .where('id', '=', message.id)
      .where('status', '=', 'sending')
      .execute()
    // Sending a message discloses patient data to its recipient: that is audited like any read.
    await appendAudit(
      tx,
      {
        clinicId: message.clinic_id,
        actorUserId: null,
        actorEmail: 'ketacare outbox',
        action: `outbox.${outcome.status}`,
        entity: 'outbox_message',
        entityId: message.id,
        outcome: outcome.status === 'failed' || outcome.status === 'queued' ? 'failure' : 'success',
        detail: { kind: message.kind, attempts, ...(outcome.error ? { error: outcome.error } : {}) },
      },
      now,
    )
  })
}

/** The body to send, with a freshly issued portal link in place of the placeholder; null if the link is dead. */
async function withPortalLink(ctx: AppContext, message: OutboxMessageTable): Promise<string | null> {
  if (!message.portal_token_id) return message.body
  const tokenId = message.portal_token_id
  const issued = await ctx.db.transaction().execute((tx) => reissueToken(tx, tokenId, ctx.now()))
  if (!issued) return null
  const path = issued.kind === 'invite' ? 'invite' : 's'
  return message.body.replace(portalLinkPlaceholder, `${ctx.config.publicUrl}/portal/${path}/${issued.token}`)
}

/** One pass: claim what is due and hand each message to the transport. Returns what happened. */
export async function deliverDueMessages(ctx: AppContext, transport: Transport, workerId: string) {
  const claimed = await claimDueMessages(ctx, workerId)
  const tally = { sent: 0, held: 0, retried: 0, failed: 0 }
  for (const message of claimed) {
    if (transport.kind === 'held') {
      await settle(ctx, message, { status: 'held' })
      tally.held++
      continue
    }
    try {
      const body = await withPortalLink(ctx, message)
      if (body === null) {
        await settle(ctx, message, {
          status: 'failed',
          error: 'the portal link was used, replaced or expired before the e-mail was sent',
        })
        tally.failed++
        continue
      }
      await transport.send({ ...message, body })
      await settle(ctx, message, { status: 'sent' })
      tally.sent++
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      const isLast = message.attempts + 1 >= maxAttempts
      await settle(ctx, message, { status: isLast ? 'failed' : 'queued', error: reason.slice(0, 500) })
      if (isLast) tally.failed++
      else tally.retried++
    }
  }
  return tally
}
