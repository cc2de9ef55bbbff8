import './referral-print.css'
import { Alert, Anchor, Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { summarizeSelfCheck } from '../../domain/self-check'
import { type Referral, type ReferralStatus, useChangeReferralStatus } from '../api/referrals'
import { formatDateAndTime } from '../lib/time'
import { MutationError } from './mutation-error'
import { RegisterPatientModal } from './register-patient-modal'
import { SelfCheckSummaryView } from './self-check-summary'

export const referralStatusLabels: Record<ReferralStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  registered: 'Registered',
  declined: 'Declined',
}

// Mirrors the server's transition table (features/referrals/service.ts); the server decides.
const nextStatuses: Record<ReferralStatus, ReferralStatus[]> = {
  new: ['contacted', 'declined'],
  contacted: ['new', 'declined'],
  declined: ['contacted'],
  registered: [],
}

/** The name split the way the register form wants it: last word as family name. */
function splitName(name: string): { givenName: string; familyName: string } {
  const parts = name.trim().split(/\s+/)
  if (parts.length < 2) return { givenName: parts[0] ?? '', familyName: '' }
  return { givenName: parts.slice(0, -1).join(' '), familyName: parts.at(-1) ?? '' }
}

export function ReferralDrawer({
  clinicId,
  referral,
  timeZone,
  canWrite,
  onChanged,
  onClose,
}: {
  clinicId: string
  referral: Referral | null
  timeZone: string | undefined
  canWrite: boolean
  onChanged: (referral: Referral) => void
  onClose: () => void
}) {
  const change = useChangeReferralStatus(clinicId)
  const [isRegisterOpen, registerModal] = useDisclosure(false)
  // Null for roles that may not read the chart: they get the contact and the urgency only.
  const summary = referral?.selfCheck ? summarizeSelfCheck(referral.selfCheck) : null
  const received = referral ? formatDateAndTime(referral.receivedAt, timeZone) : null

  const setStatus = (status: ReferralStatus) =>
    referral &&
    change.mutate(
      { id: referral.id, status, version: referral.version },
      {
        onSuccess: (updated) => {
          change.reset()
          onChanged(updated)
        },
      },
    )

  return (
    <Drawer
      opened={referral !== null}
      onClose={() => {
        change.reset()
        onClose()
      }}
      position="right"
      size="xl"
      className="referral-drawer"
      title={referral ? `Referral from ${referral.name}` : 'Referral'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {referral && (
        <Stack gap="md">
          {referral.isUrgent && (
            <Alert color="red" variant="filled" title="Same-day follow-up" role="alert">
              {summary
                ? 'PHQ-9 item 9 answered above 0 (thoughts of death or self-harm). A clinician must contact this person today.'
                : 'A clinician must contact this person today: tell a nurse or prescriber now.'}
            </Alert>
          )}
          <Group gap="xs">
            <Badge variant="light">{referralStatusLabels[referral.status]}</Badge>
            <Text size="sm" c="dimmed">
              Received {received?.date} {received?.time}
              {referral.handledBy ? ` · last changed by ${referral.handledBy}` : ''}
            </Text>
          </Group>
          <Stack gap={2}>
            <Text size="sm">
              E-mail:{' '}
              {referral.email ? <Anchor href={`mailto:${referral.email}`}>{referral.email}</Anchor> : '—'}
            </Text>
            <Text size="sm">
              Phone: {referral.phone ? <Anchor href={`tel:${referral.phone}`}>{referral.phone}</Anchor> : '—'}
            </Text>
            <Text size="sm">Prefers: {referral.preferredContact === 'email' ? 'e-mail' : 'phone'}</Text>
          </Stack>
          {canWrite && (
            <Group gap="sm" className="no-print">
              {referral.status !== 'registered' && (
                <Button onClick={registerModal.open}>Register patient</Button>
              )}
              {nextStatuses[referral.status].map((status) => (
                <Button
                  key={status}
                  variant="default"
                  onClick={() => setStatus(status)}
                  loading={change.isPending}
                >
                  Mark {referralStatusLabels[status].toLowerCase()}
                </Button>
              ))}
              <Button variant="subtle" onClick={() => window.print()}>
                Print summary
              </Button>
            </Group>
          )}
          <MutationError error={change.error} />
          {summary ? (
            <SelfCheckSummaryView
              summary={summary}
              completedAt={new Date(referral.receivedAt)}
              heading={`Self-check of ${referral.name}`}
            />
          ) : (
            <Text size="sm" c="dimmed" data-testid="referral-answers-withheld">
              The self-check answers are shown to clinicians only.
            </Text>
          )}
          {isRegisterOpen && (
            <RegisterPatientModal
              clinicId={clinicId}
              opened
              onClose={registerModal.close}
              initialDraft={{
                ...splitName(referral.name),
                email: referral.email ?? '',
                phone: referral.phone ?? '',
              }}
              onRegistered={() => setStatus('registered')}
            />
          )}
        </Stack>
      )}
    </Drawer>
  )
}
