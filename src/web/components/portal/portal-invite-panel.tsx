import './portal-invite-print.css'
import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { isApiError } from '../../api/client'
import { type PortalStatus, useInviteToPortal, usePatientPortalStatus } from '../../api/portal'
import { formatDateTime } from '../../lib/time'
import { MutationError } from '../mutation-error'

function statusText(status: PortalStatus, timeZone: string | undefined): string {
  if (status.hasAccount) {
    return status.lastSignInAt
      ? `Has a portal account; last signed in ${formatDateTime(status.lastSignInAt, timeZone)}.`
      : 'Has a portal account.'
  }
  if (status.invitedAt)
    return `Invited ${formatDateTime(status.invitedAt, timeZone)}; has not set a password yet.`
  return 'Not invited to the patient portal yet.'
}

/** A full address for the invite, whether the server sends a path or an absolute URL. */
export function absoluteUrl(url: string, origin: string): string {
  return new URL(url, origin).toString()
}

/**
 * The chart's portal box (issue 7 item 3): the patient's portal status, and for those who may edit
 * demographics an invite. The one-time link is for the patient only (issue 13): it is e-mailed,
 * issued as the e-mail is sent; only without an e-mail server is it shown here, once, and only to
 * a role that may read the chart. Resetting an account in use also takes such a role (`canReset`).
 */
export function PortalInvitePanel({
  clinicId,
  patientId,
  patientEmail,
  canInvite,
  canReset,
  timeZone,
}: {
  clinicId: string
  patientId: string
  patientEmail: string | null
  canInvite: boolean
  canReset: boolean
  timeZone: string | undefined
}) {
  const status = usePatientPortalStatus(clinicId, patientId)
  const invite = useInviteToPortal(clinicId, patientId)
  // Roles without access to portal status simply do not see the box.
  if (status.isError && isApiError(status.error) && status.error.status === 403) return null
  const link = invite.data?.inviteUrl ? absoluteUrl(invite.data.inviteUrl, window.location.origin) : null
  const needsClinician = Boolean(status.data?.hasAccount) && !canReset
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="portal-invite-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="portal-invite-title">
            Patient portal
          </Title>
          {canInvite && !needsClinician && (
            <Button
              variant="light"
              onClick={() => invite.mutate()}
              loading={invite.isPending}
              disabled={!patientEmail}
            >
              {status.data?.hasAccount || status.data?.invitedAt
                ? 'Send a new portal invite'
                : 'Invite to the portal'}
            </Button>
          )}
        </Group>
        {status.data && <Text size="sm">{statusText(status.data, timeZone)}</Text>}
        {canInvite && !patientEmail && (
          <Text size="sm" c="dimmed">
            To invite the patient, save their e-mail address above first: it is how they sign in to the
            portal.
          </Text>
        )}
        {canInvite && needsClinician && (
          <Text size="sm" c="dimmed">
            The patient already uses the portal. If they are locked out, a nurse or prescriber can send a new
            invitation (it resets the password and two-step sign-in).
          </Text>
        )}
        {status.isError && <MutationError error={status.error} />}
        {invite.data && !link && (
          <Alert color="teal" variant="light" title="Invitation queued" data-testid="portal-invite-queued">
            {invite.data.emailConfigured
              ? `The one-time link is being e-mailed to ${patientEmail ?? 'the patient'}; it works until ${formatDateTime(invite.data.expiresAt, timeZone)}. Only the patient receives it.`
              : 'No e-mail server is configured, so the invitation waits in the Outbox without a link. Ask a nurse or prescriber to send the invitation: they are shown the link once to give to the patient.'}
          </Alert>
        )}
        <MutationError error={invite.error} />
        {link && invite.data && (
          <Alert color="teal" variant="light" title="Invitation ready" data-testid="portal-invite-link">
            <Stack gap="xs">
              <Text size="sm">
                Give this one-time link to the patient only; it works until{' '}
                {formatDateTime(invite.data.expiresAt, timeZone)}. It is shown this once: no e-mail server is
                configured, so the e-mail in the Outbox carries no link.
              </Text>
              <TextInput
                label="Invitation link"
                value={link}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
              />
              <Group gap="xs">
                <CopyButton value={link}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="default" onClick={copy}>
                      {copied ? 'Copied' : 'Copy link'}
                    </Button>
                  )}
                </CopyButton>
                <Button size="xs" variant="default" onClick={() => window.print()}>
                  Print
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {link && invite.data && (
          <div className="portal-invite-slip" aria-hidden="true">
            <p>Your patient portal invitation</p>
            <p>Open this link on your phone or computer to choose a password:</p>
            <p>
              <strong>{link}</strong>
            </p>
            <p>It works once, until {formatDateTime(invite.data.expiresAt, timeZone)}.</p>
          </div>
        )}
      </Stack>
    </Paper>
  )
}
