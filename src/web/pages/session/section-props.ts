import type { ChartingQueue } from '../../api/charting-queue-store'
import type { SessionView } from '../../api/sessions'

/** What every section of the chair-side page gets: the record, and what the user may do. */
export interface SectionProps {
  view: SessionView
  clinicId: string
  sessionId: string
  timeZone: string | undefined
  /** clinical:write — chart vitals, scores, side effects, pump marks. */
  canWrite: boolean
  /** clinical:sign — supervise, discharge. */
  canSign: boolean
  /** override:sign — override failing pre-checks. */
  canOverride: boolean
  /** ledger:write — draw the dose from a lot. */
  canDraw: boolean
  hasAuthenticator: boolean
  userId: string
  outbox: ChartingQueue
}

/** Builds the API path of a session write, for the outbox. */
export const writePath = (clinicId: string, sessionId: string, path: string) =>
  `/clinics/${encodeURIComponent(clinicId)}/sessions/${encodeURIComponent(sessionId)}${path}`
