import { sql } from 'kysely'
import { hasPermission, type Permission, type StaffRole } from '../../../domain/access/permissions'
import { CONTRAINDICATION_QUESTIONS } from '../../../domain/eligibility'
import { verifyChain } from '../../../domain/ledger'
import { buildRuleCatalogue } from '../../../domain/rules'
import { clinicDateOf, clinicDayBounds } from '../../../domain/time'
import { auditContent } from '../../audit/append-audit'
import { type ClinicScope, runInClinic } from '../../clinic-scope'
import { loadClinicSettings } from '../../clinic-settings'
import type { AppContext } from '../../context'
import type { Principal } from '../../principal'
import { deriveStage } from '../chart/stage'
import { verifyLedgerChains } from '../ledger/verify-chains'
import { stageFactsSql } from '../patients/store'
import { loadSessionView } from '../sessions/view'

/** How pressing an item is: urgent first, then what is due soon, then the rest; `ok` is a clean check. */
export type Urgency = 'urgent' | 'soon' | 'routine' | 'ok'

export interface WorklistItem {
  /** Unique within the list (kind and record id). */
  id: string
  kind: string
  title: string
  /** Who or what it is about: a patient's name and MRN, a user, a lot. */
  subject: string | null
  detail: string | null
  /** When it was raised, or when it is due. */
  at: Date | null
  urgency: Urgency
  /** Where it is done, relative to the clinic's pages (`patients/…?tab=plan`). */
  link: string
  patientId: string | null
}

export interface WorklistSection {
  id: SectionId
  title: string
  /** What the section holds, in a sentence, shown when it is empty too. */
  emptyText: string
  items: WorklistItem[]
  /** Items found; `items` holds at most `maxItems`, most pressing first. */
  total: number
}

export type SectionId = (typeof sectionIds)[number]

export const sectionIds = [
  'safety',
  'to-sign',
  'today',
  'rems-forms',
  'referrals',
  'arrivals',
  'to-book',
  'registration',
  'accounts',
  'clinic-setup',
  'ledger',
  'integrity',
] as const

const maxItems = 25

interface SectionDef {
  title: string
  emptyText: string
  /** The caller needs this permission: a role list alone never opens clinical data. */
  permission: Permission
  load: (scope: ClinicScope, day: DayContext) => Promise<WorklistItem[]>
}

interface DayContext {
  timeZone: string
  today: string
  startMs: number
  endMs: number
}

// Each role's worklist, in the order it reads the page (design.md §2 roles).
const sectionsOf: Record<StaffRole, SectionId[]> = {
  prescriber: ['safety', 'to-sign', 'today', 'rems-forms'],
  nurse: ['safety', 'today', 'rems-forms'],
  front_desk: ['referrals', 'arrivals', 'to-book', 'registration'],
  admin: ['accounts', 'clinic-setup'],
  auditor: ['ledger', 'integrity'],
}

const patientName = (r: { given_name: string; family_name: string; mrn: string }) =>
  `${r.given_name} ${r.family_name} · MRN ${r.mrn}`

const urgencyRank: Record<Urgency, number> = { urgent: 0, soon: 1, routine: 2, ok: 3 }

const sections: Record<SectionId, SectionDef> = {
  safety: {
    title: 'Open safety alerts',
    emptyText: 'No open safety alerts: every suicidal-ideation answer has been followed up.',
    permission: 'clinical:read',
    load: loadSafetyAlerts,
  },
  'to-sign': {
    title: 'Waiting for your signature',
    emptyText: 'Nothing waiting for a prescriber’s signature.',
    permission: 'clinical:sign',
    load: loadToSign,
  },
  today: {
    title: 'Today’s sessions',
    emptyText: 'No treatment sessions booked today.',
    permission: 'clinical:read',
    load: loadTodaysSessions,
  },
  'rems-forms': {
    title: 'REMS monitoring forms owed',
    emptyText: 'Every esketamine monitoring form is submitted.',
    permission: 'clinical:write',
    load: loadRemsFormsOwed,
  },
  referrals: {
    title: 'Referrals to call back',
    emptyText: 'No new referrals from the self-check.',
    permission: 'patients:read',
    load: loadReferrals,
  },
  arrivals: {
    title: 'Arrivals to check in today',
    emptyText: 'Nobody left to check in today.',
    permission: 'scheduling:write',
    load: loadArrivals,
  },
  'to-book': {
    title: 'Ready to book a first session',
    emptyText: 'Every patient ready for treatment has a session booked.',
    permission: 'scheduling:write',
    load: loadReadyToBook,
  },
  registration: {
    title: 'Registration details missing',
    emptyText: 'Everyone booked this week has a phone number and an escort on file.',
    permission: 'demographics:write',
    load: loadRegistrationGaps,
  },
  accounts: {
    title: 'User accounts',
    emptyText: 'No locked accounts and no invitations left unused.',
    permission: 'users:manage',
    load: loadAccounts,
  },
  'clinic-setup': {
    title: 'Clinic settings to review',
    emptyText: 'Settings, e-mail and the REMS certification need nothing.',
    permission: 'settings:manage',
    load: loadClinicSetup,
  },
  ledger: {
    title: 'Controlled-substance ledger',
    emptyText: 'No open count discrepancies and no loss report steps outstanding.',
    permission: 'ledger:read',
    load: loadLedger,
  },
  integrity: {
    title: 'Record integrity',
    emptyText: 'No records to check yet.',
    permission: 'audit:read',
    load: loadIntegrity,
  },
}

/**
 * The caller's worklist in one clinic: each section their role works from, each item linking to
 * where it is done. A section is computed only when the caller holds its permission, so a role
 * without chart access (front desk) is never sent clinical facts; row-level security keeps every
 * query inside the clinic. Audited as one read, with the patients it named.
 */
export function getWorklist(
  ctx: AppContext,
  principal: Principal,
  clinicId: string,
  options: { section?: SectionId | undefined } = {},
) {
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission: 'clinic:read', action: 'worklist.read', entity: 'clinic' },
    async (scope) => {
      const clinic = await scope.tx
        .selectFrom('clinic')
        .select(['time_zone'])
        .where('id', '=', clinicId)
        .executeTakeFirstOrThrow()
      const today = clinicDateOf(scope.now, clinic.time_zone)
      const { start, end } = clinicDayBounds(today, clinic.time_zone)
      const day = { timeZone: clinic.time_zone, today, startMs: start.getTime(), endMs: end.getTime() }
      const role = scope.membership.role
      const result: WorklistSection[] = []
      // One section on its own (the Today board's safety alerts) for any role holding its permission.
      const wanted = options.section ? [options.section] : sectionsOf[role]
      for (const id of wanted) {
        const def = sections[id]
        if (!hasPermission(role, def.permission)) continue
        const items = (await def.load(scope, day)).sort(
          (a, b) =>
            urgencyRank[a.urgency] - urgencyRank[b.urgency] ||
            (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0),
        )
        result.push({
          id,
          title: def.title,
          emptyText: def.emptyText,
          items: items.slice(0, maxItems),
          total: items.length,
        })
      }
      const patientIds = [
        ...new Set(
          result.flatMap((s) => s.items.map((i) => i.patientId)).filter((p): p is string => p !== null),
        ),
      ]
      await scope.audit({
        action: 'worklist.read',
        entity: 'clinic',
        entityId: clinicId,
        detail: {
          role,
          section: options.section ?? null,
          sections: Object.fromEntries(result.map((s) => [s.id, s.total])),
          patientIds,
        },
      })
      return { role, date: today, timeZone: clinic.time_zone, generatedAt: scope.now, sections: result }
    },
  )
}

// ---- clinical (prescriber, nurse) ----

async function loadSafetyAlerts(scope: ClinicScope): Promise<WorklistItem[]> {
  const rows = await scope.tx
    .selectFrom('safety_alert as a')
    .innerJoin('patient as p', 'p.id', 'a.patient_id')
    .leftJoin('instrument_response as r', 'r.id', 'a.instrument_response_id')
    .select([
      'a.id',
      'a.patient_id',
      'a.severity',
      'a.message',
      'a.raised_at',
      'r.id as response_id',
      'r.recorded_by',
      'r.session_id',
      'p.given_name',
      'p.family_name',
      'p.mrn',
    ])
    .where('a.clinic_id', '=', scope.clinicId)
    .where('a.acknowledged_at', 'is', null)
    .execute()
  // A response nobody on staff recorded came from the patient portal.
  const isPortal = (r: (typeof rows)[number]) => r.response_id !== null && r.recorded_by === null
  return rows.map((r) => ({
    id: `safety-alert:${r.id}`,
    kind: isPortal(r) ? 'portal-safety-answer' : 'clinic-safety-answer',
    title: isPortal(r)
      ? `Portal answer: ${r.severity === 'urgent' ? 'same-day follow-up' : 'review before discharge'}`
      : `Answer in clinic: ${r.severity === 'urgent' ? 'same-day follow-up' : 'review before discharge'}`,
    subject: patientName(r),
    detail: r.message,
    at: r.raised_at,
    urgency: r.severity === 'urgent' ? 'urgent' : 'soon',
    link: `patients/${r.patient_id}?tab=overview`,
    patientId: r.patient_id,
  }))
}

async function loadToSign(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const [awaiting, drafts, sessions] = await Promise.all([
    scope.tx
      .selectFrom('patient')
      .select(['id', 'given_name', 'family_name', 'mrn', 'updated_at'])
      .select(stageFactsSql(CONTRAINDICATION_QUESTIONS.length))
      .where('clinic_id', '=', scope.clinicId)
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM eligibility_decision d WHERE d.patient_id = patient.id)`)
      .execute(),
    scope.tx
      .selectFrom('treatment_plan as t')
      .innerJoin('patient as p', 'p.id', 't.patient_id')
      .select([
        't.id',
        't.patient_id',
        't.created_at',
        't.protocol_id',
        'p.given_name',
        'p.family_name',
        'p.mrn',
      ])
      .where('t.clinic_id', '=', scope.clinicId)
      .where('t.status', '=', 'draft')
      .execute(),
    openSessionsSince(scope, day.startMs - 7 * 86_400_000, day.endMs),
  ])
  const items: WorklistItem[] = []
  for (const p of awaiting) {
    const stage = deriveStage({
      latestDecision: null,
      hasApprovedPlan: p.has_approved_plan,
      hasCurrentConsent: p.has_current_consent,
      isAssessmentComplete: p.is_assessment_complete,
    })
    if (stage !== 'awaiting-decision') continue
    items.push({
      id: `eligibility:${p.id}`,
      kind: 'eligibility-decision',
      title: 'Eligibility decision to sign',
      subject: patientName(p),
      detail: 'Intake is complete: history, screening and baseline scores are recorded.',
      at: p.updated_at,
      urgency: 'routine',
      link: `patients/${p.id}?tab=eligibility`,
      patientId: p.id,
    })
  }
  for (const t of drafts)
    items.push({
      id: `plan:${t.id}`,
      kind: 'plan-approval',
      title: 'Treatment plan to approve',
      subject: patientName(t),
      detail: 'A draft plan waits for your signed approval.',
      at: t.created_at,
      urgency: 'routine',
      link: `patients/${t.patient_id}?tab=plan`,
      patientId: t.patient_id,
    })
  for (const s of sessions) {
    if (s.state === 'scheduled') continue
    const view = await loadSessionView(scope.tx, scope.clinicId, s.id, scope.now)
    const base = { subject: patientName(s), link: `sessions/${s.id}`, patientId: s.patient_id }
    if (s.state === 'ready-for-discharge')
      items.push({
        ...base,
        id: `discharge:${s.id}`,
        kind: 'discharge',
        title: 'Discharge to sign',
        detail: `${s.chair_name ?? 'No chair'} · session ${s.session_number}: the nurse marked the patient ready.`,
        at: s.updated_at,
        urgency: 'urgent',
      })
    if (['checked-in', 'pre-checks'].includes(s.state)) {
      if (view.preChecks.status === 'failed')
        items.push({
          ...base,
          id: `pre-check-override:${s.id}`,
          kind: 'pre-check-override',
          title: 'Pre-checks failed: override or cancel',
          detail: `${s.chair_name ?? 'No chair'} · a failed pre-check needs a prescriber’s decision before dosing.`,
          at: s.updated_at,
          urgency: 'urgent',
        })
      const cautions = view.preChecks.cautions
      if (cautions.items.length > 0 && !cautions.acknowledged)
        items.push({
          ...base,
          id: `cautions:${s.id}`,
          kind: 'caution-acknowledgement',
          title: 'Pre-dose cautions to acknowledge',
          detail: `${cautions.items.length} caution${cautions.items.length === 1 ? '' : 's'} from the intake screen, before this dose.`,
          at: s.scheduled_at,
          urgency: 'soon',
        })
    }
  }
  return items
}

/** Sessions booked between two instants that have not ended, with patient and chair. */
function openSessionsSince(scope: ClinicScope, fromMs: number, toMs: number) {
  return scope.tx
    .selectFrom('treatment_session as s')
    .innerJoin('patient as p', 'p.id', 's.patient_id')
    .leftJoin('chair as c', 'c.id', 's.chair_id')
    .select([
      's.id',
      's.patient_id',
      's.state',
      's.route',
      's.session_number',
      's.scheduled_at',
      's.updated_at',
      'p.given_name',
      'p.family_name',
      'p.mrn',
      'c.name as chair_name',
    ])
    .where('s.clinic_id', '=', scope.clinicId)
    .where('s.scheduled_at', '>=', new Date(fromMs))
    .where('s.scheduled_at', '<', new Date(toMs))
    .where('s.state', 'not in', ['discharged', 'cancelled', 'aborted'])
    .orderBy('s.scheduled_at')
    .execute()
}

const stateWords: Record<string, string> = {
  scheduled: 'booked',
  'checked-in': 'checked in',
  'pre-checks': 'pre-checks',
  dosing: 'dosing',
  monitoring: 'monitoring',
  'ready-for-discharge': 'ready for discharge',
}

async function loadTodaysSessions(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const rows = await openSessionsSince(scope, day.startMs, day.endMs)
  return rows.map((s) => ({
    id: `session:${s.id}`,
    kind: 'session',
    title: `${formatClock(s.scheduled_at, day.timeZone)} · ${s.chair_name ?? 'no chair yet'} · ${s.route === 'iv' ? 'IV ketamine' : 'esketamine'}`,
    subject: patientName(s),
    detail: `Session ${s.session_number}, ${stateWords[s.state] ?? s.state}`,
    at: s.scheduled_at,
    urgency: ['dosing', 'monitoring', 'ready-for-discharge'].includes(s.state) ? 'soon' : 'routine',
    link: `sessions/${s.id}`,
    patientId: s.patient_id,
  }))
}

async function loadRemsFormsOwed(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const rows = await scope.tx
    .selectFrom('treatment_session as s')
    .innerJoin('patient as p', 'p.id', 's.patient_id')
    .select([
      's.id',
      's.patient_id',
      's.discharged_at',
      's.session_number',
      'p.given_name',
      'p.family_name',
      'p.mrn',
    ])
    .where('s.clinic_id', '=', scope.clinicId)
    .where('s.route', '=', 'intranasal')
    .where('s.state', '=', 'discharged')
    .where('s.rems_submitted_at', 'is', null)
    .execute()
  // The form is due within 7 days of the session (clinical-reference §3, the board's rule).
  return rows.map((r) => {
    const dueAt = new Date(r.discharged_at!.getTime() + 7 * 86_400_000)
    const hoursLeft = (dueAt.getTime() - scope.now.getTime()) / 3_600_000
    return {
      id: `rems-form:${r.id}`,
      kind: 'rems-form',
      title: 'REMS Patient Monitoring Form to submit',
      subject: patientName(r),
      detail: `Session ${r.session_number}; ${hoursLeft < 0 ? 'overdue, was due' : 'due'} by ${formatDay(dueAt, day.timeZone)}.`,
      at: dueAt,
      urgency: hoursLeft < 48 ? 'urgent' : 'soon',
      link: `sessions/${r.id}`,
      patientId: r.patient_id,
    }
  })
}

// ---- front desk: no clinical facts (design.md §2, issue 13) ----

async function loadReferrals(scope: ClinicScope): Promise<WorklistItem[]> {
  const rows = await scope.tx
    .selectFrom('referral')
    .select(['id', 'name', 'phone', 'email', 'preferred_contact', 'received_at', 'is_urgent'])
    .where('clinic_id', '=', scope.clinicId)
    .where('status', '=', 'new')
    .execute()
  return rows.map((r) => ({
    id: `referral:${r.id}`,
    kind: 'referral',
    title: r.is_urgent ? 'Call back today' : 'New referral to contact',
    subject: r.name,
    detail: `Prefers ${r.preferred_contact === 'phone' ? `a call: ${r.phone ?? 'no number given'}` : `e-mail: ${r.email ?? 'no address given'}`}`,
    at: r.received_at,
    urgency: r.is_urgent ? 'urgent' : 'routine',
    link: 'intake',
    patientId: null,
  }))
}

async function loadArrivals(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const rows = await openSessionsSince(scope, day.startMs, day.endMs)
  return rows
    .filter((s) => s.state === 'scheduled')
    .map((s) => ({
      id: `arrival:${s.id}`,
      kind: 'arrival',
      title: `${formatClock(s.scheduled_at, day.timeZone)} · ${s.chair_name ?? 'no chair yet'}`,
      subject: patientName(s),
      detail: 'Check in on the Today board when the patient and escort arrive.',
      at: s.scheduled_at,
      urgency: s.scheduled_at.getTime() < scope.now.getTime() ? 'soon' : 'routine',
      link: 'today',
      patientId: s.patient_id,
    }))
}

async function loadReadyToBook(scope: ClinicScope): Promise<WorklistItem[]> {
  const rows = await scope.tx
    .selectFrom('patient')
    .select(['id', 'given_name', 'family_name', 'mrn', 'updated_at'])
    .select(stageFactsSql(CONTRAINDICATION_QUESTIONS.length))
    .where('clinic_id', '=', scope.clinicId)
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM treatment_session s WHERE s.patient_id = patient.id
      AND s.state NOT IN ('cancelled'))`)
    .execute()
  return rows
    .filter(
      (p) =>
        deriveStage({
          latestDecision: p.latest_decision as 'approve' | 'decline' | 'defer' | null,
          hasApprovedPlan: p.has_approved_plan,
          hasCurrentConsent: p.has_current_consent,
          isAssessmentComplete: p.is_assessment_complete,
        }) === 'ready-for-treatment',
    )
    .map((p) => ({
      id: `book:${p.id}`,
      kind: 'first-booking',
      title: 'Book the first treatment session',
      subject: patientName(p),
      detail: 'Ready for treatment, nothing booked yet.',
      at: p.updated_at,
      urgency: 'routine',
      link: `patients/${p.id}?tab=sessions`,
      patientId: p.id,
    }))
}

async function loadRegistrationGaps(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const rows = await scope.tx
    .selectFrom('patient as p')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.mrn', 'p.phone', 'p.escort_name', 'p.escort_phone'])
    .select(
      sql<Date>`(SELECT min(s.scheduled_at) FROM treatment_session s WHERE s.patient_id = p.id
        AND s.state = 'scheduled' AND s.scheduled_at >= ${new Date(day.startMs)}
        AND s.scheduled_at < ${new Date(day.startMs + 8 * 86_400_000)})`.as('next_at'),
    )
    .where('p.clinic_id', '=', scope.clinicId)
    .where((eb) =>
      eb.or([eb('p.phone', 'is', null), eb('p.escort_name', 'is', null), eb('p.escort_phone', 'is', null)]),
    )
    .execute()
  return rows
    .filter((r) => r.next_at !== null)
    .map((r) => {
      const missing = [
        r.phone ? null : 'phone number',
        r.escort_name ? null : 'escort',
        r.escort_phone || !r.escort_name ? null : 'escort’s phone',
      ].filter(Boolean)
      const nextAt = new Date(r.next_at)
      return {
        id: `registration:${r.id}`,
        kind: 'registration',
        title: `Missing: ${missing.join(', ')}`,
        subject: patientName(r),
        detail: `Booked ${formatDay(nextAt, day.timeZone)} ${formatClock(nextAt, day.timeZone)}: the patient goes home with an escort.`,
        at: nextAt,
        urgency: nextAt.getTime() < day.endMs ? 'urgent' : 'soon',
        link: `patients/${r.id}?tab=demographics`,
        patientId: r.id,
      }
    })
}

// ---- administrator ----

async function loadAccounts(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const rows = await scope.tx
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select([
      'u.id',
      'u.display_name',
      'u.email',
      'u.locked_until',
      'u.last_sign_in_at',
      'm.created_at',
      'm.role',
    ])
    .where('m.clinic_id', '=', scope.clinicId)
    .where('m.is_active', '=', true)
    .where('u.is_active', '=', true)
    .where((eb) => eb.or([eb('u.locked_until', '>', scope.now), eb('u.last_sign_in_at', 'is', null)]))
    .execute()
  return rows.map((u) => {
    const isLocked = u.locked_until !== null && u.locked_until > scope.now
    return {
      id: `account:${u.id}`,
      kind: isLocked ? 'locked-account' : 'unused-invitation',
      title: isLocked ? 'Account locked after failed sign-ins' : 'Has not signed in yet',
      subject: `${u.display_name} · ${u.email}`,
      detail: isLocked
        ? `Locked until ${formatClock(u.locked_until!, day.timeZone)}; unlock it once you know it was them.`
        : 'Check they received their first sign-in details.',
      at: isLocked ? u.locked_until : u.created_at,
      urgency: isLocked ? 'soon' : 'routine',
      link: 'users',
      patientId: null,
    }
  })
}

async function loadClinicSetup(scope: ClinicScope): Promise<WorklistItem[]> {
  const items: WorklistItem[] = []
  const settings = await loadClinicSettings(scope.tx, scope.clinicId)
  const unreviewed = buildRuleCatalogue(settings).filter(
    (r) => r.isUnverifiedDefault && r.parameters.every((p) => !p.isChanged),
  )
  if (unreviewed.length > 0)
    items.push({
      id: 'settings:unverified-defaults',
      kind: 'unverified-defaults',
      title: `${unreviewed.length} rule${unreviewed.length === 1 ? '' : 's'} on a default not yet verified by the clinic`,
      subject: null,
      detail: unreviewed
        .slice(0, 4)
        .map((r) => r.title)
        .join('; '),
      at: null,
      urgency: 'routine',
      link: 'settings',
      patientId: null,
    })
  const outbox = await scope.tx
    .selectFrom('outbox_message')
    .select([
      'status',
      (eb) => eb.fn.countAll<string>().as('n'),
      (eb) => eb.fn.min('created_at').as('oldest'),
    ])
    .where('clinic_id', '=', scope.clinicId)
    .where('status', 'in', ['held', 'failed'])
    .groupBy('status')
    .execute()
  for (const o of outbox)
    items.push({
      id: `outbox:${o.status}`,
      kind: `outbox-${o.status}`,
      title:
        o.status === 'held'
          ? `${o.n} message${o.n === '1' ? '' : 's'} waiting: e-mail is not set up`
          : `${o.n} message${o.n === '1' ? '' : 's'} could not be sent`,
      subject: null,
      detail:
        o.status === 'held' ? 'Patients are not getting reminders or portal links.' : 'Check the addresses.',
      at: o.oldest as Date | null,
      urgency: 'soon',
      link: 'outbox',
      patientId: null,
    })
  const certification = await scope.tx
    .selectFrom('rems_record')
    .select('id')
    .where('clinic_id', '=', scope.clinicId)
    .where('kind', '=', 'setting-certification')
    .executeTakeFirst()
  if (!certification && hasPermission(scope.membership.role, 'rems:certify'))
    items.push({
      id: 'rems:certification',
      kind: 'rems-certification',
      title: 'Esketamine REMS certification not recorded',
      subject: null,
      detail: 'Esketamine sessions cannot be booked until it is.',
      at: null,
      urgency: 'soon',
      link: 'rems',
      patientId: null,
    })
  return items
}

// ---- auditor ----

async function loadLedger(scope: ClinicScope): Promise<WorklistItem[]> {
  const [discrepancies, losses] = await Promise.all([
    scope.tx
      .selectFrom('cs_discrepancy as d')
      .innerJoin('cs_lot as l', 'l.id', 'd.lot_id')
      .select(['d.id', 'd.opened_at', 'd.difference', 'l.lot_number', 'l.drug'])
      .where('d.clinic_id', '=', scope.clinicId)
      .where('d.status', '=', 'open')
      .execute(),
    scope.tx
      .selectFrom('cs_loss_report as r')
      .innerJoin('cs_lot as l', 'l.id', 'r.lot_id')
      .select([
        'r.id',
        'r.kind',
        'r.quantity',
        'r.dea_notice_due_on',
        'r.form_106_due_on',
        'r.notice_sent_at',
        'r.form_106_filed_at',
        'l.lot_number',
        'l.drug',
      ])
      .where('r.clinic_id', '=', scope.clinicId)
      .where((eb) => eb.or([eb('r.notice_sent_at', 'is', null), eb('r.form_106_filed_at', 'is', null)]))
      .execute(),
  ])
  const items: WorklistItem[] = discrepancies.map((d) => ({
    id: `discrepancy:${d.id}`,
    kind: 'discrepancy',
    title: `Count discrepancy open: ${Number(d.difference) > 0 ? '+' : ''}${Number(d.difference)} mg`,
    subject: `${d.drug} lot ${d.lot_number}`,
    detail: 'Resolved only by a recount, an adjustment or a loss report.',
    at: d.opened_at,
    urgency: 'urgent',
    link: 'ledger?tab=discrepancies',
    patientId: null,
  }))
  for (const r of losses) {
    const step = r.notice_sent_at === null ? 'DEA notice' : 'DEA Form 106'
    const due = r.notice_sent_at === null ? r.dea_notice_due_on : r.form_106_due_on
    items.push({
      id: `loss-report:${r.id}`,
      kind: 'loss-report',
      title: `Loss report: ${step} due ${formatDay(new Date(`${due}T12:00:00Z`), 'UTC')}`,
      subject: `${r.drug} lot ${r.lot_number}`,
      detail: `${r.kind.replace(/-/g, ' ')}, ${Number(r.quantity)} mg`,
      at: new Date(`${due}T00:00:00Z`),
      urgency: 'urgent',
      link: 'ledger?tab=losses',
      patientId: null,
    })
  }
  return items
}

async function loadIntegrity(scope: ClinicScope): Promise<WorklistItem[]> {
  // The clinic's own audit chain, as the row-level-secured transaction sees it.
  const rows = await scope.tx
    .selectFrom('audit_event')
    .selectAll()
    .where('clinic_id', '=', scope.clinicId)
    .orderBy('seq')
    .execute()
  const audit = verifyChain(
    rows.map((r) => ({ id: `#${r.seq}`, prevHash: r.prev_hash, hash: r.hash, content: auditContent(r) })),
  )
  const items: WorklistItem[] = [
    audit.ok
      ? {
          id: 'integrity:audit',
          kind: 'audit-chain',
          title: 'Audit trail intact',
          subject: null,
          detail: `${audit.checked} events checked just now; none altered or missing in the chain.`,
          at: scope.now,
          urgency: 'ok',
          link: 'audit',
          patientId: null,
        }
      : {
          id: 'integrity:audit',
          kind: 'audit-chain',
          title: 'Audit trail broken',
          subject: null,
          detail: `The chain breaks at event ${audit.brokenAt}: report it to the clinic’s security officer.`,
          at: scope.now,
          urgency: 'urgent',
          link: 'audit',
          patientId: null,
        },
  ]
  const [ledger] = await verifyLedgerChains(scope.tx, scope.clinicId)
  if (ledger)
    items.push(
      ledger.verdict.ok
        ? {
            id: 'integrity:ledger',
            kind: 'ledger-chain',
            title: 'Ledger intact',
            subject: null,
            detail: `${ledger.verdict.checked} entries checked just now; the balances replay.`,
            at: scope.now,
            urgency: 'ok',
            link: 'ledger?tab=log',
            patientId: null,
          }
        : {
            id: 'integrity:ledger',
            kind: 'ledger-chain',
            title: 'Ledger chain broken',
            subject: null,
            detail: `At entry ${ledger.verdict.brokenAt}: report it before the next count.`,
            at: scope.now,
            urgency: 'urgent',
            link: 'ledger?tab=log',
            patientId: null,
          },
    )
  return items
}

function formatDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(at)
}

function formatClock(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at)
}
