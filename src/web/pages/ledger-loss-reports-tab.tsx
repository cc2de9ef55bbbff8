import { Stack, Text } from '@mantine/core'
import { useLossReports } from '../api/ledger'
import { LossReportCard } from '../components/ledger/loss-reports-panel'
import { ListFooter, usePaging } from '../components/list-footer'
import { ErrorAlert, PageLoader } from '../components/page-status'

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
  const { page, setPage, pageSize, setPageSize } = usePaging(10)
  if (reports.isPending) return <PageLoader />
  if (reports.isError) return <ErrorAlert error={reports.error} title="Could not load loss reports" />
  const pageCount = Math.max(1, Math.ceil(reports.data.length / pageSize))
  const current = Math.min(page, pageCount)
  return (
    <Stack gap="md">
      {reports.data.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          No theft or loss has been reported.
        </Text>
      )}
      {reports.data.slice((current - 1) * pageSize, current * pageSize).map((report) => (
        <LossReportCard
          key={report.id}
          clinicId={clinicId}
          report={report}
          canWrite={canWrite}
          timeZone={timeZone}
        />
      ))}
      {reports.data.length > 0 && (
        <ListFooter
          total={reports.data.length}
          page={current}
          pageCount={pageCount}
          pageSize={pageSize}
          pageSizes={pageSizes}
          noun={reports.data.length === 1 ? 'report' : 'reports'}
          onPage={setPage}
          onPageSize={setPageSize}
        />
      )}
    </Stack>
  )
}
