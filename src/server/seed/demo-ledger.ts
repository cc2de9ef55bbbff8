import { formatQuantity, parseQuantity, subtractQuantity } from '../../domain/ledger'
import { clinicDateOf, startOfClinicDay } from '../../domain/time'
import { runInClinic } from '../clinic-scope'
import type { AppContext } from '../context'
import { listActiveMemberships } from '../features/auth/store'
import { administer } from '../features/ledger/administer'
import { submitCountSheet } from '../features/ledger/count-sheet'
import { resolveDiscrepancy } from '../features/ledger/discrepancies'
import * as ledger from '../features/ledger/service'
import {
  dispenseForSession,
  loadSessionDose,
  recordSessionWaste,
  settleSessionDose,
} from '../features/ledger/session-dose'
import { loadSessionView } from '../features/sessions/view'
import type { Principal } from '../principal'

// Four weeks of controlled-substance history for each demo clinic, entered through the real ledger
// services on a moving clock (so every entry is validated, witnessed, audited and chained as a
// user's would be): receipts with a witness, a lot that expires within 60 days, esketamine devices,
// blind witnessed opening count sheets every weekday, twice-weekly infusions with witnessed waste of the remainder, one
// breakage, one short count resolved by a witnessed adjustment, and the doses of today's demo
// sessions. Historic doses before the sessions module have no session (session_id is null).

/** A service-level principal for a user (the seed and tests act as them through the services). */
export async function principalByEmail(ctx: AppContext, email: string): Promise<Principal> {
  const user = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  const memberships = await listActiveMemberships(ctx.db, user.id)
  return {
    userId: user.id,
    email,
    displayName: user.display_name,
    sessionId: 'seed',
    ip: null,
    memberships: memberships.map(({ mfaRequiredRoles: _, ...m }) => m),
  }
}

interface Person {
  principal: Principal
  password: string
}

const supplier = {
  name: 'Cardinal Health 110, LLC',
  address: '7000 Cardinal Place, Dublin, OH 43017',
  dea: 'RC4028278',
}
const janssen = {
  name: 'Janssen Pharmaceuticals, Inc.',
  address: '1125 Trenton-Harbourton Road, Titusville, NJ 08560',
  dea: 'RM3151824',
}
const dayMs = 86_400_000

export async function seedDemoLedger(baseCtx: AppContext, signIns: { email: string; password: string }[]) {
  const passwordOf = (email: string) => signIns.find((s) => s.email === email)!.password
  const person = async (email: string): Promise<Person> => ({
    principal: await principalByEmail(baseCtx, email),
    password: passwordOf(email),
  })
  const prescriber = await person('prescriber@demo.ketacare.org')
  const clinics = await baseCtx.db
    .selectFrom('clinic')
    .select(['id', 'name', 'time_zone'])
    .orderBy('name')
    .execute()
  for (const clinic of clinics) {
    const nurseEmail = clinic.name.startsWith('Riverside')
      ? 'nurse@demo.ketacare.org'
      : 'nurse2@demo.ketacare.org'
    const isMember = prescriber.principal.memberships.some((m) => m.clinicId === clinic.id)
    if (!isMember) continue
    await seedClinic(
      baseCtx,
      clinic,
      await person(nurseEmail),
      prescriber,
      clinic.name.startsWith('Riverside'),
    )
  }
}

/** One clinic's ledger history: the seed's moving clock, its stock and the events it replays in time order. */
interface ClinicLedger {
  ctx: AppContext
  clinicId: string
  tz: string
  realNow: number
  nurse: Person
  prescriber: Person
  /** An instant `daysAgo` local days before today at a local hour. */
  when: (daysAgo: number, hour: number) => number
  /** Schedules work at an instant in the past (anything later is left out). */
  on: (at: number, run: () => Promise<void>) => void
  lots: Record<'soon' | 'fresh' | 'spray', string>
  balances: Map<string, string>
  /** Replays the scheduled events in time order, the clock set to each one's instant. */
  run: () => Promise<void>
}

function openClinicLedger(
  baseCtx: AppContext,
  clinic: { id: string; time_zone: string },
  nurse: Person,
  prescriber: Person,
): ClinicLedger {
  const realNow = baseCtx.now().getTime()
  let clockMs = realNow
  const tz = clinic.time_zone
  const events: { at: number; run: () => Promise<void> }[] = []
  return {
    ctx: { ...baseCtx, now: () => new Date(clockMs) },
    clinicId: clinic.id,
    tz,
    realNow,
    nurse,
    prescriber,
    when: (daysAgo, hour) =>
      startOfClinicDay(clinicDateOf(realNow - daysAgo * dayMs, tz), tz).getTime() + hour * 3_600_000,
    on: (at, run) => {
      if (at < realNow) events.push({ at, run })
    },
    lots: { soon: '', fresh: '', spray: '' },
    balances: new Map<string, string>(),
    run: async () => {
      events.sort((a, b) => a.at - b.at)
      for (const event of events) {
        clockMs = event.at
        await event.run()
      }
    },
  }
}

const witness = (p: Person) => ({ userId: p.principal.userId, password: p.password })

/** Runs ledger work in the clinic's RLS transaction as `p`. */
const inClinic = <T>(c: ClinicLedger, p: Person, work: Parameters<typeof runInClinic<T>>[3]) =>
  runInClinic(
    c.ctx,
    p.principal,
    { clinicId: c.clinicId, permission: 'ledger:write', action: 'ledger.administer', entity: 'cs_entry' },
    work,
  )

async function give(c: ClinicLedger, lotId: string, mg: string, patientId: string, sessionId: string | null) {
  const { balanceAfter } = await inClinic(c, c.nurse, (scope) =>
    administer(scope, { lotId, quantity: mg, patientId, sessionId }),
  )
  c.balances.set(lotId, balanceAfter)
}

const afterMovement = (c: ClinicLedger, r: { lot: { id: string; balanceMg: string } }) =>
  c.balances.set(r.lot.id, r.lot.balanceMg)

/** A blind count sheet of every lot in stock, witnessed; `short` mg missing from one lot. */
async function countSheet(
  c: ClinicLedger,
  occasion: 'opening' | 'closing',
  short?: { lotId: string; mg: string },
) {
  const counts = [...c.balances]
    .filter(([, balance]) => balance !== '0')
    .map(([lotId, balance]) => ({
      lotId,
      counted:
        short?.lotId === lotId
          ? formatQuantity(subtractQuantity(parseQuantity(balance), parseQuantity(short.mg)))
          : balance,
    }))
  if (counts.length === 0) return null
  return submitCountSheet(c.ctx, c.nurse.principal, c.clinicId, {
    occasion,
    witness: witness(c.prescriber),
    counts,
  })
}

/** Vial numbers V-<first>… of a delivery of `count` vials. */
const vialNumbers = (count: number, first: number) =>
  Array.from({ length: count }, (_, i) => `V-${String(i + first).padStart(3, '0')}`)

/** Receipts with a witness: a ketamine lot expiring within 60 days, an esketamine lot, a fresh ketamine lot. */
function receiveLots(c: ClinicLedger, isLarge: boolean) {
  const receive = (key: keyof ClinicLedger['lots'], daysAgo: number, input: ledger.CreateLotInput) =>
    c.on(c.when(daysAgo, 8), async () => {
      const { lot } = await ledger.createLot(c.ctx, c.nurse.principal, c.clinicId, {
        ...input,
        witness: witness(c.prescriber),
      })
      c.lots[key] = lot.id
      c.balances.set(lot.id, lot.balanceMg)
    })
  const vial = {
    drug: 'racemic-ketamine' as const,
    ndc: '0409-2051-05',
    product: 'Ketamine HCl injection, USP, 50 mg/mL, 10 mL multiple-dose vial',
    strengthMg: '50',
    unit: 'mL' as const,
    unitsPerContainer: '10',
    supplier,
  }
  const inDays = (days: number) => clinicDateOf(c.realNow + days * dayMs, c.tz)
  /** A delivery of ketamine vials, numbered V-<firstVial>… */
  const ketamineVials = (
    { count, ...lot }: { lotNumber: string; invoiceNumber: string; count: number },
    firstVial: number,
    expiresInDays: number,
  ): ledger.CreateLotInput => ({
    ...vial,
    ...lot,
    expiresOn: inDays(expiresInDays),
    containerCount: count,
    containerNumbers: vialNumbers(count, firstVial),
  })
  const [soon, fresh] = isLarge
    ? [
        { lotNumber: 'KX2201', invoiceNumber: 'CAH-448120', count: 6 },
        { lotNumber: 'KX2388', invoiceNumber: 'CAH-451902', count: 10 },
      ]
    : [
        { lotNumber: 'KX2207', invoiceNumber: 'CAH-448177', count: 4 },
        { lotNumber: 'KX2391', invoiceNumber: 'CAH-451960', count: 5 },
      ]
  receive('soon', 27, ketamineVials(soon, 1, 45))
  receive('spray', 26, {
    drug: 'esketamine',
    ndc: '50458-028-02',
    product: 'Spravato (esketamine) nasal spray, 28 mg per device, 2-device kit',
    strengthMg: '28',
    unit: 'device',
    unitsPerContainer: '2',
    lotNumber: isLarge ? 'SP4415' : 'SP4421',
    expiresOn: inDays(240),
    // Two esketamine courses at Riverside (Grace Kim, Luis Reyes) twice a week.
    containerCount: isLarge ? 24 : 3,
    invoiceNumber: isLarge ? 'JNJ-20931' : 'JNJ-20988',
    supplier: janssen,
  })
  receive('fresh', 10, ketamineVials(fresh, 11, 420))
}

/** Opening count of every lot in stock, each weekday, blind and witnessed. */
function scheduleOpeningCounts(c: ClinicLedger) {
  for (let d = 26; d >= 0; d--) {
    const weekday = new Date(c.when(d, 12)).getUTCDay()
    if (weekday === 0 || weekday === 6) continue
    c.on(c.when(d, 7.5), async () => {
      await countSheet(c, 'opening')
    })
  }
}

/** One course per patient with an approved plan, dosed by their latest weight. */
async function loadCourses(c: ClinicLedger) {
  const approved = await c.ctx.db
    .selectFrom('treatment_plan as t')
    .innerJoin('body_measurement as b', 'b.patient_id', 't.patient_id')
    .select(['t.patient_id', 't.protocol_id', 'b.weight_kg'])
    .where('t.clinic_id', '=', c.clinicId)
    .where('t.status', '=', 'approved')
    .orderBy('b.measured_at')
    .execute()
  // Esketamine was only ever given to REMS-enrolled patients (§3); the demo's unenrolled one has none.
  const enrolled = new Set(
    (
      await c.ctx.db
        .selectFrom('rems_record')
        .select('patient_id')
        .where('clinic_id', '=', c.clinicId)
        .where('kind', '=', 'patient-enrolment')
        .execute()
    ).map((r) => r.patient_id),
  )
  return [...new Map(approved.map((p) => [p.patient_id, p])).values()].filter(
    (p) => !p.protocol_id.startsWith('esketamine') || enrolled.has(p.patient_id),
  )
}

/**
 * Twice-weekly infusions (Mon and Thu) for patients with an approved IV plan, before today's
 * sessions took over; esketamine on Tue and Fri. The prepared syringe's remainder is wasted.
 */
async function scheduleHistoricDoses(c: ClinicLedger) {
  const plans = await loadCourses(c)
  for (let d = 25; d >= 4; d--) {
    const weekday = new Date(c.when(d, 12)).getUTCDay()
    for (const [i, plan] of plans.entries()) {
      const isSpray = plan.protocol_id.startsWith('esketamine')
      if (isSpray ? weekday !== 2 && weekday !== 5 : weekday !== 1 && weekday !== 4) continue
      c.on(c.when(d, 10 + i), async () => {
        if (isSpray) {
          await give(c, c.lots.spray, d > 14 ? '56' : '84', plan.patient_id, null)
          return
        }
        const lotId = d > 10 ? c.lots.soon : c.lots.fresh
        const dose = formatQuantity(parseQuantity((Math.round(Number(plan.weight_kg) * 5) / 10).toFixed(1)))
        const drawn = parseQuantity(String(Math.ceil(Number(dose) / 5) * 5))
        await give(c, lotId, dose, plan.patient_id, null)
        const remainder = subtractQuantity(drawn, parseQuantity(dose))
        if (remainder > 0n && weekday === 1) {
          afterMovement(
            c,
            await ledger.waste(c.ctx, c.nurse.principal, c.clinicId, lotId, {
              quantity: formatQuantity(remainder),
              reason: 'Remainder in the prepared syringe after the infusion',
              method: 'Rendered non-retrievable in a drug disposal container',
              patientId: plan.patient_id,
              witness: witness(c.prescriber),
            }),
          )
        }
      })
    }
  }
}

/** One vial dropped at the larger clinic; one short count resolved by a witnessed adjustment. */
function scheduleLossAndShortCount(c: ClinicLedger, isLarge: boolean) {
  if (isLarge)
    c.on(c.when(15, 16), async () => {
      afterMovement(
        c,
        await ledger.breakage(c.ctx, c.nurse.principal, c.clinicId, c.lots.soon, {
          quantity: '500',
          reason:
            'Vial V-004 slipped from the tray and broke while being drawn up; glass and spill cleaned up',
          witness: witness(c.prescriber),
        }),
      )
    })
  let discrepancyId = ''
  c.on(c.when(12, 17), async () => {
    const r = await countSheet(c, 'closing', { lotId: c.lots.soon, mg: '1.5' })
    discrepancyId = r!.results.find((x) => x.lotId === c.lots.soon)!.discrepancy!.id
  })
  c.on(c.when(11, 8), async () => {
    const resolved = await resolveDiscrepancy(c.ctx, c.prescriber.principal, c.clinicId, discrepancyId, {
      reason:
        'Residual volume in the opened vial was estimated high at the last count; measured by syringe at 1.5 mg less',
      witness: witness(c.nurse),
      version: 1,
    })
    c.balances.set(c.lots.soon, resolved.entry.balanceAfterMg)
  })
}

/**
 * The doses of the demo sessions (today's board, the esketamine session three days ago and the
 * aborted infusion): each infusion drawn as a dispense just before the pump started, what the
 * pump record says was given recorded when delivery ended, and the remainder wasted with a
 * witness — except the session whose waste the demo shows as still owed (HC-0041's stopped pump).
 * Each esketamine device is taken from its lot when it is used.
 */
async function scheduleSessionDoses(c: ClinicLedger) {
  const sessions = await c.ctx.db
    .selectFrom('treatment_session as s')
    .innerJoin('patient as p', 'p.id', 's.patient_id')
    .select(['s.id', 's.patient_id', 's.route', 's.planned_dose_mg', 'p.mrn'])
    .where('s.clinic_id', '=', c.clinicId)
    .where('s.state', 'in', ['dosing', 'monitoring', 'ready-for-discharge', 'discharged', 'aborted'])
    .where('s.planned_dose_mg', 'is not', null)
    .execute()
  for (const s of sessions) {
    const view = await loadSessionView(c.ctx.db, c.clinicId, s.id, new Date(c.realNow))
    if (s.route === 'intranasal') {
      for (const device of view.devices?.given ?? [])
        c.on(new Date(device.at).getTime(), () => give(c, c.lots.spray, '28', s.patient_id, s.id))
      continue
    }
    const infusion = view.infusion
    if (!infusion?.runs[0]) continue
    c.on(infusion.runs[0].startMs - 2 * 60_000, async () => {
      const { balanceAfter } = await inClinic(c, c.nurse, (scope) =>
        dispenseForSession(scope, {
          lotId: c.lots.fresh,
          quantity: formatQuantity(parseQuantity(s.planned_dose_mg!)),
          sessionId: s.id,
          patientId: s.patient_id,
          concentrationMgPerMl: view.dose.vialMgPerMl === null ? null : String(view.dose.vialMgPerMl),
        }),
      )
      c.balances.set(c.lots.fresh, balanceAfter)
    })
    if (infusion.endedAtMs === null) continue
    const endedAt = infusion.endedAtMs
    c.on(endedAt, async () => {
      await inClinic(c, c.nurse, (scope) =>
        settleSessionDose(scope, {
          sessionId: s.id,
          patientId: s.patient_id,
          deliveredMg: infusion.doseGivenMg,
          at: new Date(endedAt),
        }),
      )
    })
    if (s.mrn === 'HC-0041') continue
    c.on(endedAt + 10 * 60_000, async () => {
      const dose = await inClinic(c, c.nurse, (scope) => loadSessionDose(scope.tx, c.clinicId, s.id))
      for (const owed of dose.lots.filter((l) => l.owedMg !== '0'))
        await recordSessionWaste(c.ctx, c.nurse.principal, c.clinicId, s.id, {
          lotId: owed.lotId,
          quantity: owed.owedMg,
          method: 'Rendered non-retrievable in a drug disposal container',
          witness: witness(c.prescriber),
        })
    })
  }
}

async function seedClinic(
  baseCtx: AppContext,
  clinic: { id: string; time_zone: string },
  nurse: Person,
  prescriber: Person,
  isLarge: boolean,
) {
  const c = openClinicLedger(baseCtx, clinic, nurse, prescriber)
  receiveLots(c, isLarge)
  scheduleOpeningCounts(c)
  await scheduleHistoricDoses(c)
  scheduleLossAndShortCount(c, isLarge)
  await scheduleSessionDoses(c)
  await c.run()
}
