import { z } from 'zod'
import { clinicParams } from './common'

// SMART backend clients of a clinic's FHIR API (issue 17): what an administrator registers and sees.
// The key set and the scopes are checked in full by the service (src/domain/access), which names
// each bad key member or scope; here only their shape.

export const fhirClientParams = clinicParams.extend({ clientId: z.uuid() })

export const registerFhirClientBody = z.object({
  name: z.string().trim().min(1).max(120),
  /** `system/<Type>.rs`, `system/*.rs` or `system/<Type>.read`. */
  scopes: z.array(z.string().max(100)).min(1).max(50),
  /** The public JSON Web Key Set, pasted whole (JWK members are strings, `key_ops`/`x5c` lists). */
  jwks: z.object({
    keys: z
      .array(z.record(z.string(), z.union([z.string().max(4096), z.array(z.string().max(8192))])))
      .max(20),
  }),
})

export const fhirClientSchema = z.object({
  /** The OAuth client_id (the `iss` and `sub` of its client assertions). */
  clientId: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  keys: z.array(z.object({ kid: z.string(), kty: z.string(), alg: z.string().nullable() })),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
})

export const fhirClientListSchema = z.object({ items: z.array(fhirClientSchema) })
