import { Stack, Text } from '@mantine/core'
import { useLossReports } from '../api/ledger'
import { LossReportCard } from '../components/ledger/loss-reports-panel'
import { usePaging } from '../components/list-footer'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { PagingFooter, slicePage } from '../components/paging-footer'

const pageSizes = [5, 10, 25]

/** Theft and significant-loss reports, newest first, each with its two DEA deadlines. */
export function LedgerLossReportsTab({
  clinicId,
  timeZone,
  canWrite,
}: {
  clinicId: string
  timeZone: string | undefined
  canWrite: boolean
}) {
  const reports = useLossReports(clinicId)
  const paging = usePaging(10)
  if (reports.isPending) return <PageLoader />
  if (reports.isError) return <ErrorAlert error={reports.error} title="Could not load loss reports" />
  const { shown, ...shownPage } = slicePage(reports.data, paging)
  return (
    <Stack gap="md">
      {reports.data.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          No theft or loss has been reported.
        </Text>
      )}
      {shown.map((report) => (
        <LossReportCard
          key={report.id}
          clinicId={clinicId}
          report={report}
          canWrite={canWrite}
          timeZone={timeZone}
        />
      ))}
      {reports.data.length > 0 && (
        <PagingFooter {...shownPage} paging={paging} pageSizes={pageSizes} noun={['report', 'reports']} />
      )}
    </Stack>
  )
}
