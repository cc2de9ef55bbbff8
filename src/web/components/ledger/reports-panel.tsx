import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { reportUrl, useVerifyLedger } from '../../api/ledger'
import { ErrorAlert } from '../page-status'
import { SectionHeading } from '../section-heading'

type PeriodKind = 'administrations' | 'waste' | 'discrepancies'

const periodReports: { kind: PeriodKind; title: string; about: string }[] = [
  {
    kind: 'administrations',
    title: 'Administration log',
    about: 'Each dose given: patient name and address, date, quantity, who gave it.',
  },
  { kind: 'waste', title: 'Waste log', about: 'Waste and breakage with reason, method and witness.' },
  {
    kind: 'discrepancies',
    title: 'Discrepancy log',
    about: 'Counts that differed from the balance, and how each was resolved.',
  },
]

function ReportCard({ title, about, children }: { title: string; about: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <SectionHeading title={title} note={about} order={3} />
        {children}
      </Stack>
    </Paper>
  )
}

/**
 * Plain links: the browser sends the session cookie and saves the file. The server sends PDFs as
 * attachments too, so both are downloads (opening a PDF in the tab would need `inline`).
 */
const files = [
  { format: 'csv', name: 'CSV', variant: 'light' },
  { format: 'pdf', name: 'PDF', variant: 'default' },
] as const

function FileButtons({
  url,
  label,
  disabled,
}: {
  url: (format: string) => string
  label: string
  disabled?: boolean
}) {
  return (
    <Group gap="sm">
      {files.map(({ format, name, variant }) => (
        <Button
          key={format}
          component="a"
          href={disabled ? undefined : url(format)}
          download
          variant={variant}
          disabled={disabled}
          aria-label={`Download ${label} ${name}`}
        >
          {`Download ${name}`}
        </Button>
      ))}
    </Group>
  )
}

function PeriodReport({
  clinicId,
  kind,
  title,
  about,
  today,
}: {
  clinicId: string
  kind: PeriodKind
  title: string
  about: string
  today: string
}) {
  const [range, setRange] = useState({ from: '', to: '' })
  const { from, to } = range
  const isReversed = Boolean(from && to && from > to)
  return (
    <ReportCard title={title} about={about}>
      <Group gap="sm" grow>
        {(['from', 'to'] as const).map((key) => (
          <TextInput
            key={key}
            label={key === 'from' ? 'From' : 'To'}
            type="date"
            value={range[key]}
            max={today}
            onChange={(e) => setRange({ ...range, [key]: e.currentTarget.value })}
            error={key === 'to' && isReversed ? 'Must be on or after From' : undefined}
          />
        ))}
      </Group>
      {!from && !to && (
        <Text size="xs" c="dimmed">
          Without dates: the last 30 days.
        </Text>
      )}
      <FileButtons
        label={title}
        disabled={isReversed}
        url={(format) => reportUrl(clinicId, kind, { format, from: from || undefined, to: to || undefined })}
      />
    </ReportCard>
  )
}

function InventoryReport({ clinicId, today }: { clinicId: string; today: string }) {
  const [inventoryType, setInventoryType] = useState('on-demand')
  const [timing, setTiming] = useState('closing')
  const [date, setDate] = useState(today)
  return (
    <ReportCard
      title="Inventory"
      about="Every lot on hand at the opening or close of business on a day, with totals per drug."
    >
      <SimpleGrid cols={3} spacing="sm">
        <Select
          label="Type"
          data={[
            { value: 'initial', label: 'Initial' },
            { value: 'biennial', label: 'Biennial' },
            { value: 'on-demand', label: 'On demand' },
          ]}
          value={inventoryType}
          onChange={(v) => v && setInventoryType(v)}
          allowDeselect={false}
        />
        <Select
          label="Of business"
          data={[
            { value: 'opening', label: 'Opening' },
            { value: 'closing', label: 'Close' },
          ]}
          value={timing}
          onChange={(v) => v && setTiming(v)}
          allowDeselect={false}
        />
        <TextInput
          label="Day"
          type="date"
          value={date}
          max={today}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
      </SimpleGrid>
      <FileButtons
        label="Inventory"
        disabled={date > today}
        url={(format) =>
          reportUrl(clinicId, 'inventory', { format, inventoryType, timing, date: date || undefined })
        }
      />
    </ReportCard>
  )
}

/** Recomputes every hash of the clinic's ledger and replays every balance on the server. */
function VerifyChain({ clinicId }: { clinicId: string }) {
  const verify = useVerifyLedger(clinicId)
  const verdict = verify.data
  return (
    <ReportCard
      title="Verify the chain"
      about="Recomputes every entry's hash, replays every lot's balance and checks no audited entry is missing."
    >
      <Group>
        <Button onClick={() => verify.mutate()} loading={verify.isPending} variant="outline">
          Verify chain
        </Button>
      </Group>
      {verify.isError && <ErrorAlert error={verify.error} title="Could not verify" />}
      {verdict && !verify.isPending && (
        <Alert
          role="status"
          color={verdict.ok ? 'teal' : 'red'}
          variant={verdict.ok ? 'light' : 'filled'}
          title={verdict.ok ? 'Chain intact' : 'Chain broken'}
        >
          {verdict.ok
            ? `All ${verdict.checked.toLocaleString()} entries checked: every hash and balance recomputes.`
            : `First problem at entry ${verdict.brokenAt ?? '?'}: ${verdict.reason ?? ''}${verdict.detail ? ` — ${verdict.detail}` : ''}. ${verdict.checked.toLocaleString()} entries checked before it.`}
        </Alert>
      )}
    </ReportCard>
  )
}

export function ReportsPanel({ clinicId, today }: { clinicId: string; today: string }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <InventoryReport clinicId={clinicId} today={today} />
        <VerifyChain clinicId={clinicId} />
        {periodReports.map((r) => (
          <PeriodReport key={r.kind} clinicId={clinicId} today={today} {...r} />
        ))}
      </SimpleGrid>
    </Stack>
  )
}
