import { Button, Group, List, Paper, Stack, Stepper, Text } from '@mantine/core'
import { useState } from 'react'
import type { SessionEvent } from '../../../domain/session'
import { useTransition } from '../../api/sessions'
import { ReasonModal } from '../../components/clinical-reason-modal'
import { MutationError } from '../../components/mutation-error'
import {
  dischargeCriterionLabels,
  eventLabels,
  stateLabels,
  stateSteps,
  stepLabels,
} from '../../lib/session-labels'
import type { SectionProps } from './section-props'

const withReason = new Set<SessionEvent>(['cancel', 'abort'])

/** The state stepper, with the allowed moves as big buttons and why the others are blocked. */
export function StateActions(props: SectionProps & { onDischarge: () => void }) {
  const { view, clinicId, sessionId, canWrite, canSign, onDischarge } = props
  const transition = useTransition(clinicId, sessionId)
  const [reasonFor, setReasonFor] = useState<SessionEvent | null>(null)
  const [reason, setReason] = useState('')
  const state = view.session.state
  const unmet = view.discharge?.criteria.filter((c) => !c.isMet) ?? []
  // Discharged is the last step: every step shows as done.
  const active = state === 'discharged' ? stateSteps.length : stateSteps.indexOf(state)
  // Everyone who charts may also schedule (nurses, prescribers); discharge needs a prescriber.
  const may = (event: SessionEvent) => (event === 'discharge' ? canSign : canWrite)
  const main = view.transitions.filter((t) => !withReason.has(t.event) && may(t.event))
  const ending = view.transitions.filter((t) => withReason.has(t.event) && canWrite)
  const go = (event: SessionEvent, why?: string) =>
    transition.mutate(
      { event, version: view.session.version, ...(why ? { reason: why } : {}) },
      {
        onSuccess: () => {
          setReasonFor(null)
          setReason('')
        },
      },
    )

  const stepper =
    active >= 0 ? (
      <Stepper
        active={active}
        size="xs"
        allowNextStepsSelect={false}
        iconSize={22}
        style={{ flex: '1 1 300px' }}
        styles={{ separator: { marginInline: 4, minWidth: 4 }, stepLabel: { fontSize: 13 } }}
      >
        {/* Only the current step is named on screen; every step keeps its name for screen readers. */}
        {stateSteps.map((s, i) => (
          <Stepper.Step
            key={s}
            label={i === active ? stepLabels[s] : undefined}
            aria-label={stateLabels[s]}
            completedIcon="✓"
          />
        ))}
      </Stepper>
    ) : (
      <Text fw={700} c="red.8" style={{ flex: 1 }}>
        {stateLabels[state]}
        {view.session.endReason ? `: ${view.session.endReason}` : ''}
      </Text>
    )

  return (
    <Paper withBorder p="sm" radius="md" aria-label="Session state">
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap" align="center">
          {stepper}
          {main.map((t) => (
            <Button
              key={t.event}
              size="lg"
              disabled={!t.isAllowed}
              loading={transition.isPending && transition.variables?.event === t.event}
              onClick={() => (t.event === 'discharge' ? onDischarge() : go(t.event))}
            >
              {t.event === 'discharge' ? 'Go to discharge sign-off' : eventLabels[t.event]}
            </Button>
          ))}
        </Group>
        {(main.some((t) => !t.isAllowed) || ending.length > 0) && (
          <Group gap="xs" justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              {main
                .filter((t) => !t.isAllowed)
                .map((t) => (
                  <List
                    key={t.event}
                    size="sm"
                    c="red.8"
                    aria-label={`Why ${eventLabels[t.event].toLowerCase()} is blocked`}
                  >
                    {t.blockedBy.map((b) => (
                      <List.Item key={b.guard}>
                        {b.guard === 'discharge-criteria-met' && unmet.length > 0
                          ? `Not met: ${unmet.map((c) => dischargeCriterionLabels[c.id] ?? c.id).join(', ')}.`
                          : b.reason}
                      </List.Item>
                    ))}
                  </List>
                ))}
            </Stack>
            {ending.length > 0 && (
              <Group gap={4} wrap="nowrap">
                {ending.map((t) => (
                  <Button
                    key={t.event}
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() => setReasonFor(t.event)}
                  >
                    {eventLabels[t.event]}…
                  </Button>
                ))}
              </Group>
            )}
          </Group>
        )}
        <MutationError mutation={transition} />
      </Stack>
      <ReasonModal
        opened={reasonFor !== null}
        onClose={() => setReasonFor(null)}
        title={reasonFor ? eventLabels[reasonFor] : ''}
        reasonLabel="Reason"
        reason={reason}
        onReason={setReason}
        hasAutofocus
        gap="sm"
        error={transition.error}
        cancelLabel="Back"
        confirmLabel={reasonFor ? eventLabels[reasonFor] : ''}
        confirmColor="red"
        isBlocked={!reason.trim()}
        isPending={transition.isPending}
        onConfirm={() => reasonFor && go(reasonFor, reason.trim())}
      />
    </Paper>
  )
}
