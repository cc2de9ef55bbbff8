import type { OutboxStatus } from '../../../db'
import { runInClinic } from '../../clinic-scope'
import type { AppContext } from '../../context'
import type { Principal } from '../../principal'

/** The clinic's outbox, newest first: what was sent, what is held (no SMTP), what keeps failing. */
export function listOutbox(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  q: { page: number; pageSize: number; status?: OutboxStatus | undefined },
) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'settings:manage', action: 'outbox.list', entity: 'outbox_message' },
    async (scope) => {
      let query = scope.tx.selectFrom('outbox_message').where('clinic_id', '=', clinicId)
      if (q.status) query = query.where('status', '=', q.status)
      const [rows, total] = await Promise.all([
        query
          .select([
            'id',
            'kind',
            'recipient',
            'subject',
            'body',
            'status',
            'attempts',
            'next_attempt_at',
            'last_error',
            'created_at',
            'sent_at',
          ])
          .orderBy('created_at', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ])
      await scope.audit({ action: 'outbox.list', entity: 'outbox_message', detail: { count: rows.length } })
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          recipient: r.recipient,
          subject: r.subject,
          body: r.body,
          status: r.status,
          attempts: r.attempts,
          nextAttemptAt: r.next_attempt_at,
          lastError: r.last_error,
          createdAt: r.created_at,
          sentAt: r.sent_at,
        })),
        total: Number(total.n),
        page: q.page,
        pageSize: q.pageSize,
      }
    },
  )
}
