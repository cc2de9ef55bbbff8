import { type CanonicalValue, canonicalize } from '../../../domain/ledger/hash-chain'
import type { ClinicScope } from '../../clinic-scope'
import { AppError } from '../../errors'
import { sha256Hex } from '../../sha256'
import { verifyPassword } from './passwords'
import { reauthLimitError, recordReauthRefusal } from './reauth-limits'
import { checkStoredTotp } from './totp'

export interface SignerProof {
  password?: string | undefined
  totpCode?: string | undefined
}

export interface Signature {
  signedBy: string
  signerName: string
  signedAt: Date
  meaning: string
  contentHash: string
}

/** What signing needs from the request: its transaction, clinic, caller and clock. */
export type SigningScope = Pick<ClinicScope, 'tx' | 'clinicId' | 'principal' | 'now' | 'audit' | 'secrets'>

/**
 * An electronic signature (design.md §6): the signer proves again who they are at the moment of
 * signing — a TOTP code when they have an authenticator, else their password — and the record keeps
 * who, when, what it means, and the SHA-256 of exactly what was signed.
 *
 * The proof is guarded like a sign-in (issue 13): a locked signer cannot sign, wrong passwords and
 * codes count toward the signer's lockout, failures are limited per signer and per caller, and
 * every attempt is audited (who tried, for whom, how, the outcome; never the secret).
 */
export async function signContent(
  scope: SigningScope,
  signer: { userId: string; displayName: string },
  proof: SignerProof,
  meaning: string,
  content: unknown,
): Promise<Signature> {
  await verifySigner(scope, signer.userId, proof, meaning)
  const canonical = canonicalize({ meaning, content: JSON.parse(JSON.stringify(content)) as CanonicalValue })
  return {
    signedBy: signer.userId,
    signerName: signer.displayName,
    signedAt: scope.now,
    meaning,
    contentHash: sha256Hex(canonical),
  }
}

async function verifySigner(scope: SigningScope, userId: string, proof: SignerProof, meaning: string) {
  const { tx, now } = scope
  const method = proof.totpCode ? 'totp' : proof.password ? 'password' : null
  if (!method)
    throw new AppError('validation-failed', 'Signing needs your password or an authenticator code.', {
      fieldErrors: [{ field: 'password', message: 'enter your password or an authenticator code to sign' }],
    })
  const attempt = { signerUserId: userId, meaning, method } as const
  const user = await tx
    .selectFrom('app_user')
    .select(['password_hash', 'locked_until'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  if (user.locked_until && user.locked_until > now)
    throw recordReauthRefusal(
      scope,
      attempt,
      'signer locked',
      new AppError(
        'account-locked',
        'This account is locked after wrong passwords or codes; it cannot sign now.',
        {
          extra: {
            retryAfterSec: Math.max(1, Math.ceil((user.locked_until.getTime() - now.getTime()) / 1000)),
          },
        },
      ),
    )
  const limited = await reauthLimitError(tx, userId, scope.principal.userId, now)
  if (limited) throw recordReauthRefusal(scope, attempt, 'rate limited', limited)

  if (method === 'totp') {
    const secret = await tx
      .selectFrom('mfa_secret')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (!secret?.confirmed_at)
      throw new AppError('validation-failed', 'You have no authenticator set up; sign with your password.', {
        fieldErrors: [{ field: 'totpCode', message: 'no authenticator is set up' }],
      })
    const step = checkStoredTotp(
      scope.secrets,
      secret.secret_base32,
      proof.totpCode ?? '',
      now,
      secret.last_used_step,
    )
    if (step === null)
      throw recordReauthRefusal(
        scope,
        attempt,
        'wrong code',
        new AppError(
          'invalid-mfa-code',
          'That authentication code is not right; the signature was not made.',
          {
            fieldErrors: [{ field: 'totpCode', message: 'does not match your authenticator' }],
          },
        ),
      )
    await tx.updateTable('mfa_secret').set({ last_used_step: step }).where('user_id', '=', userId).execute()
  } else if (!(await verifyPassword(user.password_hash, proof.password ?? ''))) {
    throw recordReauthRefusal(
      scope,
      attempt,
      'wrong password',
      new AppError('invalid-credentials', 'That password is not right; the signature was not made.', {
        fieldErrors: [{ field: 'password', message: 'is not your password' }],
      }),
    )
  }
  await scope.audit({
    action: 'auth.reauth',
    entity: 'app_user',
    entityId: userId,
    detail: { signerUserId: userId, meaning, method, outcome: 'success' },
  })
}
