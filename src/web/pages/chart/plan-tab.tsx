import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { signatureMeanings } from '../../../domain/access/signature-meanings'
import { doseLimitLabels, type EsketamineProtocol, findProtocol } from '../../../domain/dosing'
import { isApiError } from '../../api/client'
import { usePatient } from '../../api/patients'
import { type TreatmentPlan, useApprovePlan, usePlans } from '../../api/plans'
import { ClinicalFact } from '../../components/clinical-fact'
import { SignAndSubmit, useSignature } from '../../components/clinical-signing'
import { ChartSection } from '../../components/data-table'
import { fieldError } from '../../components/mutation-error'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { toSignerProof } from '../../components/signature-box'
import { SignedRecord } from '../../components/signed-record'
import { ageInYears } from '../../lib/age'
import type { ChartTabProps } from './chart-tab-props'
import { EsketamineDosePreview } from './esketamine-dose-preview'
import { IvDosePreview } from './iv-dose-preview'
import { cadenceOptions, PlanForm } from './plan-form'

// The statement the server signs a plan approval with, shared through the domain.
const approvalMeaning = signatureMeanings.planApprove
const statusColors: Record<TreatmentPlan['status'], string> = {
  draft: 'blue',
  approved: 'green',
  superseded: 'gray',
  cancelled: 'gray',
}

function cadenceLabel(plan: TreatmentPlan): string {
  try {
    return (
      cadenceOptions(findProtocol(plan.protocolId)).find((c) => c.value === plan.cadence)?.label ??
      plan.cadence
    )
  } catch {
    return plan.cadence
  }
}

/** The plan's own preview: an IV dose at the latest weight, or an esketamine plan's devices and weeks. */
function DosePreviewLine({ plan, ageYears }: { plan: TreatmentPlan; ageYears: number | null }) {
  if (plan.route === 'intranasal') {
    const protocol = esketamineProtocolOf(plan.protocolId)
    return protocol ? (
      <EsketamineDosePreview
        protocol={protocol}
        doseMg={plan.doseMg}
        cadence={plan.cadence}
        plannedSessions={plan.plannedSessions}
        ageYears={ageYears}
      />
    ) : null
  }
  const preview = plan.dosePreview
  if (!preview)
    return (
      <Text size="sm" c="orange.8">
        No dose preview: record the patient’s weight first.
      </Text>
    )
  if (preview.kind === 'unavailable')
    return (
      <Text size="sm" c="orange.8">
        Dose preview unavailable: {preview.reason}
      </Text>
    )
  return <IvDosePreview dose={preview} atLabel={`At ${preview.weightKg} kg`} />
}

function esketamineProtocolOf(protocolId: string): EsketamineProtocol | null {
  try {
    const protocol = findProtocol(protocolId)
    return protocol.route === 'intranasal' ? protocol : null
  } catch {
    return null
  }
}

/** Dose and limit facts by route: mg/kg on a weight basis for IV, whole 28 mg devices for esketamine. */
function doseFacts(plan: TreatmentPlan): { label: string; value: string }[] {
  if (plan.route === 'intranasal')
    return [
      {
        label: 'Dose',
        value: `${plan.doseMg} mg (${plan.doseMg / 28} device${plan.doseMg > 28 ? 's' : ''})`,
      },
      { label: 'Route', value: 'Nasal spray' },
    ]
  return [
    { label: 'Dose', value: `${plan.doseMgPerKg} mg/kg (${plan.doseBasis} weight)` },
    {
      label: 'Titration limit',
      value: plan.maxDoseMgPerKg !== null ? `${plan.maxDoseMgPerKg} mg/kg` : '—',
    },
  ]
}

/** The dose-limit override (clinical-reference §2) the prescriber signs with the approval, when the plan goes beyond a limit. */
function DoseOverrideField({
  plan,
  reason,
  onChange,
  error,
}: {
  plan: TreatmentPlan
  reason: string
  onChange: (reason: string) => void
  error: unknown
}) {
  return (
    <Alert color="red" variant="light" title="Beyond the clinic's dose limits: signed override needed">
      <Stack gap="xs">
        <List size="sm">
          {plan.limitsNeedingOverride.map((f) => (
            <List.Item key={`${f.field}-${f.limit}`}>
              {doseLimitLabels[f.limit]}: {f.message}
            </List.Item>
          ))}
        </List>
        <Textarea
          label="Override reason"
          description="Signed with your approval, stored on the plan and audited."
          value={reason}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={fieldError(error, 'doseOverride.reason')}
          required
          autosize
          minRows={2}
        />
      </Stack>
    </Alert>
  )
}

function ApproveForm({ plan, props }: { plan: TreatmentPlan; props: ChartTabProps }) {
  const signing = useSignature(props.hasAuthenticator)
  const [overrideReason, setOverrideReason] = useState('')
  const needsOverride = plan.limitsNeedingOverride.length > 0
  const approve = useApprovePlan(props.clinicId, props.patientId)
  const blockers =
    isApiError(approve.error, 'conflict') && Array.isArray(approve.error.problem.blockers)
      ? (approve.error.problem.blockers as string[])
      : []
  const submit = (event: FormEvent) => {
    event.preventDefault()
    approve.mutate({
      planId: plan.id,
      version: plan.version,
      ...(needsOverride ? { doseOverride: { reason: overrideReason.trim() } } : {}),
      ...toSignerProof(signing.signature),
    })
  }
  return (
    <Stack gap="sm" component="form" onSubmit={submit} aria-label="Approve plan">
      {needsOverride && (
        <DoseOverrideField
          plan={plan}
          reason={overrideReason}
          onChange={setOverrideReason}
          error={approve.error}
        />
      )}
      <SignAndSubmit
        meaning={needsOverride ? signatureMeanings.planApproveWithDoseOverride : approvalMeaning}
        signing={signing}
        hasAuthenticator={props.hasAuthenticator}
        error={approve.error}
        placedFields={['totpCode', 'password', ...(needsOverride ? ['doseOverride.reason'] : [])]}
        errorSummary={
          blockers.length > 0 ? (
            <Alert color="orange" variant="light" role="alert" title="This plan cannot be approved yet">
              <Text size="sm">It needs:</Text>
              <List size="sm">
                {blockers.map((b) => (
                  <List.Item key={b}>{b}</List.Item>
                ))}
              </List>
            </Alert>
          ) : undefined
        }
        submitLabel="Approve plan"
        isBlocked={needsOverride && overrideReason.trim().length < 5}
        isPending={approve.isPending}
      />
    </Stack>
  )
}

function PlanCard({
  plan,
  props,
  ageYears,
}: {
  plan: TreatmentPlan
  props: ChartTabProps
  ageYears: number | null
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`Plan: ${plan.protocolName}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{plan.protocolName}</Text>
          <Badge color={statusColors[plan.status]} size="lg">
            {plan.status}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {doseFacts(plan).map((f) => (
            <ClinicalFact key={f.label} label={f.label} size="sm">
              {f.value}
            </ClinicalFact>
          ))}
          <ClinicalFact label="Planned sessions" size="sm">
            {String(plan.plannedSessions)}
          </ClinicalFact>
          <ClinicalFact label="Cadence" size="sm">
            {cadenceLabel(plan)}
          </ClinicalFact>
        </SimpleGrid>
        {plan.note && <Text size="sm">Note: {plan.note}</Text>}
        {plan.route === 'iv-infusion' && plan.doseAboveActualWeight && (
          <Text size="sm">Doses on the {plan.doseBasis} weight even where it exceeds actual weight.</Text>
        )}
        {plan.doseOverride && (
          <Alert color="orange" variant="light" title="Signed dose-limit override">
            <Text size="sm">
              {plan.doseOverride.limits.map((l) => doseLimitLabels[l]).join('; ')} — reason:{' '}
              {plan.doseOverride.reason}
            </Text>
          </Alert>
        )}
        <DosePreviewLine plan={plan} ageYears={ageYears} />
        {plan.status === 'approved' && plan.approverName && plan.approvedAt && plan.contentHash && (
          <SignedRecord
            signerName={plan.approverName}
            signedAt={plan.approvedAt}
            contentHash={plan.contentHash}
            timeZone={props.timeZone}
          />
        )}
        {plan.status === 'draft' && props.canSign && <ApproveForm plan={plan} props={props} />}
        {plan.status === 'draft' && !props.canSign && (
          <Text size="sm" c="dimmed">
            Draft — a prescriber approves it with a signature.
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

export function PlanTab(props: ChartTabProps) {
  const plans = usePlans(props.clinicId, props.patientId)
  const patient = usePatient(props.clinicId, props.patientId)
  const [isFormOpen, setFormOpen] = useState(false)
  if (plans.isPending || patient.isPending) return <PageLoader />
  if (plans.isError) return <ErrorAlert error={plans.error} title="Could not load the plans" />
  const hasDraft = plans.data.some((p) => p.status === 'draft')
  const hasApproved = plans.data.some((p) => p.status === 'approved')
  const ageYears = patient.data ? ageInYears(patient.data.dateOfBirth, new Date(), props.timeZone) : null
  return (
    <ChartSection title="Treatment plans" emptyText="No plan yet." isEmpty={plans.data.length === 0} gap="md">
      {plans.data.map((plan) => (
        <PlanCard key={plan.id} plan={plan} props={props} ageYears={ageYears} />
      ))}
      {props.canSign && !hasDraft && hasApproved && !isFormOpen && (
        <Group>
          <Button variant="light" onClick={() => setFormOpen(true)}>
            Draft a new plan
          </Button>
          <Text size="sm" c="dimmed">
            Approving a new plan supersedes the current one.
          </Text>
        </Group>
      )}
      {props.canSign && !hasDraft && (!hasApproved || isFormOpen) && (
        <PlanForm clinicId={props.clinicId} patientId={props.patientId} ageYears={ageYears} />
      )}
    </ChartSection>
  )
}
