import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/** A SMART backend client of one clinic (migration 026); its id is the OAuth client_id. */
export interface FhirClientTable {
  id: string
  clinic_id: string
  name: string
  /** The public JSON Web Key Set its client assertions are checked against. */
  jwks: JSONColumnType<{ keys: Record<string, unknown>[] }, string, string>
  /** The `system/…` scopes it may be granted. */
  scopes: string[]
  created_at: Date
  created_by: string | null
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  revoked_by: ColumnType<string | null, string | null | undefined, string | null>
  failed_assertion_count: Generated<number>
  lock_count: Generated<number>
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>
}

/** An accepted client assertion's `jti`, kept until the assertion expires (replay refusal). */
export interface FhirClientAssertionTable {
  client_id: string
  jti: string
  expires_at: Date
}

/** An access token, stored only as the SHA-256 hash of its value. */
export interface FhirAccessTokenTable {
  token_hash: string
  client_id: string
  clinic_id: string
  scopes: string[]
  issued_at: Date
  expires_at: Date
}

export type PartialDB = {
  fhir_client: FhirClientTable
  fhir_client_assertion: FhirClientAssertionTable
  fhir_access_token: FhirAccessTokenTable
}
