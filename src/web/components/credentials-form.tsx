import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { type AuthState, useLogin } from '../api/auth'
import { useClinicalForm } from './clinical-form'
import { describeSignInError } from './sign-in-errors'

export function CredentialsForm({ onStep }: { onStep: (state: AuthState) => void }) {
  const login = useLogin()
  const { form, field } = useClinicalForm({ email: '', password: '' }, login.error)
  const message = describeSignInError(login.error)

  const submit = ({ email, password }: typeof form.values) =>
    login.mutate({ email: email.trim(), password }, { onSuccess: (reply) => onStep(reply.state) })

  return (
    <form onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="username"
          {...field('email')}
          required
          withAsterisk={false}
          autoFocus
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          {...field('password')}
          required
          withAsterisk={false}
        />
        {message && (
          <Alert color="red" variant="light" role="alert">
            {message}
          </Alert>
        )}
        <Button type="submit" loading={login.isPending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  )
}
