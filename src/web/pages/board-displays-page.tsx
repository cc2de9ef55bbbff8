import { Alert, Badge, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import {
  type CreatedBoardDisplay,
  displayUrl,
  useBoardDisplays,
  useCreateBoardDisplay,
  useRevokeBoardDisplay,
} from '../api/board-displays'
import { useClinicalForm } from '../components/clinical-form'
import { ConfirmModal } from '../components/confirm-modal'
import { useCurrentClinic } from '../components/current-clinic'
import { DataTable } from '../components/data-table'
import { MutationError } from '../components/mutation-error'
import { ErrorAlert, PageLoader } from '../components/page-status'

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—')

/** The administrator's list of read-only Today board displays: make one, switch one off. */
export function BoardDisplaysPage() {
  const { membership } = useCurrentClinic()
  const displays = useBoardDisplays(membership.clinicId)
  const create = useCreateBoardDisplay(membership.clinicId)
  const revoke = useRevokeBoardDisplay(membership.clinicId)
  const { form, values, field } = useClinicalForm({ name: '' }, create.error)
  const [created, setCreated] = useState<CreatedBoardDisplay | null>(null)
  const [toRevoke, setToRevoke] = useState<{ id: string; name: string } | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate(values.name, {
      onSuccess: (display) => {
        setCreated(display)
        form.reset()
      },
    })
  }

  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Title order={1}>Board displays</Title>
        <Text size="sm" c="dimmed">
          A screen at the nurses' station can show today's board without anyone signed in. It shows only the
          chair, the patient's first initial, the phase and the timers, never locks, and cannot open a chart.
        </Text>
      </Stack>

      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Screen name"
              placeholder="Nurses' station"
              {...field('name')}
              style={{ flex: 1, minWidth: 200 }}
              required
            />
            <Button type="submit" loading={create.isPending}>
              Make display link
            </Button>
          </Group>
          <MutationError error={create.error} placedFields={['name']} />
        </form>
      </Paper>

      {created && (
        <Alert
          color="teal"
          title={`Display link for ${created.name}`}
          withCloseButton
          onClose={() => setCreated(null)}
        >
          <Stack gap="xs">
            <Text size="sm">
              Open this link on the station's screen now. It is shown only once: if it is lost, switch this
              display off and make a new one.
            </Text>
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="display-link">
              {displayUrl(created.token)}
            </Text>
            <Group>
              <CopyButton value={displayUrl(created.token)}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}

      {displays.isPending ? (
        <PageLoader />
      ) : displays.isError ? (
        <ErrorAlert error={displays.error} title="Could not load the displays" />
      ) : displays.data.length === 0 ? (
        <Text c="dimmed">No displays yet.</Text>
      ) : (
        <DataTable
          label="Board displays"
          minWidth={600}
          table={{ striped: true, verticalSpacing: undefined }}
          rows={displays.data}
          rowKey={(d) => d.id}
          columns={[
            { header: 'Screen', cell: (d) => d.name },
            { header: 'Made by', cell: (d) => `${d.createdBy}, ${when(d.createdAt)}` },
            { header: 'Last shown', cell: (d) => when(d.lastUsedAt) },
            {
              header: 'Status',
              cell: (d) =>
                d.revokedAt ? <Badge color="gray">Switched off</Badge> : <Badge color="teal">In use</Badge>,
            },
            {
              header: null,
              cell: (d) =>
                !d.revokedAt && (
                  <Button size="xs" variant="light" color="red" onClick={() => setToRevoke(d)}>
                    Switch off
                  </Button>
                ),
            },
          ]}
        />
      )}

      <ConfirmModal
        opened={toRevoke !== null}
        title={`Switch off ${toRevoke?.name ?? ''}?`}
        confirmLabel="Switch off"
        color="red"
        isPending={revoke.isPending}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke.id, { onSettled: () => setToRevoke(null) })}
        onClose={() => setToRevoke(null)}
      >
        The screen stops showing the board within a few seconds. Its link cannot be used again.
      </ConfirmModal>
    </Stack>
  )
}
