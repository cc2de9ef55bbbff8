import { Alert, Group, Paper, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { ledgerInputLimits } from '../../../domain/ledger'
import type { WitnessProof } from '../../api/ledger'
import { useWitnesses } from '../../api/ledger'
import { roleLabel } from '../../lib/roles'
import { memberProof, type ProofMethod, ProofMethodField } from '../member-proof'
import { fieldError } from './field-messages'

export interface WitnessDraft {
  userId: string | null
  method: ProofMethod
  secret: string
}

export const emptyWitness: WitnessDraft = { userId: null, method: 'password', secret: '' }

/** Says what is missing before anything is sent; null when the witness part is complete. */
export function checkWitness(draft: WitnessDraft, isRequired: boolean): string | null {
  if (!draft.userId) return isRequired ? 'Choose the witness.' : null
  if (!draft.secret) return 'The witness enters their password or code.'
  return null
}

/** The witness part of a request body; undefined when nobody was chosen. */
export function toWitnessProof(draft: WitnessDraft): WitnessProof | undefined {
  if (!draft.userId) return undefined
  return memberProof(draft.userId, draft.method, draft.secret)
}

/**
 * A dialog's witness: the draft, the hint shown after a submit that found something missing, and
 * forgetting the typed secret when the server refused the proof (it is typed again, never resent).
 */
export function useWitnessDraft() {
  const [draft, setDraft] = useState(emptyWitness)
  const [hint, setHint] = useState<string | null>(null)
  return {
    /** The WitnessPanel's value, onChange and hint. */
    panel: { value: draft, onChange: setDraft, hint },
    /** Shows what is missing, if anything; true when the witness part may be sent. */
    check: (isRequired: boolean) => {
      const missing = checkWitness(draft, isRequired)
      setHint(missing)
      return missing === null
    },
    proof: () => toWitnessProof(draft),
    forgetSecret: () => setDraft((d) => ({ ...d, secret: '' })),
  }
}

interface WitnessPanelProps {
  clinicId: string
  value: WitnessDraft
  onChange: (value: WitnessDraft) => void
  error: unknown
  isRequired: boolean
  /** What the witness vouches for, in one line ("the waste of 12.5 mg from lot KX2291"). */
  vouchesFor: string
  /** A problem found before sending (no witness chosen, no password typed). */
  hint?: string | null
}

/**
 * A second nurse or prescriber witnesses on the same screen (clinical-reference §8): they pick
 * their own name and prove who they are with their password or authenticator code, which the
 * server checks with the entry. The recorder's saved password is never offered here.
 */
export function WitnessPanel(props: WitnessPanelProps) {
  const { clinicId, value, onChange, error, isRequired, vouchesFor, hint } = props
  const witnesses = useWitnesses(clinicId)
  const chosen = witnesses.data?.find((w) => w.userId === value.userId)
  // A hint about the proof belongs beside the proof; one about the choice beside the choice.
  const choiceError =
    (!value.userId && hint) || fieldError(error, 'witness') || fieldError(error, 'witness.userId')
  const proofHint = value.userId ? hint : null
  const canUseCode = chosen?.hasAuthenticator ?? false

  return (
    <Paper withBorder p="md" radius="md" bg="blue.0" style={{ borderColor: 'var(--mantine-color-blue-4)' }}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={700}>Witness {isRequired ? '' : '(optional)'}</Text>
          {chosen && (
            <Text size="sm" c="dimmed">
              {chosen.displayName} enters their own proof
            </Text>
          )}
        </Group>
        <Text size="sm">
          Hand the device to the witness. By entering their password or code they confirm {vouchesFor}.
        </Text>
        {witnesses.isError && (
          <Alert color="red" variant="light">
            Could not load who may witness.
          </Alert>
        )}
        <Select
          label="Witness"
          placeholder={isRequired ? 'Choose the witness' : 'No witness'}
          data={(witnesses.data ?? []).map((w) => ({
            value: w.userId,
            label: `${w.displayName} · ${roleLabel(w.role)}`,
          }))}
          value={value.userId}
          onChange={(userId) => {
            const next = witnesses.data?.find((w) => w.userId === userId)
            onChange({
              userId,
              method: value.method === 'totp' && next?.hasAuthenticator ? 'totp' : 'password',
              secret: '',
            })
          }}
          clearable={!isRequired}
          allowDeselect={false}
          error={choiceError || undefined}
          nothingFoundMessage="No other nurse or prescriber in this clinic"
          size="md"
        />
        {value.userId && (
          <>
            <ProofMethodField
              value={value}
              onChange={onChange}
              passwordLabel="Their password"
              canUseCode={canUseCode}
              size="md"
            />
            {value.method === 'password' ? (
              <PasswordInput
                label="Witness password"
                description={chosen ? `${chosen.displayName}’s own password` : undefined}
                value={value.secret}
                onChange={(event) => onChange({ ...value, secret: event.currentTarget.value })}
                error={proofHint ?? fieldError(error, 'witness.password')}
                // Not current-password: the browser must not fill in the recorder's own password.
                autoComplete="off"
                data-1p-ignore
                data-lpignore="true"
                size="md"
                maw={380}
              />
            ) : (
              <TextInput
                label="Witness authenticator code"
                description="The 6 digits their app shows now"
                value={value.secret}
                onChange={(event) =>
                  onChange({
                    ...value,
                    secret: event.currentTarget.value
                      .replace(/\D/g, '')
                      .slice(0, ledgerInputLimits.totpCodeLength),
                  })
                }
                error={proofHint ?? fieldError(error, 'witness.totpCode')}
                inputMode="numeric"
                autoComplete="off"
                maxLength={ledgerInputLimits.totpCodeLength}
                size="md"
                maw={260}
                styles={{ input: { letterSpacing: '0.3em', fontFamily: 'monospace', fontSize: 18 } }}
              />
            )}
          </>
        )}
      </Stack>
    </Paper>
  )
}

export const witnessFields = ['witness', 'witness.userId', 'witness.password', 'witness.totpCode'] as const
