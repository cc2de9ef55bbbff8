import {
  estimateKaplanMeier,
  findBenchmarks,
  type SurvivalObservation,
  wilsonInterval,
} from '../../../domain/outcomes'
import { runInClinic } from '../../clinic-scope'
import type { AppContext } from '../../context'
import type { Principal } from '../../principal'
import { type CohortFilter, loadCohort, loadRelapseFollowUp, loadSafety, loadUtilisation } from './queries'

const dayMs = 86_400_000
// Response: ≥ 50 % reduction from baseline; remission: PHQ-9 < 5 (clinical-reference §4).
const isResponse = (baseline: number, total: number) => total <= baseline / 2
const isRemission = (total: number) => total < 5

/**
 * The clinic's outcomes beside the literature (issue 8): response and remission at 24 hours,
 * one week and course end with 95 % intervals, time to relapse (Kaplan–Meier), side effects per
 * 100 sessions, blood-pressure excursions, no-response flags and chair use.
 */
/** Chair hours a period offers: 8 hours a working day (5 in 7) per active chair. */
export function chairCapacityHours(chairs: number, from: Date, to: Date): number {
  const workingDays = Math.max(1, Math.round(((to.getTime() - from.getTime()) / dayMs) * (5 / 7)))
  return chairs * 8 * workingDays
}

export function getDashboard(ctx: AppContext, principal: Principal, filter: CohortFilter) {
  return runInClinic(
    ctx,
    principal,
    {
      clinicId: filter.clinicId,
      permission: 'reports:read',
      action: 'outcomes.dashboard',
      entity: 'patient',
    },
    async (scope) => {
      const cohort = await loadCohort(scope.tx, filter)
      const at = (key: 'h24' | 'w1' | 'course_end') => {
        const measured = cohort.filter((r) => r[key] !== null)
        return {
          response: wilsonInterval(
            measured.filter((r) => isResponse(Number(r.baseline), Number(r[key]))).length,
            measured.length,
          ),
          remission: wilsonInterval(
            measured.filter((r) => isRemission(Number(r[key]))).length,
            measured.length,
          ),
        }
      }
      const outcomes = { '24h': at('h24'), '1w': at('w1'), 'course-end': at('course_end') }

      // Time to relapse among course-end responders: the first follow-up no longer meeting response.
      const responders = cohort.filter(
        (r) => r.course_end !== null && isResponse(Number(r.baseline), Number(r.course_end)),
      )
      const followUps = await loadRelapseFollowUp(
        scope.tx,
        filter.clinicId,
        responders.map((r) => ({
          patientId: r.patient_id,
          lastEnd: r.last_end,
          baseline: Number(r.baseline),
        })),
      )
      const byPatient = new Map<string, { at: Date; total: number }[]>()
      for (const f of followUps) {
        const list = byPatient.get(f.patient_id) ?? []
        list.push({ at: f.administered_at, total: Number(f.total) })
        byPatient.set(f.patient_id, list)
      }
      const observations: SurvivalObservation[] = []
      for (const r of responders) {
        const after = (byPatient.get(r.patient_id) ?? []).filter(
          (x) => x.at.getTime() > r.last_end.getTime() + 7 * dayMs,
        )
        if (after.length === 0) continue
        const relapse = after.find((x) => !isResponse(Number(r.baseline), x.total))
        const end = relapse ?? after[after.length - 1]!
        observations.push({
          timeDays: (end.at.getTime() - r.last_end.getTime()) / dayMs,
          isEvent: relapse !== undefined,
        })
      }
      const km = observations.length ? estimateKaplanMeier(observations) : null

      const filtered = Boolean(filter.route || filter.from || filter.to || filter.ageBand || filter.severity)
      const safety = await loadSafety(
        scope.tx,
        filter.clinicId,
        filtered ? cohort.map((r) => r.patient_id) : null,
      )
      const sessions = Number(safety.bp.sessions)
      const to = filter.to ?? scope.now
      const from = filter.from ?? new Date(to.getTime() - 30 * dayMs)
      const use = await loadUtilisation(scope.tx, filter.clinicId, from, to)
      const capacityHours = chairCapacityHours(Number(use.chairs), from, to)

      const checkedAfterThree = cohort.filter((r) => r.sessions >= 3 && r.w1 !== null)
      await scope.audit({
        action: 'outcomes.dashboard',
        entity: 'patient',
        detail: { patients: cohort.length },
      })
      return {
        cohort: {
          patients: cohort.length,
          sessions,
          filter: {
            route: filter.route ?? null,
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
        noResponseAfterThree: wilsonInterval(
          checkedAfterThree.filter((r) => !isResponse(Number(r.baseline), Number(r.w1))).length,
          checkedAfterThree.length,
        ),
        chairUtilisation: {
          from,
          to,
          bookedHours: Number(use.booked_hours ?? 0),
          capacityHours,
          rate: capacityHours ? Number(use.booked_hours ?? 0) / capacityHours : null,
        },
        benchmarks: findBenchmarks({
          treatment: filter.route === 'intranasal' ? 'esketamine' : 'iv-ketamine',
        }),
      }
    },
  )
}
