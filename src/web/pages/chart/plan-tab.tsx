import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { signatureMeanings } from '../../../domain/access/signature-meanings'
import { findProtocol } from '../../../domain/dosing'
import { isApiError } from '../../api/client'
import { type TreatmentPlan, useApprovePlan, usePlans } from '../../api/plans'
import { MutationError } from '../../components/mutation-error'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { emptySignature, isSignatureReady, SignatureBox, toSignerProof } from '../../components/signature-box'
import { SignedRecord } from '../../components/signed-record'
import type { ChartTabProps } from './chart-tab-props'
import { cadenceOptions, PlanForm } from './plan-form'

// The statement the server signs a plan approval with, shared through the domain.
const approvalMeaning = signatureMeanings.planApprove
const statusColors: Record<TreatmentPlan['status'], string> = {
  draft: 'blue',
  approved: 'green',
  superseded: 'gray',
  cancelled: 'gray',
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  )
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

function DosePreviewLine({ plan }: { plan: TreatmentPlan }) {
  const preview = plan.dosePreview
  if (!preview) {
    return plan.doseMgPerKg !== null ? (
      <Text size="sm" c="orange.8">
        No dose preview: record the patient’s weight first.
      </Text>
    ) : null
  }
  if ('unavailable' in preview)
    return (
      <Text size="sm" c="orange.8">
        Dose preview unavailable: {preview.unavailable}
      </Text>
    )
  return (
    <Paper bg="teal.0" p="sm" radius="md" aria-label="Dose preview">
      <Text size="sm">
        At {preview.weightKg} kg ({preview.basis} basis, dosing weight {preview.dosingWeightKg.toFixed(1)}{' '}
        kg): <strong>{preview.doseMg.toFixed(1)} mg</strong> over {preview.infusionMin} min ={' '}
        <strong>{preview.rateMgPerMin.toFixed(2)} mg/min</strong>
      </Text>
      {preview.warnings.map((w) => (
        <Text key={w.code} size="xs" c={w.severity === 'override' ? 'red.8' : 'orange.8'}>
          {w.message}
        </Text>
      ))}
    </Paper>
  )
}

function ApproveForm({ plan, props }: { plan: TreatmentPlan; props: ChartTabProps }) {
  const [signature, setSignature] = useState(() => emptySignature(props.hasAuthenticator))
  const approve = useApprovePlan(props.clinicId, props.patientId)
  const blockers =
    isApiError(approve.error, 'conflict') && Array.isArray(approve.error.problem.blockers)
      ? (approve.error.problem.blockers as string[])
      : []
  const submit = (event: FormEvent) => {
    event.preventDefault()
    approve.mutate({ planId: plan.id, version: plan.version, ...toSignerProof(signature) })
  }
  return (
    <Stack gap="sm" component="form" onSubmit={submit} aria-label="Approve plan">
      <SignatureBox
        meaning={approvalMeaning}
        value={signature}
        onChange={setSignature}
        error={approve.error}
        hasAuthenticator={props.hasAuthenticator}
      />
      {blockers.length > 0 ? (
        <Alert color="orange" variant="light" role="alert" title="This plan cannot be approved yet">
          <Text size="sm">It needs:</Text>
          <List size="sm">
            {blockers.map((b) => (
              <List.Item key={b}>{b}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <MutationError error={approve.error} placedFields={['totpCode', 'password']} />
      )}
      <Group justify="flex-end">
        <Button type="submit" size="md" loading={approve.isPending} disabled={!isSignatureReady(signature)}>
          Approve plan
        </Button>
      </Group>
    </Stack>
  )
}

function PlanCard({ plan, props }: { plan: TreatmentPlan; props: ChartTabProps }) {
  return (
    <Paper withBorder p="md" radius="md" aria-label={`Plan: ${plan.protocolName}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{plan.protocolName}</Text>
          <Badge color={statusColors[plan.status]} size="lg">
            {plan.status}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact
            label="Dose"
            value={
              plan.doseMgPerKg !== null
                ? `${plan.doseMgPerKg} mg/kg (${plan.doseBasis} weight)`
                : `${plan.doseMg} mg`
            }
          />
          <Fact
            label="Titration limit"
            value={plan.maxDoseMgPerKg !== null ? `${plan.maxDoseMgPerKg} mg/kg` : '—'}
          />
          <Fact label="Planned sessions" value={String(plan.plannedSessions)} />
          <Fact label="Cadence" value={cadenceLabel(plan)} />
        </SimpleGrid>
        {plan.note && <Text size="sm">Note: {plan.note}</Text>}
        <DosePreviewLine plan={plan} />
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
  const [isFormOpen, setFormOpen] = useState(false)
  if (plans.isPending) return <PageLoader />
  if (plans.isError) return <ErrorAlert error={plans.error} title="Could not load the plans" />
  const hasDraft = plans.data.some((p) => p.status === 'draft')
  const hasApproved = plans.data.some((p) => p.status === 'approved')
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        Treatment plans
      </Title>
      {plans.data.length === 0 && (
        <Text size="sm" c="dimmed">
          No plan yet.
        </Text>
      )}
      {plans.data.map((plan) => (
        <PlanCard key={plan.id} plan={plan} props={props} />
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
        <PlanForm clinicId={props.clinicId} patientId={props.patientId} />
      )}
    </Stack>
  )
}
