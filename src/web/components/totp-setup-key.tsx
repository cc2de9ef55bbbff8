import { Button, Center, Code, CopyButton, Image, Stack, Text } from '@mantine/core'
import { useId } from 'react'

/** Groups of four are easier to type; authenticator apps ignore the spaces. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}

/**
 * A new TOTP secret as a QR code and as a typeable key with a copy button; staff set-up and the
 * patient portal's two-step sign-in both show it.
 */
export function TotpSetupKey({
  secret,
  qrDataUrl,
  buttonSize = 'compact-sm',
}: {
  secret: string
  qrDataUrl: string
  /** The patient portal asks for phone-sized tap targets. */
  buttonSize?: 'compact-sm' | 'lg'
}) {
  const labelId = useId()
  return (
    <Stack gap="md">
      <Center>
        <Image src={qrDataUrl} alt="QR code for your authenticator app" w={160} h={160} />
      </Center>
      <Stack gap={6}>
        <Text size="sm" id={labelId}>
          Or type this setup key into the app:
        </Text>
        <Code block aria-labelledby={labelId} fz="md" style={{ whiteSpace: 'pre-wrap' }}>
          {groupedSecret(secret)}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button size={buttonSize} variant="light" onClick={copy} w="fit-content">
              {copied ? 'Copied' : 'Copy key'}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Stack>
  )
}
