import { Anchor, Badge, Table, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { Entry, Lot } from '../../api/ledger'
import { clinicPath } from '../../clinic-path'
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

/** Ledger entries with the running balance of their lot, who did it, who witnessed and the hash. */
export function EntriesTable({ clinicId, entries, timeZone, lot, onOpenLot }: EntriesTableProps) {
  return (
    <Table.ScrollContainer minWidth={lot ? 900 : 980}>
      <Table
        striped
        verticalSpacing="xs"
        fz="sm"
        aria-label={lot ? `Entries of lot ${lot.lotNumber}` : 'Ledger entries'}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            {!lot && <Table.Th>Lot</Table.Th>}
            <Table.Th>Entry</Table.Th>
            <Table.Th ta="right">Change</Table.Th>
            <Table.Th ta="right">Balance</Table.Th>
            <Table.Th>By · witness</Table.Th>
            <Table.Th>Reason / detail</Table.Th>
            <Table.Th>Patient</Table.Th>
            <Table.Th>Hash</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const note = entryNote(entry)
            return (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <TimeCell iso={entry.at} timeZone={timeZone} />
                </Table.Td>
                {!lot && (
                  <Table.Td>
                    {onOpenLot ? (
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => onOpenLot(entry.lotId)}
                      >
                        {entry.lotNumber}
                      </Anchor>
                    ) : (
                      entry.lotNumber
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <Badge color={kindColors[entry.kind]} variant="light" style={{ minWidth: 'max-content' }}>
                    {kindLabels[entry.kind]}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    #{entry.lotSeq}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {entry.changeMg === '0'
                    ? '—'
                    : `${entry.changeMg.startsWith('-') ? '' : '+'}${groupDigits(entry.changeMg)} mg`}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600}>
                    {formatMg(entry.balanceAfterMg)}
                  </Text>
                  {lot && (
                    <Text size="xs" c="dimmed">
                      {mgInUnits(lot, entry.balanceAfterMg)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{entry.actorName}</Text>
                  {entry.witnessName && (
                    <Text size="xs" c="dimmed">
                      witness {entry.witnessName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={260}>
                  {entry.reason && <Text size="sm">{entry.reason}</Text>}
                  {note && (
                    <Text size="xs" c="dimmed">
                      {note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {entry.patientId ? (
                    <Anchor
                      component={Link}
                      to={clinicPath(clinicId, `patients/${entry.patientId}`)}
                      size="sm"
                    >
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
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={entry.hash} style={{ whiteSpace: 'nowrap' }}>
                    {shortHash(entry.hash)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
