import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { pinRules } from '../../domain/access/credential-rules'
import { useUnlock } from '../api/auth'
import { isApiError, type LockedUser } from '../api/client'
import { countUnsentOf, rememberUserName } from './held-charting'
import { HeldChartingNotice } from './held-charting-notice'
import { hideLockScreen, useScreenLock } from './screen-lock-state'
import { writeLastActivity } from './use-idle-sign-out'
import { signOut } from './use-sign-out'

// The lock screen (issue 14, ARCHITECTURE.md "Lock screen"): it covers the page without leaving
// it. Everything else on the page is made inert, hidden from assistive technology and blurred, so
// no patient detail can be read or reached; the overlay itself names only the signed-in user.

/** Hides every other top-level node of the page (the app and Mantine's portals) while mounted. */
function useHideEverythingBut(keep: HTMLElement): void {
  useEffect(() => {
    const hidden = new Set<HTMLElement>()
    const hide = (node: Node) => {
      if (!(node instanceof HTMLElement) || node === keep || node.tagName === 'SCRIPT') return
      if (node.hasAttribute('inert')) return
      node.setAttribute('inert', '')
      node.setAttribute('aria-hidden', 'true')
      node.style.filter = 'blur(14px)'
      hidden.add(node)
    }
    for (const node of Array.from(document.body.children)) hide(node)
    // A dialog or notice opened under the lock (a portal added later) is hidden as well.
    const observer = new MutationObserver((changes) => {
      for (const change of changes) for (const node of Array.from(change.addedNodes)) hide(node)
    })
    observer.observe(document.body, { childList: true })
    return () => {
      observer.disconnect()
      for (const node of hidden) {
        node.removeAttribute('inert')
        node.removeAttribute('aria-hidden')
        node.style.filter = ''
      }
    }
  }, [keep])
}

function unlockErrorText(error: unknown): string | null {
  if (!error) return null
  if (isApiError(error, 'account-locked')) return error.detail
  if (isApiError(error, 'invalid-credentials')) return error.detail
  if (isApiError(error, 'validation-failed')) return error.detail
  if (isApiError(error, 'too-many-requests')) return 'Too many tries. Wait a minute, then try again.'
  return error instanceof Error ? error.message : 'Could not unlock. Try again.'
}

function LockOverlay({ user, hasPin, onUnlocked }: LockOverlayProps) {
  const [container] = useState(() => {
    const element = document.createElement('div')
    element.dataset.lockScreen = ''
    return element
  })
  useEffect(() => {
    document.body.appendChild(container)
    return () => container.remove()
  }, [container])
  useHideEverythingBut(container)

  const [method, setMethod] = useState<'pin' | 'password'>(hasPin ? 'pin' : 'password')
  const [secret, setSecret] = useState('')
  const unlock = useUnlock()
  const unsent = countUnsentOf(user.id)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!secret) return
    unlock.mutate(method === 'pin' ? { pin: secret.trim() } : { password: secret }, {
      onSuccess: () => {
        writeLastActivity(Date.now())
        hideLockScreen()
        onUnlocked?.()
      },
      onError: () => setSecret(''),
    })
  }

  return createPortal(
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-screen-title"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 10_000,
        overflowY: 'auto',
        background: 'rgba(233, 236, 239, 0.9)',
      }}
    >
      <Center mih="100%" p="md">
        <Paper withBorder shadow="md" radius="md" p="xl" w="100%" maw={420}>
          <form onSubmit={submit}>
            <Stack gap="md">
              <Stack gap={4}>
                <Text fw={700} size="xl" c="teal.8">
                  KetaCare
                </Text>
                <Title order={1} size="h2" id="lock-screen-title">
                  Screen locked
                </Title>
                <Text size="sm">
                  Signed in: <strong>{user.displayName}</strong>. Patient details are hidden until you unlock.
                  The page stays as you left it.
                </Text>
              </Stack>
              {unsent > 0 && (
                <Alert color="blue" variant="light" p="xs">
                  {unsent === 1
                    ? '1 charting entry waits on this device. It is sent when you unlock.'
                    : `${unsent} charting entries wait on this device. They are sent when you unlock.`}
                </Alert>
              )}
              <SegmentedControl
                value={method}
                onChange={(value) => {
                  setMethod(value as 'pin' | 'password')
                  setSecret('')
                  unlock.reset()
                }}
                data={[
                  { value: 'pin', label: 'PIN' },
                  { value: 'password', label: 'Password' },
                ]}
                aria-label="Unlock with"
              />
              <PasswordInput
                key={method}
                label={method === 'pin' ? 'Your unlock PIN' : 'Your password'}
                value={secret}
                onChange={(event) => setSecret(event.currentTarget.value)}
                inputMode={method === 'pin' ? 'numeric' : undefined}
                autoComplete={method === 'pin' ? 'off' : 'current-password'}
                maxLength={method === 'pin' ? pinRules.maxLength : 200}
                size="md"
                data-autofocus
                autoFocus
                error={unlockErrorText(unlock.error)}
              />
              {method === 'pin' && hasPin === false && (
                <Text size="xs" c="dimmed">
                  You have no unlock PIN yet: use your password, then set a PIN from the menu beside Lock.
                </Text>
              )}
              <Button type="submit" size="md" loading={unlock.isPending} disabled={!secret}>
                Unlock
              </Button>
              <Text size="sm" ta="center">
                Not {user.displayName}?{' '}
                <Anchor component="button" type="button" onClick={() => void signOut('switch-user')}>
                  Sign in as someone else
                </Anchor>
              </Text>
            </Stack>
          </form>
        </Paper>
      </Center>
    </div>,
    container,
  )
}

interface LockOverlayProps {
  user: LockedUser
  /** Whether the user has set a PIN, when known (unknown after a reload: password first). */
  hasPin?: boolean | undefined
  onUnlocked?: () => void
}

/**
 * Shown over the staff pages whenever this tab is locked; while unlocked, the notice of charting
 * held for another user. On unlock the page carries on: its
 * queries refresh and the charting queue is sent at once.
 */
export function LockScreen({
  me,
}: {
  me: { user: { id: string; displayName: string; hasUnlockPin: boolean } }
}) {
  const locked = useScreenLock()
  const queryClient = useQueryClient()
  useEffect(() => rememberUserName(me.user.id, me.user.displayName), [me.user.id, me.user.displayName])
  if (!locked) return <HeldChartingNotice userId={me.user.id} />
  return (
    <LockOverlay
      user={locked}
      hasPin={locked.id === me.user.id ? me.user.hasUnlockPin : undefined}
      onUnlocked={() => void queryClient.invalidateQueries()}
    />
  )
}

/** The lock screen on its own, for a page reloaded while its sign-in was locked. */
export function LockScreenAfterReload({ user, onUnlocked }: { user: LockedUser; onUnlocked: () => void }) {
  return <LockOverlay user={user} onUnlocked={onUnlocked} />
}
