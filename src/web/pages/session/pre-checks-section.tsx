import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { signatureMeanings } from '../../../domain/access/signature-meanings'
import { isActionAllowed } from '../../../domain/session'
import { type PreCheckItem, useSessionAction } from '../../api/sessions'
import { ChecklistItem } from '../../components/checklist-item'
import { ClinicalCard } from '../../components/clinical-card'
import { useClinicalForm } from '../../components/clinical-form'
import { SignAndSubmit, useSignature } from '../../components/clinical-signing'
import { fieldError, MutationError } from '../../components/mutation-error'
import { toSignerProof } from '../../components/signature-box'
import { ScoreEntry } from './score-entry'
import type { SectionProps } from './section-props'

const statusColor = { pass: 'teal', fail: 'red', pending: 'gray' } as const
const statusMark = { pass: '✓', fail: '✗', pending: '…' } as const

export function PreCheckList({ items }: { items: PreCheckItem[] }) {
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2 }}
      spacing={6}
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label="Pre-check items"
    >
      {items.map((item) => (
        <ChecklistItem
          key={item.id}
          color={statusColor[item.status]}
          mark={statusMark[item.status]}
          label={item.label}
          state={item.status}
          detail={item.detail}
          isCompact
        />
      ))}
    </SimpleGrid>
  )
}

interface FormPayload {
  identityConfirmed: boolean
  fastingConfirmed: boolean
  escortConfirmed: boolean
  escortName: string | null
  pregnancyStatus: 'not-applicable' | 'negative' | 'positive' | 'declined'
  urinarySymptoms: boolean
  notes: string | null
}

/** A question answered by one of a few segments, named by the text above it. */
function LabelledChoice({
  id,
  label,
  value,
  onChange,
  data,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  data: { value: string; label: string }[]
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} value={value} onChange={onChange} data={data} size="md" />
    </Stack>
  )
}

function PreCheckForm(props: SectionProps) {
  const { view, clinicId, sessionId } = props
  const last = [...view.timeline].reverse().find((e) => e.kind === 'pre-check-form' && !e.enteredInError)
    ?.payload as FormPayload | undefined
  const [form, setForm] = useState<FormPayload>(
    last ?? {
      identityConfirmed: false,
      fastingConfirmed: false,
      escortConfirmed: false,
      escortName: view.session.escortName,
      pregnancyStatus: view.patient.sex === 'female' ? 'negative' : 'not-applicable',
      urinarySymptoms: false,
      notes: null,
    },
  )
  const save = useSessionAction<FormPayload>(clinicId, sessionId, (body) => ({ path: '/pre-checks', body }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate({ ...form, escortName: form.escortName?.trim() || null, notes: form.notes?.trim() || null })
  }
  const check = (key: 'identityConfirmed' | 'fastingConfirmed' | 'escortConfirmed', label: string) => (
    <Checkbox
      size="lg"
      label={label}
      checked={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.checked })}
    />
  )
  return (
    <ClinicalCard label="Pre-check questions" title="Pre-check questions" gap="md" onSubmit={submit}>
      {check('identityConfirmed', 'Identity confirmed (two identifiers)')}
      {check('fastingConfirmed', 'Fasting as instructed')}
      <Group align="flex-end" gap="md">
        {check('escortConfirmed', 'Escort home confirmed')}
        <TextInput
          label="Escort name"
          value={form.escortName ?? ''}
          onChange={(e) => setForm({ ...form, escortName: e.currentTarget.value })}
          error={fieldError(save.error, 'escortName')}
          size="md"
        />
      </Group>
      <SimpleGrid cols={1} spacing="md">
        <LabelledChoice
          id="pregnancy-label"
          label="Pregnancy status"
          value={form.pregnancyStatus}
          onChange={(v) => setForm({ ...form, pregnancyStatus: v as FormPayload['pregnancyStatus'] })}
          data={[
            { value: 'not-applicable', label: 'N/A' },
            { value: 'negative', label: 'Negative' },
            { value: 'positive', label: 'Positive' },
            { value: 'declined', label: 'Declined' },
          ]}
        />
        <LabelledChoice
          id="urinary-label"
          label="Urinary symptoms"
          value={form.urinarySymptoms ? 'yes' : 'no'}
          onChange={(v) => setForm({ ...form, urinarySymptoms: v === 'yes' })}
          data={[
            { value: 'no', label: 'None' },
            { value: 'yes', label: 'Reports symptoms' },
          ]}
        />
      </SimpleGrid>
      <Textarea
        label="Notes"
        value={form.notes ?? ''}
        onChange={(e) => setForm({ ...form, notes: e.currentTarget.value })}
        autosize
        minRows={1}
      />
      <MutationError error={save.error} placedFields={['escortName']} />
      <Group justify="space-between">
        <Text size="sm" c={save.isSuccess ? 'teal.8' : 'dimmed'} role="status">
          {save.isSuccess
            ? 'Pre-check questions saved.'
            : last
              ? 'Answered before; saving records them again.'
              : ''}
        </Text>
        <Button type="submit" size="md" loading={save.isPending}>
          Save pre-checks
        </Button>
      </Group>
    </ClinicalCard>
  )
}

/** A prescriber overrides failing pre-checks with a reason and a signature. */
function OverrideForm(props: SectionProps) {
  const { clinicId, sessionId, hasAuthenticator } = props
  const signing = useSignature(hasAuthenticator)
  const override = useSessionAction<{ reason: string } & ReturnType<typeof toSignerProof>>(
    clinicId,
    sessionId,
    (body) => ({ path: '/pre-checks/override', body }),
  )
  const { values, field } = useClinicalForm({ reason: '' }, override.error)
  const reason = values.reason
  const submit = (event: FormEvent) => {
    event.preventDefault()
    override.mutate(
      { reason: reason.trim(), ...toSignerProof(signing.signature) },
      { onSuccess: signing.clear },
    )
  }
  return (
    <ClinicalCard label="Prescriber override" title="Prescriber override" onSubmit={submit}>
      <Text size="sm">
        Dosing is blocked until every check passes or a prescriber overrides with a reason.
      </Text>
      <Textarea label="Reason for the override" {...field('reason')} minRows={2} autosize />
      <SignAndSubmit
        meaning={signatureMeanings.preCheckOverride}
        signing={signing}
        hasAuthenticator={hasAuthenticator}
        error={override.error}
        placedFields={['reason', 'totpCode', 'password']}
        submitLabel="Sign override"
        color="orange"
        isBlocked={reason.trim().length < 5}
        isPending={override.isPending}
      />
    </ClinicalCard>
  )
}

/** §3 pre-dose cautions (label 5.6, 7.1–7.3): warnings a prescriber acknowledges before dosing. */
function CautionsCard(props: SectionProps) {
  const { view, clinicId, sessionId, canSign } = props
  const { items, acknowledged } = view.preChecks.cautions
  const ack = useSessionAction<object>(clinicId, sessionId, () => ({ path: '/cautions-ack', body: {} }))
  const isOpen = isActionAllowed('cautions-ack', view.session.state)
  if (items.length === 0) return null
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      aria-label="Pre-dose cautions"
      style={{ borderLeft: `4px solid var(--mantine-color-${acknowledged ? 'teal' : 'grape'}-6)` }}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>Pre-dose cautions</Text>
          <Badge color={acknowledged ? 'teal' : 'grape'} variant="light">
            {acknowledged ? `Acknowledged by ${acknowledged.by ?? 'a prescriber'}` : 'To acknowledge'}
          </Badge>
        </Group>
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((c) => (
            <Text key={c.id} size="sm" component="li">
              <strong>{c.question}</strong> {c.explanation}
            </Text>
          ))}
        </Stack>
        {!acknowledged && isOpen && canSign && (
          <Group>
            <Button color="grape" onClick={() => ack.mutate({})} loading={ack.isPending}>
              I acknowledge these cautions
            </Button>
          </Group>
        )}
        {!acknowledged && !canSign && (
          <Text size="sm" c="dimmed">
            A prescriber acknowledges them before dosing.
          </Text>
        )}
        <MutationError error={ack.error} />
      </Stack>
    </Paper>
  )
}

export function SupervisionCard(props: SectionProps) {
  const { view, clinicId, sessionId, canSign, userId } = props
  const supervise = useSessionAction<object>(clinicId, sessionId, () => ({ path: '/supervision', body: {} }))
  const current = view.session.supervisingPrescriber
  return (
    <Paper withBorder p="md" radius="md" aria-label="Supervision">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Text fw={600}>Supervising prescriber</Text>
          <Text size="sm" c={current ? undefined : 'red.8'}>
            {current ? current.name : 'None recorded — needed before dosing (REMS: prescriber on site).'}
          </Text>
        </Stack>
        {canSign && current?.id !== userId && (
          <Button size="md" onClick={() => supervise.mutate({})} loading={supervise.isPending}>
            I am supervising
          </Button>
        )}
      </Group>
      <MutationError error={supervise.error} />
    </Paper>
  )
}

/** Identity, consent, plan, fasting, escort, vitals, C-SSRS, PHQ-9, urinary symptoms, pregnancy. */
export function PreChecksSection(props: SectionProps) {
  const { view, canWrite, canOverride } = props
  const { status, items, override } = view.preChecks
  const isOpen = isActionAllowed('pre-checks', view.session.state)
  const phq9Due = items.find((i) => i.id === 'phq9')?.status === 'pending'
  const cssrsDue = items.find((i) => i.id === 'cssrs')?.status === 'pending'
  // The pre-dose vitals are charted on the pad in the chair-side column.
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={2} size="h4">
          Pre-checks
        </Title>
        <Badge
          size="lg"
          color={{ passed: 'teal', overridden: 'orange', failed: 'red', pending: 'gray' }[status]}
        >
          {status}
        </Badge>
      </Group>
      {override && (
        <Text size="sm" c="orange.9">
          Overridden by {override.by}: {override.reason}
        </Text>
      )}
      {canWrite && isOpen && <PreCheckForm {...props} />}
      {canWrite && isOpen && (cssrsDue || phq9Due) && (
        <ScoreEntry
          {...props}
          key={`${cssrsDue}-${phq9Due}`}
          title="Pre-dose scores"
          context="pre"
          instrumentIds={[
            ...(cssrsDue ? (['cssrs-screen'] as const) : []),
            ...(phq9Due ? (['phq9'] as const) : []),
          ]}
        />
      )}
      {!isOpen && (
        <Text c="dimmed" size="sm">
          {view.session.state === 'scheduled'
            ? 'Pre-checks open once the patient is checked in.'
            : 'Pre-checks are closed: dosing has started.'}
        </Text>
      )}
      <CautionsCard {...props} />
      <SupervisionCard {...props} />
      <PreCheckList items={items} />
      {canOverride && isOpen && (status === 'failed' || status === 'pending') && <OverrideForm {...props} />}
    </Stack>
  )
}
