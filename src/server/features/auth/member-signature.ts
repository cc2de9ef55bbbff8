import { hasPermission, type Permission, type StaffRole } from '../../../domain/access/permissions'
import type { ClinicScope } from '../../clinic-scope'
import { AppError } from '../../errors'
import { signContent } from './signature'

export interface MemberSignerInput {
  userId: string
  password?: string | undefined
  totpCode?: string | undefined
}

export interface MemberSignature {
  userId: string
  name: string
  signatureHash: string
}

export interface MemberSignatureRule {
  /** What the signer's role must allow, e.g. `ledger:write` for a witness, `override:sign` for an override. */
  permission: Permission
  /** How the fields are named in errors (`witness`, `override.signer`). */
  fieldPrefix: string
  /** The error when the signer's role does not allow it. */
  roleMessage: string
  /** A witness must be someone else; an override may be signed by the signed-in prescriber. */
  isSelfAllowed: boolean
  /** Names the signer in error messages ("Witness", "Prescriber"). */
  signerLabel: string
}

/**
 * A member of this clinic signs at this device with their own password or authenticator code
 * (design.md §6): an active member whose role allows `rule.permission`, not locked out. Returns
 * the hash of what they signed.
 */
export async function signAsMember(
  scope: ClinicScope,
  signer: MemberSignerInput,
  rule: MemberSignatureRule,
  meaning: string,
  content: unknown,
): Promise<MemberSignature> {
  const invalid = (message: string) =>
    new AppError('validation-failed', message, {
      fieldErrors: [{ field: `${rule.fieldPrefix}.userId`, message }],
    })
  if (!rule.isSelfAllowed && signer.userId === scope.principal.userId)
    throw invalid(
      `the ${rule.signerLabel.toLowerCase()} must be someone other than the person recording the entry`,
    )
  const member = await scope.tx
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'u.is_active as userActive', 'm.role', 'm.is_active'])
    .where('m.clinic_id', '=', scope.clinicId)
    .where('m.user_id', '=', signer.userId)
    .executeTakeFirst()
  if (!member?.is_active || !member.userActive || !hasPermission(member.role as StaffRole, rule.permission))
    throw invalid(rule.roleMessage)
  // A locked signer is refused (423, audited) by the signature check itself.
  try {
    const signature = await signContent(
      scope,
      { userId: member.id, displayName: member.display_name },
      { password: signer.password, totpCode: signer.totpCode },
      meaning,
      content,
    )
    return { userId: member.id, name: member.display_name, signatureHash: signature.contentHash }
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    // Name the signer's fields, and say whose proof failed: the recorder is signed in already.
    const named = new AppError(error.code, `${rule.signerLabel} ${member.display_name}: ${error.message}`, {
      fieldErrors: error.fieldErrors.map((f) => ({
        field: `${rule.fieldPrefix}.${f.field}`,
        message: f.message,
      })),
      extra: error.extra,
    })
    // Keep the failure's record (count, lockout, audit) that must outlive the rollback.
    named.afterRollback = error.afterRollback
    throw named
  }
}
