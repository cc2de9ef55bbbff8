import type { AppContext } from '../context'
import * as actions from '../features/sessions/actions'
import { bookSession } from '../features/sessions/schedule'
import { loadSessionView } from '../features/sessions/view'
import type { Principal } from '../principal'
import { seedDemoQidsAlert } from './demo-safety'

// Today's board for the demo: a session discharged this morning, one in monitoring whose pump was
// stopped early (its waste still owed), one with the infusion running and a blood pressure above
// 180/110 (one alert acknowledged, one open; three days before, that patient's session was aborted
// for blood pressure), one booked for later, an esketamine session past its 2 hours whose patient is
// still dissociated, and an esketamine session from three days ago whose REMS form is still owed
// (and whose QIDS-SR16 from home the next day opened a suicidal-ideation alert) — each driven
// through the real services on a moving clock.

interface Staff {
  nurse: Principal
  prescriber: Principal
  frontDesk: Principal
  prescriberPassword: string
}

const aldrete10 = {
  aldrete_activity: 2,
  aldrete_respiration: 2,
  aldrete_circulation: 2,
  aldrete_consciousness: 2,
  aldrete_spo2: 2,
}
const phq9 = (total: number) =>
  Object.fromEntries(
    Array.from({ length: 9 }, (_, i) => [
      `phq9_${i + 1}`,
      i === 8 ? 0 : Math.min(3, Math.max(0, Math.round(total / 8) + (i % 2 ? 0 : -1))),
    ]),
  )

type StopAt = 'scheduled' | 'dosing' | 'monitoring' | 'discharged' | 'aborted'

interface RunOptions {
  isEscortPresent?: boolean
  isDissociationResolved?: boolean
  /** IV: the nurse stops the pump this many minutes in (part of the dose is not given). */
  pumpStoppedAtMin?: number
  /** IV: a blood pressure above 180/110 during the infusion (one alert acknowledged, one open). */
  hasHighBp?: boolean
}

/** The seed's moving clock for one clinic's board. */
interface Board {
  ctx: AppContext
  /** Sets the clock to `minutesFromNow` from the real now. */
  at: (minutesFromNow: number) => void
  clinicId: string
  staff: Staff
  sign: { password: string }
}

/** One session being driven, from check-in to its stop point, starting `startMin` from now. */
interface SessionRun {
  b: Board
  id: string
  patientId: string
  startMin: number
  stopAt: StopAt
  route: 'iv' | 'intranasal'
  options: RunOptions
}

/** Check-in, pre-checks, pre-dose vitals and scores, the dose checked and supervised, dosing started. */
async function startDosing(r: SessionRun, version: number) {
  const { b, id } = r
  const { ctx, staff, clinicId } = b
  b.at(r.startMin)
  let v = await actions.transitionSession(ctx, staff.frontDesk, clinicId, id, { event: 'check-in', version })
  v = await actions.transitionSession(ctx, staff.nurse, clinicId, id, {
    event: 'start-pre-checks',
    version: v.session.version,
  })
  await actions.submitPreChecks(ctx, staff.nurse, clinicId, id, {
    identityConfirmed: true,
    fastingConfirmed: true,
    escortConfirmed: true,
    pregnancyStatus: 'not-applicable',
    urinarySymptoms: false,
  })
  await actions.recordSessionVitals(ctx, staff.nurse, clinicId, id, {
    context: 'pre',
    systolicMmHg: 124,
    diastolicMmHg: 78,
    heartRateBpm: 72,
    spo2Percent: 98,
    respiratoryRate: 14,
  })
  await actions.recordSessionResponse(ctx, staff.nurse, clinicId, id, {
    instrumentId: 'cssrs-screen',
    context: 'pre',
    answers: { cssrs_1: false, cssrs_2: false, cssrs_6: false },
  })
  await actions.recordSessionResponse(ctx, staff.nurse, clinicId, id, {
    instrumentId: 'phq9',
    context: 'pre',
    answers: phq9(14),
  })
  const weight = await ctx.db
    .selectFrom('body_measurement')
    .select('weight_kg')
    .where('patient_id', '=', r.patientId)
    .orderBy('measured_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
  await actions.setDose(ctx, staff.nurse, clinicId, id, {
    weightKg: Number(weight.weight_kg),
    // The demo's vials are 50 mg/mL (demo-ledger.ts); the draw refuses any other concentration.
    vialMgPerMl: r.route === 'iv' ? 50 : null,
  })
  b.at(r.startMin + 5)
  await actions.checkDose(ctx, staff.prescriber, clinicId, id, b.sign)
  v = await actions.declareSupervision(ctx, staff.prescriber, clinicId, id)
  await actions.transitionSession(ctx, staff.nurse, clinicId, id, {
    event: 'start-dosing',
    version: v.session.version,
  })
}

/** Charts the dosing phase; a session still dosing stops at the present. Returns whether it was aborted. */
async function chartDosing(r: SessionRun): Promise<boolean> {
  const { b, id, startMin, route, options } = r
  const { ctx, staff, clinicId } = b
  const upTo = r.stopAt === 'dosing' ? -startMin - 1 : Number.POSITIVE_INFINITY
  const chartAt = (offsetMin: number) => offsetMin <= upTo
  const vitalsAt = async (offsetMin: number, sbp: number, dbp: number, hr: number, moaas: number) => {
    if (!chartAt(offsetMin)) return
    b.at(startMin + offsetMin)
    return await actions.recordSessionVitals(ctx, staff.nurse, clinicId, id, {
      context: 'intra',
      systolicMmHg: sbp,
      diastolicMmHg: dbp,
      heartRateBpm: hr,
      spo2Percent: 97,
      respiratoryRate: 14,
      moaas,
    })
  }
  if (route === 'iv' && r.stopAt === 'aborted') {
    // Blood pressure climbs and does not settle: the infusion is stopped and the session aborted.
    await actions.recordInfusion(ctx, staff.nurse, clinicId, id, { action: 'start' })
    await vitalsAt(5, 168, 102, 96, 4)
    await vitalsAt(10, 186, 114, 104, 4)
    b.at(startMin + 12)
    const v = await loadSessionView(ctx.db, clinicId, id, ctx.now())
    await actions.transitionSession(ctx, staff.nurse, clinicId, id, {
      event: 'abort',
      version: v.session.version,
      reason: 'Blood pressure 186/114 on recheck despite pausing; infusion stopped, prescriber reviewed',
    })
    return true
  }
  if (route === 'iv' && options.hasHighBp) {
    // §2 ⚠️: BP above 180/110 at 6 min (acknowledged: prescriber told, recheck asked for), still
    // above it at 12 min — the sustained alert is open and the BP recheck is due on the timer.
    await actions.recordInfusion(ctx, staff.nurse, clinicId, id, { action: 'start' })
    const first = chartAt(6) ? await vitalsAt(6, 184, 112, 96, 4) : undefined
    if (first && chartAt(7)) {
      b.at(startMin + 7)
      await actions.acknowledgeSessionAlert(ctx, staff.nurse, clinicId, id, {
        key: first.openAlerts[0]!.key,
        actions: ['prescriber-notified', 'reduced-rate'],
        note: 'Dr. Raman at the chair; rate reduced, recheck in 5 min.',
      })
    }
    await vitalsAt(12, 186, 108, 98, 4)
  } else if (route === 'iv') {
    await actions.recordInfusion(ctx, staff.nurse, clinicId, id, { action: 'start' })
    if (options.pumpStoppedAtMin !== undefined) {
      b.at(startMin + options.pumpStoppedAtMin)
      await actions.recordSideEffect(ctx, staff.nurse, clinicId, id, {
        term: 'nausea',
        grade: 2,
        actionTaken: 'Infusion stopped; ondansetron given per standing order',
      })
      await actions.recordInfusion(ctx, staff.nurse, clinicId, id, { action: 'stop' })
    }
    await vitalsAt(15, 132, 84, 80, 4)
    if (chartAt(20)) {
      b.at(startMin + 20)
      await actions.recordSideEffect(ctx, staff.nurse, clinicId, id, {
        term: 'dissociation',
        grade: 1,
        actionTaken: 'Reassured; lights dimmed',
      })
    }
    await vitalsAt(25, 138, 86, 82, 4)
    await vitalsAt(35, 141, 88, 84, 4)
    await vitalsAt(45, 136, 85, 80, 5)
  } else {
    await actions.recordDevice(ctx, staff.nurse, clinicId, id, {})
    b.at(startMin + 10)
    await actions.recordDevice(ctx, staff.nurse, clinicId, id, {})
    await vitalsAt(25, 134, 84, 78, 4)
    await vitalsAt(45, 138, 86, 80, 4)
    await vitalsAt(90, 128, 80, 74, 5)
  }
  return false
}

/** Dosing finished, recovery charted, and (for a discharged session) the discharge signed. */
async function recover(r: SessionRun) {
  const { b, id, startMin, stopAt, route, options } = r
  const { ctx, staff, clinicId } = b
  b.at(startMin + (route === 'iv' ? 50 : 20))
  await actions.transitionSession(ctx, staff.nurse, clinicId, id, {
    event: 'finish-dosing',
    version: (
      await actions.setEscort(ctx, staff.nurse, clinicId, id, {
        isPresent: options.isEscortPresent ?? stopAt === 'discharged',
      })
    ).session.version,
  })
  await actions.recordSessionResponse(ctx, staff.nurse, clinicId, id, {
    instrumentId: 'aldrete',
    context: 'post',
    answers: aldrete10,
  })
  if (route === 'intranasal') {
    // §3: the nurse's dissociation check; resolved unless the demo wants a patient still dissociated.
    b.at(startMin + 100)
    const isResolved = options.isDissociationResolved ?? true
    await actions.recordDissociationCheck(ctx, staff.nurse, clinicId, id, {
      isResolved,
      note: isResolved ? 'Oriented, no detachment reported.' : 'Still feels detached from surroundings.',
    })
  }
  if (stopAt === 'monitoring' && route === 'iv') return
  b.at(startMin + (route === 'iv' ? 85 : 130))
  await actions.recordSessionVitals(ctx, staff.nurse, clinicId, id, {
    context: 'post',
    systolicMmHg: 126,
    diastolicMmHg: 80,
    heartRateBpm: 74,
    spo2Percent: 98,
    moaas: 5,
  })
  if (stopAt === 'monitoring') return
  const v = await actions.transitionSession(ctx, staff.nurse, clinicId, id, {
    event: 'mark-ready',
    version: (await loadSessionView(ctx.db, clinicId, id, ctx.now())).session.version,
  })
  await actions.signDischarge(ctx, staff.prescriber, clinicId, id, { version: v.session.version, ...b.sign })
}

export async function seedDemoSessions(
  baseCtx: AppContext,
  clinicId: string,
  staff: Staff,
  patientIds: Record<string, string>,
): Promise<number> {
  const realNow = baseCtx.now().getTime()
  let clockMs = realNow
  const ctx: AppContext = { ...baseCtx, now: () => new Date(clockMs) }
  const at = (minutesFromNow: number) => {
    clockMs = realNow + minutesFromNow * 60_000
  }
  const b: Board = { ctx, at, clinicId, staff, sign: { password: staff.prescriberPassword } }
  const chairs = await ctx.db
    .selectFrom('chair')
    .select(['id', 'name'])
    .where('clinic_id', '=', clinicId)
    .orderBy('name')
    .execute()
  let count = 0

  /** Runs a session from check-in to the given stop point, starting `startMin` from now. */
  const run = async (
    patientId: string,
    chairId: string,
    startMin: number,
    stopAt: StopAt,
    route: 'iv' | 'intranasal',
    options: RunOptions = {},
  ) => {
    at(startMin - 30)
    const v = await bookSession(ctx, staff.frontDesk, clinicId, {
      patientId,
      chairId,
      scheduledAt: new Date(realNow + startMin * 60_000),
    })
    count++
    if (stopAt === 'scheduled') return
    const r: SessionRun = { b, id: v.session.id, patientId, startMin, stopAt, route, options }
    await startDosing(r, v.session.version)
    if (await chartDosing(r)) return
    if (stopAt === 'dosing') return
    await recover(r)
  }

  const chair = (i: number) => chairs[i % chairs.length]!.id
  const has = (mrn: string) => patientIds[mrn]
  if (has('RK-2024-0118')) await run(patientIds['RK-2024-0118']!, chair(0), -240, 'discharged', 'iv')
  if (has('RK-2024-0112')) {
    await run(patientIds['RK-2024-0112']!, chair(3), -3 * 24 * 60, 'discharged', 'intranasal')
    // The next evening her QIDS-SR16 from home raises the open suicidal-ideation alert (§4).
    at(-2 * 24 * 60 + 8 * 60)
    await seedDemoQidsAlert(ctx, clinicId, patientIds['RK-2024-0112']!)
  }
  // Three days ago his session was aborted 12 minutes in; the remainder was wasted, witnessed.
  if (has('RK-2024-0107'))
    await run(patientIds['RK-2024-0107']!, chair(1), -3 * 24 * 60 + 120, 'aborted', 'iv')
  // The running infusion has an acknowledged BP alert and, on the recheck, an open one.
  if (has('RK-2024-0107'))
    await run(patientIds['RK-2024-0107']!, chair(1), -20, 'dosing', 'iv', { hasHighBp: true })
  // The pump was stopped early (nausea): the rest of the drawn dose is owed as a witnessed waste.
  if (has('HC-0041'))
    await run(patientIds['HC-0041']!, chair(0), -70, 'monitoring', 'iv', { pumpStoppedAtMin: 22 })
  // Esketamine past 2 hours with the escort here, but dissociation not resolved at the last check.
  if (has('RK-2024-0140'))
    await run(patientIds['RK-2024-0140']!, chair(2), -150, 'monitoring', 'intranasal', {
      isEscortPresent: true,
      isDissociationResolved: false,
    })
  if (has('RK-2024-0118'))
    await run(patientIds['RK-2024-0118']!, chair(2), 2 * 24 * 60 + 60, 'scheduled', 'iv')
  // Booked for tomorrow: the outbox worker queues her day-before reminder on its first pass.
  if (has('RK-2024-0112'))
    await run(patientIds['RK-2024-0112']!, chair(1), 24 * 60, 'scheduled', 'intranasal')
  return count
}
