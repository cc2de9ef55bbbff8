import { Alert, Button, type MantineSize, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { describeSignInError } from './sign-in-errors'

interface MfaCodeFormProps {
  submitLabel: string
  isPending: boolean
  error: unknown
  onSubmit: (code: string) => void
  /** The portal words these for patients and uses its larger inputs. */
  label?: string
  description?: string
  size?: MantineSize
  describeError?: (error: unknown) => string | null
}

/** One 6-digit TOTP code field: a single input so password managers and tests can fill it. */
export function MfaCodeForm({
  submitLabel,
  isPending,
  error,
  onSubmit,
  label = 'Authentication code',
  description = 'The 6-digit code from your authenticator app',
  size,
  describeError = describeSignInError,
}: MfaCodeFormProps) {
  const [code, setCode] = useState('')
  const [hint, setHint] = useState<string | null>(null)
  const message = error ? describeError(error) : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!/^\d{6}$/.test(code)) {
      setHint('Enter the 6 digits shown in your authenticator app.')
      return
    }
    setHint(null)
    onSubmit(code)
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={label}
          description={description}
          size={size}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          error={hint}
          autoFocus
          styles={{ input: { letterSpacing: '0.3em', fontFamily: 'monospace', fontSize: 18 } }}
        />
        {message && (
          <Alert color="red" variant="light" role="alert">
            {message}
          </Alert>
        )}
        <Button type="submit" loading={isPending} fullWidth size={size}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  )
}
