import type { Permission } from '../../../domain/access/permissions'
import type { CanonicalValue } from '../../../domain/ledger/hash-chain'
import { type ClinicScope, runInClinic } from '../../clinic-scope'
import type { AppContext } from '../../context'
import type { Principal } from '../../principal'

// Generic service helpers over runInClinic, kept here until they move beside it in
// src/server/clinic-scope.ts (the server core, which this sitting's helpers may not edit).

/**
 * A service declared by what it asks for: the function it returns takes
 * `(ctx, principal, clinicId, ...args)` like any service, and runs `work(scope, ...args)` in
 * runInClinic with this permission, action and entity.
 */
export function clinicOperation<A extends unknown[], T>(
  request: { permission: Permission; action: string; entity: string },
  work: (scope: ClinicScope, ...args: A) => Promise<T>,
) {
  return (ctx: AppContext, principal: Principal, clinicId: string, ...args: A): Promise<T> =>
    runInClinic(ctx, principal, { clinicId, ...request }, (scope) => work(scope, ...args))
}

/**
 * A read that is audited as what it was asked for: runInClinic's permission check and
 * row-level-secured transaction, then one success event with the request's own action and
 * entity (and the record or detail it names). A load that throws records nothing: its
 * transaction rolls back.
 */
export function readInClinic<T>(
  ctx: AppContext,
  principal: Principal,
  request: {
    clinicId: string
    permission: Permission
    action: string
    entity: string
    entityId?: string
    detail?: Record<string, CanonicalValue>
  },
  load: (scope: ClinicScope) => Promise<T>,
): Promise<T> {
  const { clinicId, permission, ...event } = request
  return runInClinic(
    ctx,
    principal,
    { clinicId, permission, action: event.action, entity: event.entity },
    async (scope) => {
      const result = await load(scope)
      await scope.audit(event)
      return result
    },
  )
}
