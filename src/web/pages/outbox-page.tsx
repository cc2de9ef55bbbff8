import { Alert, Badge, Group, SegmentedControl, Spoiler, Text } from '@mantine/core'
import { useClinicSummary } from '../api/clinic'
import { type OutboxMessage, type OutboxStatus, useOutbox } from '../api/outbox'
import { useCurrentClinic } from '../components/current-clinic'
import { type Column, PagedTable } from '../components/data-table'
import { usePageFilter, usePaging } from '../components/list-footer'
import { QueryStates, StaffPage } from '../components/staff-page'
import { TimeCell } from '../components/time-cell'

const statusColors: Record<OutboxStatus, string> = {
  queued: 'blue',
  sending: 'grape',
  sent: 'teal',
  held: 'gray',
  failed: 'red',
}
const statusHelp: Record<OutboxStatus, string> = {
  queued: 'waiting to be sent (or for its next retry)',
  sending: 'handed to a worker; if this stays, check whether it arrived before sending it again by hand',
  sent: 'delivered to the mail server',
  held: 'kept here: e-mail is not set up — ask your administrator',
  failed: 'gave up after repeated failures',
}

function columns(timeZone: string | undefined): Column<OutboxMessage>[] {
  return [
    { header: 'Queued', cell: (m) => <TimeCell iso={m.createdAt} timeZone={timeZone} />, nowrap: true },
    { header: 'To', cell: (m) => m.recipient },
    {
      header: 'Message',
      cell: (m) => (
        <>
          <Text size="sm" fw={600}>
            {m.subject}
          </Text>
          <Spoiler maxHeight={40} showLabel="Show message" hideLabel="Hide">
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
          </Spoiler>
        </>
      ),
    },
    {
      header: 'Status',
      cell: (m) => (
        <>
          <Group gap={4}>
            <Badge color={statusColors[m.status]} variant="light" title={statusHelp[m.status]}>
              {m.status}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {statusHelp[m.status]}
            {m.attempts > 0 ? ` · ${m.attempts} attempt${m.attempts === 1 ? '' : 's'}` : ''}
          </Text>
          {m.lastError && (
            <Text size="xs" c="red">
              {m.lastError}
            </Text>
          )}
        </>
      ),
    },
  ]
}

/** What the clinic's reminders said, to whom, and whether they went out. */
export function OutboxPage() {
  const { membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const timeZone = useClinicSummary(clinicId).data?.timeZone
  const paging = usePaging(25)
  const { page, pageSize } = paging
  const [status, changeStatus] = usePageFilter<OutboxStatus | 'all'>('all', paging.setPage)
  const messages = useOutbox(clinicId, { page, pageSize, ...(status === 'all' ? {} : { status }) })

  return (
    <StaffPage title="Outbox">
      <Text size="sm" c="dimmed">
        Reminders the clinic sends to patients. Without an SMTP server they are held here so you can see what
        would have gone out. Portal invitations and questionnaire links are never stored: each one-time link
        is issued as its e-mail is sent, so held messages show where it would go, not a link.
      </Text>
      <SegmentedControl
        aria-label="Status"
        value={status}
        onChange={(value) => changeStatus(value as OutboxStatus | 'all')}
        data={['all', 'queued', 'held', 'sent', 'failed', 'sending'].map((s) => ({
          value: s,
          label: s[0]!.toUpperCase() + s.slice(1),
        }))}
      />
      <QueryStates query={messages} errorTitle="Could not load the outbox">
        {(data) =>
          data.total === 0 ? (
            <Alert color="gray">No messages{status === 'all' ? ' yet' : ` ${status}`}.</Alert>
          ) : (
            <PagedTable
              label="Outgoing messages"
              minWidth={820}
              look="log"
              columns={columns(timeZone)}
              data={data}
              rowKey={(m) => m.id}
              empty={null}
              paging={paging}
              pageSizes={[25, 50, 100]}
              noun={['message', 'messages']}
            />
          )
        }
      </QueryStates>
    </StaffPage>
  )
}
