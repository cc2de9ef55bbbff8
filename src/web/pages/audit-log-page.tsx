import { Badge, Stack, Table, Text, Title } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { type AuditOutcome, useAuditEvents } from '../api/audit'
import { useClinicSummary } from '../api/clinic'
import { pageCount } from '../api/page'
import { AuditFilters, type AuditFilterValues } from '../components/audit-filters'
import { useCurrentClinic } from '../components/current-clinic'
import { ListFooter } from '../components/list-footer'
import { ErrorAlert, PageLoader } from '../components/page-status'
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
    <Stack gap="md">
      <Title order={1} size="h2">
        Audit log
      </Title>
      <AuditFilters
        key={Object.values(filters).join('|')}
        applied={filters}
        onApply={(values) => update({ ...values, page: 1 })}
      />
      {events.isPending && <PageLoader />}
      {events.isError && <ErrorAlert error={events.error} title="Could not load the audit log" />}
      {events.data && (
        <>
          {timeZone && (
            <Text size="sm" c="dimmed">
              Times are in the clinic’s time zone, {timeZone}.
            </Text>
          )}
          <Table.ScrollContainer minWidth={860}>
            <Table striped verticalSpacing="xs" fz="sm" aria-label="Audit events">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Actor</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Entity</Table.Th>
                  <Table.Th>Entity id</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>IP</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data.items.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <TimeCell iso={event.at} timeZone={timeZone} />
                    </Table.Td>
                    <Table.Td>
                      {event.actorEmail ?? (
                        <Text span c="dimmed" size="sm">
                          system
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {event.action}
                      </Text>
                      {event.detail && (
                        <Text size="xs" c="dimmed">
                          {formatAuditDetail(event.detail)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{event.entity}</Table.Td>
                    <Table.Td>
                      <Text
                        size="xs"
                        ff="monospace"
                        truncate="end"
                        maw={140}
                        title={event.entityId ?? undefined}
                      >
                        {event.entityId ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={outcomeColors[event.outcome] ?? 'gray'}
                        variant="light"
                        style={{ minWidth: 'max-content' }}
                      >
                        {event.outcome}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {event.ip ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {events.data.items.length === 0 && (
            <Text c="dimmed" ta="center" py="md">
              No audit events match these filters.
            </Text>
          )}
          <ListFooter
            total={events.data.total}
            page={page}
            pageCount={pageCount(events.data)}
            pageSize={pageSize}
            pageSizes={pageSizes}
            noun={events.data.total === 1 ? 'event' : 'events'}
            onPage={(next) => update({ page: next })}
            onPageSize={(size) => update({ pageSize: size, page: 1 })}
          />
        </>
      )}
    </Stack>
  )
}
