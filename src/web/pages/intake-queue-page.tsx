import { Badge, Box, Button, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useClinicSummary } from '../api/clinic'
import { pageCount } from '../api/page'
import { type Referral, type ReferralStatus, useReferrals } from '../api/referrals'
import { hasClinicPermission, useCurrentClinic } from '../components/current-clinic'
import { ListFooter, usePaging } from '../components/list-footer'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { ReferralDrawer, referralStatusLabels } from '../components/referral-drawer'
import { TimeCell } from '../components/time-cell'

const pageSizes = [10, 25, 50]
const filters: { value: ReferralStatus | ''; label: string }[] = [
  { value: 'new', label: 'New' },
  { value: 'contacted', label: 'Contacted' },
  { value: 'registered', label: 'Registered' },
  { value: 'declined', label: 'Declined' },
  { value: '', label: 'All' },
]

/** Referrals people sent from the public self-check (/learn/self-check), newest first. */
export function IntakeQueuePage() {
  const { membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const [status, setStatus] = useState<ReferralStatus | ''>('new')
  const { page, setPage, pageSize, setPageSize } = usePaging(25)
  // The drawer keeps the referral it opened even when a status change moves it out of the filter.
  const [opened, setOpened] = useState<Referral | null>(null)
  const referrals = useReferrals(clinicId, { page, pageSize, status })
  const timeZone = useClinicSummary(clinicId).data?.timeZone
  const open = referrals.data?.items.find((r) => r.id === opened?.id && r.version >= opened.version) ?? opened
  // The server leaves the answers out for roles that may not read the chart (issue 13).
  const readsAnswers = hasClinicPermission(membership, 'clinical:read')

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          Intake queue
        </Title>
        <Text c="dimmed" size="sm">
          {readsAnswers
            ? 'Self-checks people chose to send from the public pages. A red flag means PHQ-9 item 9 was answered above 0: follow up the same day.'
            : 'People who asked the clinic to contact them from the public pages. A red flag means a clinician must follow up the same day; the answers are for clinicians only.'}
        </Text>
      </Stack>
      {/* On a phone the filter scrolls inside its own strip instead of widening the page. */}
      <Box maw="100%" style={{ overflowX: 'auto' }}>
        <SegmentedControl
          aria-label="Show referrals"
          value={status}
          onChange={(v) => {
            setStatus(v as ReferralStatus | '')
            setPage(1)
          }}
          data={filters}
          w="fit-content"
        />
      </Box>
      {referrals.isPending && <PageLoader />}
      {referrals.isError && <ErrorAlert error={referrals.error} title="Could not load the intake queue" />}
      {referrals.data && (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label="Referrals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Received</Table.Th>
                  <Table.Th>Name</Table.Th>
                  {readsAnswers && <Table.Th>PHQ-9</Table.Th>}
                  <Table.Th>Flag</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {referrals.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <TimeCell iso={r.receivedAt} timeZone={timeZone} />
                    </Table.Td>
                    <Table.Td fw={500}>{r.name}</Table.Td>
                    {readsAnswers && <Table.Td>{r.phq9Total ?? '—'}</Table.Td>}
                    <Table.Td>
                      {r.isUrgent ? (
                        <Badge color="red" variant="filled" style={{ minWidth: 'max-content' }}>
                          Same-day follow-up
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          None
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{referralStatusLabels[r.status]}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setOpened(r)}
                        aria-label={`Open referral from ${r.name}`}
                      >
                        Open
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {referrals.data.items.length === 0 && (
            <Text c="dimmed" ta="center" py="md">
              No referrals {status ? `marked ${referralStatusLabels[status].toLowerCase()}` : 'yet'}.
            </Text>
          )}
          <ListFooter
            total={referrals.data.total}
            page={page}
            pageCount={pageCount(referrals.data)}
            pageSize={pageSize}
            pageSizes={pageSizes}
            noun={referrals.data.total === 1 ? 'referral' : 'referrals'}
            onPage={setPage}
            onPageSize={setPageSize}
          />
        </>
      )}
      <ReferralDrawer
        clinicId={clinicId}
        referral={open}
        timeZone={timeZone}
        canWrite={hasClinicPermission(membership, 'demographics:write')}
        onChanged={setOpened}
        onClose={() => setOpened(null)}
      />
    </Stack>
  )
}
