import type { Selectable } from 'kysely'
import type { AntidepressantTrialTable, ScreeningTable } from '../../../db'
import {
  type AntidepressantTrial,
  assessTrd,
  CONTRAINDICATION_QUESTIONS,
  type EpisodeSeverity,
  screenContraindications,
  type TrdAssessment,
} from '../../../domain/eligibility'
import type { ClinicScope } from '../../clinic-scope'
import { clinicService } from '../../clinic-scope'
import { loadClinicSettings } from '../../clinic-settings'
import type { Tx } from '../../context'
import { errorInfo } from '../../corrections'
import { AppError } from '../../errors'
import { insertClinicRow } from '../clinics/clinic-rows'
import { patientRecordReader, recordCorrection } from '../patients/record'
import { requirePatient } from '../patients/store'

export interface TrialInput extends AntidepressantTrial {
  maxDailyDoseMg?: number | null | undefined
  startedOn?: string | null | undefined
  note?: string | null | undefined
}

export interface ScreeningInput {
  contraindicationAnswers: Record<string, boolean | null>
  episodeDurationMonths: number | null
  severity: EpisodeSeverity | null
  ect: { used: boolean; bilateral: boolean; failed: boolean }
  version?: number | undefined
}

function toTrialDto(row: Selectable<AntidepressantTrialTable>) {
  return {
    id: row.id,
    drug: row.drug,
    drugClass: row.drug_class,
    maxDailyDoseMg: row.max_daily_dose_mg === null ? null : Number(row.max_daily_dose_mg),
    doseAdequate: row.dose_adequate,
    weeks: Number(row.weeks),
    adherence: row.adherence,
    outcome: row.outcome,
    augmentation: row.augmentation,
    isCurrentEpisode: row.is_current_episode,
    startedOn: row.started_on,
    note: row.note,
    createdAt: row.created_at,
    enteredInError: errorInfo(row),
  }
}

function toScreeningDto(row: Selectable<ScreeningTable> | undefined) {
  return {
    contraindicationAnswers: row?.contraindication_answers ?? {},
    episodeDurationMonths: row?.episode_duration_months ?? null,
    severity: row?.severity ?? null,
    ect: {
      used: row?.ect_used ?? false,
      bilateral: row?.ect_bilateral ?? false,
      failed: row?.ect_failed ?? false,
    },
    updatedAt: row?.updated_at ?? null,
    version: row?.version ?? 0,
  }
}

/** Everything the history screen and the eligibility review need, with the live domain results. */
export async function loadHistory(tx: Tx, clinicId: string, patientId: string) {
  const [trialRows, screening, settings] = await Promise.all([
    tx
      .selectFrom('antidepressant_trial')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      .orderBy('created_at')
      .execute(),
    tx
      .selectFrom('screening')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', patientId)
      .executeTakeFirst(),
    loadClinicSettings(tx, clinicId),
  ])
  const activeTrials = trialRows.filter((t) => !t.entered_in_error_at)
  const s = toScreeningDto(screening)
  let trd: TrdAssessment | null = null
  const trdMissing: string[] = []
  if (s.episodeDurationMonths === null) trdMissing.push('duration of the current episode')
  if (s.severity === null) trdMissing.push('severity of the current episode')
  if (trdMissing.length === 0) {
    trd = assessTrd(
      {
        trials: activeTrials.map((t) => {
          const d = toTrialDto(t)
          return {
            drug: d.drug,
            drugClass: d.drugClass,
            doseAdequate: d.doseAdequate,
            weeks: d.weeks,
            adherence: d.adherence,
            outcome: d.outcome,
            augmentation: d.augmentation,
            isCurrentEpisode: d.isCurrentEpisode,
          }
        }),
        ect: s.ect,
        episodeDurationMonths: s.episodeDurationMonths!,
        severity: s.severity!,
      },
      settings.trd,
    )
  }
  const unanswered = CONTRAINDICATION_QUESTIONS.filter(
    (q) => typeof s.contraindicationAnswers[q.id] !== 'boolean',
  ).map((q) => q.id)
  const contraindications =
    unanswered.length === 0 ? screenContraindications(s.contraindicationAnswers) : null
  return {
    trials: trialRows.map(toTrialDto),
    screening: s,
    trd,
    trdMissing,
    trdSettings: settings.trd,
    contraindications,
    unansweredContraindications: unanswered,
  }
}

export const getHistory = patientRecordReader(
  { action: 'history.read', entity: 'antidepressant_trial', isPatientChecked: true },
  loadHistory,
)

export const addTrial = clinicService(
  { permission: 'clinical:write', action: 'trials.add', entity: 'antidepressant_trial' },
  async (scope, patientId: string, input: TrialInput) => {
    await requirePatient(scope.tx, scope.clinicId, patientId)
    const id = await insertClinicRow(scope, 'antidepressant_trial', {
      patient_id: patientId,
      drug: input.drug.trim(),
      drug_class: input.drugClass,
      max_daily_dose_mg: input.maxDailyDoseMg == null ? null : String(input.maxDailyDoseMg),
      dose_adequate: input.doseAdequate,
      weeks: String(input.weeks),
      adherence: input.adherence,
      outcome: input.outcome,
      augmentation: input.augmentation,
      is_current_episode: input.isCurrentEpisode,
      started_on: input.startedOn ?? null,
      note: input.note ?? null,
      recorded_by: scope.principal.userId,
      created_at: scope.now,
    })
    await scope.audit({
      action: 'trials.add',
      entity: 'antidepressant_trial',
      entityId: id,
      detail: { patientId, drug: input.drug },
    })
    return loadHistory(scope.tx, scope.clinicId, patientId)
  },
)

export const markTrialInError = recordCorrection('antidepressant_trial', loadHistory)

export const saveScreening = clinicService(
  { permission: 'clinical:write', action: 'screening.save', entity: 'screening' },
  async (scope, patientId: string, input: ScreeningInput) => {
    await requirePatient(scope.tx, scope.clinicId, patientId)
    // Unknown question ids are refused before anything is written.
    const known = new Set(CONTRAINDICATION_QUESTIONS.map((q) => q.id))
    const unknown = Object.keys(input.contraindicationAnswers).filter((k) => !known.has(k))
    if (unknown.length > 0) {
      throw new AppError('validation-failed', 'Unknown contraindication questions.', {
        fieldErrors: unknown.map((k) => ({
          field: `contraindicationAnswers.${k}`,
          message: 'is not a contraindication question',
        })),
      })
    }
    if (!input.ect.used && (input.ect.bilateral || input.ect.failed)) {
      throw new AppError('validation-failed', 'ECT details need "ECT used".', {
        fieldErrors: [{ field: 'ect.used', message: 'must be yes when ECT is bilateral or failed' }],
      })
    }
    await upsertScreening(scope, patientId, input)
    await scope.audit({
      action: 'screening.save',
      entity: 'screening',
      entityId: patientId,
      detail: { patientId },
    })
    return loadHistory(scope.tx, scope.clinicId, patientId)
  },
)

async function upsertScreening(scope: ClinicScope, patientId: string, input: ScreeningInput): Promise<void> {
  const values = {
    contraindication_answers: JSON.stringify(input.contraindicationAnswers),
    episode_duration_months: input.episodeDurationMonths,
    severity: input.severity,
    ect_used: input.ect.used,
    ect_bilateral: input.ect.bilateral,
    ect_failed: input.ect.failed,
    updated_by: scope.principal.userId,
    updated_at: scope.now,
  }
  const current = await scope.tx
    .selectFrom('screening')
    .select(['id', 'version'])
    .where('clinic_id', '=', scope.clinicId)
    .where('patient_id', '=', patientId)
    .executeTakeFirst()
  const staleError = new AppError(
    'stale-version',
    'Someone else saved this screening since you opened it. Reload to see their answers, then make your changes again.',
  )
  if (!current) {
    if (input.version !== undefined && input.version !== 0) throw staleError
    await insertClinicRow(scope, 'screening', { patient_id: patientId, ...values })
    return
  }
  if (input.version !== undefined && input.version !== current.version) throw staleError
  await scope.tx
    .updateTable('screening')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .execute()
}
