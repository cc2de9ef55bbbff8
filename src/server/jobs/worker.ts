import { hostname } from 'node:os'
import { sql } from 'kysely'
import type { AppContext } from '../context'
import { runExportJobs } from '../fhir/export/run-export-jobs'
import { randomToken } from '../ids'
import { deliverDueMessages } from './outbox'
import { refreshStaleOutcomes } from './outcome-summaries'
import { enqueueSessionReminders } from './reminders'
import { enqueueSurveyReminders } from './survey-reminders'
import type { Transport } from './transport'

const analyzeEveryMs = 6 * 3_600_000
const firstPassDelayMs = 5_000

export interface Worker {
  /** One pass now (tests and the CLI call this; the timer calls it too). */
  tick: () => Promise<void>
  stop: () => void
}

/**
 * The background worker inside each server process (design.md §3 rule 7): every interval it
 * queues the day-before session reminders and questionnaire reminders, delivers due outbox
 * messages, and recomputes the outcome summary of patients whose records changed; beside the passes
 * it runs queued FHIR Bulk exports and removes expired ones. Passes never
 * overlap within a
 * process, and across processes the row claims keep each message to one sender.
 */
export function startWorker(
  ctx: AppContext,
  transport: Transport,
  options: { intervalMs: number; onError?: (error: unknown) => void },
): Worker {
  const workerId = `${hostname()}:${process.pid}:${randomToken(4)}`
  let running: Promise<void> | null = null
  let analyzedAtMs = 0
  let isExporting = false
  const tick = () => {
    // Bulk exports can take minutes: they run beside the passes (one at a time in a process), so
    // reminders and e-mails do not wait for them.
    if (!isExporting) {
      isExporting = true
      void runExportJobs(ctx, workerId)
        .catch((error) => options.onError?.(error))
        .finally(() => {
          isExporting = false
        })
    }
    running ??= (async () => {
      try {
        // PGlite has no autovacuum: without fresh statistics the planner picks quadratic plans
        // as tables grow. A PostgreSQL server's autovacuum does this itself.
        if (ctx.dbKind === 'pglite' && Date.now() - analyzedAtMs > analyzeEveryMs) {
          await sql`ANALYZE`.execute(ctx.db)
          analyzedAtMs = Date.now()
        }
        await enqueueSessionReminders(ctx)
        await enqueueSurveyReminders(ctx)
        await deliverDueMessages(ctx, transport, workerId)
        await refreshStaleOutcomes(ctx)
      } catch (error) {
        options.onError?.(error)
      } finally {
        running = null
      }
    })()
    return running
  }
  const timer = options.intervalMs > 0 ? setInterval(() => void tick(), options.intervalMs) : null
  timer?.unref()
  // A first pass soon after start, so reminders due at start-up do not wait a whole interval; not
  // at once, since on the embedded database its ANALYZE would hold the one connection while the
  // first requests (and the readiness probe) wait (issue 16).
  const first = timer ? setTimeout(() => void tick(), Math.min(options.intervalMs, firstPassDelayMs)) : null
  first?.unref()
  return {
    tick,
    stop: () => {
      if (first) clearTimeout(first)
      if (timer) clearInterval(timer)
    },
  }
}
