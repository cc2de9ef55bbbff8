import { Alert, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import type { SignerProof } from '../api/eligibility'
import { fieldError } from './mutation-error'

export interface SignatureInput {
  method: 'totp' | 'password'
  code: string
  password: string
}

export const emptySignature = (hasAuthenticator: boolean): SignatureInput => ({
  method: hasAuthenticator ? 'totp' : 'password',
  code: '',
  password: '',
})

export function toSignerProof(input: SignatureInput): SignerProof {
  return input.method === 'totp' ? { totpCode: input.code } : { password: input.password }
}

export function isSignatureReady(input: SignatureInput): boolean {
  return input.method === 'totp' ? /^\d{6}$/.test(input.code) : input.password.length > 0
}

interface SignatureBoxProps {
  /** The statement of meaning the signer agrees to. */
  meaning: string
  value: SignatureInput
  onChange: (value: SignatureInput) => void
  error: unknown
  hasAuthenticator: boolean
}

/** An electronic signature: the signer proves again who they are, and sees what the signature means. */
export function SignatureBox({ meaning, value, onChange, error, hasAuthenticator }: SignatureBoxProps) {
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0">
      <Stack gap="sm">
        <Text fw={600}>Signature</Text>
        <Alert variant="light" color="blue" p="xs">
          <Text size="sm">
            <Text span fw={600}>
              By signing:{' '}
            </Text>
            “{meaning}”
          </Text>
        </Alert>
        <SegmentedControl
          aria-label="Sign with"
          value={value.method}
          onChange={(method) => onChange({ ...value, method: method as SignatureInput['method'] })}
          data={[
            { value: 'totp', label: 'Authenticator app', disabled: !hasAuthenticator },
            { value: 'password', label: 'Password' },
          ]}
          w="fit-content"
        />
        {value.method === 'totp' ? (
          <TextInput
            label="Authenticator code"
            description="Sign with the 6 digits your app shows now"
            value={value.code}
            onChange={(event) =>
              onChange({ ...value, code: event.currentTarget.value.replace(/\D/g, '').slice(0, 6) })
            }
            error={fieldError(error, 'totpCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            maw={300}
            styles={{ input: { letterSpacing: '0.3em', fontFamily: 'monospace', fontSize: 18 } }}
          />
        ) : (
          <PasswordInput
            label="Your password"
            description="Re-enter your password to sign"
            value={value.password}
            onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
            error={fieldError(error, 'password')}
            autoComplete="current-password"
            maw={360}
          />
        )}
      </Stack>
    </Paper>
  )
}
