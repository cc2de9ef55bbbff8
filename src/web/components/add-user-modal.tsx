import { Alert, Button, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import type { StaffRole } from '../../domain/access/permissions'
import { isApiError } from '../api/client'
import { type AddedUser, useAddUser } from '../api/users'
import { staffRoleOptions } from '../lib/roles'
import { useClinicalForm } from './clinical-form'
import { FormActions } from './form-actions'

function TemporaryPassword({ added, onDone }: { added: AddedUser; onDone: () => void }) {
  const { user, temporaryPassword } = added
  return (
    <Stack gap="md">
      <Text size="sm">
        {user.displayName} ({user.email}) was added to this clinic.
      </Text>
      {temporaryPassword === null ? (
        <Alert color="blue" variant="light">
          This e-mail already had a KetaCare account, so it keeps its existing password.
        </Alert>
      ) : (
        <>
          <Alert color="orange" variant="light" title="Shown only once">
            Copy this temporary password now and hand it to {user.displayName} securely. It cannot be shown
            again.
          </Alert>
          <Stack gap="xs">
            <Text size="sm" fw={500} id="temporary-password-label">
              Temporary password
            </Text>
            <Code
              block
              aria-labelledby="temporary-password-label"
              fz="lg"
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
            >
              {temporaryPassword}
            </Code>
            <CopyButton value={temporaryPassword}>
              {({ copied, copy }) => (
                <Button variant="light" size="sm" onClick={copy} w="fit-content">
                  {copied ? 'Copied' : 'Copy password'}
                </Button>
              )}
            </CopyButton>
          </Stack>
        </>
      )}
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  )
}

export function AddUserModal({
  clinicId,
  opened,
  onClose,
}: {
  clinicId: string
  opened: boolean
  onClose: () => void
}) {
  const addUser = useAddUser(clinicId)
  const { form, field } = useClinicalForm(
    { email: '', displayName: '', role: null as string | null },
    addUser.error,
    {
      validate: { role: (role) => (role ? null : 'Choose a role.') },
      // The role hint stays until the next try, as the server's messages do.
      clearInputErrorOnChange: false,
    },
  )
  const fieldErrors = isApiError(addUser.error) ? addUser.error.fieldErrors : {}

  const close = () => {
    addUser.reset()
    form.reset()
    onClose()
  }

  const submit = ({ email, displayName, role }: typeof form.values) =>
    // The select offers the staff roles only.
    addUser.mutate({ email: email.trim(), displayName: displayName.trim(), role: role as StaffRole })

  return (
    <Modal
      opened={opened}
      onClose={close}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="Add user"
      centered
      size="md"
      closeOnClickOutside={!addUser.data}
    >
      {addUser.data ? (
        <TemporaryPassword added={addUser.data} onDone={close} />
      ) : (
        <form onSubmit={form.onSubmit(submit)}>
          <Stack gap="md">
            <TextInput
              label="E-mail"
              type="email"
              {...field('email')}
              required
              withAsterisk={false}
              data-autofocus
            />
            <TextInput
              label="Name"
              description="As it should appear on records and signatures"
              {...field('displayName')}
              required
              withAsterisk={false}
            />
            <Select
              label="Role"
              data={staffRoleOptions}
              {...field('role')}
              required
              withAsterisk={false}
              allowDeselect={false}
            />
            {/* Field problems show beside their fields; the alert is for the rest. */}
            {addUser.isError && Object.keys(fieldErrors).length === 0 && (
              <Alert color="red" variant="light" role="alert">
                {isApiError(addUser.error, 'conflict')
                  ? 'This person is already a member of this clinic.'
                  : addUser.error.message}
              </Alert>
            )}
            <FormActions submitLabel="Add user" onCancel={close} isPending={addUser.isPending} gap="sm" />
          </Stack>
        </form>
      )}
    </Modal>
  )
}
