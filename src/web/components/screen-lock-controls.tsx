import { ActionIcon, Button, Group, Menu, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { type Me, useRemoveUnlockPin, useSetUnlockPin } from '../api/auth'
import { useClinicalForm } from './clinical-form'
import { FormActions } from './form-actions'
import { MutationError } from './mutation-error'
import { lockNow } from './use-idle-sign-out'

/** The header's Lock button and the user's own unlock PIN (set, change, remove). */
export function ScreenLockControls({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  const [isPinOpen, setPinOpen] = useState(false)
  const removePin = useRemoveUnlockPin()
  const hasPin = me.user.hasUnlockPin
  return (
    <>
      <Group gap={4} wrap="nowrap">
        <Button variant="default" size="sm" onClick={() => lockNow(me.user)}>
          Lock
        </Button>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" size={36} aria-label="Screen lock and account">
              <span aria-hidden="true" style={{ fontSize: 18, lineHeight: 1 }}>
                ⋯
              </span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Screen lock</Menu.Label>
            <Menu.Item onClick={() => setPinOpen(true)}>
              {hasPin ? 'Change unlock PIN' : 'Set unlock PIN'}
            </Menu.Item>
            {hasPin && (
              <Menu.Item
                color="red"
                onClick={() =>
                  removePin.mutate(undefined, {
                    onSuccess: () =>
                      notifications.show({
                        color: 'teal',
                        message: 'Unlock PIN removed: unlock with your password.',
                      }),
                  })
                }
              >
                Remove unlock PIN
              </Menu.Item>
            )}
            {/* Phones only: the header has no room for the name and the Sign out button. */}
            <Menu.Divider hiddenFrom="sm" />
            <Menu.Label hiddenFrom="sm">{me.user.displayName}</Menu.Label>
            <Menu.Item hiddenFrom="sm" onClick={onSignOut}>
              Sign out
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <UnlockPinModal opened={isPinOpen} onClose={() => setPinOpen(false)} hasPin={hasPin} />
    </>
  )
}

/** The PIN and its repeat: digits on a phone's keypad, never offered by the password manager. */
const pinInputProps = { inputMode: 'numeric', autoComplete: 'off', maxLength: 8, required: true } as const

function UnlockPinModal({
  opened,
  onClose,
  hasPin,
}: {
  opened: boolean
  onClose: () => void
  hasPin: boolean
}) {
  const save = useSetUnlockPin()
  const { form, values, field } = useClinicalForm({ pin: '', repeat: '', password: '' }, save.error)
  const { pin, repeat, password } = values
  const mismatch = repeat && pin !== repeat ? 'The two PINs are not the same.' : undefined
  const close = () => {
    form.reset()
    save.reset()
    onClose()
  }
  const submit = () => {
    if (mismatch || !pin || !password) return
    save.mutate(
      { pin, password },
      {
        onSuccess: () => {
          close()
          notifications.show({ color: 'teal', message: 'Unlock PIN saved. Use it on the lock screen.' })
        },
      },
    )
  }
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={hasPin ? 'Change your unlock PIN' : 'Set your unlock PIN'}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={form.onSubmit(submit)}>
        <Stack gap="md">
          <Text size="sm">
            The PIN unlocks your own locked screen on a device you signed in on. Choose 4 to 8 digits that are
            not easy to guess (not 1234 or 0000). Five wrong tries lock your account for a while, as wrong
            passwords do.
          </Text>
          <PasswordInput label="New PIN" {...pinInputProps} {...field('pin')} />
          <PasswordInput
            label="New PIN again"
            {...pinInputProps}
            {...form.getInputProps('repeat')}
            error={mismatch}
          />
          <PasswordInput
            label="Your password"
            description="To confirm it is you."
            autoComplete="current-password"
            {...field('password')}
            required
          />
          <MutationError error={save.error} placedFields={['pin', 'password']} />
          <FormActions submitLabel="Save PIN" onCancel={close} isPending={save.isPending} gap="sm" />
        </Stack>
      </form>
    </Modal>
  )
}
