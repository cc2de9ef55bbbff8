import { SegmentedControl, type SegmentedControlProps } from '@mantine/core'
import { FieldGroup } from './field-group'

/** How a colleague on this device proves who they are: their password or their authenticator code. */
export type ProofMethod = 'password' | 'totp'

/** The proof a request carries for a colleague (`member-signature` on the server checks it). */
export function memberProof(userId: string, method: ProofMethod, secret: string) {
  return method === 'totp' ? { userId, totpCode: secret } : { userId, password: secret }
}

/** The choice of password or code; changing it forgets what was typed for the other. */
export function ProofMethodField<Draft extends { method: ProofMethod; secret: string }>({
  value,
  onChange,
  passwordLabel,
  canUseCode = true,
  size,
}: {
  value: Draft
  onChange: (value: Draft) => void
  passwordLabel: string
  canUseCode?: boolean
  size?: SegmentedControlProps['size']
}) {
  return (
    <FieldGroup label="Proves it with">
      <SegmentedControl
        value={value.method}
        onChange={(method) => onChange({ ...value, method: method as ProofMethod, secret: '' })}
        data={[
          { value: 'password', label: passwordLabel },
          { value: 'totp', label: 'Authenticator code', disabled: !canUseCode },
        ]}
        size={size}
      />
    </FieldGroup>
  )
}
