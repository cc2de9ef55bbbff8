import { type AuditInput, appendAudit } from '../../audit/append-audit'
import type { Tx } from '../../context'
import type { ResolvedSignIn } from '../../sign-in'

/** Who a staff sign-in's event is recorded for: the account (if one was found), the e-mail typed, the address. */
interface SignInActor {
  userId: string | null
  email: string
  ip: string | null
}

/** The actor of an event about a resolved sign-in. */
export const actorOf = (signIn: ResolvedSignIn): SignInActor => ({
  userId: signIn.userId,
  email: signIn.email,
  ip: signIn.principal.ip,
})

/**
 * Records an event of staff sign-in (signing in, the second factor, locking, ending) on the
 * installation chain: a sign-in belongs to no clinic.
 */
export function auditSignIn(
  tx: Tx,
  actor: SignInActor,
  event: Pick<AuditInput, 'action' | 'entity' | 'entityId' | 'outcome' | 'detail'>,
  now: Date,
): Promise<void> {
  return appendAudit(
    tx,
    { clinicId: null, actorUserId: actor.userId, actorEmail: actor.email, ip: actor.ip, ...event },
    now,
  )
}
