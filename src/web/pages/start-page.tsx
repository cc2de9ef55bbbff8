import { Button, Center, Stack, Text, Title } from '@mantine/core'
import { Navigate } from 'react-router'
import { useMe } from '../api/auth'
import { clinicPath } from '../clinic-path'
import { PageLoader } from '../components/page-status'
import { useSignOut } from '../components/use-sign-out'
import { readRememberedClinic } from '../lib/remembered-clinic'

/** "/" opens the clinic the user last worked in, or their first one. */
export function StartPage() {
  const me = useMe()
  const signOut = useSignOut()
  if (!me.data) return <PageLoader />
  const remembered = readRememberedClinic(me.data.user.id)
  const clinic = me.data.memberships.find((m) => m.clinicId === remembered) ?? me.data.memberships[0]
  if (clinic) return <Navigate to={clinicPath(clinic.clinicId)} replace />
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" maw={480}>
        <Title order={1} size="h2">
          No clinic yet
        </Title>
        <Text ta="center" c="dimmed">
          Your account is not a member of any clinic. Ask your clinic administrator to add you.
        </Text>
        <Button variant="default" onClick={signOut}>
          Sign out
        </Button>
      </Stack>
    </Center>
  )
}
