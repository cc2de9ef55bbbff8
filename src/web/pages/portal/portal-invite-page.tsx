import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { useAcceptInvite, useInvite } from '../../api/portal'
import { NewPasswordField } from '../../components/portal/new-password-field'
import { MIN_PASSWORD_LENGTH } from './password-hint'
import { PortalHeading } from './portal-fields'
import { PortalLoader, PortalProblem } from './portal-status'

function LinkNotUsable({ isUsed }: { isUsed: boolean }) {
  return (
    <Stack gap="md">
      <Title order={1}>
        {isUsed ? 'This invitation can no longer be used' : 'We could not find this invitation'}
      </Title>
      <Text fz="lg">
        {isUsed
          ? 'An invite link works only once, and only for a few days. This one has been used, or it is too old.'
          : 'The link may be cut short. This can happen when it is split across two lines in an e-mail.'}
      </Text>
      <Text fz="lg">
        Please call or ask your clinic for a new invitation. If you have already set a password, you can{' '}
        <Anchor component={Link} to="/portal/sign-in" underline="always">
          sign in here
        </Anchor>
        .
      </Text>
    </Stack>
  )
}

/** The invitation link from the clinic: welcome, choose a password, and you are signed in. */
export function PortalInvitePage() {
  const { token = '' } = useParams()
  const invite = useInvite(token)
  const accept = useAcceptInvite(token)
  const navigate = useNavigate()
  const [password, setPassword] = useState('')
  const [hasTried, setHasTried] = useState(false)

  if (invite.isPending) return <PortalLoader />
  if (invite.isError) {
    if (isApiError(invite.error) && (invite.error.status === 404 || invite.error.status === 410)) {
      return <LinkNotUsable isUsed={invite.error.status === 410} />
    }
    return <PortalProblem error={invite.error} />
  }
  if (accept.error && isApiError(accept.error) && accept.error.status === 410) return <LinkNotUsable isUsed />

  const tooShort = password.length < MIN_PASSWORD_LENGTH
  const serverFieldError = isApiError(accept.error) ? accept.error.fieldErrors.password : undefined
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setHasTried(true)
    if (tooShort) return
    accept.mutate(password, { onSuccess: () => navigate('/portal', { replace: true }) })
  }
  const { givenName, clinicName, email } = invite.data
  return (
    <Stack gap="lg">
      <PortalHeading
        gap="xs"
        title={`Welcome, ${givenName}`}
        lead={`${clinicName} has invited you to your patient portal. Here you can fill in short check-ins between visits. You can see your next visits and how to get ready, follow your progress, and read your papers.`}
      />
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {email && (
              <Text>
                You will sign in with your e-mail address <strong>{email}</strong> and the password you choose
                now.
              </Text>
            )}
            <NewPasswordField
              value={password}
              onChange={setPassword}
              error={
                hasTried && tooShort
                  ? `Please use at least ${MIN_PASSWORD_LENGTH} characters.`
                  : serverFieldError
              }
            />
            {accept.isError && !serverFieldError && <PortalProblem error={accept.error} />}
            <Button type="submit" size="lg" fullWidth loading={accept.isPending}>
              Save my password
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
