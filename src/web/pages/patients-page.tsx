import { Anchor, Badge, Button, Group, Text, TextInput } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Link } from 'react-router'
import { useClinicSummary } from '../api/clinic'
import { type PatientListItem, usePatients } from '../api/patients'
import { clinicPath } from '../clinic-path'
import { hasClinicPermission, useCurrentClinic } from '../components/current-clinic'
import { type Column, noShrink, OrDimmed, PagedQueryTable } from '../components/data-table'
import { useListFilter } from '../components/list-footer'
import { RegisterPatientModal } from '../components/register-patient-modal'
import { useSearchPaging } from '../components/search-paging'
import { StaffPage } from '../components/staff-page'
import { StageBadge } from '../components/stage-badge'
import { ageInYears, formatCalendarDate } from '../lib/age'

const pageSizes = [10, 25, 50, 100]

// Stage and alerts are clinical; front desk sees whether a session can be booked (issue 13).
function columns(
  clinicId: string,
  readsChart: boolean,
  now: Date,
  timeZone: string | undefined,
): Column<PatientListItem>[] {
  const identity: Column<PatientListItem>[] = [
    { header: 'MRN', cell: (patient) => patient.mrn, nowrap: true },
    {
      header: 'Name',
      cell: (patient) => (
        <Anchor component={Link} to={clinicPath(clinicId, `patients/${patient.id}`)} fw={500}>
          {patient.familyName}, {patient.givenName}
        </Anchor>
      ),
    },
    {
      header: 'Date of birth',
      nowrap: true,
      cell: (patient) => (
        <>
          {formatCalendarDate(patient.dateOfBirth)}
          <Text span size="sm" c="dimmed">
            {' '}
            · {ageInYears(patient.dateOfBirth, now, timeZone)} y
          </Text>
        </>
      ),
    },
  ]
  if (!readsChart) {
    const booking: Column<PatientListItem> = {
      header: 'Booking',
      cell: (patient) => (
        <OrDimmed none="Not yet">
          {patient.isReadyForTreatment && (
            <Badge color="teal" variant="light" style={noShrink}>
              Ready to book
            </Badge>
          )}
        </OrDimmed>
      ),
    }
    return [...identity, booking]
  }
  return [
    ...identity,
    { header: 'Stage', cell: (patient) => patient.stage && <StageBadge stage={patient.stage} /> },
    {
      header: 'Alerts',
      cell: (patient) => (
        <OrDimmed none="None">
          {(patient.openAlerts ?? 0) > 0 && (
            <Badge color="red" variant="filled" style={noShrink}>
              {patient.openAlerts} open
            </Badge>
          )}
        </OrDimmed>
      ),
    },
  ]
}

export function PatientsPage() {
  const { membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const { paging, search, q } = useSearchPaging()
  const { page, setPage, pageSize } = paging
  const dateOfBirthFilter = useListFilter(setPage)
  const dateOfBirth = dateOfBirthFilter.value
  const [isRegisterOpen, registerModal] = useDisclosure(false)
  const patients = usePatients(clinicId, { page, pageSize, q, dateOfBirth })
  const canRegister = hasClinicPermission(membership, 'demographics:write')
  const readsChart = hasClinicPermission(membership, 'clinical:read')
  const now = new Date()
  const timeZone = useClinicSummary(clinicId).data?.timeZone

  return (
    <StaffPage
      title="Patients"
      action={canRegister && <Button onClick={registerModal.open}>Register patient</Button>}
    >
      <Group align="flex-end" gap="md">
        <TextInput
          label="Search patients"
          placeholder="Name or MRN"
          {...search.field}
          w={320}
          type="search"
        />
        <TextInput label="Date of birth" type="date" {...dateOfBirthFilter.field} w={180} />
        {dateOfBirth && (
          <Button variant="subtle" onClick={() => dateOfBirthFilter.setValue('')}>
            Clear date
          </Button>
        )}
      </Group>
      <PagedQueryTable
        query={patients}
        errorTitle="Could not load patients"
        label="Patients"
        minWidth={720}
        look="links"
        columns={columns(clinicId, readsChart, now, timeZone)}
        rowKey={(patient) => patient.id}
        empty={q || dateOfBirth ? 'No patients match this search.' : 'No patients yet.'}
        paging={paging}
        pageSizes={pageSizes}
        noun={['patient', 'patients']}
      />
      {canRegister && (
        <RegisterPatientModal clinicId={clinicId} opened={isRegisterOpen} onClose={registerModal.close} />
      )}
    </StaffPage>
  )
}
