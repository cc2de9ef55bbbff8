import type { OutboxStatus } from '../../../db'
import { clinicService } from '../../clinic-scope'
import { type PageRequest, pageReply, pageWindow, selectPage } from '../clinics/paging'

/** The clinic's outbox, newest first: what was sent, what is held (no SMTP), what keeps failing. */
export const listOutbox = clinicService(
  { permission: 'settings:manage', action: 'outbox.list', entity: 'outbox_message' },
  async (scope, q: PageRequest & { status?: OutboxStatus | undefined }) => {
    let query = scope.tx.selectFrom('outbox_message').where('clinic_id', '=', scope.clinicId)
    if (q.status) query = query.where('status', '=', q.status)
    const { rows, total } = await selectPage(query, pageWindow(q), (query) =>
      query
        .select([
          'id',
          'kind',
          'recipient',
          'subject',
          'body',
          'status',
          'attempts',
          'next_attempt_at as nextAttemptAt',
          'last_error as lastError',
          'created_at as createdAt',
          'sent_at as sentAt',
        ])
        .orderBy('created_at', 'desc'),
    )
    await scope.audit({ action: 'outbox.list', entity: 'outbox_message', detail: { count: rows.length } })
    return pageReply(rows, total, q)
  },
)
