import { hasPermission } from '../../../domain/access/permissions'
import { buildRuleCatalogue } from '../../../domain/rules'
import type { ClinicScope } from '../../clinic-scope'
import { loadClinicSettings } from '../../clinic-settings'
import { clinicItem, countOf, type DayContext, formatClock, type WorklistItem } from './items'

// The administrator's sections: accounts, and what the clinic's setup still needs.

export async function loadAccounts(scope: ClinicScope, day: DayContext): Promise<WorklistItem[]> {
  const rows = await scope.tx
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'u.email', 'u.locked_until', 'm.created_at'])
    .where('m.clinic_id', '=', scope.clinicId)
    .where('m.is_active', '=', true)
    .where('u.is_active', '=', true)
    .where((eb) => eb.or([eb('u.locked_until', '>', scope.now), eb('u.last_sign_in_at', 'is', null)]))
    .execute()
  return rows.map((u) => {
    const lockedUntil = u.locked_until !== null && u.locked_until > scope.now ? u.locked_until : null
    return clinicItem({
      id: `account:${u.id}`,
      kind: lockedUntil ? 'locked-account' : 'unused-invitation',
      title: lockedUntil ? 'Account locked after failed sign-ins' : 'Has not signed in yet',
      subject: `${u.display_name} · ${u.email}`,
      detail: lockedUntil
        ? `Locked until ${formatClock(lockedUntil, day.timeZone)}; unlock it once you know it was them.`
        : 'Check they received their first sign-in details.',
      at: lockedUntil ?? u.created_at,
      urgency: lockedUntil ? 'soon' : 'routine',
      link: 'users',
    })
  })
}

export async function loadClinicSetup(scope: ClinicScope): Promise<WorklistItem[]> {
  const [settings, outbox, certification] = await Promise.all([
    loadClinicSettings(scope.tx, scope.clinicId),
    scope.tx
      .selectFrom('outbox_message')
      .select([
        'status',
        (eb) => eb.fn.countAll<string>().as('n'),
        (eb) => eb.fn.min('created_at').as('oldest'),
      ])
      .where('clinic_id', '=', scope.clinicId)
      .where('status', 'in', ['held', 'failed'])
      .groupBy('status')
      .execute(),
    scope.tx
      .selectFrom('rems_record')
      .select('id')
      .where('clinic_id', '=', scope.clinicId)
      .where('kind', '=', 'setting-certification')
      .executeTakeFirst(),
  ])
  const items: WorklistItem[] = []
  const unreviewed = buildRuleCatalogue(settings).filter(
    (r) => r.isUnverifiedDefault && r.parameters.every((p) => !p.isChanged),
  )
  if (unreviewed.length > 0)
    items.push(
      clinicItem({
        id: 'settings:unverified-defaults',
        kind: 'unverified-defaults',
        title: `${countOf(unreviewed.length, 'rule')} on a default not yet verified by the clinic`,
        detail: unreviewed
          .slice(0, 4)
          .map((r) => r.title)
          .join('; '),
        at: null,
        urgency: 'routine',
        link: 'settings',
      }),
    )
  for (const o of outbox)
    items.push(
      clinicItem({
        id: `outbox:${o.status}`,
        kind: `outbox-${o.status}`,
        title: `${countOf(o.n, 'message')} ${o.status === 'held' ? 'waiting: e-mail is not set up' : 'could not be sent'}`,
        detail:
          o.status === 'held'
            ? 'Patients are not getting reminders or portal links.'
            : 'Check the addresses.',
        at: o.oldest as Date | null,
        urgency: 'soon',
        link: 'outbox',
      }),
    )
  if (!certification && hasPermission(scope.membership.role, 'rems:certify'))
    items.push(
      clinicItem({
        id: 'rems:certification',
        kind: 'rems-certification',
        title: 'Esketamine REMS certification not recorded',
        detail: 'Esketamine sessions cannot be booked until it is.',
        at: null,
        urgency: 'soon',
        link: 'rems',
      }),
    )
  return items
}
