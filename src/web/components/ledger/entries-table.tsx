import { Anchor, Badge, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { Entry, Lot } from '../../api/ledger'
import { clinicPath } from '../../clinic-path'
import { type Column, DataTable, figureColumn } from '../data-table'
import { TimeCell } from '../time-cell'
import { formatMg, groupDigits, kindColors, kindLabels, mgInUnits, shortHash } from './ledger-format'

/** What else the entry says, in one line: count, recipient, invoice, method. */
function entryNote(entry: Entry): string {
  const d = entry.detail
  const parts: string[] = []
  if (entry.kind === 'count' && entry.expectedMg !== null && entry.countedMg !== null)
    parts.push(
      entry.countedMg === entry.expectedMg
        ? 'count matched'
        : `counted ${formatMg(entry.countedMg)}, expected ${formatMg(entry.expectedMg)}`,
    )
  if (typeof d.occasion === 'string') parts.push(d.occasion)
  if (typeof d.invoiceNumber === 'string') parts.push(`invoice ${d.invoiceNumber}`)
  if (typeof d.containerCount === 'number') parts.push(`${d.containerCount} containers`)
  if (typeof d.supplierName === 'string') parts.push(`from ${d.supplierName}`)
  if (typeof d.recipientName === 'string') parts.push(`to ${d.recipientName}`)
  if (typeof d.recipientDea === 'string') parts.push(`DEA ${d.recipientDea}`)
  if (typeof d.document === 'string') parts.push(`doc ${d.document}`)
  if (typeof d.method === 'string' && d.method) parts.push(`method: ${d.method}`)
  return parts.join(' · ')
}

interface EntriesTableProps {
  clinicId: string
  entries: Entry[]
  timeZone: string | undefined
  /** Within one lot: the lot column is left out and balances are also shown in the lot's units. */
  lot?: Lot
  onOpenLot?: (lotId: string) => void
}

/** The patient a dose or waste was for, and whether it was given in a treatment session. */
function PatientCell({ clinicId, entry }: { clinicId: string; entry: Entry }) {
  return (
    <>
      {entry.patientId ? (
        <Anchor component={Link} to={clinicPath(clinicId, `patients/${entry.patientId}`)} size="sm">
          {entry.patientName ?? 'Patient'}
        </Anchor>
      ) : (
        <Text span c="dimmed" size="sm">
          —
        </Text>
      )}
      {entry.sessionId && (
        <Text size="xs" c="dimmed" title={`Treatment session ${entry.sessionId}`}>
          in session
        </Text>
      )}
    </>
  )
}

/** The columns of the entries table; within one lot there is no lot column. */
function entryColumns({
  clinicId,
  timeZone,
  lot,
  onOpenLot,
}: Omit<EntriesTableProps, 'entries'>): Column<Entry>[] {
  const lotColumn: Column<Entry> = {
    header: 'Lot',
    cell: (entry) =>
      onOpenLot ? (
        <Anchor component="button" type="button" size="sm" onClick={() => onOpenLot(entry.lotId)}>
          {entry.lotNumber}
        </Anchor>
      ) : (
        entry.lotNumber
      ),
  }
  return [
    { header: 'Time', nowrap: true, cell: (entry) => <TimeCell iso={entry.at} timeZone={timeZone} /> },
    ...(lot ? [] : [lotColumn]),
    {
      header: 'Entry',
      cell: (entry) => (
        <>
          <Badge color={kindColors[entry.kind]} variant="light" style={{ minWidth: 'max-content' }}>
            {kindLabels[entry.kind]}
          </Badge>
          <Text size="xs" c="dimmed">
            #{entry.lotSeq}
          </Text>
        </>
      ),
    },
    {
      header: 'Change',
      ...figureColumn,
      cell: (entry) =>
        entry.changeMg === '0'
          ? '—'
          : `${entry.changeMg.startsWith('-') ? '' : '+'}${groupDigits(entry.changeMg)} mg`,
    },
    {
      header: 'Balance',
      ...figureColumn,
      cell: (entry) => (
        <>
          <Text size="sm" fw={600}>
            {formatMg(entry.balanceAfterMg)}
          </Text>
          {lot && (
            <Text size="xs" c="dimmed">
              {mgInUnits(lot, entry.balanceAfterMg)}
            </Text>
          )}
        </>
      ),
    },
    {
      header: 'By · witness',
      cell: (entry) => (
        <>
          <Text size="sm">{entry.actorName}</Text>
          {entry.witnessName && (
            <Text size="xs" c="dimmed">
              witness {entry.witnessName}
            </Text>
          )}
        </>
      ),
    },
    {
      header: 'Reason / detail',
      td: { maw: 260 },
      cell: (entry) => {
        const note = entryNote(entry)
        return (
          <>
            {entry.reason && <Text size="sm">{entry.reason}</Text>}
            {note && (
              <Text size="xs" c="dimmed">
                {note}
              </Text>
            )}
          </>
        )
      },
    },
    { header: 'Patient', cell: (entry) => <PatientCell clinicId={clinicId} entry={entry} /> },
    {
      header: 'Hash',
      cell: (entry) => (
        <Text size="xs" ff="monospace" title={entry.hash} style={{ whiteSpace: 'nowrap' }}>
          {shortHash(entry.hash)}
        </Text>
      ),
    },
  ]
}

/** Ledger entries with the running balance of their lot, who did it, who witnessed and the hash. */
export function EntriesTable({ entries, ...props }: EntriesTableProps) {
  return (
    <DataTable
      label={props.lot ? `Entries of lot ${props.lot.lotNumber}` : 'Ledger entries'}
      minWidth={props.lot ? 900 : 980}
      columns={entryColumns(props)}
      rows={entries}
      rowKey={(entry) => entry.id}
      table={{ striped: true, fz: 'sm' }}
    />
  )
}
