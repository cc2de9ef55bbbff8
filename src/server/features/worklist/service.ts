import type { SectionId } from '../../../contract/worklist'
import { hasPermission, type Permission, type StaffRole } from '../../../domain/access/permissions'
import { clinicDateOf, clinicDayBounds } from '../../../domain/time'
import { runInClinic } from '../../clinic-scope'
import { clinicTimeZone } from '../../clinic-settings'
import type { AppContext } from '../../context'
import type { Principal } from '../../principal'
import { loadAccounts, loadClinicSetup } from './admin-sections'
import { loadIntegrity, loadLedger } from './auditor-sections'
import { loadRemsFormsOwed, loadSafetyAlerts, loadTodaysSessions, loadToSign } from './clinical-sections'
import { loadArrivals, loadReadyToBook, loadReferrals, loadRegistrationGaps } from './front-desk-sections'
import type { SectionLoader, Urgency, WorklistItem } from './items'

export type { WorklistItem } from './items'

export interface WorklistSection {
  id: SectionId
  title: string
  /** What the section holds, in a sentence, shown when it is empty too. */
  emptyText: string
  items: WorklistItem[]
  /** Items found; `items` holds at most `maxItems`, most pressing first. */
  total: number
}

const maxItems = 25

interface SectionDef {
  title: string
  emptyText: string
  /** The caller needs this permission: a role list alone never opens clinical data. */
  permission: Permission
  load: SectionLoader
}

// Each role's worklist, in the order it reads the page (design.md §2 roles).
const sectionsOf: Record<StaffRole, SectionId[]> = {
  prescriber: ['safety', 'to-sign', 'today', 'rems-forms'],
  nurse: ['safety', 'today', 'rems-forms'],
  front_desk: ['referrals', 'arrivals', 'to-book', 'registration'],
  admin: ['accounts', 'clinic-setup'],
  auditor: ['ledger', 'integrity'],
}

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

/** Most pressing first; within an urgency, the earliest raised or due. */
function byUrgency(a: WorklistItem, b: WorklistItem): number {
  return urgencyRank[a.urgency] - urgencyRank[b.urgency] || (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0)
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
      const timeZone = await clinicTimeZone(scope.tx, clinicId)
      const today = clinicDateOf(scope.now, timeZone)
      const day = { timeZone, today, ...clinicDayBounds(today, timeZone) }
      const role = scope.membership.role
      const result: WorklistSection[] = []
      // One section on its own (the Today board's safety alerts) for any role holding its permission.
      const wanted = options.section ? [options.section] : sectionsOf[role]
      for (const id of wanted) {
        const def = sections[id]
        if (!hasPermission(role, def.permission)) continue
        const items = (await def.load(scope, day)).sort(byUrgency)
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
      return { role, date: today, timeZone, generatedAt: scope.now, sections: result }
    },
  )
}
