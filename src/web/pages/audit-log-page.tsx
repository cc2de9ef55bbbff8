import { Badge, Text } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { type AuditEvent, type AuditOutcome, useAuditEvents } from '../api/audit'
import { useClinicSummary } from '../api/clinic'
import { AuditFilters, type AuditFilterValues } from '../components/audit-filters'
import { useCurrentClinic } from '../components/current-clinic'
import { type Column, OrDimmed, PagedTable } from '../components/data-table'
import { QueryStates, StaffPage } from '../components/staff-page'
import { TimeCell } from '../components/time-cell'
import { endOfDayIso, startOfDayIso } from '../lib/time'

const pageSizes = [25, 50, 100, 200]
const outcomeColors: Record<AuditOutcome, string> = { success: 'teal', denied: 'orange', failure: 'red' }

/** "reason: wrong password · attempts: 3" from the event's detail object. */
function formatAuditDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ')
}

function readPositiveInt(value: string | null, fallback: number): number {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : fallback
}

function columns(timeZone: string | undefined): Column<AuditEvent>[] {
  return [
    { header: 'Time', cell: (event) => <TimeCell iso={event.at} timeZone={timeZone} />, nowrap: true },
    { header: 'Actor', cell: (event) => <OrDimmed none="system">{event.actorEmail}</OrDimmed> },
    {
      header: 'Action',
      cell: (event) => (
        <>
          <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {event.action}
          </Text>
          {event.detail && (
            <Text size="xs" c="dimmed">
              {formatAuditDetail(event.detail)}
            </Text>
          )}
        </>
      ),
    },
    { header: 'Entity', cell: (event) => event.entity },
    {
      header: 'Entity id',
      cell: (event) => (
        <Text size="xs" ff="monospace" truncate="end" maw={140} title={event.entityId ?? undefined}>
          {event.entityId ?? '—'}
        </Text>
      ),
    },
    {
      header: 'Outcome',
      cell: (event) => (
        <Badge
          color={outcomeColors[event.outcome] ?? 'gray'}
          variant="light"
          style={{ minWidth: 'max-content' }}
        >
          {event.outcome}
        </Badge>
      ),
    },
    {
      header: 'IP',
      cell: (event) => (
        <Text size="xs" ff="monospace">
          {event.ip ?? '—'}
        </Text>
      ),
    },
  ]
}

/** Filters, page and page size live in the query string so a view can be bookmarked or shared. */
export function AuditLogPage() {
  const { membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const [params, setParams] = useSearchParams()
  const summary = useClinicSummary(clinicId)
  const timeZone = summary.data?.timeZone

  const filters: AuditFilterValues = {
    actor: params.get('actor') ?? '',
    action: params.get('action') ?? '',
    entity: params.get('entity') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  }
  const page = readPositiveInt(params.get('page'), 1)
  const pageSize = readPositiveInt(params.get('pageSize'), 50)

  const events = useAuditEvents(clinicId, {
    page,
    pageSize,
    actor: filters.actor || undefined,
    action: filters.action || undefined,
    entity: filters.entity || undefined,
    // Whole days in the clinic's zone; the API's bounds are inclusive.
    from: filters.from ? startOfDayIso(filters.from, timeZone) : undefined,
    to: filters.to ? endOfDayIso(filters.to, timeZone) : undefined,
  })

  const update = (changes: Record<string, string | number>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value === '' || value === undefined) next.delete(key)
      else next.set(key, String(value))
    }
    setParams(next)
  }

  return (
    <StaffPage title="Audit log">
      <AuditFilters
        key={Object.values(filters).join('|')}
        applied={filters}
        onApply={(values) => update({ ...values, page: 1 })}
      />
      <QueryStates query={events} errorTitle="Could not load the audit log">
        {(data) => (
          <>
            {timeZone && (
              <Text size="sm" c="dimmed">
                Times are in the clinic’s time zone, {timeZone}.
              </Text>
            )}
            <PagedTable
              label="Audit events"
              minWidth={860}
              look="log"
              columns={columns(timeZone)}
              data={data}
              rowKey={(event) => event.id}
              empty="No audit events match these filters."
              paging={{
                page,
                pageSize,
                setPage: (next) => update({ page: next }),
                setPageSize: (size) => update({ pageSize: size, page: 1 }),
              }}
              pageSizes={pageSizes}
              noun={['event', 'events']}
            />
          </>
        )}
      </QueryStates>
    </StaffPage>
  )
}
