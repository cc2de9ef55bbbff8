import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core'
import type { FormEvent, ReactNode } from 'react'
import { eligibilityMeanings } from '../../../domain/access/signature-meanings'
import { CONTRAINDICATION_QUESTIONS } from '../../../domain/eligibility'
import { findInstrument } from '../../../domain/instruments'
import {
  type EligibilityOutcome,
  type EligibilityReview,
  useEligibilityReview,
  useSignDecision,
} from '../../api/eligibility'
import { ClinicalCard } from '../../components/clinical-card'
import { useClinicalForm } from '../../components/clinical-form'
import { SignAndSubmit, useSignature } from '../../components/clinical-signing'
import { ChartSection } from '../../components/data-table'
import { ErrorAlert, PageLoader } from '../../components/page-status'
import { toSignerProof } from '../../components/signature-box'
import { SignedRecord } from '../../components/signed-record'
import { formatDateTime } from '../../lib/time'
import type { ChartTabProps } from './chart-tab-props'
import { TrdSummary } from './trd-summary'

// The statements the server signs with, shared through the domain; shown before signing.
const meanings: Record<EligibilityOutcome, string> = eligibilityMeanings
const decisionLabels: Record<EligibilityOutcome, string> = {
  approve: 'Approve',
  decline: 'Decline',
  defer: 'Defer',
}
const decisionColors: Record<EligibilityOutcome, string> = {
  approve: 'teal',
  decline: 'red',
  defer: 'yellow',
}
const questionText = Object.fromEntries(CONTRAINDICATION_QUESTIONS.map((q) => [q.id, q.question]))

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Text fw={600}>{title}</Text>
        {children}
      </Stack>
    </Paper>
  )
}

/** Why approval needs an override reason (the server asks the same, design.md §1). */
function overrideNeeds(review: EligibilityReview): string[] {
  const h = review.history
  return [
    ...(h.contraindications?.hasAbsolute ? ['an absolute contraindication is present'] : []),
    ...(h.trd && !h.trd.isTrd ? ['the TRD definition is not met'] : []),
  ]
}

function DecisionForm({ review, props }: { review: EligibilityReview; props: ChartTabProps }) {
  const sign = useSignDecision(props.clinicId, props.patientId)
  const { form, values, field } = useClinicalForm(
    { decision: '' as EligibilityOutcome | '', reason: '', overrideReason: '', cautionsAcknowledged: false },
    sign.error,
  )
  const { reason, overrideReason, cautionsAcknowledged } = values
  const decision = values.decision || null
  const cautions = review.history.contraindications?.cautions ?? []
  const needsCautionAck = decision === 'approve' && cautions.length > 0
  const signing = useSignature(props.hasAuthenticator)
  const needs = decision === 'approve' ? overrideNeeds(review) : []

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!decision) return
    sign.mutate(
      {
        decision,
        reason: reason.trim(),
        overrideReason: needs.length ? overrideReason.trim() : null,
        ...(needsCautionAck ? { cautionsAcknowledged } : {}),
        ...toSignerProof(signing.signature),
      },
      {
        onSuccess: () => {
          form.setValues({ reason: '', overrideReason: '', cautionsAcknowledged: false })
          signing.clear()
        },
      },
    )
  }

  if (sign.isSuccess) {
    const d = sign.data
    return (
      <Alert
        color="teal"
        variant="light"
        title={`Decision signed: ${decisionLabels[d.decision]}`}
        role="status"
      >
        <Stack gap="xs">
          <Text size="sm">“{d.meaning}”</Text>
          <SignedRecord
            signerName={d.signerName}
            signedAt={d.signedAt}
            contentHash={d.contentHash}
            timeZone={props.timeZone}
          />
          <Group>
            <Button variant="subtle" size="xs" onClick={() => sign.reset()}>
              Record another decision
            </Button>
          </Group>
        </Stack>
      </Alert>
    )
  }

  return (
    <ClinicalCard label="Eligibility decision" title="Decision" order={2} gap="md" onSubmit={submit}>
      {review.openAlerts.length > 0 && (
        <Alert color="red" variant="light">
          Approval is blocked while a safety alert is open: acknowledge it first.
        </Alert>
      )}
      <SegmentedControl
        aria-label="Decision"
        data={(['approve', 'decline', 'defer'] as const).map((value) => ({
          value,
          label: decisionLabels[value],
        }))}
        {...form.getInputProps('decision')}
        color={decision ? decisionColors[decision] : undefined}
        size="md"
        w={{ base: '100%', sm: 420 }}
      />
      <Textarea label="Reason" {...field('reason')} autosize minRows={2} required withAsterisk={false} />
      {needs.length > 0 && (
        <Textarea
          label="Override reason"
          description={`Required because ${needs.join(' and ')}. Your clinical reasoning is recorded with the signature.`}
          {...field('overrideReason')}
          autosize
          minRows={2}
          required
          withAsterisk={false}
          styles={{ input: { borderColor: 'var(--mantine-color-orange-6)' } }}
        />
      )}
      {needsCautionAck && (
        <Checkbox
          size="md"
          color="orange"
          {...field('cautionsAcknowledged', { type: 'checkbox' })}
          label={`I acknowledge the pre-dose cautions: ${cautions.map((c) => questionText[c.id] ?? c.id).join(' ')}`}
          description="Warnings from the product label, not contraindications: the acknowledgement is signed with the decision and asked again before each dose."
        />
      )}
      <SignAndSubmit
        meaning={decision && meanings[decision]}
        signing={signing}
        hasAuthenticator={props.hasAuthenticator}
        error={sign.error}
        placedFields={['reason', 'overrideReason', 'cautionsAcknowledged', 'totpCode', 'password']}
        submitLabel="Sign decision"
        isBlocked={
          !decision ||
          reason.trim().length < 3 ||
          (needs.length > 0 && overrideReason.trim().length < 3) ||
          (needsCautionAck && !cautionsAcknowledged)
        }
        isPending={sign.isPending}
      />
    </ClinicalCard>
  )
}

export function EligibilityTab(props: ChartTabProps) {
  const review = useEligibilityReview(props.clinicId, props.patientId)
  if (review.isPending) return <PageLoader />
  if (review.isError) return <ErrorAlert error={review.error} title="Could not load the eligibility review" />
  const r = review.data
  const ci = r.history.contraindications
  const scores = Object.values(r.latestScores)

  return (
    <Stack gap="md">
      <TrdSummary trd={r.history.trd} missing={r.history.trdMissing} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Card title="Contraindications">
          {ci === null ? (
            <Text size="sm" c="orange.8">
              Screen incomplete: {r.history.unansweredContraindications.length} question(s) unanswered.
            </Text>
          ) : ci.findings.length === 0 ? (
            <Badge color="teal" variant="light">
              None found
            </Badge>
          ) : (
            <List size="sm" spacing={4}>
              {ci.findings.map((f) => (
                <List.Item key={f.id}>
                  <Badge
                    color={f.severity === 'absolute' ? 'red' : f.severity === 'caution' ? 'grape' : 'orange'}
                    size="xs"
                    mr={6}
                  >
                    {f.severity}
                  </Badge>
                  {f.isUnverified && (
                    <Badge color="gray" variant="outline" size="xs" mr={6}>
                      not yet verified by the clinic
                    </Badge>
                  )}
                  {questionText[f.id] ?? f.id} {f.explanation}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card title="Latest scores">
          {scores.length === 0 ? (
            <Text size="sm" c="dimmed">
              None recorded.
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {scores.map((s) => (
                <List.Item key={s.id}>
                  <strong>{findInstrument(s.instrumentId)?.name ?? s.instrumentId}</strong> {s.total}
                  {s.band ? ` — ${s.band.label}` : ''} ({formatDateTime(s.administeredAt, props.timeZone)})
                </List.Item>
              ))}
            </List>
          )}
        </Card>
        <Card title="Vital signs and body">
          <Text size="sm">
            {r.latestVitals
              ? `BP ${r.latestVitals.systolicMmHg}/${r.latestVitals.diastolicMmHg} mmHg, HR ${r.latestVitals.heartRateBpm}${r.latestVitals.spo2Percent ? `, SpO₂ ${r.latestVitals.spo2Percent} %` : ''}`
              : 'No baseline vital signs.'}
          </Text>
          <Text size="sm">
            {r.body.weightKg ? `Weight ${r.body.weightKg} kg` : 'Not weighed'}
            {r.body.heightCm ? `, height ${r.body.heightCm} cm` : ''}
            {r.body.bmi ? `, BMI ${r.body.bmi}` : ''}
          </Text>
        </Card>
        <Card title="Open safety alerts">
          {r.openAlerts.length === 0 ? (
            <Text size="sm" c="teal.8">
              None open.
            </Text>
          ) : (
            r.openAlerts.map((a) => (
              <Text key={a.id} size="sm" c="red.8">
                {a.message}
              </Text>
            ))
          )}
        </Card>
      </SimpleGrid>
      {props.canSign ? (
        <DecisionForm review={r} props={props} />
      ) : (
        <Text size="sm" c="dimmed">
          Only a prescriber signs the eligibility decision.
        </Text>
      )}
      <ChartSection
        title="Earlier decisions"
        emptyText="No decision yet."
        isEmpty={r.decisions.length === 0}
        gap="xs"
      >
        {r.decisions.map((d) => (
          <Paper key={d.id} withBorder p="sm" radius="md">
            <Stack gap={4}>
              <Group gap="xs">
                <Badge color={decisionColors[d.decision]}>{decisionLabels[d.decision]}</Badge>
                <Text size="sm">{d.reason}</Text>
              </Group>
              {d.overrideReason && (
                <Text size="sm" c="orange.8">
                  Override: {d.overrideReason}
                </Text>
              )}
              {d.acknowledgedCautions.length > 0 && (
                <Text size="sm" c="grape.8">
                  Pre-dose cautions acknowledged:{' '}
                  {d.acknowledgedCautions.map((id) => questionText[id] ?? id).join(' ')}
                </Text>
              )}
              <SignedRecord
                signerName={d.signerName}
                signedAt={d.signedAt}
                contentHash={d.contentHash}
                timeZone={props.timeZone}
              />
            </Stack>
          </Paper>
        ))}
      </ChartSection>
    </Stack>
  )
}
