import { sql } from 'kysely'
import type { z } from 'zod'
import { vitalsReply } from '../../../../contract/session-actions'
import { vitalsBody } from '../../../../contract/sessions'
import { isActionAllowed, readyMomentChartingStates } from '../../../../domain/session'
import { type ClinicScope, runInClinic } from '../../../clinic-scope'
import { loadClinicSettings } from '../../../clinic-settings'
import { AppError } from '../../../errors'
import { runOnce } from '../../../idempotency'
import { toVitalDto } from '../../assessments/service'
import { checkChairSideTime, loadSessionMoments } from '../chair-side-time'
import { deliveryOf, nextVitalsDueOf } from '../delivery-record'
import * as store from '../store'
import { loadSessionView, readyMomentKind } from '../view'
import { abnormalVitalsOf, isOpen, sessionAlerts } from '../vitals-alerts'
import type { ChairSideAction } from './define'
import { recordReadyMomentIfMet } from './ready-moment-auto'
import { checkVitalsInput, insertSessionVital, vitalsOutsideTheChair } from './session-vital'

type VitalsReply = z.output<typeof vitalsReply>

/**
 * The hot path of charting (issue 5 performance target): one vital sign, acknowledged with what it
 * changes on the screen — the alerts, the next vitals due and the reading's out-of-limit measures,
 * through the same computations as the session view — without rebuilding the whole view.
 */
export const vitals: ChairSideAction<typeof vitalsBody, VitalsReply> = {
  name: 'vitals',
  path: '/vitals',
  summary: 'Vital signs (BP, HR, SpO2, RR, MOAA/S): acknowledged with the open alerts',
  body: vitalsBody,
  reply: vitalsReply,
  execute: (ctx, principal, clinicId, sessionId, input, idempotencyKey) =>
    runInClinic(
      ctx,
      principal,
      { clinicId, permission: 'clinical:write', action: 'sessions.vitals', entity: 'treatment_session' },
      async (scope) => {
        const session = await store.findSession(scope.tx, clinicId, sessionId)
        if (!session) throw new AppError('not-found', 'No such session in this clinic.')
        if (!isActionAllowed('vitals', session.state)) throw vitalsOutsideTheChair(session.state)
        checkVitalsInput(input)
        checkChairSideTime(
          input.measuredAt,
          scope.now,
          'measuredAt',
          await loadSessionMoments(scope.tx, clinicId, sessionId),
          'check-in',
        )
        let id: string | null = null
        const didRun = await runOnce(
          scope,
          idempotencyKey,
          { action: 'sessions.vitals', sessionId, body: input },
          async () => {
            id = await insertSessionVital(scope, sessionId, session.patient_id, input)
          },
        )
        const [rows, events, { vitals: settings }] = await Promise.all([
          store.listSessionVitals(scope.tx, clinicId, sessionId),
          store.listAlertEvents(scope.tx, clinicId, sessionId),
          loadClinicSettings(scope.tx, clinicId),
        ])
        const live = rows.filter((v) => !v.entered_in_error_at)
        const delivery = deliveryOf(session, events, scope.now.getTime())
        const { doseStartedAtMs } = delivery
        const alerts = sessionAlerts({ vitals: live, events, doseStartedAtMs, settings })
        // Esketamine: a reading can be the one that makes the REMS "ready" moment (§3).
        if (session.route === 'intranasal' && readyMomentChartingStates.includes(session.state))
          await recordReadyMomentOnce(scope, sessionId)
        const stored = id ? live.find((v) => v.id === id) : live.at(-1)
        const abnormal = stored ? abnormalVitalsOf([stored], settings) : {}
        return {
          replayed: !didRun,
          generatedAt: scope.now,
          vital: stored ? toVitalDto(stored) : null,
          alerts,
          openAlerts: alerts.filter(isOpen).map((a) => ({
            key: a.key,
            code: a.code,
            severity: a.severity,
            message: a.message,
            rule: a.rule,
            recommendedAction: a.recommendedAction,
            atMs: a.atMs,
            recheckByMs: a.recheckByMs,
            isAcknowledged: false,
          })),
          nextVitalsDue: nextVitalsDueOf({ session, delivery, vitals: live, alerts, settings }),
          abnormalVitals: abnormal,
        }
      },
    ),
}

/** The REMS "ready" moment, unless charting already recorded it (then the view is not rebuilt). */
async function recordReadyMomentOnce(scope: ClinicScope, sessionId: string) {
  const recorded = await scope.tx
    .selectFrom('session_event')
    .select('id')
    .where('clinic_id', '=', scope.clinicId)
    .where('session_id', '=', sessionId)
    .where('kind', '=', readyMomentKind)
    .where('entered_in_error_at', 'is', null)
    .where(sql<boolean>`payload->>'source' = 'charting'`)
    .executeTakeFirst()
  if (!recorded)
    await recordReadyMomentIfMet(scope, await loadSessionView(scope.tx, scope.clinicId, sessionId, scope.now))
}
