import { hasPermission, type Permission } from '../domain/access/permissions'
import type { CanonicalValue } from '../domain/ledger/hash-chain'
import { type AuditInput, appendAudit } from './audit/append-audit'
import type { AppContext, Tx } from './context'
import { AppError } from './errors'
import type { Membership, Principal } from './principal'
import type { SecretBox } from './secrets/secret-box'
import { inClinicTransaction, inOwnerTransaction } from './tenancy'

/** Records a success event for this request; it is appended with the work and sealed into the chain after commit. */
export type ScopeAudit = (event: {
  action: string
  entity: string
  entityId?: string | null
  detail?: Record<string, CanonicalValue>
}) => Promise<void>

export interface ClinicScope {
  tx: Tx
  clinicId: string
  membership: Membership
  principal: Principal
  now: Date
  audit: ScopeAudit
  /** Opens TOTP secrets for signatures re-checking a signer (features/auth/signature.ts). */
  secrets: SecretBox
}

/**
 * The row-level-secured transaction both scopes run in: `work` records its events with `audit`,
 * and they are appended last, still inside the transaction, so they commit or roll back with the
 * work. They are appended unsealed (no chain lock: a clinic's requests do not queue on its chain);
 * the server's sealer links them into the chain once committed (audit/seal-audit.ts).
 */
export async function inAuditedClinicTransaction<T>(
  ctx: AppContext,
  clinicId: string,
  actor: { userId: string | null; email: string; ip: string | null },
  work: (tx: Tx, now: Date, audit: ScopeAudit) => Promise<T>,
): Promise<T> {
  const now = ctx.now()
  try {
    return await inClinicTransaction(ctx, clinicId, async (tx) => {
      const events: AuditInput[] = []
      const result = await work(tx, now, async (event) => {
        events.push({
          clinicId,
          actorUserId: actor.userId,
          actorEmail: actor.email,
          outcome: 'success',
          ip: actor.ip,
          entityId: event.entityId ?? null,
          action: event.action,
          entity: event.entity,
          detail: event.detail ?? null,
        })
      })
      for (const event of events) await appendAudit(tx, event, now)
      return result
    })
  } catch (error) {
    // A refusal may carry a record that must outlive the rollback (a wrong signing password).
    if (error instanceof AppError && error.afterRollback) await error.afterRollback(ctx)
    throw error
  }
}

/**
 * The one way a service touches a clinic's data: checks the permission (recording a denial in the
 * audit trail), then runs `work` in a row-level-secured transaction where it audits what it did.
 */
export async function runInClinic<T>(
  ctx: AppContext,
  principal: Principal,
  request: { clinicId: string; permission: Permission; action: string; entity: string },
  work: (scope: ClinicScope) => Promise<T>,
): Promise<T> {
  let membership: Membership
  try {
    membership = requireClinicPermission(principal, request)
  } catch (error) {
    if (error instanceof AppError) await recordDenial(ctx, principal, request, error.message)
    throw error
  }
  return inAuditedClinicTransaction(
    ctx,
    request.clinicId,
    { userId: actorUserIdOf(principal), email: principal.email, ip: principal.ip },
    (tx, now, audit) =>
      work({ tx, clinicId: request.clinicId, membership, principal, now, audit, secrets: ctx.secrets }),
  )
}

async function recordDenial(
  ctx: AppContext,
  principal: Principal,
  request: { clinicId: string; action: string; entity: string; permission: Permission },
  reason: string,
): Promise<void> {
  const isMember = principal.memberships.some((m) => m.clinicId === request.clinicId)
  const event = {
    // A non-member's attempt goes to the installation chain: the clinic id may not even exist.
    clinicId: isMember ? request.clinicId : null,
    actorUserId: actorUserIdOf(principal),
    actorEmail: principal.email,
    action: request.action,
    entity: request.entity,
    outcome: 'denied' as const,
    ip: principal.ip,
    detail: { reason, requestedClinicId: request.clinicId, permission: request.permission },
  }
  const now = ctx.now()
  if (isMember) await inClinicTransaction(ctx, request.clinicId, (tx) => appendAudit(tx, event, now))
  else await inOwnerTransaction(ctx, (tx) => appendAudit(tx, event, now))
}

/** A backend client is no user: its events name it by `client:<id>` in the actor's e-mail only. */
function actorUserIdOf(principal: Principal): string | null {
  return principal.client ? null : principal.userId
}

/**
 * Whether the caller may do `permission` on `entity`: a person by the role held in the clinic, a
 * backend client by its token's scopes (which name FHIR resource types, the entity of a FHIR read).
 */
export function isPermitted(
  principal: Principal,
  membership: Membership,
  permission: Permission,
  entity: string,
): boolean {
  return principal.client
    ? principal.client.allows(permission, entity)
    : hasPermission(membership.role, permission)
}

/** The role the principal holds in a clinic, or a 403 naming what is missing. */
function requireClinicPermission(
  principal: Principal,
  request: { clinicId: string; permission: Permission; entity: string },
): Membership {
  const { clinicId, permission } = request
  const membership = principal.memberships.find((m) => m.clinicId === clinicId)
  if (!membership)
    throw new AppError('forbidden', 'You are not a member of this clinic.', { extra: { clinicId } })
  if (principal.client && !isPermitted(principal, membership, permission, request.entity))
    throw new AppError('forbidden', `This access token's scopes do not grant reading ${request.entity}.`, {
      extra: { clinicId, permission },
    })
  if (!isPermitted(principal, membership, permission, request.entity)) {
    throw new AppError(
      'forbidden',
      `Your role (${membership.role}) does not allow ${permission} in this clinic.`,
      {
        extra: { clinicId, permission },
      },
    )
  }
  return membership
}

/** The clinic scope with the application's context, for the few services that need its config or caches. */
export type ServiceScope = ClinicScope & { ctx: AppContext }

/**
 * Declares a service function of one clinic: called as `(ctx, principal, clinicId, ...args)`, it
 * checks the permission (auditing a denial) and runs `work` in the clinic's row-level-secured
 * transaction (`runInClinic`). Work that must come before the permission check (refusing a bad
 * request, hashing a password outside the transaction) goes in a plain function that calls
 * runInClinic or a declared service after it.
 */
export function clinicService<A extends unknown[], R>(
  request: { permission: Permission; action: string; entity: string },
  work: (scope: ServiceScope, ...args: A) => Promise<R>,
): (ctx: AppContext, principal: Principal, clinicId: string, ...args: A) => Promise<R> {
  return (ctx, principal, clinicId, ...args) =>
    runInClinic(ctx, principal, { clinicId, ...request }, (scope) => work({ ...scope, ctx }, ...args))
}

/**
 * A read audited as what it was asked for: runInClinic's permission check and row-level-secured
 * transaction, then one success event with the request's own action and entity (and the record or
 * detail it names). A load that throws records nothing: its transaction rolls back.
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
