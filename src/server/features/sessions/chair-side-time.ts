import type { Tx } from '../../context'
import { AppError } from '../../errors'

// A time typed at the chair ("minutes ago") is a clinical fact: it cannot be before the patient
// arrived, a pump start or device cannot be before the pre-checks began, and nothing can be in
// the future beyond a tablet clock's small drift. A back-dated pump start once moved the whole
// record (dose, monitoring) to before the pre-checks; it is refused with the field and the reason.

/** How far a tablet's clock may run ahead of the server's. */
export const clockSkewMs = 60_000

export interface SessionMoments {
  /** When the session was checked in; null when the record has no check-in. */
  checkedInAt: Date | null
  /** When the pre-checks began. */
  preChecksAt: Date | null
}

interface StateEvent {
  kind: string
  at: Date | string
  payload: unknown
  enteredInError?: unknown
}

const toOf = (payload: unknown) => (payload as { to?: string } | null)?.to

/** The moments from the session's timeline (the view's `timeline`). */
export function momentsOf(timeline: readonly StateEvent[]): SessionMoments {
  const first = (to: string) => {
    const e = timeline.find((x) => x.kind === 'state' && !x.enteredInError && toOf(x.payload) === to)
    return e ? new Date(e.at) : null
  }
  return { checkedInAt: first('checked-in'), preChecksAt: first('pre-checks') }
}

/** The same moments read on their own, for the vitals hot path that does not build the view. */
export async function loadSessionMoments(
  tx: Tx,
  clinicId: string,
  sessionId: string,
): Promise<SessionMoments> {
  const rows = await tx
    .selectFrom('session_event')
    .select(['kind', 'at', 'payload'])
    .where('clinic_id', '=', clinicId)
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'state')
    .where('entered_in_error_at', 'is', null)
    .orderBy('at')
    .execute()
  return momentsOf(rows)
}

/**
 * Refuses a chair-side time in the future (beyond the skew) or before the session's floor: the
 * check-in for observations, the start of the pre-checks for the dose. A 400 naming `field`.
 */
export function checkChairSideTime(
  at: Date | undefined,
  now: Date,
  field: string,
  moments: SessionMoments,
  floor: 'check-in' | 'pre-checks',
): void {
  if (at === undefined) return
  if (at.getTime() > now.getTime() + clockSkewMs)
    throw new AppError('validation-failed', 'A charted time cannot be in the future.', {
      fieldErrors: [{ field, message: 'is in the future' }],
    })
  const floorAt = floor === 'pre-checks' ? (moments.preChecksAt ?? moments.checkedInAt) : moments.checkedInAt
  if (floorAt && at.getTime() < floorAt.getTime()) {
    const what = floor === 'pre-checks' && moments.preChecksAt ? 'the pre-checks began' : 'check-in'
    throw new AppError('validation-failed', `This time is before ${what}: check the minutes ago.`, {
      fieldErrors: [{ field, message: `is before ${what}` }],
      extra: { earliestAt: floorAt },
    })
  }
}
