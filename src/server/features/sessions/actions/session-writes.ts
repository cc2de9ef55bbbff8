import type { ClinicScope } from '../../../clinic-scope'
import { AppError } from '../../../errors'
import { uuidv7 } from '../../../ids'
import * as store from '../store'
import type { SessionView } from '../view'

// The writes every chair-side action is made of: a session event, and the session row under its
// version (optimistic concurrency).

export async function addEvent(
  scope: ClinicScope,
  sessionId: string,
  kind: string,
  payload: Record<string, unknown>,
  at?: Date,
): Promise<string> {
  const id = uuidv7(scope.now.getTime())
  await store.insertEvent(scope.tx, {
    id,
    clinicId: scope.clinicId,
    sessionId,
    kind,
    at: at ?? scope.now,
    payload,
    recordedBy: scope.principal.userId,
    now: scope.now,
  })
  return id
}

export function staleError(): AppError {
  return new AppError(
    'stale-version',
    'Someone else changed this session a moment ago. The screen has been refreshed; check it and try again.',
  )
}

export async function saveSession(
  scope: ClinicScope,
  view: SessionView,
  changes: Parameters<typeof store.updateSession>[4],
): Promise<void> {
  if (
    !(await store.updateSession(
      scope.tx,
      scope.clinicId,
      view.session.id,
      view.session.version,
      changes,
      scope.now,
    ))
  )
    throw staleError()
}
