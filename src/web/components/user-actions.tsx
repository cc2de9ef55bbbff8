import { ActionIcon, Button, Group, Menu, Modal, Select, Stack } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import type { StaffRole } from '../../domain/access/permissions'
import { isApiError } from '../api/client'
import { type ClinicUser, useResetMfa, useUpdateUser } from '../api/users'
import { roleLabel, staffRoleOptions } from '../lib/roles'
import { ConfirmModal } from './confirm-modal'

type Dialog = 'role' | 'active' | 'mfa' | null

function notifyFailure(user: ClinicUser, error: unknown) {
  if (isApiError(error, 'stale-version')) {
    notifications.show({
      color: 'orange',
      title: 'Someone else changed this user',
      message: `${user.displayName} was changed by someone else after this list was loaded, so nothing was saved. The list has been reloaded: check it and try again.`,
      autoClose: 12_000,
    })
    return
  }
  notifications.show({
    color: 'red',
    title: `Could not change ${user.displayName}`,
    message: error instanceof Error ? error.message : 'Unexpected error.',
  })
}

/** The row menu of the Users table: change role, activate/deactivate, reset MFA. */
export function UserActions({ clinicId, user }: { clinicId: string; user: ClinicUser }) {
  const [dialog, setDialog] = useState<Dialog>(null)
  const [role, setRole] = useState<string | null>(user.role)
  const update = useUpdateUser(clinicId)
  const resetMfa = useResetMfa(clinicId)
  const close = () => setDialog(null)

  const done = (message: string) => {
    close()
    notifications.show({ color: 'teal', message })
  }
  const failed = (error: unknown) => {
    close()
    notifyFailure(user, error)
  }

  const saveRole = () => {
    if (!role || role === user.role) return close()
    update.mutate(
      // The select offers the staff roles only.
      { userId: user.userId, version: user.version, role: role as StaffRole },
      {
        onSuccess: () => done(`${user.displayName} is now ${roleLabel(role).toLowerCase()}.`),
        onError: failed,
      },
    )
  }
  const toggleActive = () =>
    update.mutate(
      { userId: user.userId, version: user.version, isActive: !user.isActive },
      {
        onSuccess: () => done(`${user.displayName} was ${user.isActive ? 'deactivated' : 'activated'}.`),
        onError: failed,
      },
    )
  const confirmResetMfa = () =>
    resetMfa.mutate(user.userId, {
      onSuccess: () => done(`Two-step verification was reset for ${user.displayName}.`),
      onError: failed,
    })

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.displayName}`}>
            <span aria-hidden="true" style={{ fontSize: 18, lineHeight: 1 }}>
              ⋯
            </span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            onClick={() => {
              setRole(user.role)
              setDialog('role')
            }}
          >
            Change role
          </Menu.Item>
          <Menu.Item onClick={() => setDialog('active')} color={user.isActive ? 'red' : undefined}>
            {user.isActive ? 'Deactivate' : 'Activate'}
          </Menu.Item>
          <Menu.Item onClick={() => setDialog('mfa')} disabled={!user.mfaEnrolled}>
            Reset MFA
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>

      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={dialog === 'role'}
        onClose={close}
        title={`Change role of ${user.displayName}`}
        centered
      >
        <Stack gap="lg">
          <Select
            label="Role"
            data={staffRoleOptions}
            value={role}
            onChange={setRole}
            allowDeselect={false}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={saveRole} loading={update.isPending}>
              Save role
            </Button>
          </Group>
        </Stack>
      </Modal>

      <ConfirmModal
        opened={dialog === 'active'}
        title={user.isActive ? `Deactivate ${user.displayName}?` : `Activate ${user.displayName}?`}
        confirmLabel={user.isActive ? 'Deactivate' : 'Activate'}
        color={user.isActive ? 'red' : undefined}
        isPending={update.isPending}
        onConfirm={toggleActive}
        onClose={close}
      >
        {user.isActive
          ? `${user.displayName} will no longer be able to sign in to this clinic. Their records stay as they are.`
          : `${user.displayName} will be able to sign in to this clinic again.`}
      </ConfirmModal>

      <ConfirmModal
        opened={dialog === 'mfa'}
        title={`Reset two-step verification for ${user.displayName}?`}
        confirmLabel="Reset MFA"
        color="red"
        isPending={resetMfa.isPending}
        onConfirm={confirmResetMfa}
        onClose={close}
      >
        Their authenticator app will stop working for KetaCare. At the next sign-in they will set up two-step
        verification again with a new QR code.
      </ConfirmModal>
    </>
  )
}
