import { Alert, Badge, Button, Code, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import {
  type FhirClient,
  type RegisterFhirClient,
  useFhirClients,
  useRegisterFhirClient,
  useRevokeFhirClient,
} from '../api/fhir-clients'
import { useClinicalForm } from '../components/clinical-form'
import { ConfirmModal } from '../components/confirm-modal'
import { useCurrentClinic } from '../components/current-clinic'
import { DataTable, noShrink } from '../components/data-table'
import { MutationError } from '../components/mutation-error'
import { ErrorAlert, PageLoader } from '../components/page-status'

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—')

/** The pasted key set as JSON, or null when it does not parse (the server checks the rest). */
function parseJwks(text: string): RegisterFhirClient['jwks'] | null {
  try {
    return JSON.parse(text) as RegisterFhirClient['jwks']
  } catch {
    return null
  }
}

/** The administrator's SMART backend clients: systems reading the clinic's FHIR API with their own keys. */
export function FhirClientsPage() {
  const { membership } = useCurrentClinic()
  const clients = useFhirClients(membership.clinicId)
  const register = useRegisterFhirClient(membership.clinicId)
  const revoke = useRevokeFhirClient(membership.clinicId)
  const { form, values, field } = useClinicalForm(
    { name: '', scopes: 'system/*.rs', jwks: '' },
    register.error,
    {
      validate: {
        jwks: (text: string) => (parseJwks(text) ? null : 'Paste the key set as JSON: {"keys": [ … ]}'),
      },
    },
  )
  const [registered, setRegistered] = useState<FhirClient | null>(null)
  const [toRevoke, setToRevoke] = useState<FhirClient | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (form.validate().hasErrors) return
    const body = {
      name: values.name,
      scopes: values.scopes.split(/\s+/).filter(Boolean),
      jwks: parseJwks(values.jwks)!,
    }
    register.mutate(body, {
      onSuccess: (client) => {
        setRegistered(client)
        form.reset()
      },
    })
  }

  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Title order={1}>FHIR backend clients</Title>
        <Text size="sm" c="dimmed">
          Systems (a referring EHR, a registry) that read this clinic's records through the FHIR API with
          their own key (SMART Backend Services). They get read and search of the types their scopes name,
          only for this clinic, and every read is in the audit log.
        </Text>
      </Stack>

      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <TextInput label="Name" placeholder="Referring EHR" {...field('name')} required />
            <TextInput
              label="Scopes"
              description="Space-separated: system/*.rs for every type, or system/Patient.rs system/Observation.rs …"
              {...field('scopes')}
              required
            />
            <Textarea
              label="Public key set (JWKS)"
              description="The client's public keys as JSON, each with a kid (RS384 or ES384). Never a private key."
              autosize
              minRows={4}
              maxRows={12}
              ff="monospace"
              {...field('jwks')}
              required
            />
            <Button type="submit" loading={register.isPending} style={{ alignSelf: 'flex-start' }}>
              Register client
            </Button>
          </Stack>
          <MutationError error={register.error} placedFields={['name', 'scopes', 'jwks']} />
        </form>
      </Paper>

      {registered && (
        <Alert
          color="teal"
          title={`${registered.name} registered`}
          withCloseButton
          onClose={() => setRegistered(null)}
        >
          <Text size="sm">
            Give the system its client_id: <Code data-testid="client-id">{registered.clientId}</Code>. It asks
            for tokens at <Code>{`${window.location.origin}/fhir/R4/auth/token`}</Code>.
          </Text>
        </Alert>
      )}

      {clients.isPending ? (
        <PageLoader />
      ) : clients.isError ? (
        <ErrorAlert error={clients.error} title="Could not load the clients" />
      ) : clients.data.items.length === 0 ? (
        <Text c="dimmed">No backend clients yet.</Text>
      ) : (
        <DataTable
          label="FHIR backend clients"
          minWidth={640}
          table={{ striped: true, verticalSpacing: undefined }}
          rows={clients.data.items}
          rowKey={(c) => c.clientId}
          columns={[
            { header: 'Name', cell: (c) => c.name },
            { header: 'client_id', cell: (c) => <Code>{c.clientId}</Code> },
            { header: 'Scopes', cell: (c) => c.scopes.join(' ') },
            { header: 'Registered', cell: (c) => when(c.createdAt) },
            {
              header: 'Status',
              cell: (c) =>
                c.revokedAt ? (
                  <Badge color="gray" style={noShrink}>
                    Revoked
                  </Badge>
                ) : (
                  <Badge color="teal" style={noShrink}>
                    Active
                  </Badge>
                ),
            },
            {
              header: null,
              cell: (c) =>
                !c.revokedAt && (
                  <Button size="xs" variant="light" color="red" onClick={() => setToRevoke(c)}>
                    Revoke
                  </Button>
                ),
            },
          ]}
        />
      )}

      <ConfirmModal
        opened={toRevoke !== null}
        title={`Revoke ${toRevoke?.name ?? ''}?`}
        confirmLabel="Revoke"
        color="red"
        isPending={revoke.isPending}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke.clientId, { onSettled: () => setToRevoke(null) })}
        onClose={() => setToRevoke(null)}
      >
        Its access tokens stop working at once and it gets no new ones. The record stays, for the audit log.
      </ConfirmModal>
    </Stack>
  )
}
