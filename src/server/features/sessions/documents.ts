import { runInClinic } from '../../clinic-scope'
import type { AppContext, Tx } from '../../context'
import { AppError } from '../../errors'
import { type PdfDoc, renderPdf } from '../../pdf'
import type { Principal } from '../../principal'
import { loadSessionView, type SessionView } from './view'

async function clinicOf(tx: Tx, clinicId: string) {
  return tx
    .selectFrom('clinic')
    .select(['name', 'time_zone'])
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow()
}

const fmt = (d: Date | null | undefined, tz: string) =>
  d ? d.toLocaleString('en-US', { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' }) : '—'

function heading(doc: PdfDoc, text: string) {
  doc.moveDown(0.6).fontSize(12).fillColor('#000').text(text, { underline: true }).moveDown(0.2).fontSize(9.5)
}

/**
 * The REMS Patient Monitoring Form fields (clinical-reference §3) filled from the chart. Fields the
 * chart does not hold (enrolment, concomitant medicines) come from the submission.
 */
export function buildRemsForm(view: SessionView, clinicName: string) {
  const firstDevice = view.devices?.given[0]?.at ?? null
  const end = view.session.dischargedAt
  const bpAt = (offsetMin: number) => {
    if (!firstDevice) return null
    const target = firstDevice.getTime() + offsetMin * 60_000
    const withBp = view.vitals.filter(
      (v) => !v.enteredInError && v.systolicMmHg !== null && v.measuredAt.getTime() >= firstDevice.getTime(),
    )
    return withBp.reduce<(typeof withBp)[number] | null>(
      (best, v) =>
        !best || Math.abs(v.measuredAt.getTime() - target) < Math.abs(best.measuredAt.getTime() - target)
          ? v
          : best,
      null,
    )
  }
  const pre = view.vitals.filter((v) => !v.enteredInError && v.context === 'pre').at(-1) ?? null
  const last = view.vitals.filter((v) => !v.enteredInError).at(-1) ?? null
  const bp = (v: { systolicMmHg: number | null; diastolicMmHg: number | null } | null) =>
    v ? `${v.systolicMmHg}/${v.diastolicMmHg}` : null
  const effects = view.sideEffects.filter((s) => !s.enteredInError)
  const minMoaas = Math.min(...view.vitals.filter((v) => v.moaas !== null).map((v) => v.moaas!), 5)
  const minSpo2 = Math.min(
    ...view.vitals.filter((v) => v.spo2Percent !== null).map((v) => v.spo2Percent!),
    100,
  )
  const submission = view.timeline.filter((e) => e.kind === 'rems-details' && !e.enteredInError).at(-1)
    ?.payload as { enrolled?: boolean; concomitant?: Record<string, boolean> } | undefined
  return {
    patientName: view.patient.name,
    dateOfBirth: view.patient.dateOfBirth,
    sex: view.patient.sex,
    isFirstTreatment: view.session.sessionNumber === 1,
    isEnrolled: submission?.enrolled ?? null,
    concomitantMedicines: submission?.concomitant ?? null,
    monitoringClinician: view.session.supervisingPrescriber?.name ?? null,
    setting: clinicName,
    date: firstDevice,
    doseMg: view.dose.plannedDoseMg,
    lotIds: view.devices?.given.map((g) => g.lotId).filter((x): x is string => x !== null) ?? [],
    minutesFirstDeviceToEndOfMonitoring:
      firstDevice && end ? Math.round((end.getTime() - firstDevice.getTime()) / 60_000) : null,
    readyWithoutTwoHourRuleAt: view.discharge?.readyWithoutObservationRuleAtMs
      ? new Date(view.discharge.readyWithoutObservationRuleAtMs)
      : null,
    vitalsAcceptableBeforeDosing: view.preChecks.items.find((i) => i.id === 'vitals')?.status === 'pass',
    vitalsAcceptableAtEnd:
      view.discharge?.criteria.find((c) => c.id === 'vitals-near-baseline')?.isMet ?? null,
    bpBeforeDose: bp(pre),
    bpAt40Min: bp(bpAt(40)),
    bpBeforeEnd: bp(last),
    sedation: minMoaas < 5 || effects.some((s) => s.term === 'sedation'),
    dissociation:
      effects.some((s) => s.term === 'dissociation') ||
      view.responses.some((r) => r.instrumentId === 'cadss' && r.total > 0),
    respiratoryDepression: minSpo2 < 92 || effects.some((s) => s.term === 'respiratory depression'),
    adverseEvents: effects.map((s) => `${s.term} (grade ${s.grade})`),
    dueAt: view.session.remsDueAt,
    submittedAt: view.session.remsSubmittedAt,
  }
}

export function getRemsForm(ctx: AppContext, principal: Principal, clinicId: string, sessionId: string) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'clinical:read', action: 'sessions.rems-read', entity: 'treatment_session' },
    async (scope) => {
      const view = await loadSessionView(scope.tx, clinicId, sessionId, scope.now)
      if (view.session.route !== 'intranasal')
        throw new AppError('conflict', 'The REMS monitoring form is for esketamine sessions.')
      const clinic = await clinicOf(scope.tx, clinicId)
      await scope.audit({ action: 'sessions.rems-read', entity: 'treatment_session', entityId: sessionId })
      return buildRemsForm(view, clinic.name)
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
          pdf: await renderDischargeInstructions(view, clinic.name),
        }
      if (kind === 'rems') {
        if (view.session.route !== 'intranasal')
          throw new AppError('conflict', 'The REMS monitoring form is for esketamine sessions.')
        return {
          filename: `${name}-rems.pdf`,
          pdf: await renderRems(buildRemsForm(view, clinic.name), clinic.time_zone),
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
        `${fmt(new Date(a.atMs), tz)} ${a.severity}: ${a.message}${a.acknowledged ? ` — acknowledged by ${a.acknowledged.by}: ${a.acknowledged.note}` : ''}`,
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

export function renderDischargeInstructions(v: SessionView, clinicName: string): Promise<Buffer> {
  return renderPdf({ title: `After your treatment — ${v.patient.name}` }, (doc) => {
    doc.fontSize(9).fillColor('#444').text(clinicName, { align: 'right' })
    doc.fontSize(18).fillColor('#000').text('After your treatment today')
    doc.fontSize(11).text(`${v.patient.name} — session ${v.session.sessionNumber}`)
    doc.moveDown()
    const points = [
      'Go home with the adult who came to collect you. Do not travel home alone.',
      'Do not drive, cycle, operate machinery, or make important decisions until tomorrow, after a night’s sleep.',
      'Do not drink alcohol or take sleeping tablets, sedatives or recreational drugs today.',
      'You may feel tired, dizzy, a little sick or “not quite yourself” for the rest of the day. Rest, drink water and eat something light when you feel ready.',
      'Feeling detached or unreal usually fades within a couple of hours. If it does not, or if it frightens you, call the clinic.',
      'Tell the clinic at your next visit about any pain or burning when you pass urine, needing to go much more often, or blood in your urine.',
      'If you have a severe headache, chest pain, trouble breathing, or thoughts of harming yourself, call emergency services (911 in the US) or the 988 Suicide & Crisis Lifeline (call or text 988).',
    ]
    for (const p of points) doc.fontSize(11).text(`•  ${p}`, { paragraphGap: 6 })
    doc
      .moveDown()
      .fontSize(9)
      .fillColor('#555')
      .text(
        'This sheet is general information from your clinic, not a substitute for advice from the clinicians who treat you. The long-term effects of repeated ketamine treatment are not fully known.',
      )
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
    const rows: [string, string][] = [
      ['Patient', `${f.patientName}, DOB ${f.dateOfBirth}, ${f.sex}`],
      ['First treatment', yesNo(f.isFirstTreatment)],
      ['Enrolled in the REMS', yesNo(f.isEnrolled)],
      [
        'Concomitant medicines',
        f.concomitantMedicines
          ? Object.entries(f.concomitantMedicines)
              .map(([k, v]) => `${k}: ${v ? 'yes' : 'no'}`)
              .join(', ')
          : 'not recorded',
      ],
      ['Monitoring clinician / setting', `${f.monitoringClinician ?? '—'} / ${f.setting}`],
      ['Date', fmt(f.date, tz)],
      ['Dose', f.doseMg === 56 || f.doseMg === 84 ? `${f.doseMg} mg` : `other: ${f.doseMg ?? '—'} mg`],
      ['Lot(s)', f.lotIds.join(', ') || 'not recorded'],
      [
        'Minutes from first device to end of monitoring',
        String(f.minutesFirstDeviceToEndOfMonitoring ?? '—'),
      ],
      ['Ready without the 2-hour rule at', fmt(f.readyWithoutTwoHourRuleAt, tz)],
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
