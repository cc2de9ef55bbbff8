import { PasswordInput, Progress, Stack, Text } from '@mantine/core'
import { describePassword } from '../../pages/portal/password-hint'

const levelColors = ['gray', 'red', 'orange', 'teal', 'teal']

/** Choosing a password: show/hide, a strength bar and a hint in words (12 characters at least). */
export function NewPasswordField({
  value,
  onChange,
  error,
}: {
  value: string
  onChange: (value: string) => void
  error?: string | undefined
}) {
  const hint = describePassword(value)
  return (
    <Stack gap={6}>
      <PasswordInput
        label="Choose a password"
        description="At least 12 characters. A few unrelated words are easy to remember and hard to guess."
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autoComplete="new-password"
        size="lg"
        error={error}
        rightSectionWidth={52}
        classNames={{ visibilityToggle: 'portal-password-toggle' }}
        visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
      />
      {value.length > 0 && (
        <>
          <Progress
            value={(hint.level / 4) * 100}
            color={levelColors[hint.level]}
            size="sm"
            aria-label={`Password strength: ${hint.label}`}
          />
          <Text size="sm" aria-live="polite">
            <strong>{hint.label}.</strong> {hint.advice}
          </Text>
        </>
      )}
    </Stack>
  )
}
