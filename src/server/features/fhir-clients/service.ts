import { importJWK, type JWK } from 'jose'
import { clientSigningAlgs, jwksProblems } from '../../../domain/access/client-jwks'
import { isScope, parseScope } from '../../../domain/access/smart-scopes'
import { clinicService, inAuditedClinicTransaction, type ScopeAudit } from '../../clinic-scope'
import type { AppContext, Tx } from '../../context'
import { AppError, type FieldError } from '../../errors'
import { sourceOf } from '../../fhir/registry'
import { uuidv7 } from '../../ids'
import { type FhirClientRow, findClient } from './store'

// Registering, listing and revoking a clinic's SMART backend clients: the administrator's API and
// the operator's CLI (`ketacare fhir client …`) run the same work, audited in the clinic's chain.

export interface RegisterFhirClientInput {
  name: string
  scopes: string[]
  jwks: { keys: Record<string, unknown>[] }
}

export interface FhirClientReply {
  clientId: string
  name: string
  scopes: string[]
  keys: { kid: string; kty: string; alg: string | null }[]
  createdAt: string
  revokedAt: string | null
}

/** Where the work runs and who is recorded as doing it (a staff member, or null for the CLI). */
interface ClientWork {
  tx: Tx
  clinicId: string
  now: Date
  audit: ScopeAudit
  actorUserId: string | null
}

function replyOf(row: FhirClientRow): FhirClientReply {
  return {
    clientId: row.id,
    name: row.name,
    scopes: row.scopes,
    keys: row.jwks.keys.map((k) => ({
      kid: String(k.kid),
      kty: String(k.kty),
      alg: typeof k.alg === 'string' ? k.alg : null,
    })),
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }
}

function scopeProblems(scopes: string[]): FieldError[] {
  return scopes.flatMap((text, i): FieldError[] => {
    const scope = parseScope(text)
    if (!isScope(scope)) return [{ field: `scopes[${i}]`, message: `"${text}" ${scope.error}` }]
    if (scope.resourceType !== '*' && !sourceOf(scope.resourceType))
      return [
        { field: `scopes[${i}]`, message: `${scope.resourceType} is not served (see /fhir/R4/metadata)` },
      ]
    return []
  })
}

/** Each key must also import as a key of its algorithm (a malformed modulus or point is refused here). */
async function keyImportProblems(keys: Record<string, unknown>[]): Promise<FieldError[]> {
  const problems: FieldError[] = []
  for (const [i, key] of keys.entries()) {
    const alg = key.kty === 'RSA' ? clientSigningAlgs[0] : clientSigningAlgs[1]
    try {
      const imported = await importJWK(key as JWK, alg)
      const bits = (imported as CryptoKey).algorithm as { modulusLength?: number }
      // RFC 7518 §3.3 and jose refuse RSA signatures with a modulus under 2048 bits.
      if (bits.modulusLength !== undefined && bits.modulusLength < 2048)
        throw new Error(`a ${bits.modulusLength}-bit modulus; 2048 bits at least`)
    } catch (error) {
      problems.push({
        field: `jwks.keys[${i}]`,
        message: `is not a usable ${alg} key: ${(error as Error).message}`,
      })
    }
  }
  return problems
}

async function requireValidRegistration(input: RegisterFhirClientInput): Promise<void> {
  let problems: FieldError[] = [...jwksProblems(input.jwks), ...scopeProblems(input.scopes)]
  if (problems.length === 0) problems = await keyImportProblems(input.jwks.keys)
  if (problems.length > 0)
    throw new AppError('validation-failed', `Check ${problems.map((p) => p.field).join(', ')}.`, {
      fieldErrors: problems,
    })
}

async function insertClient(work: ClientWork, input: RegisterFhirClientInput): Promise<FhirClientReply> {
  const row = await work.tx
    .insertInto('fhir_client')
    .values({
      id: uuidv7(work.now.getTime()),
      clinic_id: work.clinicId,
      name: input.name,
      jwks: JSON.stringify({ keys: input.jwks.keys }),
      scopes: [...new Set(input.scopes)],
      created_at: work.now,
      created_by: work.actorUserId,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const reply = replyOf(row)
  await work.audit({
    action: 'fhir.client.register',
    entity: 'fhir_client',
    entityId: row.id,
    detail: { name: reply.name, scopes: reply.scopes, kids: reply.keys.map((k) => k.kid) },
  })
  return reply
}

async function listClients(work: ClientWork): Promise<{ items: FhirClientReply[] }> {
  const rows = await work.tx
    .selectFrom('fhir_client')
    .selectAll()
    .where('clinic_id', '=', work.clinicId)
    .orderBy('created_at')
    .execute()
  await work.audit({ action: 'fhir.client.list', entity: 'fhir_client' })
  return { items: rows.map(replyOf) }
}

/** Revokes a client (its tokens stop working at once); 404 for another clinic's, 409 when revoked. */
async function revokeClient(work: ClientWork, clientId: string): Promise<FhirClientReply> {
  const row = await findClient(work.tx, clientId)
  if (!row || row.clinic_id !== work.clinicId)
    throw new AppError('not-found', 'No such backend client in this clinic.')
  if (row.revoked_at) throw new AppError('conflict', 'This backend client was revoked before.')
  const revoked = await work.tx
    .updateTable('fhir_client')
    .set({ revoked_at: work.now, revoked_by: work.actorUserId })
    .where('id', '=', clientId)
    .where('clinic_id', '=', work.clinicId)
    .returningAll()
    .executeTakeFirstOrThrow()
  await work.audit({ action: 'fhir.client.revoke', entity: 'fhir_client', entityId: clientId })
  return replyOf(revoked)
}

const permission = 'fhir-clients:manage' as const
const entity = 'fhir_client'

const adminWork = <A extends unknown[], R>(
  action: string,
  run: (work: ClientWork, ...args: A) => Promise<R>,
) =>
  clinicService({ permission, action, entity }, (scope, ...args: A) =>
    run({ ...scope, actorUserId: scope.principal.userId }, ...args),
  )

const insertAsAdmin = adminWork('fhir.client.register', insertClient)
export const listFhirClients = adminWork('fhir.client.list', listClients)
export const revokeFhirClient = adminWork('fhir.client.revoke', revokeClient)

/** `POST …/fhir-clients`: the key set and scopes are checked before the permission (400 names the field). */
export async function registerFhirClient(
  ctx: AppContext,
  principal: Parameters<typeof insertAsAdmin>[1],
  clinicId: string,
  input: RegisterFhirClientInput,
): Promise<FhirClientReply> {
  await requireValidRegistration(input)
  return insertAsAdmin(ctx, principal, clinicId, input)
}

/** The operator at the console (`ketacare fhir client …`): the same work, audited as the CLI. */
function asOperator<A extends unknown[], R>(run: (work: ClientWork, ...args: A) => Promise<R>) {
  return (ctx: AppContext, clinicId: string, ...args: A): Promise<R> =>
    inAuditedClinicTransaction(
      ctx,
      clinicId,
      { userId: null, email: 'ketacare cli', ip: null },
      (tx, now, audit) => run({ tx, clinicId, now, audit, actorUserId: null }, ...args),
    )
}

export async function registerFhirClientAsOperator(
  ctx: AppContext,
  clinicId: string,
  input: RegisterFhirClientInput,
): Promise<FhirClientReply> {
  await requireValidRegistration(input)
  return asOperator(insertClient)(ctx, clinicId, input)
}
export const listFhirClientsAsOperator = asOperator(listClients)
export const revokeFhirClientAsOperator = asOperator(revokeClient)
