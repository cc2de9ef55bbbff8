import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue, useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { Link } from 'react-router'
import { useClinicSummary } from '../api/clinic'
import { pageCount } from '../api/page'
import { usePatients } from '../api/patients'
import { clinicPath } from '../clinic-pages'
import { hasClinicPermission, useCurrentClinic } from '../components/current-clinic'
import { ListFooter, usePaging } from '../components/list-footer'
import { ErrorAlert, PageLoader } from '../components/page-status'
import { RegisterPatientModal } from '../components/register-patient-modal'
import { StageBadge } from '../components/stage-badge'
import { ageInYears, formatCalendarDate } from '../lib/age'

const pageSizes = [10, 25, 50, 100]

export function PatientsPage() {
  const { membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search.trim(), 300)
  const [dateOfBirth, setDateOfBirth] = useState('')
  const { page, setPage, pageSize, setPageSize } = usePaging(25)
  const [isRegisterOpen, registerModal] = useDisclosure(false)
  const patients = usePatients(clinicId, { page, pageSize, q, dateOfBirth })
  const canRegister = hasClinicPermission(membership, 'demographics:write')
  // Stage and alerts are clinical; front desk sees whether a session can be booked (issue 13).
  const readsChart = hasClinicPermission(membership, 'clinical:read')
  const now = new Date()
  const timeZone = useClinicSummary(clinicId).data?.timeZone

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Patients
        </Title>
        {canRegister && <Button onClick={registerModal.open}>Register patient</Button>}
      </Group>
      <Group align="flex-end" gap="md">
        <TextInput
          label="Search patients"
          placeholder="Name or MRN"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value)
            setPage(1)
          }}
          w={320}
          type="search"
        />
        <TextInput
          label="Date of birth"
          type="date"
          value={dateOfBirth}
          onChange={(event) => {
            setDateOfBirth(event.currentTarget.value)
            setPage(1)
          }}
          w={180}
        />
        {dateOfBirth && (
          <Button variant="subtle" onClick={() => setDateOfBirth('')}>
            Clear date
          </Button>
        )}
      </Group>
      {patients.isPending && <PageLoader />}
      {patients.isError && <ErrorAlert error={patients.error} title="Could not load patients" />}
      {patients.data && (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label="Patients">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>MRN</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Date of birth</Table.Th>
                  {readsChart ? (
                    <>
                      <Table.Th>Stage</Table.Th>
                      <Table.Th>Alerts</Table.Th>
                    </>
                  ) : (
                    <Table.Th>Booking</Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {patients.data.items.map((patient) => (
                  <Table.Tr key={patient.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{patient.mrn}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={clinicPath(clinicId, `patients/${patient.id}`)} fw={500}>
                        {patient.familyName}, {patient.givenName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatCalendarDate(patient.dateOfBirth)}
                      <Text span size="sm" c="dimmed">
                        {' '}
                        · {ageInYears(patient.dateOfBirth, now, timeZone)} y
                      </Text>
                    </Table.Td>
                    {readsChart && patient.stage !== null ? (
                      <>
                        <Table.Td>
                          <StageBadge stage={patient.stage} />
                        </Table.Td>
                        <Table.Td>
                          {(patient.openAlerts ?? 0) > 0 ? (
                            <Badge color="red" variant="filled" style={{ minWidth: 'max-content' }}>
                              {patient.openAlerts} open
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed">
                              None
                            </Text>
                          )}
                        </Table.Td>
                      </>
                    ) : (
                      <Table.Td>
                        {patient.isReadyForTreatment ? (
                          <Badge color="teal" variant="light" style={{ minWidth: 'max-content' }}>
                            Ready to book
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            Not yet
                          </Text>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {patients.data.items.length === 0 && (
            <Text c="dimmed" ta="center" py="md">
              {q || dateOfBirth ? 'No patients match this search.' : 'No patients yet.'}
            </Text>
          )}
          <ListFooter
            total={patients.data.total}
            page={page}
            pageCount={pageCount(patients.data)}
            pageSize={pageSize}
            pageSizes={pageSizes}
            noun={patients.data.total === 1 ? 'patient' : 'patients'}
            onPage={setPage}
            onPageSize={setPageSize}
          />
        </>
      )}
      {canRegister && (
        <RegisterPatientModal clinicId={clinicId} opened={isRegisterOpen} onClose={registerModal.close} />
      )}
    </Stack>
  )
}
