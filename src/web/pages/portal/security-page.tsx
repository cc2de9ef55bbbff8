import { Alert, Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import {
  type PortalMfaStatus,
  useConfirmPortalMfa,
  useDisablePortalMfa,
  usePortalMfaStatus,
  useStartPortalMfa,
} from '../../api/portal'
import { TotpSetupKey } from '../../components/totp-setup-key'
import { PortalCodeForm, PortalHeading, PortalPasswordInput } from './portal-fields'
import { formatShortDate } from './portal-format'
import { PortalProblem, PortalQueryStatus } from './portal-status'
import { describeTwoStepError } from './two-step-text'

/** Off: a button, then the QR code and key, then the first code that turns it on. */
function TurnOn() {
  const start = useStartPortalMfa()
  const confirm = useConfirmPortalMfa()
  if (!start.data) {
    return (
      <Stack gap="md" align="flex-start">
        <Text>
          You need a code app on your phone (an authenticator app). Your phone may have one already, or you
          can get one from your app store. It takes about a minute to set up.
        </Text>
        <Button size="lg" loading={start.isPending} onClick={() => start.mutate()}>
          Turn on two-step sign-in
        </Button>
        {start.isError && <PortalProblem error={start.error} />}
      </Stack>
    )
  }
  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs">
        <List.Item>Open your code app and choose to add an account.</List.Item>
        <List.Item>Scan the square code below with it, or type in the setup key.</List.Item>
        <List.Item>To check that it works, type the 6-digit code the app now shows for KetaCare.</List.Item>
      </List>
      <TotpSetupKey secret={start.data.secret} qrDataUrl={start.data.qrDataUrl} buttonSize="lg" />
      <PortalCodeForm
        label="Code from your app"
        description="6 digits; a new one appears every 30 seconds"
        submitLabel="Check the code and turn on"
        mutation={confirm}
        onSubmit={(code) => confirm.mutate(code)}
      />
      <Button variant="default" size="lg" w="fit-content" onClick={() => start.reset()}>
        Cancel
      </Button>
    </Stack>
  )
}

/** On: turning it off asks for the password, or a code for a patient who would rather use the app. */
function TurnOff({ status }: { status: PortalMfaStatus }) {
  const disable = useDisablePortalMfa()
  const [isUsingCode, setIsUsingCode] = useState(false)
  const form = useForm({ initialValues: { password: '' } })
  const switchProof = () => {
    disable.reset()
    setIsUsingCode((using) => !using)
  }
  const message = describeTwoStepError(disable.error)
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" role="status" title="Two-step sign-in is on">
        {status.enabledAt ? `Since ${formatShortDate(status.enabledAt)}. ` : ''}Each time you sign in, you
        type your password and then a code from your app.
      </Alert>
      <Text>To turn it off, confirm it is you.</Text>
      {isUsingCode ? (
        <PortalCodeForm
          label="Code from your app"
          description="6 digits, from your authenticator app"
          submitLabel="Turn off two-step sign-in"
          mutation={disable}
          onSubmit={(code) => disable.mutate({ code })}
        />
      ) : (
        <form onSubmit={form.onSubmit(({ password }) => disable.mutate({ password }))}>
          <Stack gap="md">
            <PortalPasswordInput label="Your password" {...form.getInputProps('password')} />
            {message && (
              <Alert color="red" variant="light" role="alert">
                {message}
              </Alert>
            )}
            <Button type="submit" size="lg" color="red" variant="outline" loading={disable.isPending}>
              Turn off two-step sign-in
            </Button>
          </Stack>
        </form>
      )}
      <Anchor
        component="button"
        type="button"
        onClick={switchProof}
        w="fit-content"
        underline="always"
        className="portal-tap"
      >
        {isUsingCode ? 'Use my password instead' : 'Use a code from my app instead'}
      </Anchor>
    </Stack>
  )
}

/** The portal's Security page: optional two-step sign-in with an authenticator app. */
export function SecurityPage() {
  const status = usePortalMfaStatus()
  return (
    <Stack gap="lg">
      <PortalHeading title="Security" lead="Keep your portal for your eyes only." />
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="two-step-title">
        <Stack gap="md">
          <Title order={2} id="two-step-title">
            Two-step sign-in
          </Title>
          <Text>
            With two-step sign-in, someone who learns your password still cannot get in. After your password,
            the portal also asks for a short code that only your phone can show. You can choose to use it.
          </Text>
          <PortalQueryStatus query={status} />
          {status.data && (status.data.isEnabled ? <TurnOff status={status.data} /> : <TurnOn />)}
        </Stack>
      </Paper>
    </Stack>
  )
}
