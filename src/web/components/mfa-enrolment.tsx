import { Alert, Button, Center, Code, CopyButton, Image, Loader, Stack, Text } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { type AuthState, useConfirmMfaEnrolment, useStartMfaEnrolment } from '../api/auth'
import { MfaCodeForm } from './mfa-code-form'
import { ErrorAlert } from './page-status'

/** Groups of four are easier to type; authenticator apps ignore the spaces. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}

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
      <Center>
        <Image src={enrolment.qrDataUrl} alt="QR code for your authenticator app" w={160} h={160} />
      </Center>
      <Stack gap={6}>
        <Text size="sm" id="setup-key-label">
          Or type this setup key into the app:
        </Text>
        <Code block aria-labelledby="setup-key-label" fz="md" style={{ whiteSpace: 'pre-wrap' }}>
          {groupedSecret(enrolment.secret)}
        </Code>
        <CopyButton value={enrolment.secret}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="light" onClick={copy} w="fit-content">
              {copied ? 'Copied' : 'Copy key'}
            </Button>
          )}
        </CopyButton>
      </Stack>
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
