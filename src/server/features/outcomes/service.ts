import { builtInProtocols } from '../../../domain/dosing'
import {
  estimateKaplanMeier,
  findBenchmarks,
  type SurvivalObservation,
  wilsonInterval,
} from '../../../domain/outcomes'
import { runInClinic } from '../../clinic-scope'
import type { AppContext } from '../../context'
import type { Principal } from '../../principal'
import {
  type CohortFilter,
  loadCohortCounts,
  loadRelapseObservations,
  loadSafety,
  loadUtilisation,
  type OutcomeThresholds,
  refreshOutcomeSummaries,
} from './queries'

const dayMs = 86_400_000
// Response: ≥ 50 % reduction from baseline; remission: PHQ-9 < 5 (clinical-reference §4).
export const thresholds: OutcomeThresholds = { responseFraction: 0.5, remissionBelow: 5 }

/** Chair hours a period offers: 8 hours a working day (5 in 7) per active chair. */
export function chairCapacityHours(chairs: number, from: Date, to: Date): number {
  const workingDays = Math.max(1, Math.round(((to.getTime() - from.getTime()) / dayMs) * (5 / 7)))
  return chairs * 8 * workingDays
}

/**
 * The clinic's outcomes beside the literature (issue 8): response and remission at 24 hours,
 * one week and course end with 95 % intervals, time to relapse (Kaplan–Meier), side effects per
 * 100 sessions, blood-pressure excursions, no-response flags and chair use.
 *
 * Reads the per-patient outcome summary; patients whose records changed since it was computed
 * are recomputed first (see refreshOutcomeSummaries).
 */
export async function getDashboard(ctx: AppContext, principal: Principal, filter: CohortFilter) {
  const request = {
    clinicId: filter.clinicId,
    permission: 'reports:read',
    action: 'outcomes.dashboard',
    entity: 'patient',
  } as const
  // Its own short transaction: a chair-side write that marks one of these patients again waits
  // only for the recomputation, not for the whole dashboard.
  await runInClinic(ctx, principal, request, (scope) =>
    refreshOutcomeSummaries(scope.tx, filter.clinicId, 'stale', thresholds, scope.now),
  )
  return runInClinic(ctx, principal, request, async (scope) => {
    const counts = await loadCohortCounts(scope.tx, filter, thresholds)
    const at = (key: 'h24' | 'w1' | 'course_end') => ({
      response: wilsonInterval(counts.measured[key].responded, counts.measured[key].n),
      remission: wilsonInterval(counts.measured[key].remitted, counts.measured[key].n),
    })
    const outcomes = { '24h': at('h24'), '1w': at('w1'), 'course-end': at('course_end') }

    const observations: SurvivalObservation[] = (await loadRelapseObservations(scope.tx, filter)).map(
      (o) => ({ timeDays: Number(o.days), isEvent: o.relapsed }),
    )
    const km = observations.length ? estimateKaplanMeier(observations) : null

    const filtered = Boolean(
      filter.route || filter.protocol || filter.from || filter.to || filter.ageBand || filter.severity,
    )
    const safety = await loadSafety(scope.tx, filter, filtered)
    const sessions = Number(safety.bp.sessions ?? 0)
    const to = filter.to ?? scope.now
    const from = filter.from ?? new Date(to.getTime() - 30 * dayMs)
    const use = await loadUtilisation(scope.tx, filter.clinicId, from, to)
    const capacityHours = chairCapacityHours(Number(use.chairs), from, to)

    await scope.audit({
      action: 'outcomes.dashboard',
      entity: 'patient',
      detail: { patients: counts.patients },
    })
    return {
      cohort: {
        patients: counts.patients,
        sessions,
        filter: {
          route: filter.route ?? null,
          protocol: filter.protocol ?? null,
          ageBand: filter.ageBand ?? null,
          severity: filter.severity ?? null,
          from: filter.from ?? null,
          to: filter.to ?? null,
        },
      },
      outcomes,
      relapse: km
        ? {
            responders: observations.length,
            events: observations.filter((o) => o.isEvent).length,
            medianDays: km.medianDays,
            medianLowerDays: km.medianLowerDays,
            medianUpperDays: km.medianUpperDays,
            steps: km.steps,
          }
        : null,
      adverseEvents: safety.effects.map((e) => ({
        term: e.term,
        grade: e.grade,
        count: Number(e.n),
        per100Sessions: sessions ? Math.round((Number(e.n) / sessions) * 1000) / 10 : null,
      })),
      bloodPressure: {
        sessions,
        excursions: wilsonInterval(Number(safety.bp.excursions), sessions),
        meanSystolicRiseMmHg:
          safety.bp.mean_rise === null ? null : Math.round(Number(safety.bp.mean_rise) * 10) / 10,
      },
      noResponseAfterThree: wilsonInterval(counts.noResponseAfterThree, counts.checkedAfterThree),
      chairUtilisation: {
        from,
        to,
        bookedHours: Number(use.booked_hours ?? 0),
        capacityHours,
        rate: capacityHours ? Number(use.booked_hours ?? 0) / capacityHours : null,
      },
      benchmarks: findBenchmarks({
        treatment:
          (filter.route ?? builtInProtocols.find((p) => p.id === filter.protocol)?.route) === 'intranasal'
            ? 'esketamine'
            : 'iv-ketamine',
      }),
    }
  })
}
