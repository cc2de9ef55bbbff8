import { clientSigningAlgs } from '../../domain/access/client-jwks'
import { sources } from './registry'

// SMART App Launch 2.x discovery (`.well-known/smart-configuration`) for Backend Services only:
// client_credentials with a private_key_jwt assertion, system scopes for read and search.

/** The scopes a client may be granted: every type served, and all of them at once. */
export function supportedScopes(): string[] {
  return ['system/*.rs', ...sources.map((s) => `system/${s.type}.rs`)]
}

/** The discovery document; `baseUrl` is this server's /fhir/R4. */
export function smartConfiguration(baseUrl: string) {
  return {
    token_endpoint: `${baseUrl}/auth/token`,
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: [...clientSigningAlgs],
    grant_types_supported: ['client_credentials'],
    scopes_supported: supportedScopes(),
    capabilities: ['client-confidential-asymmetric'],
  }
}
