import type { ClinicScope } from '../../clinic-scope'
import { type MemberSignature, type MemberSignerInput, signAsMember } from '../auth/member-signature'

export type WitnessInput = MemberSignerInput
export type WitnessSignature = MemberSignature

/**
 * A second person witnesses a ledger entry (clinical-reference §8, design.md §6): someone other than
 * the person recording it, an active nurse or prescriber of this clinic, who proves who they are
 * with their own password or authenticator code at that moment. Returns the hash of what they
 * witnessed, kept on the entry.
 */
export function signAsWitness(
  scope: ClinicScope,
  witness: WitnessInput,
  meaning: string,
  content: unknown,
): Promise<WitnessSignature> {
  return signAsMember(
    scope,
    witness,
    {
      permission: 'ledger:write',
      fieldPrefix: 'witness',
      roleMessage: 'is not an active nurse or prescriber of this clinic',
      isSelfAllowed: false,
      signerLabel: 'Witness',
    },
    meaning,
    content,
  )
}
