import { Alert, PasswordInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { hasPermission, type StaffRole } from '../../../domain/access/permissions'
import { signatureMeanings } from '../../../domain/access/signature-meanings'
import { useWitnesses } from '../../api/ledger'
import { partTextFields } from '../../components/clinical-form'
import { memberProof, type ProofMethod, ProofMethodField } from '../../components/member-proof'
import { fieldError } from '../../components/mutation-error'

export interface DoseOverrideDraft {
  reason: string
  signerId: string | null
  method: ProofMethod
  secret: string
}

export const emptyDoseOverride: DoseOverrideDraft = {
  reason: '',
  signerId: null,
  method: 'password',
  secret: '',
}

/** The `override` member of the dose request, or undefined while it is incomplete. */
export function toDoseOverride(draft: DoseOverrideDraft) {
  if (draft.reason.trim().length < 5 || !draft.signerId || !draft.secret) return undefined
  return {
    reason: draft.reason.trim(),
    signer: memberProof(draft.signerId, draft.method, draft.secret),
  }
}

/** How the prescriber proves who they are: the input, its label and the request field it fills. */
const secretInputs = {
  password: {
    Input: PasswordInput,
    label: "Prescriber's password",
    field: 'override.signer.password',
    props: { autoComplete: 'off' },
  },
  totp: {
    Input: TextInput,
    label: "Prescriber's 6-digit code",
    field: 'override.signer.totpCode',
    props: { inputMode: 'numeric', autoComplete: 'one-time-code' },
  },
} as const

function SecretInput({
  method,
  value,
  onChange,
  error,
}: {
  method: DoseOverrideDraft['method']
  value: string
  onChange: (secret: string) => void
  error: unknown
}) {
  const { Input, label, field, props } = secretInputs[method]
  return (
    <Input
      key={method}
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={fieldError(error, field)}
      {...props}
    />
  )
}

interface Props {
  clinicId: string
  /** The signed-in user, offered as signer when their role may sign overrides. */
  self: { userId: string; canOverride: boolean }
  /** Why the server refused the dose (the §2 limits it goes beyond). */
  refusal: string
  value: DoseOverrideDraft
  onChange: (value: DoseOverrideDraft) => void
  error: unknown
}

/**
 * The prescriber's signed override of a dose beyond the §2 limits (titration ceiling per kg of
 * actual weight, dosing weight above actual): a reason, and the prescriber proving who they are
 * with their own password or code on this tablet.
 */
export function DoseOverridePanel({ clinicId, self, refusal, value, onChange, error }: Props) {
  const witnesses = useWitnesses(clinicId)
  const prescribers = [
    ...(self.canOverride ? [{ value: self.userId, label: 'Me (signed in)' }] : []),
    ...(witnesses.data ?? [])
      .filter((w) => hasPermission(w.role as StaffRole, 'override:sign'))
      .map((w) => ({ value: w.userId, label: w.displayName })),
  ]
  const field = partTextFields(value, onChange, error)
  return (
    <Alert
      color="red"
      variant="light"
      title="Beyond the clinic's dose limits: a prescriber's signed override"
      role="alert"
    >
      <Stack gap="sm">
        <Text size="sm">{refusal}</Text>
        <Text size="sm" fs="italic">
          {signatureMeanings.doseLimitOverride}
        </Text>
        <Textarea label="Reason" {...field('reason', 'override.reason')} autosize minRows={2} required />
        <Select
          label="Prescriber"
          placeholder="Choose the prescriber who signs"
          data={prescribers}
          value={value.signerId}
          onChange={(signerId) => onChange({ ...value, signerId, secret: '' })}
          error={fieldError(error, 'override.signer.userId')}
          nothingFoundMessage="No prescriber in this clinic"
          allowDeselect={false}
          size="md"
        />
        {value.signerId && (
          <>
            <ProofMethodField value={value} onChange={onChange} passwordLabel="Password" />
            <SecretInput
              method={value.method}
              value={value.secret}
              onChange={(secret) => onChange({ ...value, secret })}
              error={error}
            />
          </>
        )}
      </Stack>
    </Alert>
  )
}
