import { Alert, Center, Loader, Stack, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { type AuthState, useConfirmMfaEnrolment, useStartMfaEnrolment } from '../api/auth'
import { MfaCodeForm } from './mfa-code-form'
import { ErrorAlert } from './page-status'
import { TotpSetupKey } from './totp-setup-key'

/** Shows a new TOTP secret (QR code and typeable key) and confirms it with a first code. */
export function MfaEnrolment({ onStep }: { onStep: (state: AuthState) => void }) {
  const start = useStartMfaEnrolment()
  const confirm = useConfirmMfaEnrolment()
  const hasStarted = useRef(false)

  useEffect(() => {
    // One secret per visit: a second request would replace the one already on screen.
    if (hasStarted.current) return
    hasStarted.current = true
    start.mutate()
  }, [start])

  if (start.isError) return <ErrorAlert error={start.error} title="Could not start the set-up" />
  if (!start.data) {
    return (
      <Center py="md">
        <Loader aria-label="Preparing set-up" />
      </Center>
    )
  }

  const enrolment = start.data
  return (
    <Stack gap="md">
      <Text size="sm">
        Your account needs two-step verification. Scan this QR code with an authenticator app, then enter the
        code it shows.
      </Text>
      <TotpSetupKey secret={enrolment.secret} qrDataUrl={enrolment.qrDataUrl} />
      {confirm.isSuccess ? (
        <Alert color="green">Two-step verification is set up.</Alert>
      ) : (
        <MfaCodeForm
          submitLabel="Confirm and sign in"
          isPending={confirm.isPending}
          error={confirm.error}
          onSubmit={(code) => confirm.mutate(code, { onSuccess: (reply) => onStep(reply.state) })}
        />
      )}
    </Stack>
  )
}
