import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { isApiError } from '../../api/client'
import { usePortalLogin } from '../../api/portal'
import { waitText } from './portal-format'

function describeError(error: unknown, lockedUntilMs: number | null, nowMs: number): string {
  if (!isApiError(error))
    return 'We could not reach the clinic’s system. Check your connection and try again.'
  if (error.code === 'invalid-credentials') {
    return 'That e-mail address and password do not match. Please check both and try again.'
  }
  if (error.code === 'account-locked') {
    const seconds = lockedUntilMs === null ? null : (lockedUntilMs - nowMs) / 1000
    return `For your safety, sign-in is paused after several tries that did not work. Please try again in ${waitText(seconds)}, or ask your clinic for help.`
  }
  if (error.status === 429)
    return `Too many tries. Please wait ${waitText(error.retryAfterSec)} and try again.`
  return error.detail
}

/** Patients sign in with the e-mail address the clinic has and the password they chose. */
export function PortalSignInPage() {
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  const login = usePortalLogin()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [lockedUntilMs, setLockedUntilMs] = useState<number | null>(null)
  const next = searchParams.get('next')
  const target = next?.startsWith('/portal') ? next : '/portal'

  const submit = (event: FormEvent) => {
    event.preventDefault()
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => navigate(target, { replace: true }),
        onError: (error) => {
          const retry = isApiError(error, 'account-locked') ? error.retryAfterSec : null
          setLockedUntilMs(retry === null ? null : Date.now() + retry * 1000)
        },
      },
    )
  }
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>Sign in to your patient portal</Title>
        <Text fz="lg">Your surveys, visits, progress and documents, in one place.</Text>
      </Stack>
      {searchParams.get('signedOut') && (
        <Alert color="teal" variant="light" role="status">
          You are signed out. Thank you.
        </Alert>
      )}
      {searchParams.get('reason') === 'ended' && (
        <Alert color="yellow" variant="light" role="status">
          For your privacy you were signed out after a while. Please sign in again.
        </Alert>
      )}
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={submit}>
          <Stack gap="md">
            <TextInput
              label="E-mail address"
              type="email"
              autoComplete="username"
              size="lg"
              required
              withAsterisk={false}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              size="lg"
              required
              withAsterisk={false}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
            />
            {login.isError && (
              <Alert color="red" variant="light" role="alert">
                {describeError(login.error, lockedUntilMs, Date.now())}
              </Alert>
            )}
            <Button type="submit" size="lg" fullWidth loading={login.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text>
        New here or forgot your password? Your clinic can send you a new invitation link. Clinic staff sign in{' '}
        <Anchor href="/signin" underline="always">
          on the staff page
        </Anchor>
        .
      </Text>
    </Stack>
  )
}
