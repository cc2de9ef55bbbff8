import { PasswordInput, type PasswordInputProps, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { MfaCodeForm } from '../../components/mfa-code-form'
import { describeTwoStepError } from './two-step-text'

/** The portal's page heading: the title and one larger line that says what the page is for. */
export function PortalHeading({
  title,
  lead,
  gap = 4,
}: {
  title: ReactNode
  lead: ReactNode
  gap?: 'xs' | number
}) {
  return (
    <Stack gap={gap}>
      <Title order={1}>{title}</Title>
      <Text fz="lg">{lead}</Text>
    </Stack>
  )
}

/** What a patient's sign-in fields share: large, and required without the asterisk. */
export const patientField = { size: 'lg', required: true, withAsterisk: false } as const

/** The password a patient already has, with a show/hide button large enough to tap. */
export function PortalPasswordInput(props: Omit<PasswordInputProps, 'autoComplete'>) {
  return (
    <PasswordInput
      autoComplete="current-password"
      {...patientField}
      {...props}
      rightSectionWidth={52}
      classNames={{ visibilityToggle: 'portal-password-toggle' }}
      visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
    />
  )
}

/** A 6-digit code from the patient's authenticator app, worded for patients. */
export function PortalCodeForm({
  label,
  description,
  submitLabel,
  mutation,
  onSubmit,
}: {
  label: string
  description: string
  submitLabel: string
  mutation: { isPending: boolean; error: unknown }
  onSubmit: (code: string) => void
}) {
  return (
    <MfaCodeForm
      label={label}
      description={description}
      size="lg"
      submitLabel={submitLabel}
      isPending={mutation.isPending}
      error={mutation.error}
      describeError={describeTwoStepError}
      onSubmit={onSubmit}
    />
  )
}
