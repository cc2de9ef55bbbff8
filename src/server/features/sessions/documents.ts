import {
  alertAckActionLabels,
  type ChartMedicationFact,
  type ConcomitantClass,
  concomitantAnswers,
  concomitantClasses,
} from '../../../domain/session'
import { minutesBetween } from '../../../domain/time'
import { readInClinic, runInClinic } from '../../clinic-scope'
import { loadClinicSettings } from '../../clinic-settings'
import type { AppContext, Tx } from '../../context'
import { AppError } from '../../errors'
import { type PdfDoc, renderPdf } from '../../pdf'
import type { Principal } from '../../principal'
import {
  type DischargeClinic,
  dischargeFooter,
  dischargePoints,
  dischargeTitle,
} from './discharge-instructions-text'
import { dissociationCheckKind, loadSessionView, type SessionView } from './view'

async function clinicOf(tx: Tx, clinicId: string) {
  return tx
    .selectFrom('clinic')
    .select(['name', 'time_zone', 'phone'])
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow()
}

const fmt = (d: Date | null | undefined, tz: string) =>
  d ? d.toLocaleString('en-US', { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' }) : '—'

function heading(doc: PdfDoc, text: string) {
  doc.moveDown(0.6).fontSize(12).fillColor('#000').text(text, { underline: true }).moveDown(0.2).fontSize(9.5)
}

/** What the REMS form needs besides the session view: lot numbers and the chart's medicines. */
export interface RemsChartFacts {
  lotNumbers: ReadonlyMap<string, string>
  medicationFacts: ChartMedicationFact[]
  spo2BelowPercent: number
}

/** Lot numbers of the session's devices, and medicines the intake history shows (§3 form). */
export async function loadRemsChartFacts(
  tx: Tx,
  clinicId: string,
  view: SessionView,
): Promise<RemsChartFacts> {
  const settings = await loadClinicSettings(tx, clinicId)
  const lotIds = [...new Set((view.devices?.given ?? []).map((g) => g.lotId).filter((x): x is string => !!x))]
  const [lots, trials] = await Promise.all([
    lotIds.length
      ? tx
          .selectFrom('cs_lot')
          .select(['id', 'lot_number'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', lotIds)
          .execute()
      : [],
    tx
      .selectFrom('antidepressant_trial')
      .select(['drug', 'drug_class', 'is_current_episode', 'started_on', 'weeks'])
      .where('clinic_id', '=', clinicId)
      .where('patient_id', '=', view.patient.id)
      .where('entered_in_error_at', 'is', null)
      .execute(),
  ])
  const sessionAt = view.devices?.given[0]?.at ?? view.session.scheduledAt
  // The intake keeps antidepressant trials, not a medication list: an MAOI trial whose recorded
  // course (start + weeks) reaches this session counts as current; any other MAOI trial in the
  // current episode is shown to the clinician as a hint to confirm.
  const medicationFacts: ChartMedicationFact[] = trials
    .filter((t) => t.drug_class === 'maoi' && t.is_current_episode)
    .map((t) => {
      const endMs = t.started_on ? Date.parse(t.started_on) + Number(t.weeks) * 7 * 86_400_000 : null
      const isCurrent = endMs !== null && endMs >= sessionAt.getTime()
      return {
        drugClass: 'maois' as const,
        isCurrent,
        source: `antidepressant history: ${t.drug} (MAOI)${t.started_on ? ` from ${t.started_on} for ${Number(t.weeks)} weeks` : ', current episode'}`,
      }
    })
  return {
    lotNumbers: new Map(lots.map((l) => [l.id, l.lot_number])),
    medicationFacts,
    spo2BelowPercent: settings.vitals.spo2BelowPercent,
  }
}

/**
 * The REMS Patient Monitoring Form (clinical-reference §3) as a record of what happened: the
 * devices actually given with their lots, the "ready without the 2-hour rule" moment recorded
 * during the session, first device to discharge. Nothing here depends on when it is opened.
 */
export function buildRemsForm(view: SessionView, clinicName: string, facts: RemsChartFacts) {
  const given = view.devices?.given ?? []
  const firstDevice = given[0]?.at ?? null
  const end = view.session.dischargedAt
  const live = view.vitals.filter((v) => !v.enteredInError)
  const withBp = live.filter((v) => v.systolicMmHg !== null)
  const postDose = live.filter(
    (v) => firstDevice && v.measuredAt >= firstDevice && (!end || v.measuredAt <= end),
  )
  // The ~40-minute recheck as nextVitalsDue counts it: the first BP from 5 minutes before the mark.
  const recheck = firstDevice
    ? withBp.find(
        (v) => v.measuredAt.getTime() >= firstDevice.getTime() + 35 * 60_000 && (!end || v.measuredAt <= end),
      )
    : undefined
  const pre = withBp.filter((v) => v.context === 'pre').at(-1) ?? null
  const beforeEnd = withBp.filter((v) => !end || v.measuredAt <= end).at(-1) ?? null
  const bp = (v: { systolicMmHg: number | null; diastolicMmHg: number | null } | null | undefined) =>
    v ? `${v.systolicMmHg}/${v.diastolicMmHg}` : null
  const effects = view.sideEffects.filter((s) => !s.enteredInError)
  const baselineMoaas = live.filter((v) => v.context === 'pre' && v.moaas !== null).at(-1)?.moaas ?? 5
  const moaas = postDose.filter((v) => v.moaas !== null).map((v) => v.moaas!)
  const spo2 = postDose.filter((v) => v.spo2Percent !== null).map((v) => v.spo2Percent!)
  const details = view.timeline.filter((e) => e.kind === 'rems-details' && !e.enteredInError).at(-1)
  const submission = details?.payload as
    | { enrolled?: boolean; concomitant?: Partial<Record<ConcomitantClass, boolean>> }
    | undefined
  const unresolvedCheck = view.timeline.some(
    (e) =>
      e.kind === dissociationCheckKind &&
      !e.enteredInError &&
      !(e.payload as { isResolved: boolean }).isResolved,
  )
  const ready = view.readyWithoutTimeRule
  return {
    patientName: view.patient.name,
    dateOfBirth: view.patient.dateOfBirth,
    sex: view.patient.sex,
    isFirstTreatment: view.session.sessionNumber === 1,
    isEnrolled: submission?.enrolled ?? null,
    concomitantMedicines: concomitantAnswers(
      facts.medicationFacts,
      submission?.concomitant ?? null,
      details?.recordedBy ?? null,
    ),
    monitoringClinician: view.session.supervisingPrescriber?.name ?? null,
    setting: clinicName,
    date: firstDevice,
    /** Dose administered: the devices actually given, 28 mg each (§3), not the planned dose. */
    doseMg: given.length * 28,
    plannedDoseMg: view.dose.plannedDoseMg,
    devices: given.map((g) => ({
      number: g.number,
      at: g.at,
      lotNumber: g.lotId ? (facts.lotNumbers.get(g.lotId) ?? null) : null,
    })),
    lotNumbers: [
      ...new Set(given.map((g) => (g.lotId ? facts.lotNumbers.get(g.lotId) : undefined)).filter((x) => !!x)),
    ] as string[],
    minutesFirstDeviceToEndOfMonitoring: firstDevice && end ? minutesBetween(firstDevice, end) : null,
    /** As recorded during the session (charting, or the nurse's entry); never computed here. */
    readyWithoutTwoHourRuleAt: ready?.at ?? null,
    minutesToReadyWithoutTwoHourRule: ready?.minutesFromFirstDevice ?? null,
    readyWithoutTwoHourRuleSource: ready
      ? ready.source === 'nurse'
        ? `entered by ${ready.recordedBy ?? 'the nurse'}`
        : 'recorded when the charting met every criterion but the 2-hour rule'
      : null,
    vitalsAcceptableBeforeDosing: view.preChecks.items.find((i) => i.id === 'vitals')?.status === 'pass',
    vitalsAcceptableAtEnd:
      view.discharge?.criteria.find((c) => c.id === 'vitals-near-baseline')?.isMet ?? null,
    bpBeforeDose: bp(pre),
    bpAt40Min: bp(recheck),
    bpBeforeEnd: bp(beforeEnd),
    sedation: moaas.some((m) => m < baselineMoaas) || effects.some((s) => s.term === 'sedation'),
    dissociation:
      unresolvedCheck ||
      effects.some((s) => s.term === 'dissociation') ||
      view.responses.some((r) => r.instrumentId === 'cadss' && r.total > 0),
    respiratoryDepression:
      spo2.some((x) => x < facts.spo2BelowPercent) ||
      effects.some((s) => s.term === 'respiratory depression'),
    adverseEvents: effects.map((s) => `${s.term} (grade ${s.grade})`),
    dueAt: view.session.remsDueAt,
    submittedAt: view.session.remsSubmittedAt,
  }
}

export function getRemsForm(ctx: AppContext, principal: Principal, clinicId: string, sessionId: string) {
  return readInClinic(
    ctx,
    principal,
    {
      clinicId,
      permission: 'clinical:read',
      action: 'sessions.rems-read',
      entity: 'treatment_session',
      entityId: sessionId,
    },
    async (scope) => {
      const view = await loadSessionView(scope.tx, clinicId, sessionId, scope.now)
      if (view.session.route !== 'intranasal')
        throw new AppError('conflict', 'The REMS monitoring form is for esketamine sessions.')
      const clinic = await clinicOf(scope.tx, clinicId)
      return buildRemsForm(view, clinic.name, await loadRemsChartFacts(scope.tx, clinicId, view))
    },
  )
}

type DocumentKind = 'record' | 'discharge-instructions' | 'rems'

export function sessionPdf(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  sessionId: string,
  kind: DocumentKind,
) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'clinical:read', action: `sessions.print-${kind}`, entity: 'treatment_session' },
    async (scope) => {
      const view = await loadSessionView(scope.tx, clinicId, sessionId, scope.now)
      const clinic = await clinicOf(scope.tx, clinicId)
      await scope.audit({
        action: `sessions.print-${kind}`,
        entity: 'treatment_session',
        entityId: sessionId,
      })
      const name = `${view.patient.mrn}-session-${view.session.sessionNumber}`
      if (kind === 'discharge-instructions')
        return {
          filename: `${name}-discharge.pdf`,
          pdf: await renderDischargeInstructions(view, clinic),
        }
      if (kind === 'rems') {
        if (view.session.route !== 'intranasal')
          throw new AppError('conflict', 'The REMS monitoring form is for esketamine sessions.')
        return {
          filename: `${name}-rems.pdf`,
          pdf: await renderRems(
            buildRemsForm(view, clinic.name, await loadRemsChartFacts(scope.tx, clinicId, view)),
            clinic.time_zone,
          ),
        }
      }
      return { filename: `${name}-record.pdf`, pdf: await renderRecord(view, clinic.name, clinic.time_zone) }
    },
  )
}

function renderRecord(v: SessionView, clinicName: string, tz: string): Promise<Buffer> {
  return renderPdf({ title: `Treatment session record — ${v.patient.name}` }, (doc) => {
    doc.fontSize(9).fillColor('#444').text(clinicName, { align: 'right' })
    doc.fontSize(16).fillColor('#000').text('Treatment session record')
    doc
      .fontSize(10)
      .text(`${v.patient.name} · MRN ${v.patient.mrn} · DOB ${v.patient.dateOfBirth} · ${v.patient.sex}`)
    doc.text(
      `Session ${v.session.sessionNumber} of ${v.session.plannedSessions} · ${v.plan.protocolName} · chair ${v.session.chair?.name ?? '—'} · state ${v.session.state}`,
    )
    if (v.session.state !== 'discharged')
      doc
        .fillColor('#b00')
        .text('This record is not signed: the session has not been discharged.')
        .fillColor('#000')
    heading(doc, 'Staff')
    doc.text(
      `Supervising prescriber: ${v.session.supervisingPrescriber?.name ?? '—'}   Nurse: ${v.session.primaryNurse?.name ?? '—'}   Dose checked by: ${v.dose.checkedBy ?? '—'} at ${fmt(v.dose.checkedAt, tz)}`,
    )
    heading(doc, 'Pre-checks')
    for (const i of v.preChecks.items)
      doc.text(`${i.status === 'pass' ? '✓' : i.status === 'fail' ? '✗' : '…'} ${i.label}: ${i.detail}`)
    if (v.preChecks.override)
      doc.text(
        `Override by ${v.preChecks.override.by} at ${fmt(v.preChecks.override.at, tz)}: ${v.preChecks.override.reason}`,
      )
    heading(doc, 'Dose')
    doc.text(
      `Weight ${v.dose.weightKg ?? '—'} kg (${v.dose.doseBasis ?? '—'} basis). Planned ${v.dose.plannedDoseMg ?? '—'} mg${v.dose.infusionMin ? ` over ${v.dose.infusionMin} min at ${v.dose.rateMgPerMin?.toFixed(3)} mg/min (${v.dose.rateMlPerHour} mL/h, ${v.dose.volumeMl} mL of ${v.dose.vialMgPerMl} mg/mL)` : ''}. Given: ${v.dose.doseGivenMg} mg.`,
    )
    for (const run of v.infusion?.runs ?? [])
      doc.text(`Infusion running ${fmt(new Date(run.startMs), tz)} – ${fmt(new Date(run.endMs), tz)}`)
    for (const d of v.devices?.given ?? []) doc.text(`Device ${d.number} at ${fmt(d.at, tz)}`)
    heading(doc, 'Vital signs')
    for (const x of v.vitals) {
      const line = `${fmt(x.measuredAt, tz)} [${x.context}] BP ${x.systolicMmHg ?? '—'}/${x.diastolicMmHg ?? '—'} HR ${x.heartRateBpm ?? '—'} SpO2 ${x.spo2Percent ?? '—'} RR ${x.respiratoryRate ?? '—'} MOAA/S ${x.moaas ?? '—'}`
      doc
        .fillColor(x.enteredInError ? '#999' : '#000')
        .text(x.enteredInError ? `${line} — ENTERED IN ERROR: ${x.enteredInError.reason}` : line)
    }
    doc.fillColor('#000')
    heading(doc, 'Alerts')
    if (v.alerts.length === 0) doc.text('None')
    for (const a of v.alerts)
      doc.text(
        `${fmt(new Date(a.atMs), tz)} ${a.severity}: ${a.message}${a.acknowledged ? ` — acknowledged by ${a.acknowledged.by}: ${a.acknowledged.actions.map((x) => alertAckActionLabels[x]).join(', ')}${a.acknowledged.note ? `; ${a.acknowledged.note}` : ''}` : ''}${a.resolved ? ` — resolved ${fmt(a.resolved.at, tz)}` : ''}`,
      )
    heading(doc, 'Side effects')
    if (v.sideEffects.length === 0) doc.text('None recorded')
    for (const s of v.sideEffects)
      doc.text(
        `${fmt(s.onsetAt, tz)} ${s.term}, grade ${s.grade}${s.actionTaken ? `; action: ${s.actionTaken}` : ''}${s.resolvedAt ? `; resolved ${fmt(s.resolvedAt, tz)}` : ''}${s.enteredInError ? ` — ENTERED IN ERROR: ${s.enteredInError.reason}` : ''}`,
      )
    heading(doc, 'Scores')
    for (const r of v.responses)
      doc.text(
        `${fmt(r.administeredAt, tz)} ${r.instrumentId} [${r.context}] total ${r.total}${r.band ? ` (${r.band.label})` : ''}${r.enteredInError ? ` — ENTERED IN ERROR: ${r.enteredInError.reason}` : ''}`,
      )
    heading(doc, 'Discharge')
    for (const c of v.discharge?.criteria ?? []) doc.text(`${c.isMet ? '✓' : '✗'} ${c.reason}`)
    doc.text(
      `Escort: ${v.session.escortName ?? '—'} (${v.session.isEscortPresent ? 'present' : 'not present'})`,
    )
    if (v.session.dischargedAt) {
      doc
        .moveDown(0.5)
        .fontSize(10)
        .text(`Discharged ${fmt(v.session.dischargedAt, tz)}, signed by ${v.session.dischargeSignerName}.`)
      doc.fontSize(8).fillColor('#555').text(`Signature hash (SHA-256): ${v.session.dischargeContentHash}`)
    }
  })
}

export function renderDischargeInstructions(v: SessionView, clinic: DischargeClinic): Promise<Buffer> {
  return renderPdf({ title: `${dischargeTitle} — ${v.patient.name}` }, (doc) => {
    doc.fontSize(9).fillColor('#444').text(clinic.name, { align: 'right' })
    doc.fontSize(18).fillColor('#000').text(dischargeTitle)
    doc.fontSize(11).text(`${v.patient.name} — visit ${v.session.sessionNumber}`)
    doc.moveDown()
    for (const p of dischargePoints(v.session.route, clinic))
      doc.fontSize(11).text(`•  ${p}`, { paragraphGap: 6 })
    doc.moveDown().fontSize(9).fillColor('#555').text(dischargeFooter)
  })
}

function renderRems(f: ReturnType<typeof buildRemsForm>, tz: string): Promise<Buffer> {
  return renderPdf({ title: `REMS patient monitoring form — ${f.patientName}` }, (doc) => {
    doc.fontSize(15).text('Esketamine REMS — Patient Monitoring Form (prepared from the chart)')
    doc
      .fontSize(9)
      .fillColor('#555')
      .text(
        'Transcribe into the REMS program within 7 days of the session. Check every field against the chart.',
      )
      .fillColor('#000')
      .moveDown()
    const yesNo = (b: boolean | null) => (b === null ? 'not recorded' : b ? 'Yes' : 'No')
    const medLabels: Record<ConcomitantClass, string> = {
      benzodiazepines: 'Benzodiazepines',
      nonBenzodiazepineHypnotics: 'Non-benzodiazepine hypnotics',
      psychostimulants: 'Psychostimulants',
      maois: 'MAOIs',
      opioids: 'Opioids',
    }
    const rows: [string, string][] = [
      ['Patient', `${f.patientName}, DOB ${f.dateOfBirth}, ${f.sex}`],
      ['First treatment', yesNo(f.isFirstTreatment)],
      ['Enrolled in the REMS', yesNo(f.isEnrolled)],
      ...concomitantClasses.map((c): [string, string] => {
        const a = f.concomitantMedicines[c]
        return [
          `Concomitant: ${medLabels[c]}`,
          `${a.value === null ? 'to complete' : yesNo(a.value)} (${a.source})`,
        ]
      }),
      ['Monitoring clinician / setting', `${f.monitoringClinician ?? '—'} / ${f.setting}`],
      ['Date', fmt(f.date, tz)],
      [
        'Dose administered',
        `${f.doseMg === 56 || f.doseMg === 84 ? `${f.doseMg} mg` : `other: ${f.doseMg} mg`} (${f.devices.length} device${f.devices.length === 1 ? '' : 's'} given${f.plannedDoseMg !== null && f.plannedDoseMg !== f.doseMg ? `; planned ${f.plannedDoseMg} mg` : ''})`,
      ],
      [
        'Lot number(s)',
        f.devices.map((d) => `device ${d.number}: ${d.lotNumber ?? 'not recorded'}`).join(', ') ||
          'no device given',
      ],
      [
        'Minutes from first device to end of monitoring',
        String(f.minutesFirstDeviceToEndOfMonitoring ?? '—'),
      ],
      [
        'Ready to leave without the 2-hour rule',
        f.readyWithoutTwoHourRuleAt
          ? `${f.minutesToReadyWithoutTwoHourRule} min after the first device (${fmt(f.readyWithoutTwoHourRuleAt, tz)}; ${f.readyWithoutTwoHourRuleSource})`
          : 'not recorded',
      ],
      [
        'Vitals acceptable before dosing / at end',
        `${yesNo(f.vitalsAcceptableBeforeDosing)} / ${yesNo(f.vitalsAcceptableAtEnd)}`,
      ],
      [
        'BP before dose / ~40 min / before end',
        `${f.bpBeforeDose ?? '—'} / ${f.bpAt40Min ?? '—'} / ${f.bpBeforeEnd ?? '—'}`,
      ],
      [
        'Sedation / dissociation / respiratory depression',
        `${yesNo(f.sedation)} / ${yesNo(f.dissociation)} / ${yesNo(f.respiratoryDepression)}`,
      ],
      ['Adverse events', f.adverseEvents.join(', ') || 'none recorded'],
      ['Due by', fmt(f.dueAt, tz)],
    ]
    for (const [k, v] of rows)
      doc.fontSize(10).text(`${k}: `, { continued: true }).font('Helvetica-Bold').text(v).font('Helvetica')
  })
}
