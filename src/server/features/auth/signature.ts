import { type CanonicalValue, canonicalize } from '../../../domain/ledger/hash-chain'
import { sha256Hex } from '../../../domain/ledger/sha256'
import type { Tx } from '../../context'
import { AppError } from '../../errors'
import type { SecretBox } from '../../secrets/secret-box'
import { verifyPassword } from './passwords'
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

/**
 * An electronic signature (design.md §6): the signer proves again who they are at the moment of
 * signing — a TOTP code when they have an authenticator, else their password — and the record keeps
 * who, when, what it means, and the SHA-256 of exactly what was signed.
 */
export async function signContent(
  scope: { tx: Tx; secrets: SecretBox },
  signer: { userId: string; displayName: string },
  proof: SignerProof,
  meaning: string,
  content: unknown,
  now: Date,
): Promise<Signature> {
  await verifySigner(scope.tx, scope.secrets, signer.userId, proof, now)
  const canonical = canonicalize({ meaning, content: JSON.parse(JSON.stringify(content)) as CanonicalValue })
  return {
    signedBy: signer.userId,
    signerName: signer.displayName,
    signedAt: now,
    meaning,
    contentHash: sha256Hex(canonical),
  }
}

async function verifySigner(
  tx: Tx,
  secrets: SecretBox,
  userId: string,
  proof: SignerProof,
  now: Date,
): Promise<void> {
  const secret = await tx
    .selectFrom('mfa_secret')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (proof.totpCode) {
    if (!secret?.confirmed_at)
      throw new AppError('validation-failed', 'You have no authenticator set up; sign with your password.', {
        fieldErrors: [{ field: 'totpCode', message: 'no authenticator is set up' }],
      })
    const step = checkStoredTotp(secrets, secret.secret_base32, proof.totpCode, now, secret.last_used_step)
    if (step === null)
      throw new AppError(
        'invalid-mfa-code',
        'That authentication code is not right; the signature was not made.',
        { fieldErrors: [{ field: 'totpCode', message: 'does not match your authenticator' }] },
      )
    await tx.updateTable('mfa_secret').set({ last_used_step: step }).where('user_id', '=', userId).execute()
    return
  }
  if (proof.password) {
    const user = await tx
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    if (!(await verifyPassword(user.password_hash, proof.password))) {
      throw new AppError('invalid-credentials', 'That password is not right; the signature was not made.', {
        fieldErrors: [{ field: 'password', message: 'is not your password' }],
      })
    }
    return
  }
  throw new AppError('validation-failed', 'Signing needs your password or an authenticator code.', {
    fieldErrors: [{ field: 'password', message: 'enter your password or an authenticator code to sign' }],
  })
}
