import type { z } from 'zod'
import type { Permission } from '../../../../domain/access/permissions'
import type { CanonicalValue } from '../../../../domain/ledger/hash-chain'
import { isActionAllowed, type SessionAction, type SessionState } from '../../../../domain/session'
import { type ClinicScope, runInClinic } from '../../../clinic-scope'
import type { AppContext } from '../../../context'
import { AppError } from '../../../errors'
import { runOnce } from '../../../idempotency'
import type { Principal } from '../../../principal'
import { loadSessionView, type SessionView } from '../view'
import { recordReadyMomentIfMet } from './ready-moment-auto'

/** What an action adds to its audit event (beside the patient). */
export type AuditDetail = Record<string, CanonicalValue> | undefined

export interface ActionDefinition<B extends z.ZodType> {
  /** The action's name in the domain's table of allowed states (src/domain/session/action-states.ts). */
  name: SessionAction
  /** Under `/api/v1/clinics/:clinicId/sessions/:sessionId`. */
  path: string
  summary: string
  body: B
  permission: Permission | ((body: z.output<B>) => Permission)
  /** The audit action; by default `sessions.<name>`. */
  audit?: string | ((body: z.output<B>) => string)
  /** What the Idempotency-Key is bound to; by default the body. Never a signer's password or code. */
  fingerprint?: (body: z.output<B>, principal: Principal) => unknown
  /** Checks on the body alone, before any permission or transaction (a 400 naming the field). */
  validate?: (body: z.output<B>) => void
  /** The refusal outside the action's allowed states (for actions not allowed in every state). */
  refuseState?: (state: SessionState, body: z.output<B>) => Error
  run: (scope: ClinicScope, view: SessionView, body: z.output<B>) => Promise<AuditDetail>
}

/** One chair-side write as the routes see it: its schemas and what runs it with a valid body. */
export interface ChairSideAction<B extends z.ZodType = z.ZodType, R = unknown> {
  name: SessionAction
  path: string
  summary: string
  body: B
  /** The reply schema; undefined for the whole view. */
  reply?: z.ZodType
  // A method, so an action of a particular body fits the table of all actions.
  execute(
    ctx: AppContext,
    principal: Principal,
    clinicId: string,
    sessionId: string,
    body: z.output<B>,
    idempotencyKey?: string,
  ): Promise<R>
}

export type ActionReply = SessionView & { replayed: boolean }

/** A conflict (409) with a message for the nurse, for a write refused in this state. */
export const stateConflict = (message: (state: SessionState) => string) => (state: SessionState) =>
  new AppError('conflict', message(state))

const notInThisState = stateConflict((state) => `Not recorded while the session is ${state}.`)

/**
 * Declares a chair-side write. Every one takes the same path: permission, a row-level-secured
 * transaction, the state check from the domain table, at-most-once by Idempotency-Key, an audit
 * event, and the updated session view as the reply.
 */
export function defineAction<B extends z.ZodType>(
  definition: ActionDefinition<B>,
): ChairSideAction<B, ActionReply> {
  const { name, permission, audit, fingerprint, validate, refuseState = notInThisState, run } = definition
  return {
    name,
    path: definition.path,
    summary: definition.summary,
    body: definition.body,
    execute: (ctx, principal, clinicId, sessionId, body, idempotencyKey) => {
      validate?.(body)
      const action = typeof audit === 'function' ? audit(body) : (audit ?? `sessions.${name}`)
      return runInClinic(
        ctx,
        principal,
        {
          clinicId,
          permission: typeof permission === 'function' ? permission(body) : permission,
          action,
          entity: 'treatment_session',
        },
        async (scope) => {
          const before = await loadSessionView(scope.tx, clinicId, sessionId, scope.now)
          const didRun = await runOnce(
            scope,
            idempotencyKey,
            { action, sessionId, body: fingerprint ? fingerprint(body, principal) : body },
            async () => {
              // Inside runOnce: a resend after the session moved on is a replay, not a refusal.
              if (!isActionAllowed(name, before.session.state)) throw refuseState(before.session.state, body)
              const detail = await run(scope, before, body)
              await scope.audit({
                action,
                entity: 'treatment_session',
                entityId: sessionId,
                detail: { patientId: before.patient.id, ...(detail ?? {}) },
              })
            },
          )
          let view = await loadSessionView(scope.tx, clinicId, sessionId, scope.now)
          if (await recordReadyMomentIfMet(scope, view))
            view = await loadSessionView(scope.tx, clinicId, sessionId, scope.now)
          return { ...view, replayed: !didRun }
        },
      )
    },
  }
}
