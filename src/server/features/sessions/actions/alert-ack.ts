import type { z } from 'zod'
import { alertAckBody } from '../../../../contract/session-actions'
import { vitalsContextOf } from '../../../../domain/session'
import type { ClinicScope } from '../../../clinic-scope'
import { AppError } from '../../../errors'
import { checkChairSideTime, momentsOf } from '../chair-side-time'
import type { SessionView } from '../view'
import { alertAckKind } from '../vitals-alerts'
import { defineAction } from './define'
import { checkVitalsInput, insertSessionVital, vitalsOutsideTheChair } from './session-vital'
import { addEvent } from './session-writes'

type Recheck = NonNullable<z.output<typeof alertAckBody>['recheck']>

/**
 * A structured acknowledgement: what was done (from the list), a note (required for "other"),
 * and optionally the recheck reading, charted in the same transaction as a vital sign. The alert
 * then stays on the screen, dimmed, until a later reading is back within the limit or a
 * clinician resolves it.
 */
export const alertAck = defineAction({
  name: 'alert-ack',
  path: '/alerts/acknowledge',
  summary:
    'Acknowledge a monitoring alert: what was done (from the list), a note, and the recheck it asks for',
  body: alertAckBody,
  permission: 'clinical:write',
  run: async (scope, view, input) => {
    const alert = requireAlert(view, input.key)
    if (alert.acknowledged) throw new AppError('conflict', 'This alert was already acknowledged.')
    const note = input.note?.trim() ?? ''
    if (input.actions.includes('other') && note.length < 3)
      throw new AppError('validation-failed', 'Say what was done when choosing "Other".', {
        fieldErrors: [{ field: 'note', message: 'is required with "other" (at least 3 characters)' }],
      })
    const r = input.recheck
    const hasRecheck =
      r && [r.systolicMmHg, r.diastolicMmHg, r.heartRateBpm, r.spo2Percent].some((x) => x != null)
    const recheckVitalId = r && hasRecheck ? await chartRecheck(scope, view, r, alert.atMs) : null
    await addEvent(scope, view.session.id, alertAckKind, {
      key: input.key,
      code: alert.code,
      actions: input.actions,
      note,
      recheckVitalId,
    })
    return { code: alert.code, actions: input.actions, recheckVitalId }
  },
})

/** The recheck entered with the acknowledgement, charted as a normal vital sign of the session. */
async function chartRecheck(scope: ClinicScope, view: SessionView, r: Recheck, alertAtMs: number) {
  const context = vitalsContextOf(view.session.state)
  if (context === null) throw vitalsOutsideTheChair(view.session.state)
  if ((r.systolicMmHg == null) !== (r.diastolicMmHg == null))
    throw new AppError('validation-failed', 'Give both pressures of the recheck.', {
      fieldErrors: [
        {
          field: r.systolicMmHg == null ? 'recheck.systolicMmHg' : 'recheck.diastolicMmHg',
          message: 'give both pressures',
        },
      ],
    })
  const vital = {
    context,
    measuredAt: r.measuredAt,
    systolicMmHg: r.systolicMmHg,
    diastolicMmHg: r.diastolicMmHg,
    heartRateBpm: r.heartRateBpm,
    spo2Percent: r.spo2Percent,
  }
  checkVitalsInput(vital, 'recheck.')
  checkChairSideTime(r.measuredAt, scope.now, 'recheck.measuredAt', momentsOf(view.timeline), 'check-in')
  if (r.measuredAt && r.measuredAt.getTime() < alertAtMs)
    throw new AppError('validation-failed', 'The recheck is before the reading that raised the alert.', {
      fieldErrors: [{ field: 'recheck.measuredAt', message: 'is before the alert' }],
    })
  return insertSessionVital(scope, view.session.id, view.patient.id, vital)
}

/** The session's alert with this key, or a 404 naming `key`. */
export function requireAlert(view: SessionView, key: string) {
  const alert = view.alerts.find((a) => a.key === key)
  if (!alert)
    throw new AppError('not-found', 'No such alert in this session.', {
      fieldErrors: [{ field: 'key', message: 'is not an alert of this session' }],
    })
  return alert
}
