import { Alert, Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { type AuthState, logout, useMe, useVerifyMfa } from '../api/auth'
import { forgetSession } from '../api/client'
import { CredentialsForm } from '../components/credentials-form'
import { MfaCodeForm } from '../components/mfa-code-form'
import { MfaEnrolment } from '../components/mfa-enrolment'
import { PageLoader } from '../components/page-status'
import { safeReturnPath } from '../components/sign-in-state'

type Step = 'credentials' | Exclude<AuthState, 'signed-in'>

const stepTitles: Record<Step, string> = {
  credentials: 'Sign in',
  'mfa-required': 'Two-step verification',
  'mfa-enrolment-required': 'Set up two-step verification',
}

const reasonNotices: Record<string, string> = {
  'session-ended': 'Your session ended; please sign in again.',
  'signed-out': 'You have signed out.',
  'switch-user': 'The locked sign-in was ended. Sign in with your own account.',
}

export function SignInPage() {
  const [params] = useSearchParams()
  const returnPath = safeReturnPath(params.get('from'))
  const notice = reasonNotices[params.get('reason') ?? '']
  // A reload in the middle of signing in resumes at the MFA step the server is waiting for.
  const me = useMe()
  const [chosenStep, setChosenStep] = useState<Step | null>(null)
  const verify = useVerifyMfa()
  const queryClient = useQueryClient()
  const navigate = useNavigate()

  const serverStep = me.data && me.data.state !== 'signed-in' ? me.data.state : 'credentials'
  const step = chosenStep ?? serverStep

  const onStep = (state: AuthState) => {
    if (state !== 'signed-in') {
      setChosenStep(state)
      return
    }
    queryClient.clear()
    void navigate(returnPath, { replace: true })
  }

  const startOver = async () => {
    await logout().catch(() => undefined)
    forgetSession()
    verify.reset()
    setChosenStep('credentials')
  }

  if (me.data?.state === 'signed-in' && chosenStep === null) return <Navigate to={returnPath} replace />

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} c="teal.8">
              KetaCare
            </Title>
            <Text size="sm" c="dimmed">
              For clinic staff: sign in to your clinic’s workspace.
            </Text>
          </Stack>
          {notice && step === 'credentials' && (
            <Alert color={params.get('reason') === 'session-ended' ? 'yellow' : 'blue'} variant="light">
              {notice}
            </Alert>
          )}
          <Title order={2} size="h3">
            {stepTitles[step]}
          </Title>
          {me.isPending && chosenStep === null ? (
            <PageLoader />
          ) : step === 'credentials' ? (
            <CredentialsForm onStep={onStep} />
          ) : step === 'mfa-required' ? (
            <MfaCodeForm
              submitLabel="Verify"
              isPending={verify.isPending}
              error={verify.error}
              onSubmit={(code) => verify.mutate(code, { onSuccess: (reply) => onStep(reply.state) })}
            />
          ) : (
            <MfaEnrolment onStep={onStep} />
          )}
          {step !== 'credentials' && (
            <Anchor component="button" type="button" size="sm" onClick={() => void startOver()}>
              Use a different account
            </Anchor>
          )}
        </Stack>
      </Paper>
    </Center>
  )
}
