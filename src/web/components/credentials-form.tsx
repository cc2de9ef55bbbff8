import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { type AuthState, useLogin } from '../api/auth'
import { isApiError } from '../api/client'
import { describeSignInError } from './sign-in-errors'

export function CredentialsForm({ onStep }: { onStep: (state: AuthState) => void }) {
  const login = useLogin()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const fieldErrors = isApiError(login.error) ? login.error.fieldErrors : {}
  const message = describeSignInError(login.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    login.mutate({ email: email.trim(), password }, { onSuccess: (reply) => onStep(reply.state) })
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors.email}
          required
          withAsterisk={false}
          autoFocus
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password}
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
