import type { AppContext } from '../context'
import { listActiveMemberships } from '../features/auth/store'
import type { Principal } from '../principal'

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
