import type { ClientAccess } from '../../backend-client'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { clientGrantOf } from '../../fhir/caller'
import { hashToken } from '../../ids'
import { inOwnerTransaction } from '../../tenancy'

/**
 * An access token on a /fhir/ request, looked up by its hash: the client as a principal of its one
 * clinic, allowed what its granted scopes name. Expired, unknown or revoked-client tokens are a 401.
 */
export async function resolveBearer(
  ctx: AppContext,
  token: string,
  ip: string | null,
): Promise<ClientAccess> {
  const row = await inOwnerTransaction(ctx, (tx) =>
    tx
      .selectFrom('fhir_access_token as t')
      .innerJoin('fhir_client as c', 'c.id', 't.client_id')
      .innerJoin('clinic', 'clinic.id', 't.clinic_id')
      .innerJoin('organization as o', 'o.id', 'clinic.organization_id')
      .select(['t.client_id', 't.clinic_id', 't.scopes', 't.expires_at', 'c.name', 'c.revoked_at'])
      .select(['clinic.name as clinic_name', 'o.name as organization_name'])
      .where('t.token_hash', '=', hashToken(token))
      .executeTakeFirst(),
  )
  if (!row || row.revoked_at || row.expires_at <= ctx.now())
    throw new AppError('not-signed-in', 'The access token is unknown, expired or revoked: request a new one.')
  return {
    clinicId: row.clinic_id,
    principal: {
      userId: row.client_id,
      email: `client:${row.client_id}`,
      displayName: row.name,
      sessionId: '',
      ip,
      // Read-only, like an inspector; what it may read is narrowed by its scopes (`client`).
      memberships: [
        {
          clinicId: row.clinic_id,
          clinicName: row.clinic_name,
          organizationName: row.organization_name,
          role: 'auditor',
        },
      ],
      client: clientGrantOf(row.client_id, row.scopes),
    },
  }
}
