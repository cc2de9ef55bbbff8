import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { type AuthState, useLogin } from '../api/auth'
import { fieldError } from './mutation-error'
import { describeSignInError } from './sign-in-errors'

export function CredentialsForm({ onStep }: { onStep: (state: AuthState) => void }) {
  const login = useLogin()
  const form = useForm({ initialValues: { email: '', password: '' } })
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
          {...form.getInputProps('email')}
          error={fieldError(login.error, 'email')}
          required
          withAsterisk={false}
          autoFocus
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          {...form.getInputProps('password')}
          error={fieldError(login.error, 'password')}
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
