import type { Principal } from './principal'

// What the core knows of a SMART backend client's access token: plugins/auth.ts resolves a Bearer
// token on /fhir/ routes with a resolver features/fhir-clients supplies (passed in by app.ts, as
// the staff sign-in is), so the core never imports a feature.

/** A live access token: the client acting as a principal, fenced to the token's clinic. */
export interface ClientAccess {
  principal: Principal
  clinicId: string
}

/** Looks up an access token; an unknown, expired or revoked one is a 401 `invalid-token`. */
export type BearerResolver = (token: string, ip: string | null) => Promise<ClientAccess>
