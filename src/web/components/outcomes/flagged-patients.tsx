import { Anchor, Button, Group, Modal, Stack, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link, useSearchParams } from 'react-router'
import { type OutcomeFlag, type OutcomeQuery, useFlaggedPatients } from '../../api/outcomes'
import { clinicPath } from '../../clinic-path'
import { hasClinicPermission, useCurrentClinic } from '../current-clinic'
import { MutationError } from '../mutation-error'

export const flagLabels: Record<OutcomeFlag, string> = {
  'response-24h': 'Responded at 24 hours',
  'response-1w': 'Responded at 1 week',
  'response-course-end': 'Responded at course end',
  'remission-24h': 'In remission at 24 hours',
  'remission-1w': 'In remission at 1 week',
  'remission-course-end': 'In remission at course end',
  'no-response-after-three': 'No response after 3 sessions',
  relapsed: 'Relapsed after responding',
  'bp-excursion': 'Blood pressure above 180/110 in a session',
}

const isFlag = (value: string | null): value is OutcomeFlag => value !== null && value in flagLabels

/**
 * A count that opens the patients behind it (issue 14): for roles that read charts, in the
 * one-clinic view; elsewhere the number alone.
 */
export function FlagLink({ flag, children }: { flag: OutcomeFlag; children: ReactNode }) {
  const { membership } = useCurrentClinic()
  const [params, setParams] = useSearchParams()
  const canOpen = hasClinicPermission(membership, 'clinical:read') && params.get('clinics') !== 'all'
  if (!canOpen) return <>{children}</>
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={() => {
        const next = new URLSearchParams(params)
        next.set('flag', flag)
        setParams(next)
      }}
      aria-label={`${flagLabels[flag]}: show the patients`}
    >
      {children}
    </Anchor>
  )
}

/** The list a FlagLink opened (`?flag=`), each patient linking to the chart. */
export function FlaggedPatientsModal({ query }: { query: OutcomeQuery }) {
  const { membership } = useCurrentClinic()
  const [params, setParams] = useSearchParams()
  const raw = params.get('flag')
  const flag = isFlag(raw) && params.get('clinics') !== 'all' ? raw : null
  const list = useFlaggedPatients(membership.clinicId, query, flag)
  const close = () => {
    const next = new URLSearchParams(params)
    next.delete('flag')
    setParams(next)
  }
  return (
    <Modal opened={flag !== null} onClose={close} title={flag ? flagLabels[flag] : ''} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Patients of {membership.clinicName} counted in this figure, with the filters above. Opening the list
          is recorded in the audit log.
        </Text>
        {list.isPending && flag && <Text size="sm">Loading…</Text>}
        <MutationError error={list.error} />
        {list.data && list.data.patients.length === 0 && <Text size="sm">No patient in this count.</Text>}
        {list.data && list.data.patients.length > 0 && (
          <Table striped aria-label="Patients in this count">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Patient</Table.Th>
                <Table.Th>MRN</Table.Th>
                <Table.Th>Treatment</Table.Th>
                <Table.Th>First dose</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.patients.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={clinicPath(membership.clinicId, `patients/${p.id}`)}>
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.mrn}</Table.Td>
                  <Table.Td>
                    {p.route === 'intranasal' ? 'Esketamine' : p.route === 'iv' ? 'IV ketamine' : '—'}
                  </Table.Td>
                  <Table.Td>{p.firstDose ? new Date(p.firstDose).toLocaleDateString() : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
