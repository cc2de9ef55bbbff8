import { hasPermission, type StaffRole } from '../../../domain/access/permissions'
import type { ClinicScope } from '../../clinic-scope'
import { AppError } from '../../errors'
import { signContent } from '../auth/signature'

export interface WitnessInput {
  userId: string
  password?: string | undefined
  totpCode?: string | undefined
}

export interface WitnessSignature {
  userId: string
  name: string
  signatureHash: string
}

const invalid = (message: string) =>
  new AppError('validation-failed', message, { fieldErrors: [{ field: 'witness.userId', message }] })

/**
 * A second person witnesses a ledger entry (clinical-reference §8, design.md §6): someone other than
 * the person recording it, an active nurse or prescriber of this clinic, who proves who they are
 * with their own password or authenticator code at that moment. Returns the hash of what they
 * witnessed, kept on the entry.
 */
export async function signAsWitness(
  scope: ClinicScope,
  witness: WitnessInput,
  meaning: string,
  content: unknown,
): Promise<WitnessSignature> {
  if (witness.userId === scope.principal.userId)
    throw invalid('the witness must be someone other than the person recording the entry')
  const member = await scope.tx
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'u.is_active as userActive', 'm.role', 'm.is_active'])
    .where('m.clinic_id', '=', scope.clinicId)
    .where('m.user_id', '=', witness.userId)
    .executeTakeFirst()
  if (!member?.is_active || !member.userActive || !hasPermission(member.role as StaffRole, 'ledger:write'))
    throw invalid('is not an active nurse or prescriber of this clinic')
  // A locked witness is refused (423, audited) by the signature check itself.
  try {
    const signature = await signContent(
      scope,
      { userId: member.id, displayName: member.display_name },
      { password: witness.password, totpCode: witness.totpCode },
      meaning,
      content,
    )
    return { userId: member.id, name: member.display_name, signatureHash: signature.contentHash }
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    // Name the witness's fields, and say whose proof failed: the recorder is signed in already.
    const named = new AppError(error.code, `Witness ${member.display_name}: ${error.message}`, {
      fieldErrors: error.fieldErrors.map((f) => ({ field: `witness.${f.field}`, message: f.message })),
      extra: error.extra,
    })
    // Keep the failure's record (count, lockout, audit) that must outlive the rollback.
    named.afterRollback = error.afterRollback
    throw named
  }
}
