import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core'
import { useState } from 'react'
import { signatureMeanings } from '../../../domain/access/signature-meanings'
import { type ConcomitantClass, concomitantClasses, isAfterDosing } from '../../../domain/session'
import type { SignerProof } from '../../api/eligibility'
import { sessionPdfUrl, useRemsForm, useSessionAction, useTransition } from '../../api/sessions'
import { ClinicalCard } from '../../components/clinical-card'
import { SignAndSubmit, useSignature } from '../../components/clinical-signing'
import { MutationError } from '../../components/mutation-error'
import { toSignerProof } from '../../components/signature-box'
import { SignedRecord } from '../../components/signed-record'
import { formatClock } from '../../lib/clock-format'
import { dischargeCriterionLabels } from '../../lib/session-labels'
import { DissociationCheckPanel, ReadyMomentPanel } from './esketamine-monitoring'
import { ScoreEntry } from './score-entry'
import type { SectionProps } from './section-props'

const criterionLabels = dischargeCriterionLabels

function Escort(props: SectionProps) {
  const { view, clinicId, sessionId, canWrite } = props
  const [name, setName] = useState(view.session.escortName ?? '')
  const escort = useSessionAction<{ isPresent: boolean; name?: string }>(clinicId, sessionId, (body) => ({
    path: '/escort',
    body,
  }))
  return (
    <ClinicalCard label="Escort" gap="xs">
      <Group align="flex-end" gap="md">
        <TextInput
          label="Escort name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          disabled={!canWrite}
          size="md"
        />
        <Switch
          size="xl"
          label="Escort present"
          checked={view.session.isEscortPresent}
          disabled={!canWrite || escort.isPending}
          onChange={(e) =>
            escort.mutate({
              isPresent: e.currentTarget.checked,
              ...(name.trim() ? { name: name.trim() } : {}),
            })
          }
        />
      </Group>
      <MutationError error={escort.error} />
    </ClinicalCard>
  )
}

function SignOff(props: SectionProps) {
  const { view, clinicId, sessionId, hasAuthenticator } = props
  const signing = useSignature(hasAuthenticator)
  const sign = useSessionAction<SignerProof & { version: number }>(clinicId, sessionId, (body) => ({
    path: '/discharge',
    body,
  }))
  return (
    <ClinicalCard label="Discharge sign-off" title="Prescriber discharge sign-off">
      <SignAndSubmit
        meaning={signatureMeanings.discharge}
        signing={signing}
        hasAuthenticator={hasAuthenticator}
        error={sign.error}
        onReload={() => sign.reset()}
        submitLabel="Sign discharge"
        size="lg"
        isPending={sign.isPending}
        onClick={() => sign.mutate({ version: view.session.version, ...toSignerProof(signing.signature) })}
      />
    </ClinicalCard>
  )
}

const concomitantLabels: Record<ConcomitantClass, string> = {
  benzodiazepines: 'Benzodiazepines',
  nonBenzodiazepineHypnotics: 'Non-benzodiazepine hypnotics',
  psychostimulants: 'Psychostimulants',
  maois: 'MAOIs',
  opioids: 'Opioids',
}
type Concomitant = Record<ConcomitantClass, boolean>

/** The esketamine REMS Patient Monitoring Form: what the session recorded, plus what the chart lacks. */
function RemsPanel(props: SectionProps) {
  const { view, clinicId, sessionId, canWrite, timeZone } = props
  const form = useRemsForm(clinicId, sessionId, true)
  const [isEnrolled, setIsEnrolled] = useState(true)
  // Starts from the chart's answers; the clinician confirms or completes each one.
  const [meds, setMeds] = useState<Concomitant | null>(null)
  const submit = useSessionAction<{ isEnrolled: boolean; concomitant: Concomitant }>(
    clinicId,
    sessionId,
    (body) => ({
      path: '/rems/submitted',
      body,
    }),
  )
  const f = form.data
  // The submit's reply replaces the session view at once; the form itself refetches after it.
  const submittedAt = view.session.remsSubmittedAt ?? f?.submittedAt ?? null
  const fromChart = f
    ? (Object.fromEntries(
        concomitantClasses.map((c) => [c, f.concomitantMedicines[c].value === true]),
      ) as Concomitant)
    : null
  const current = meds ?? fromChart
  const yes = (b: boolean | null) => (b === null ? '—' : b ? 'yes' : 'no')
  return (
    <ClinicalCard label="REMS monitoring form" title="REMS Patient Monitoring Form">
      {f && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
          <Text size="sm">First treatment: {yes(f.isFirstTreatment)}</Text>
          <Text size="sm">
            Dose administered: {f.doseMg} mg ({f.devices.length} device{f.devices.length === 1 ? '' : 's'})
          </Text>
          <Text size="sm">
            Lot numbers:{' '}
            {f.devices.map((d) => `#${d.number} ${d.lotNumber ?? 'not recorded'}`).join(', ') || '—'}
          </Text>
          <Text size="sm">Monitoring clinician: {f.monitoringClinician ?? '—'}</Text>
          <Text size="sm">
            First device to end of monitoring: {f.minutesFirstDeviceToEndOfMonitoring ?? '—'} min
          </Text>
          <Text size="sm">
            BP before / 40 min / end: {f.bpBeforeDose ?? '—'} / {f.bpAt40Min ?? '—'} / {f.bpBeforeEnd ?? '—'}
          </Text>
          <Text size="sm">
            Ready without the 2-hour rule:{' '}
            {f.readyWithoutTwoHourRuleAt
              ? `${f.minutesToReadyWithoutTwoHourRule} min (${formatClock(f.readyWithoutTwoHourRuleAt, timeZone)}, ${f.readyWithoutTwoHourRuleSource})`
              : 'not recorded'}
          </Text>
          <Text size="sm">
            Sedation {yes(f.sedation)} · dissociation {yes(f.dissociation)} · respiratory depression{' '}
            {yes(f.respiratoryDepression)}
          </Text>
          <Text size="sm">Adverse events: {f.adverseEvents.join(', ') || 'none'}</Text>
          <Text size="sm" c={submittedAt ? 'teal.8' : 'orange.8'} fw={600}>
            {submittedAt
              ? `Submitted ${new Date(submittedAt).toLocaleString(undefined, { timeZone })}`
              : f.dueAt
                ? `Due by ${new Date(f.dueAt).toLocaleDateString(undefined, { timeZone })}`
                : 'Due within 7 days of discharge'}
          </Text>
        </SimpleGrid>
      )}
      <Anchor href={sessionPdfUrl(clinicId, sessionId, 'rems')} target="_blank">
        REMS form (PDF)
      </Anchor>
      {f && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Concomitant medicines
          </Text>
          {concomitantClasses.map((c) => {
            const a = f.concomitantMedicines[c]
            const canEdit = canWrite && view.session.state === 'discharged' && !view.session.remsSubmittedAt
            return (
              <Stack key={c} gap={0}>
                {canEdit && current ? (
                  <Checkbox
                    label={concomitantLabels[c]}
                    checked={current[c]}
                    onChange={(e) => setMeds({ ...current, [c]: e.currentTarget.checked })}
                  />
                ) : (
                  <Text size="sm">
                    {concomitantLabels[c]}: {a.value === null ? 'to complete' : yes(a.value)}
                  </Text>
                )}
                <Text size="xs" c={a.origin === 'not-recorded' ? 'orange.8' : 'dimmed'} pl={canEdit ? 32 : 0}>
                  {a.source}
                </Text>
              </Stack>
            )
          })}
        </Stack>
      )}
      {canWrite && view.session.state === 'discharged' && !view.session.remsSubmittedAt && current && (
        <Stack gap="xs">
          <Checkbox
            label="Patient enrolled in the REMS"
            checked={isEnrolled}
            onChange={(e) => setIsEnrolled(e.currentTarget.checked)}
          />
          <MutationError error={submit.error} />
          <Group justify="flex-end">
            <Button
              loading={submit.isPending}
              onClick={() => submit.mutate({ isEnrolled, concomitant: current })}
            >
              Record as submitted
            </Button>
          </Group>
        </Stack>
      )}
    </ClinicalCard>
  )
}

/** One discharge criterion: met or not, and why. */
function CriterionRow({
  color,
  mark,
  title,
  detail,
}: {
  color: string
  mark: string
  title: string
  detail: string
}) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon color={color} variant="light" radius="xl" aria-hidden>
        {mark}
      </ThemeIcon>
      <Stack gap={0}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      </Stack>
    </Group>
  )
}

/** Readiness from the domain rules as a checklist, escort, Aldrete, mark ready, sign-off, documents. */
export function DischargeSection(props: SectionProps) {
  const { view, clinicId, sessionId, canWrite, canSign, timeZone } = props
  const transition = useTransition(clinicId, sessionId)
  const discharge = view.discharge
  const state = view.session.state
  const markReady = view.transitions.find((t) => t.event === 'mark-ready')
  const isOpen = isAfterDosing(state)
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Stack gap="md">
        <ClinicalCard label="Discharge readiness" title="Discharge readiness" gap="xs">
          {!discharge && (
            <Text size="sm" c="dimmed">
              Readiness is assessed once the dose has started and pre-dose vitals are recorded.
            </Text>
          )}
          {discharge?.criteria.map((c) => (
            <CriterionRow
              key={c.id}
              color={c.isMet ? 'teal' : 'orange'}
              mark={c.isMet ? '✓' : '…'}
              title={`${criterionLabels[c.id] ?? c.id} — ${c.isMet ? 'met' : 'not met'}`}
              detail={`${c.reason}${!c.isMet && c.earliestMetAtMs ? ` Earliest ${formatClock(c.earliestMetAtMs, timeZone)}.` : ''}`}
            />
          ))}
          {view.safetyAlerts.length > 0 && (
            <CriterionRow
              color="red"
              mark="!"
              title="Suicidal-ideation alert acknowledged — not yet"
              detail="Acknowledge it with a note on the banner above; the discharge sign-off waits for it."
            />
          )}
          {discharge && (
            <Text size="sm" fw={600} c={discharge.isReady ? 'teal.8' : undefined} role="status">
              {discharge.isReady
                ? 'All criteria met.'
                : discharge.earliestReadyAtMs
                  ? `Earliest ready ${formatClock(discharge.earliestReadyAtMs, timeZone)}.`
                  : 'Waiting for a reassessment.'}
            </Text>
          )}
          {canWrite && markReady && (
            <Button
              size="lg"
              disabled={!markReady.isAllowed}
              loading={transition.isPending}
              onClick={() => transition.mutate({ event: 'mark-ready', version: view.session.version })}
            >
              Mark ready for discharge
            </Button>
          )}
          <MutationError mutation={transition} />
        </ClinicalCard>
        {view.session.route === 'intranasal' && isOpen && <DissociationCheckPanel {...props} />}
        {isOpen && <Escort {...props} />}
        {state === 'discharged' && view.session.dischargeSignerName && (
          <Alert color="green" variant="light" title="Discharged">
            <SignedRecord
              signerName={view.session.dischargeSignerName}
              signedAt={view.session.dischargedAt ?? ''}
              contentHash={view.session.dischargeContentHash ?? ''}
              timeZone={timeZone}
            />
          </Alert>
        )}
        {canSign && state === 'ready-for-discharge' && <SignOff {...props} />}
        {state === 'ready-for-discharge' && !canSign && (
          <Text size="sm" c="dimmed">
            A prescriber signs the discharge on their own sign-in.
          </Text>
        )}
        <Group gap="lg">
          <Anchor href={sessionPdfUrl(clinicId, sessionId, 'record')} target="_blank">
            Session record (PDF)
          </Anchor>
          <Anchor href={sessionPdfUrl(clinicId, sessionId, 'discharge-instructions')} target="_blank">
            Discharge instructions (PDF)
          </Anchor>
        </Group>
      </Stack>
      <Stack gap="md">
        {canWrite && isOpen && (
          <ScoreEntry {...props} title="Modified Aldrete score" context="post" instrumentIds={['aldrete']} />
        )}
        {view.session.route === 'intranasal' && view.devices?.given.length ? (
          <ReadyMomentPanel {...props} />
        ) : null}
        {view.session.route === 'intranasal' && <RemsPanel {...props} />}
      </Stack>
    </SimpleGrid>
  )
}
