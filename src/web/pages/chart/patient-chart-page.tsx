import { Anchor, Badge, Group, Paper, Stack, Title } from '@mantine/core'
import { Link, useParams, useSearchParams } from 'react-router'
import { useChart } from '../../api/chart'
import { useClinicSummary } from '../../api/clinic'
import { usePatient } from '../../api/patients'
import { clinicPath } from '../../clinic-path'
import { ClinicalFact } from '../../components/clinical-fact'
import { PanelTabs } from '../../components/clinical-tabs'
import { hasClinicPermission, useCurrentClinic } from '../../components/current-clinic'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { SafetyAlertBanner } from '../../components/safety-alert-banner'
import { StageBadge } from '../../components/stage-badge'
import { ageInYears, formatCalendarDate } from '../../lib/age'
import { sexOptions } from '../../lib/intake-labels'
import { AssessmentsTab } from './assessments-tab'
import type { ChartTabProps } from './chart-tab-props'
import { ConsentTab } from './consent-tab'
import { DemographicsTab } from './demographics-tab'
import { EligibilityTab } from './eligibility-tab'
import { HistoryTab } from './history-tab'
import { OverviewTab } from './overview-tab'
import { PlanTab } from './plan-tab'
import { SessionsTab } from './sessions-tab'

const clinicalTabs = [
  { value: 'overview', label: 'Overview', Panel: OverviewTab },
  { value: 'history', label: 'History', Panel: HistoryTab },
  { value: 'assessments', label: 'Assessments', Panel: AssessmentsTab },
  { value: 'eligibility', label: 'Eligibility', Panel: EligibilityTab },
  { value: 'consent', label: 'Consent', Panel: ConsentTab },
  { value: 'plan', label: 'Plan', Panel: PlanTab },
] as const

function HeaderFact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <ClinicalFact label={label} size="sm">
      {children}
    </ClinicalFact>
  )
}

/** One patient's chart: header, open safety alerts, and a tab per intake step the role may see. */
export function PatientChartPage() {
  const { patientId = '' } = useParams()
  const { me, membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const canReadClinical = hasClinicPermission(membership, 'clinical:read')
  const patient = usePatient(clinicId, patientId)
  const chart = useChart(clinicId, patientId, canReadClinical)
  const timeZone = useClinicSummary(clinicId).data?.timeZone
  const [searchParams, setSearchParams] = useSearchParams()

  const sessionsTab = { value: 'sessions', label: 'Sessions', Panel: SessionsTab }
  const tabs = canReadClinical
    ? [
        clinicalTabs[0],
        { value: 'demographics', label: 'Demographics', Panel: DemographicsTab },
        ...clinicalTabs.slice(1),
        sessionsTab,
      ]
    : [{ value: 'demographics', label: 'Demographics', Panel: DemographicsTab }, sessionsTab]
  const requested = searchParams.get('tab')
  const tab = tabs.find((t) => t.value === requested)?.value ?? tabs[0]!.value

  if (patient.isPending) return <PageLoader />
  if (patient.isError) return <ErrorAlert error={patient.error} title="Could not open this chart" />
  const p = patient.data
  const props: ChartTabProps = {
    clinicId,
    patientId,
    timeZone,
    canReadClinical,
    canWriteDemographics: hasClinicPermission(membership, 'demographics:write'),
    canWriteClinical: hasClinicPermission(membership, 'clinical:write'),
    canSign: hasClinicPermission(membership, 'clinical:sign'),
    hasAuthenticator: me.user.mfaEnrolled,
  }
  const body = chart.data?.body

  return (
    <Stack gap="md">
      <Anchor component={Link} to={clinicPath(clinicId, 'patients')} size="sm">
        ← Patients
      </Anchor>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Group gap="sm" align="center">
              <Title order={1} size="h2">
                {p.givenName} {p.familyName}
              </Title>
              {chart.data && <StageBadge stage={chart.data.stage} size="lg" />}
            </Group>
            {chart.data && chart.data.openAlerts.length > 0 && (
              <Badge color="red" variant="filled" size="lg">
                {chart.data.openAlerts.length} open alert{chart.data.openAlerts.length === 1 ? '' : 's'}
              </Badge>
            )}
          </Group>
          <Group gap="xl" wrap="wrap">
            <HeaderFact label="MRN">{p.mrn}</HeaderFact>
            <HeaderFact label="Born">
              {formatCalendarDate(p.dateOfBirth)} ({ageInYears(p.dateOfBirth, new Date(), timeZone)} y)
            </HeaderFact>
            <HeaderFact label="Sex">{sexOptions.find((o) => o.value === p.sex)?.label ?? p.sex}</HeaderFact>
            {canReadClinical && (
              <HeaderFact label="Weight / BMI">
                {body?.weightKg ? `${body.weightKg} kg` : 'not weighed'}
                {body?.bmi ? ` · BMI ${body.bmi}` : ''}
              </HeaderFact>
            )}
            <HeaderFact label="Escort">
              {p.escortName ? `${p.escortName}${p.escortPhone ? `, ${p.escortPhone}` : ''}` : 'none recorded'}
            </HeaderFact>
          </Group>
        </Stack>
      </Paper>
      {chart.data && (
        <SafetyAlertBanner
          clinicId={clinicId}
          patientId={patientId}
          alerts={chart.data.openAlerts}
          canAcknowledge={props.canWriteClinical}
          timeZone={timeZone}
        />
      )}
      {chart.isError && <ErrorAlert error={chart.error} title="Could not load the chart summary" />}
      <PanelTabs
        value={tab}
        onChange={(value) => setSearchParams({ tab: value }, { replace: true })}
        tabs={tabs}
        panelProps={props}
        panelTop="md"
      />
    </Stack>
  )
}
