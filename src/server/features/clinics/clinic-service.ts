import type { Permission } from '../../../domain/access/permissions'
import { type ClinicScope, runInClinic } from '../../clinic-scope'
import type { AppContext } from '../../context'
import type { Principal } from '../../principal'

/** What a clinic service function needs and records: its permission, and the action and entity a denial names. */
interface ClinicServiceRequest {
  permission: Permission
  action: string
  entity: string
}

/** The clinic scope with the application's context, for the few services that need its config or caches. */
type ServiceScope = ClinicScope & { ctx: AppContext }

/**
 * Declares a service function of one clinic: called as `(ctx, principal, clinicId, ...args)`, it
 * checks the permission (auditing a denial) and runs `work` in the clinic's row-level-secured
 * transaction (`runInClinic`). Work that must come before the permission check (refusing a bad
 * request, hashing a password outside the transaction) goes in a plain function that calls runInClinic
 * or a declared service after it (`addUser`).
 */
export function clinicService<A extends unknown[], R>(
  request: ClinicServiceRequest,
  work: (scope: ServiceScope, ...args: A) => Promise<R>,
): (ctx: AppContext, principal: Principal, clinicId: string, ...args: A) => Promise<R> {
  return (ctx, principal, clinicId, ...args) =>
    runInClinic(ctx, principal, { clinicId, ...request }, (scope) => work({ ...scope, ctx }, ...args))
}
