import type { z } from 'zod'
import type { AppContext } from '../../../context'
import type { Principal } from '../../../principal'
import { alertAck } from './alert-ack'
import { alertResolve } from './alert-resolve'
import { cautionsAck } from './cautions-ack'
import type { ChairSideAction } from './define'
import { device } from './device'
import { discharge } from './discharge'
import { dissociationCheck } from './dissociation-check'
import { dose } from './dose'
import { doseCheck } from './dose-check'
import { doseDraw } from './dose-draw'
import { enteredInError } from './entered-in-error'
import { escort } from './escort'
import { infusion } from './infusion'
import { preCheckOverride } from './pre-check-override'
import { preChecks } from './pre-checks'
import { readyMoment } from './ready-moment'
import { remsSubmitted } from './rems-submitted'
import { score } from './score'
import { sideEffect } from './side-effect'
import { sideEffectResolve } from './side-effect-resolve'
import { supervision } from './supervision'
import { transition } from './transition'
import { vitals } from './vitals'

export type { ChairSideAction } from './define'

/** Every chair-side write, in the order of the API documentation; routes are generated from it. */
export const chairSideActions = [
  transition,
  preChecks,
  preCheckOverride,
  supervision,
  cautionsAck,
  dose,
  doseCheck,
  doseDraw,
  infusion,
  device,
  vitals,
  score,
  sideEffect,
  sideEffectResolve,
  alertAck,
  alertResolve,
  escort,
  dissociationCheck,
  readyMoment,
  discharge,
  enteredInError,
  remsSubmitted,
] satisfies ChairSideAction[] as readonly ChairSideAction[]

/**
 * An action called in process (the demo seed, the CLI): the body is validated by the action's
 * schema as a request's would be.
 */
function inProcess<B extends z.ZodType, R>(action: ChairSideAction<B, R>) {
  return (
    ctx: AppContext,
    principal: Principal,
    clinicId: string,
    sessionId: string,
    body?: z.input<B>,
    idempotencyKey?: string,
  ) => action.execute(ctx, principal, clinicId, sessionId, action.body.parse(body), idempotencyKey)
}

export const transitionSession = inProcess(transition)
export const submitPreChecks = inProcess(preChecks)
export const declareSupervision = inProcess(supervision)
export const setDose = inProcess(dose)
export const checkDose = inProcess(doseCheck)
export const recordInfusion = inProcess(infusion)
export const recordDevice = inProcess(device)
export const recordSessionVitals = inProcess(vitals)
export const recordSessionResponse = inProcess(score)
export const recordSideEffect = inProcess(sideEffect)
export const acknowledgeSessionAlert = inProcess(alertAck)
export const setEscort = inProcess(escort)
export const recordDissociationCheck = inProcess(dissociationCheck)
export const signDischarge = inProcess(discharge)
