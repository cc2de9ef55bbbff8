import type { OutcomeFlag } from '../../../contract/outcomes'
import { hasPermission } from '../../../domain/access/permissions'
import { builtInProtocols } from '../../../domain/dosing'
import {
  estimateKaplanMeier,
  findBenchmarks,
  type SurvivalObservation,
  wilsonInterval,
} from '../../../domain/outcomes'
import type { VitalsSettings } from '../../../domain/session'
import { runInClinic } from '../../clinic-scope'
import { loadClinicSettings } from '../../clinic-settings'
import type { AppContext, Tx } from '../../context'
import { AppError } from '../../errors'
import type { Principal } from '../../principal'
import {
  type CohortCounts,
  type CohortFilter,
  loadCohortCounts,
  loadFlaggedPatients,
  loadRelapseObservations,
  loadRouteCounts,
  loadSafety,
  loadUtilisation,
  type OutcomeThresholds,
  refreshOutcomeSummaries,
} from './queries'

const dayMs = 86_400_000
/**
 * Response: ≥ 50 % reduction from baseline; remission: PHQ-9 < 5 (clinical-reference §4). An
 * excursion: a peak above the clinic's chair-side alert threshold (§2 ⚠️, a vitals setting), so a
 * change of that setting marks the clinic's summaries stale (features/settings).
 */
export function outcomeThresholds(vitals: VitalsSettings): OutcomeThresholds {
  return {
    responseFraction: 0.5,
    remissionBelow: 5,
    bpExcursionAbove: {
      systolicMmHg: vitals.sustainedBpAbove.systolicMmHg,
      diastolicMmHg: vitals.sustainedBpAbove.diastolicMmHg,
    },
  }
}

export async function loadOutcomeThresholds(tx: Tx, clinicId: string): Promise<OutcomeThresholds> {
  return outcomeThresholds((await loadClinicSettings(tx, clinicId)).vitals)
}

/** Chair hours a period offers: 8 hours a working day (5 in 7) per active chair. */
export function chairCapacityHours(chairs: number, from: Date, to: Date): number {
  const workingDays = Math.max(1, Math.round(((to.getTime() - from.getTime()) / dayMs) * (5 / 7)))
  return chairs * 8 * workingDays
}

/** One clinic's share of a dashboard: counts and sums that add up across clinics. */
interface ClinicPart {
  clinicId: string
  counts: CohortCounts
  byRoute: { iv: number; intranasal: number }
  observations: SurvivalObservation[]
  effects: { term: string; grade: number; n: number }[]
  bp: { sessions: number; excursions: number; riseSum: number; riseCount: number }
  bookedHours: number
  chairs: number
}

async function measureClinic(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  filter: CohortFilter,
  period: { from: Date; to: Date },
): Promise<ClinicPart> {
  const request = {
    clinicId,
    permission: 'reports:read',
    action: 'outcomes.dashboard',
    entity: 'patient',
  } as const
  // Its own short transaction: a chair-side write that marks one of these patients again waits
  // only for the recomputation, not for the whole dashboard.
  const thresholds = await runInClinic(ctx, principal, request, async (scope) => {
    const clinicThresholds = await loadOutcomeThresholds(scope.tx, clinicId)
    await refreshOutcomeSummaries(scope.tx, clinicId, 'stale', clinicThresholds, scope.now)
    return clinicThresholds
  })
  const mine = { ...filter, clinicId }
  return runInClinic(ctx, principal, request, async (scope) => {
    const counts = await loadCohortCounts(scope.tx, mine, thresholds)
    const byRoute = await loadRouteCounts(scope.tx, mine)
    const observations = (await loadRelapseObservations(scope.tx, mine)).map((o) => ({
      timeDays: Number(o.days),
      isEvent: o.relapsed,
    }))
    const isFiltered = Boolean(
      filter.route || filter.protocol || filter.from || filter.to || filter.ageBand || filter.severity,
    )
    const safety = await loadSafety(scope.tx, mine, isFiltered)
    const use = await loadUtilisation(scope.tx, clinicId, period.from, period.to)
    await scope.audit({
      action: 'outcomes.dashboard',
      entity: 'patient',
      detail: { patients: counts.patients },
    })
    return {
      clinicId,
      counts,
      byRoute,
      observations,
      effects: safety.effects.map((e) => ({ term: e.term, grade: e.grade, n: Number(e.n) })),
      bp: {
        sessions: Number(safety.bp.sessions ?? 0),
        excursions: Number(safety.bp.excursions ?? 0),
        riseSum: Number(safety.bp.rise_sum ?? 0),
        riseCount: Number(safety.bp.rise_count ?? 0),
      },
      bookedHours: Number(use.booked_hours ?? 0),
      chairs: Number(use.chairs),
    }
  })
}

const sum = <T>(items: T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0)

/**
 * The clinic's outcomes beside the literature (issue 8): response and remission at 24 hours,
 * one week and course end with 95 % intervals, time to relapse (Kaplan–Meier), side effects per
 * 100 sessions, blood-pressure excursions, no-response flags and chair use. With `allClinics`,
 * the same over every clinic where the user may read reports, each clinic read under its own
 * row-level security and audited there, then added up.
 *
 * Reads the per-patient outcome summary; patients whose records changed since it was computed
 * are recomputed first (see refreshOutcomeSummaries).
 */
export async function getDashboard(
  ctx: AppContext,
  principal: Principal,
  filter: CohortFilter & { allClinics?: boolean | undefined },
) {
  const to = filter.to ?? ctx.now()
  const from = filter.from ?? new Date(to.getTime() - 30 * dayMs)
  const others = filter.allClinics
    ? principal.memberships
        .filter((m) => m.clinicId !== filter.clinicId && hasPermission(m.role, 'reports:read'))
        .map((m) => m.clinicId)
    : []
  const parts: ClinicPart[] = []
  // The named clinic first: it is the one whose refusal (403) the caller should see.
  for (const clinicId of [filter.clinicId, ...others]) {
    parts.push(await measureClinic(ctx, principal, clinicId, filter, { from, to }))
  }

  const measured = (key: 'h24' | 'w1' | 'course_end') => {
    const n = sum(parts, (p) => p.counts.measured[key].n)
    return {
      response: wilsonInterval(
        sum(parts, (p) => p.counts.measured[key].responded),
        n,
      ),
      remission: wilsonInterval(
        sum(parts, (p) => p.counts.measured[key].remitted),
        n,
      ),
    }
  }
  const observations = parts.flatMap((p) => p.observations)
  const km = observations.length ? estimateKaplanMeier(observations) : null
  const sessions = sum(parts, (p) => p.bp.sessions)
  const effects = new Map<string, { term: string; grade: number; count: number }>()
  for (const e of parts.flatMap((p) => p.effects)) {
    const key = `${e.term}\u0000${e.grade}`
    const entry = effects.get(key) ?? { term: e.term, grade: e.grade, count: 0 }
    entry.count += e.n
    effects.set(key, entry)
  }
  const riseCount = sum(parts, (p) => p.bp.riseCount)
  const bookedHours = sum(parts, (p) => p.bookedHours)
  const capacityHours = chairCapacityHours(
    sum(parts, (p) => p.chairs),
    from,
    to,
  )
  const clinicNames = new Map(principal.memberships.map((m) => [m.clinicId, m.clinicName]))
  const treatment = comparedTreatment(filter)
  return {
    cohort: {
      patients: sum(parts, (p) => p.counts.patients),
      /** Patients by the treatment of their first dose: "all treatments" mixes the two. */
      byRoute: { iv: sum(parts, (p) => p.byRoute.iv), intranasal: sum(parts, (p) => p.byRoute.intranasal) },
      sessions,
      clinics: parts.map((p) => ({
        id: p.clinicId,
        name: clinicNames.get(p.clinicId) ?? p.clinicId,
        patients: p.counts.patients,
      })),
      filter: {
        allClinics: filter.allClinics ?? false,
        route: filter.route ?? null,
        protocol: filter.protocol ?? null,
        ageBand: filter.ageBand ?? null,
        severity: filter.severity ?? null,
        from: filter.from ?? null,
        to: filter.to ?? null,
      },
    },
    outcomes: { '24h': measured('h24'), '1w': measured('w1'), 'course-end': measured('course_end') },
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
    adverseEvents: [...effects.values()]
      .sort((a, b) => a.term.localeCompare(b.term) || a.grade - b.grade)
      .map((e) => ({
        ...e,
        per100Sessions: sessions ? Math.round((e.count / sessions) * 1000) / 10 : null,
      })),
    bloodPressure: {
      sessions,
      excursions: wilsonInterval(
        sum(parts, (p) => p.bp.excursions),
        sessions,
      ),
      meanSystolicRiseMmHg: riseCount
        ? Math.round((sum(parts, (p) => p.bp.riseSum) / riseCount) * 10) / 10
        : null,
    },
    noResponseAfterThree: wilsonInterval(
      sum(parts, (p) => p.counts.noResponseAfterThree),
      sum(parts, (p) => p.counts.checkedAfterThree),
    ),
    chairUtilisation: {
      from,
      to,
      bookedHours,
      capacityHours,
      rate: capacityHours ? bookedHours / capacityHours : null,
    },
    /**
     * Published figures only like with like (issue 14): IV ketamine figures beside an IV cohort,
     * esketamine figures beside an esketamine cohort, none beside all treatments mixed.
     */
    comparison: { treatment },
    benchmarks: treatment ? findBenchmarks({ treatment }) : [],
  }
}

/** The treatment the cohort is narrowed to (by route or by the protocol's route), or null for all. */
function comparedTreatment(filter: CohortFilter): 'iv-ketamine' | 'esketamine' | null {
  const route = filter.route ?? builtInProtocols.find((p) => p.id === filter.protocol)?.route
  if (route === 'intranasal') return 'esketamine'
  if (route === 'iv') return 'iv-ketamine'
  return null
}

/**
 * The patients behind one flagged count of this clinic's dashboard (responders, remissions, no
 * response after three sessions, relapses, blood-pressure excursions), with the dashboard's
 * filter. Names a patient's clinical outcome, so it needs chart access on top of reports, and
 * is audited with the patients listed.
 */
export function listFlaggedPatients(
  ctx: AppContext,
  principal: Principal,
  filter: CohortFilter & { flag: OutcomeFlag },
) {
  const { flag, ...cohort } = filter
  return runInClinic(
    ctx,
    principal,
    {
      clinicId: cohort.clinicId,
      permission: 'clinical:read',
      action: 'outcomes.patients',
      entity: 'patient',
    },
    async (scope) => {
      // Both: the dashboard's own permission, and chart access for the names (admin has only the first).
      if (!hasPermission(scope.membership.role, 'reports:read'))
        throw new AppError('forbidden', 'Your role does not include the outcome reports.')
      const thresholds = await loadOutcomeThresholds(scope.tx, cohort.clinicId)
      await refreshOutcomeSummaries(scope.tx, cohort.clinicId, 'stale', thresholds, scope.now)
      const isFiltered = Boolean(
        cohort.route || cohort.protocol || cohort.from || cohort.to || cohort.ageBand || cohort.severity,
      )
      const rows = await loadFlaggedPatients(scope.tx, cohort, thresholds, flag, isFiltered)
      await scope.audit({
        action: 'outcomes.patients',
        entity: 'patient',
        detail: { flag, count: rows.length, patientIds: rows.map((r) => r.patient_id) },
      })
      return {
        flag,
        patients: rows.map((r) => ({
          id: r.patient_id,
          name: `${r.given_name} ${r.family_name}`,
          mrn: r.mrn,
          route: r.route,
          firstDose: r.first_dose,
        })),
      }
    },
  )
}
