import { Badge, Box, Button, SegmentedControl, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useClinicSummary } from '../api/clinic'
import { type Referral, type ReferralStatus, useReferrals } from '../api/referrals'
import { hasClinicPermission, useCurrentClinic } from '../components/current-clinic'
import { type Column, OrDimmed, PagedQueryTable } from '../components/data-table'
import { usePageFilter, usePaging } from '../components/list-footer'
import { ReferralDrawer, referralStatusLabels } from '../components/referral-drawer'
import { StaffPageTitle } from '../components/staff-page'
import { TimeCell } from '../components/time-cell'

const pageSizes = [10, 25, 50]
const filters: { value: ReferralStatus | ''; label: string }[] = [
  { value: 'new', label: 'New' },
  { value: 'contacted', label: 'Contacted' },
  { value: 'registered', label: 'Registered' },
  { value: 'declined', label: 'Declined' },
  { value: '', label: 'All' },
]

function columns(
  timeZone: string | undefined,
  readsAnswers: boolean,
  onOpen: (referral: Referral) => void,
): Column<Referral>[] {
  const phq9: Column<Referral> = { header: 'PHQ-9', cell: (r) => r.phq9Total ?? '—' }
  return [
    { header: 'Received', cell: (r) => <TimeCell iso={r.receivedAt} timeZone={timeZone} /> },
    { header: 'Name', cell: (r) => r.name, td: { fw: 500 } },
    ...(readsAnswers ? [phq9] : []),
    {
      header: 'Flag',
      cell: (r) => (
        <OrDimmed none="None">
          {r.isUrgent && (
            <Badge color="red" variant="filled" style={{ minWidth: 'max-content' }}>
              Same-day follow-up
            </Badge>
          )}
        </OrDimmed>
      ),
    },
    { header: 'Status', cell: (r) => <Badge variant="light">{referralStatusLabels[r.status]}</Badge> },
    {
      header: null,
      cell: (r) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => onOpen(r)}
          aria-label={`Open referral from ${r.name}`}
        >
          Open
        </Button>
      ),
    },
  ]
}

/** Referrals people sent from the public self-check (/learn/self-check), newest first. */
export function IntakeQueuePage() {
  const { membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const paging = usePaging(25)
  const { page, pageSize } = paging
  const [status, changeStatus] = usePageFilter<ReferralStatus | ''>('new', paging.setPage)
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
        <StaffPageTitle>Intake queue</StaffPageTitle>
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
          onChange={(v) => changeStatus(v as ReferralStatus | '')}
          data={filters}
          w="fit-content"
        />
      </Box>
      <PagedQueryTable
        query={referrals}
        errorTitle="Could not load the intake queue"
        label="Referrals"
        minWidth={720}
        look="links"
        columns={columns(timeZone, readsAnswers, setOpened)}
        rowKey={(r) => r.id}
        empty={`No referrals ${status ? `marked ${referralStatusLabels[status].toLowerCase()}` : 'yet'}.`}
        paging={paging}
        pageSizes={pageSizes}
        noun={['referral', 'referrals']}
      />
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
