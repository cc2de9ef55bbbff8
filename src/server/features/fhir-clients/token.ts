import { createLocalJWKSet, decodeJwt, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose'
import { clientSigningAlgs } from '../../../domain/access/client-jwks'
import { grantScopes, scopeWords } from '../../../domain/access/smart-scopes'
import type { CanonicalValue } from '../../../domain/ledger/hash-chain'
import { appendAudit } from '../../audit/append-audit'
import type { AppContext, Tx } from '../../context'
import { AppError, type ErrorCode } from '../../errors'
import { hashToken, randomToken } from '../../ids'
import { inOwnerTransaction } from '../../tenancy'
import { nextLock } from '../auth/lockout'
import { claimAssertion, type FhirClientRow, findClient, recordFailedAssertion } from './store'

// The SMART Backend Services token endpoint (SMART App Launch 2.x §Backend Services; RFC 7523):
// a client proves itself with a JWT signed by a key of its registered set and gets a five-minute
// opaque access token. Every refused assertion is counted toward the client's lockout (as wrong
// passwords are toward a user's) and audited; so is every token issued. Tokens are stored hashed.

export const accessTokenLifetimeSec = 300
/** SMART: the assertion's `exp` no more than five minutes ahead. */
const maxAssertionLifetimeSec = 300
const jwtBearer = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unsupported_grant_type'

/** An OAuth 2.0 error (RFC 6749 §5.2) as the server's AppError; the route answers `{error, error_description}`. */
export function oauthError(error: OAuthErrorCode, description: string): AppError {
  const code: ErrorCode = error === 'invalid_client' ? 'not-signed-in' : 'bad-request'
  return new AppError(code, description, { extra: { oauthError: error } })
}

export interface TokenForm {
  grant_type?: string
  client_assertion_type?: string
  client_assertion?: string
  scope?: string
}

export interface TokenReply {
  access_token: string
  token_type: 'bearer'
  expires_in: number
  scope: string
}

interface Attempt {
  ctx: AppContext
  ip: string | null
  now: Date
}

/** One token-endpoint event: on the client's clinic chain, or the installation's when no client is known. */
function auditToken(
  tx: Tx,
  attempt: Attempt,
  client: FhirClientRow | undefined,
  outcome: 'success' | 'failure' | 'denied',
  detail: Record<string, CanonicalValue>,
): Promise<void> {
  return appendAudit(
    tx,
    {
      clinicId: client?.clinic_id ?? null,
      actorUserId: null,
      actorEmail: client ? `client:${client.id}` : null,
      action: 'fhir.token',
      entity: 'fhir_client',
      entityId: client?.id ?? null,
      outcome,
      ip: attempt.ip,
      detail,
    },
    attempt.now,
  )
}

/** Commits a refusal's record (count, lock, audit) and returns the error to answer. */
async function refuse(
  attempt: Attempt,
  client: FhirClientRow | undefined,
  how: { reason: string; counts: boolean; error: AppError },
): Promise<AppError> {
  await inOwnerTransaction(attempt.ctx, async (tx) => {
    let reason = how.reason
    if (client && how.counts) {
      const lock = nextLock(attempt.ctx, client.failed_assertion_count + 1, client.lock_count, attempt.now)
      await recordFailedAssertion(tx, client.id, lock)
      if (lock) reason = `${reason}; client locked until ${lock.until.toISOString()}`
    }
    await auditToken(tx, attempt, client, how.counts ? 'failure' : 'denied', { reason })
  })
  return how.error
}

function requireForm(form: TokenForm): { assertion: string } {
  if (form.grant_type !== 'client_credentials')
    throw form.grant_type
      ? oauthError('unsupported_grant_type', 'Only grant_type=client_credentials is supported.')
      : oauthError('invalid_request', 'grant_type is required (client_credentials).')
  if (form.client_assertion_type !== jwtBearer)
    throw oauthError('invalid_client', `client_assertion_type must be ${jwtBearer}.`)
  if (!form.client_assertion) throw oauthError('invalid_request', 'client_assertion is required.')
  return { assertion: form.client_assertion }
}

/** The client the assertion names (`iss`), read before its signature is checked. */
function claimedClientId(assertion: string): string | undefined {
  try {
    const { iss } = decodeJwt(assertion)
    return typeof iss === 'string' && /^[0-9a-f-]{36}$/i.test(iss) ? iss : undefined
  } catch {
    return undefined
  }
}

/** Checks the assertion against the client's keys; the reason it fails, or its claims. */
async function verifyAssertion(
  client: FhirClientRow,
  assertion: string,
  tokenUrl: string,
  now: Date,
): Promise<{ claims: JWTPayload & { jti: string; exp: number } } | { reason: string }> {
  try {
    const { payload } = await jwtVerify(assertion, createLocalJWKSet(client.jwks as never), {
      algorithms: [...clientSigningAlgs],
      issuer: client.id,
      subject: client.id,
      audience: tokenUrl,
      requiredClaims: ['exp', 'jti'],
      currentDate: now,
    })
    const exp = payload.exp!
    if (exp - now.getTime() / 1000 > maxAssertionLifetimeSec)
      return { reason: 'exp more than five minutes ahead' }
    if (typeof payload.jti !== 'string' || payload.jti === '') return { reason: 'jti missing' }
    return { claims: payload as JWTPayload & { jti: string; exp: number } }
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return { reason: `${error.code}: ${error.message}` }
    throw error
  }
}

/**
 * `POST /fhir/R4/auth/token`: client_credentials with a private_key_jwt client assertion. Refusals
 * are OAuth errors (invalid_client is a 401); the assertion's checks count toward a lockout.
 */
export async function issueAccessToken(
  ctx: AppContext,
  request: { form: TokenForm; tokenUrl: string; ip: string | null },
): Promise<TokenReply> {
  const attempt: Attempt = { ctx, ip: request.ip, now: ctx.now() }
  const { assertion } = requireForm(request.form)
  const clientId = claimedClientId(assertion)
  const client = clientId ? await inOwnerTransaction(ctx, (tx) => findClient(tx, clientId)) : undefined
  const badClient = oauthError('invalid_client', 'The client assertion was not accepted.')
  if (!client)
    throw await refuse(attempt, undefined, { reason: 'unknown client', counts: false, error: badClient })
  if (client.revoked_at)
    throw await refuse(attempt, client, { reason: 'client revoked', counts: false, error: badClient })
  if (client.locked_until && client.locked_until > attempt.now) {
    const error = oauthError(
      'invalid_client',
      'Too many refused client assertions: this client is locked for now.',
    )
    error.extra.retryAfterSec = Math.ceil((client.locked_until.getTime() - attempt.now.getTime()) / 1000)
    throw await refuse(attempt, client, { reason: 'client locked', counts: false, error })
  }
  const verified = await verifyAssertion(client, assertion, request.tokenUrl, attempt.now)
  if ('reason' in verified)
    throw await refuse(attempt, client, { reason: verified.reason, counts: true, error: badClient })
  const granted = grantScopes(scopeWords(request.form.scope ?? ''), client.scopes)
  const token = randomToken(32)
  const outcome = await inOwnerTransaction(ctx, async (tx) => {
    const { jti, exp } = verified.claims
    if (
      !(await claimAssertion(tx, { clientId: client.id, jti, expiresAt: new Date(exp * 1000) }, attempt.now))
    )
      return 'replayed' as const
    if (granted.length === 0) return 'no scope' as const
    await tx
      .insertInto('fhir_access_token')
      .values({
        token_hash: hashToken(token),
        client_id: client.id,
        clinic_id: client.clinic_id,
        scopes: granted,
        issued_at: attempt.now,
        expires_at: new Date(attempt.now.getTime() + accessTokenLifetimeSec * 1000),
      })
      .execute()
    await tx
      .updateTable('fhir_client')
      .set({ failed_assertion_count: 0, lock_count: 0, locked_until: null })
      .where('id', '=', client.id)
      .execute()
    await auditToken(tx, attempt, client, 'success', { scopes: granted })
    return 'issued' as const
  })
  if (outcome === 'replayed')
    throw await refuse(attempt, client, { reason: 'jti replayed', counts: true, error: badClient })
  if (outcome === 'no scope')
    throw await refuse(attempt, client, {
      reason: `no allowed scope in "${request.form.scope ?? ''}"`,
      counts: false,
      error: oauthError(
        'invalid_scope',
        `None of the requested scopes is allowed for this client (${client.scopes.join(' ')}).`,
      ),
    })
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: accessTokenLifetimeSec,
    scope: granted.join(' '),
  }
}
