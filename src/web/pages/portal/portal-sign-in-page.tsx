import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { isApiError } from '../../api/client'
import { usePortalLogin, usePortalLogout, useVerifyPortalMfa } from '../../api/portal'
import { PortalCodeForm, PortalHeading, PortalPasswordInput, patientField } from './portal-fields'
import { waitText } from './portal-format'

function describeError(error: unknown, lockedUntilMs: number | null, nowMs: number): string {
  if (!isApiError(error))
    return 'We could not reach the clinic’s system. Check your connection and try again.'
  if (error.code === 'invalid-credentials') {
    return 'That e-mail address and password do not match. Please check both and try again.'
  }
  if (error.code === 'account-locked') {
    const seconds = lockedUntilMs === null ? null : (lockedUntilMs - nowMs) / 1000
    return `To keep your account safe, sign-in is paused after several tries that did not work. Please try again in ${waitText(seconds)}, or ask your clinic for help.`
  }
  if (error.status === 429)
    return `Too many tries. Please wait ${waitText(error.retryAfterSec)} and try again.`
  return error.detail
}

/** The second step for a patient who turned two-step sign-in on. */
function CodeStep({ onDone, onStartAgain }: { onDone: () => void; onStartAgain: () => void }) {
  const verify = useVerifyPortalMfa()
  const logout = usePortalLogout()
  return (
    <Stack gap="lg">
      <PortalHeading
        gap="xs"
        title="Enter your sign-in code"
        lead="Your password was right. Now open the code app on your phone. Type the 6-digit code it shows for KetaCare."
      />
      <Paper withBorder radius="md" p="lg">
        <PortalCodeForm
          label="Sign-in code"
          description="6 digits, from your authenticator app"
          submitLabel="Continue"
          mutation={verify}
          onSubmit={(code) => verify.mutate(code, { onSuccess: onDone })}
        />
      </Paper>
      <Text>
        No phone with you, or lost it? Your clinic can send you a new invite link. When you choose a password
        there, the code step is turned off.
      </Text>
      <Button
        variant="default"
        size="lg"
        w="fit-content"
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: onStartAgain })}
      >
        Start again
      </Button>
    </Stack>
  )
}

/** Patients sign in with the e-mail address the clinic has and the password they chose. */
export function PortalSignInPage() {
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  const login = usePortalLogin()
  const form = useForm({ initialValues: { email: '', password: '' } })
  const [lockedUntilMs, setLockedUntilMs] = useState<number | null>(null)
  const [isWaitingForCode, setIsWaitingForCode] = useState(false)
  const next = searchParams.get('next')
  const target = next?.startsWith('/portal') ? next : '/portal'

  const submit = ({ email, password }: typeof form.values) => {
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (reply) => {
          if (reply.state === 'mfa-required') setIsWaitingForCode(true)
          else navigate(target, { replace: true })
        },
        onError: (error) => {
          const retry = isApiError(error, 'account-locked') ? error.retryAfterSec : null
          setLockedUntilMs(retry === null ? null : Date.now() + retry * 1000)
        },
      },
    )
  }
  if (isWaitingForCode) {
    return (
      <CodeStep
        onDone={() => navigate(target, { replace: true })}
        onStartAgain={() => {
          form.setFieldValue('password', '')
          login.reset()
          setIsWaitingForCode(false)
        }}
      />
    )
  }
  return (
    <Stack gap="lg">
      <PortalHeading
        gap="xs"
        title="Sign in to your patient portal"
        lead="Your check-ins, visits, progress and papers, all in one place."
      />
      {searchParams.get('signedOut') && (
        <Alert color="teal" variant="light" role="status">
          You are signed out. Thank you.
        </Alert>
      )}
      {searchParams.get('reason') === 'ended' && (
        <Alert color="yellow" variant="light" role="status">
          To keep your details private, you were signed out after a while. Please sign in again.
        </Alert>
      )}
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={form.onSubmit(submit)}>
          <Stack gap="md">
            <TextInput
              label="E-mail address"
              type="email"
              autoComplete="username"
              {...patientField}
              {...form.getInputProps('email')}
            />
            <PortalPasswordInput label="Password" {...form.getInputProps('password')} />
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
        New here, or forgot your password? Your clinic can send you a new invite link. Clinic staff sign in{' '}
        <Anchor href="/signin" underline="always">
          on the staff page
        </Anchor>
        .
      </Text>
    </Stack>
  )
}
