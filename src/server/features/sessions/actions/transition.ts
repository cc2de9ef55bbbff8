import { transitionBody } from '../../../../contract/session-actions'
import type { Permission } from '../../../../domain/access/permissions'
import { DomainValidationError } from '../../../../domain/errors'
import { applyTransition, isAfterDosing, type SessionEvent } from '../../../../domain/session'
import { AppError } from '../../../errors'
import type * as store from '../store'
import type { SessionView } from '../view'
import { defineAction } from './define'
import { endDelivery } from './delivery'
import { addEvent, saveSession, staleError } from './session-writes'

const eventPermission: Record<SessionEvent, Permission> = {
  'check-in': 'scheduling:write',
  cancel: 'scheduling:write',
  'start-pre-checks': 'clinical:write',
  'start-dosing': 'clinical:write',
  'finish-dosing': 'clinical:write',
  'mark-ready': 'clinical:write',
  'resume-monitoring': 'clinical:write',
  discharge: 'clinical:sign',
  abort: 'clinical:write',
}

/** An event the state machine does not have from this state is invalid input (a 400), as the domain says. */
export const noSuchTransition = (event: SessionEvent) => (state: string) =>
  new DomainValidationError('event', `"${event}" is not possible from "${state}"`)

export const transition = defineAction({
  name: 'transition',
  path: '/transition',
  summary:
    'Move the session through its states (check-in, start-pre-checks, start-dosing, finish-dosing, mark-ready, resume-monitoring, cancel, abort)',
  body: transitionBody,
  permission: (body) => eventPermission[body.event],
  audit: (body) => `sessions.${body.event}`,
  refuseState: (state, body) => noSuchTransition(body.event)(state),
  run: async (scope, view, input) => {
    if (view.session.version !== input.version) throw staleError()
    const ctxFacts = { ...factsOf(view), ...(input.reason ? { reason: input.reason } : {}) }
    const result = applyTransition(view.session.state, input.event, ctxFacts)
    if (!result.isAllowed) throw notReadyError(input.event, result.blockedBy, view)
    const changes: Parameters<typeof store.updateSession>[4] = { state: result.state }
    if (input.event === 'check-in') changes.primary_nurse_id = view.session.primaryNurse?.id ?? null
    if (input.event === 'start-pre-checks' && !view.session.primaryNurse)
      changes.primary_nurse_id = scope.principal.userId
    if (input.event === 'cancel' || input.event === 'abort') changes.end_reason = input.reason ?? null
    if (input.event === 'finish-dosing') {
      changes.dose_started_at = view.infusion?.runs[0]
        ? new Date(view.infusion.runs[0].startMs)
        : (view.devices?.given[0]?.at ?? null)
      changes.dose_ended_at = view.infusion?.endedAtMs
        ? new Date(view.infusion.endedAtMs)
        : (view.devices?.given.at(-1)?.at ?? scope.now)
    }
    if (input.event === 'finish-dosing' || input.event === 'abort' || input.event === 'cancel')
      await endDelivery(scope, view)
    await saveSession(scope, view, changes)
    await addEvent(scope, view.session.id, 'state', {
      from: view.session.state,
      to: result.state,
      event: input.event,
      reason: input.reason ?? null,
    })
    return { event: input.event, to: result.state }
  },
})

/**
 * A refused transition (409) naming what blocks it; when the discharge criteria do, each unmet
 * criterion is named in `unmetCriteria` and as a field error `discharge.<criterion id>`.
 */
export function notReadyError(
  event: SessionEvent,
  blockedBy: { guard: string; reason: string }[],
  view: SessionView,
): AppError {
  const isCriteria = blockedBy.some((b) => b.guard === 'discharge-criteria-met')
  const unmet = isCriteria ? (view.discharge?.criteria.filter((c) => !c.isMet) ?? []) : []
  const reasons = blockedBy
    .filter((b) => !(b.guard === 'discharge-criteria-met' && unmet.length > 0))
    .map((b) => b.reason)
    .concat(
      unmet.length > 0
        ? [`Discharge criteria not met: ${unmet.map((c) => c.id.replace(/-/g, ' ')).join(', ')}.`]
        : [],
    )
  return new AppError(
    'conflict',
    `Cannot ${event === 'discharge' ? 'discharge yet' : event.replace(/-/g, ' ')}: ${reasons.join(' ')}`,
    {
      fieldErrors: unmet.map((c) => ({ field: `discharge.${c.id}`, message: c.reason })),
      extra: {
        blockedBy,
        unmetCriteria: unmet.map((c) => ({ id: c.id, reason: c.reason })),
        ...(event === 'discharge' ? { criteria: view.discharge?.criteria ?? [] } : {}),
      },
    },
  )
}

/** The guard facts of the state machine, as the view computed them. */
export function factsOf(view: SessionView) {
  return {
    isConsentCurrent: view.preChecks.items.find((i) => i.id === 'consent')?.status === 'pass',
    isPlanApproved: view.preChecks.items.find((i) => i.id === 'plan')?.status === 'pass',
    preChecks: view.preChecks.status,
    isSupervisingPrescriberPresent: view.session.supervisingPrescriber !== null,
    isDoseAdministered:
      view.transitions.some((t) => t.event === 'finish-dosing' && t.isAllowed) ||
      isAfterDosing(view.session.state),
    isDischargeReady: view.discharge?.isReady ?? false,
    hasOpenSuicideAlert: view.safetyAlerts.length > 0,
  }
}
