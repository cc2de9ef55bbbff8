import { Button, type ButtonProps, Group } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { MutationError } from './mutation-error'
import { emptySignature, isSignatureReady, SignatureBox, type SignatureInput } from './signature-box'

/** The signature being typed, starting empty (with the authenticator when the user has one). */
export function useSignature(hasAuthenticator: boolean) {
  const [signature, setSignature] = useState<SignatureInput>(() => emptySignature(hasAuthenticator))
  return {
    signature,
    setSignature,
    isReady: isSignatureReady(signature),
    clear: () => setSignature(emptySignature(hasAuthenticator)),
  }
}

interface SignAndSubmitProps {
  /** The statement of meaning; no signature box without one (nothing chosen to sign yet). */
  meaning: string | null
  signing: ReturnType<typeof useSignature>
  hasAuthenticator: boolean
  /** The write's error: placed under the fields it names, the rest in the summary. */
  error: unknown
  placedFields?: string[]
  onReload?: () => void
  /** Shown instead of the error summary (a refusal the form explains itself). */
  errorSummary?: ReactNode
  submitLabel: string
  size?: ButtonProps['size']
  color?: string
  /** Besides an unready signature. */
  isBlocked?: boolean
  isPending: boolean
  /** A button of its own; without it the button submits the form around it. */
  onClick?: () => void
}

/** The end of every signed form: the signature, the errors, and the button that signs. */
export function SignAndSubmit({
  meaning,
  signing,
  hasAuthenticator,
  error,
  placedFields = ['totpCode', 'password'],
  onReload,
  errorSummary,
  submitLabel,
  size = 'md',
  color,
  isBlocked = false,
  isPending,
  onClick,
}: SignAndSubmitProps) {
  return (
    <>
      {meaning !== null && (
        <SignatureBox
          meaning={meaning}
          value={signing.signature}
          onChange={signing.setSignature}
          error={error}
          hasAuthenticator={hasAuthenticator}
        />
      )}
      {errorSummary ?? <MutationError error={error} placedFields={placedFields} onReload={onReload} />}
      <Group justify="flex-end">
        <Button
          type={onClick ? 'button' : 'submit'}
          size={size}
          color={color}
          disabled={isBlocked || !signing.isReady}
          loading={isPending}
          onClick={onClick}
        >
          {submitLabel}
        </Button>
      </Group>
    </>
  )
}
