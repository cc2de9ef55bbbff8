import {
  dateShiftDays,
  deidentifyPatient,
  type ExportSecret,
  researchId,
  shiftInstant,
} from '../../../domain/research'
import { appendAudit } from '../../audit/append-audit'
import type { AppContext } from '../../context'
import { sha256Hex } from '../../sha256'

export type ExportRecordType = 'patient' | 'session' | 'score' | 'event'

export interface ExportSink {
  write: (
    type: ExportRecordType,
    record: Record<string, string | number | boolean | null>,
  ) => void | Promise<void>
}

export interface ExportProgress {
  patientsDone: number
  patientsTotal: number
}

const batchSize = 200

type ExportCounts = Record<ExportRecordType, number>

/**
 * Streams the de-identified research export of one clinic (or all) to a sink, a batch of patients
 * at a time (keyset pages), so memory stays flat however large the export. Only patients whose
 * current consent permits research use are included; free text is never exported.
 */
export async function exportDeidentified(
  ctx: AppContext,
  options: {
    clinicId?: string | undefined
    secret: ExportSecret
    sink: ExportSink
    onProgress?: (p: ExportProgress) => void
  },
) {
  const scoped = consentingPatients(ctx, options.clinicId)
  const total = Number(
    (await scoped.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
  )
  let after = '00000000-0000-0000-0000-000000000000'
  let done = 0
  const counts: ExportCounts = { patient: 0, session: 0, score: 0, event: 0 }
  for (;;) {
    const patients = await scoped
      .select(['p.id', 'p.sex', 'p.date_of_birth', 'p.created_at', 'p.clinic_id'])
      .where('p.id', '>', after)
      .orderBy('p.id')
      .limit(batchSize)
      .execute()
    if (patients.length === 0) break
    after = patients[patients.length - 1]!.id
    const records = await loadPatientRecords(
      ctx,
      patients.map((p) => p.id),
    )
    for (const p of patients) await writePatient(options.sink, options.secret, p, records, counts)
    done += patients.length
    options.onProgress?.({ patientsDone: done, patientsTotal: total })
  }
  // An export is a disclosure of (de-identified) patient data: each clinic's trail records it.
  const clinics = options.clinicId
    ? [options.clinicId]
    : (await ctx.db.selectFrom('clinic').select('id').execute()).map((c) => c.id)
  for (const clinicId of clinics) {
    await ctx.db.transaction().execute((tx) =>
      appendAudit(
        tx,
        {
          clinicId,
          actorUserId: null,
          actorEmail: 'ketacare export',
          action: 'research.export',
          entity: 'patient',
          outcome: 'success',
          detail: { ...counts },
        },
        ctx.now(),
      ),
    )
  }
  return counts
}

/** Patients whose current consent permits research use, of one clinic or all. */
function consentingPatients(ctx: AppContext, clinicId: string | undefined) {
  const consenting = ctx.db
    .selectFrom('patient as p')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('consent as c')
          .select('c.id')
          .whereRef('c.patient_id', '=', 'p.id')
          .where('c.research_use', '=', true)
          .where('c.withdrawn_at', 'is', null),
      ),
    )
  return clinicId ? consenting.where('p.clinic_id', '=', clinicId) : consenting
}

/** A batch's approved plans, sessions, valid scores and side effects, each in time order. */
async function loadPatientRecords(ctx: AppContext, ids: string[]) {
  const [plans, sessions, scores, effects] = await Promise.all([
    ctx.db
      .selectFrom('treatment_plan')
      .select(['patient_id', 'protocol_id', 'approved_at'])
      .where('patient_id', 'in', ids)
      .where('approved_at', 'is not', null)
      .orderBy('approved_at')
      .execute(),
    ctx.db
      .selectFrom('treatment_session')
      .select([
        'id',
        'patient_id',
        'session_number',
        'route',
        'state',
        'scheduled_at',
        'dose_started_at',
        'dose_ended_at',
        'discharged_at',
        'planned_dose_mg',
        'weight_kg',
      ])
      .where('patient_id', 'in', ids)
      .orderBy('scheduled_at')
      .execute(),
    ctx.db
      .selectFrom('instrument_response')
      .select(['patient_id', 'session_id', 'instrument_id', 'total', 'band', 'context', 'administered_at'])
      .where('patient_id', 'in', ids)
      .where('entered_in_error_at', 'is', null)
      .orderBy('administered_at')
      .execute(),
    ctx.db
      .selectFrom('side_effect')
      .select(['patient_id', 'session_id', 'term', 'grade', 'is_serious', 'onset_at', 'resolved_at'])
      .where('patient_id', 'in', ids)
      .where('entered_in_error_at', 'is', null)
      .orderBy('onset_at')
      .execute(),
  ])
  return { plans, sessions, scores, effects }
}

/** One patient and their sessions, scores and side effects, de-identified, to the sink. */
async function writePatient(
  sink: ExportSink,
  secret: ExportSecret,
  p: { id: string; sex: string; date_of_birth: string; created_at: Date },
  records: Awaited<ReturnType<typeof loadPatientRecords>>,
  counts: ExportCounts,
) {
  const sessionRef = (id: string | null) =>
    id ? `S-${sha256Hex(`${secret.salt}:session:${id}`).slice(0, 16)}` : null
  const shift = dateShiftDays(p.id, secret)
  const plan = records.plans.find((x) => x.patient_id === p.id)
  const firstSeenAt = plan?.approved_at ?? p.created_at
  const rid = researchId(p.id, secret)
  await sink.write('patient', {
    ...deidentifyPatient({ id: p.id, sex: p.sex, dateOfBirth: p.date_of_birth, firstSeenAt }, secret),
    protocol: plan?.protocol_id ?? null,
  })
  for (const s of records.sessions.filter((x) => x.patient_id === p.id)) {
    await sink.write('session', {
      researchId: rid,
      sessionRef: sessionRef(s.id),
      sessionNumber: s.session_number,
      route: s.route,
      state: s.state,
      scheduledAt: shiftInstant(s.scheduled_at, shift),
      doseStartedAt: s.dose_started_at ? shiftInstant(s.dose_started_at, shift) : null,
      doseEndedAt: s.dose_ended_at ? shiftInstant(s.dose_ended_at, shift) : null,
      dischargedAt: s.discharged_at ? shiftInstant(s.discharged_at, shift) : null,
      plannedDoseMg: s.planned_dose_mg === null ? null : Number(s.planned_dose_mg),
      doseMgPerKg:
        s.planned_dose_mg !== null && s.weight_kg
          ? Math.round((Number(s.planned_dose_mg) / Number(s.weight_kg)) * 1000) / 1000
          : null,
    })
    counts.session++
  }
  for (const r of records.scores.filter((x) => x.patient_id === p.id)) {
    await sink.write('score', {
      researchId: rid,
      sessionRef: sessionRef(r.session_id),
      instrument: r.instrument_id,
      total: Number(r.total),
      band: r.band,
      context: r.context,
      at: shiftInstant(r.administered_at, shift),
    })
    counts.score++
  }
  for (const e of records.effects.filter((x) => x.patient_id === p.id)) {
    await sink.write('event', {
      researchId: rid,
      sessionRef: sessionRef(e.session_id),
      kind: 'side-effect',
      term: e.term,
      grade: e.grade,
      isSerious: e.is_serious,
      onsetAt: shiftInstant(e.onset_at, shift),
      resolvedAt: e.resolved_at ? shiftInstant(e.resolved_at, shift) : null,
    })
    counts.event++
  }
  counts.patient++
}
