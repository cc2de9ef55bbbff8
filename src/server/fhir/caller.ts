import type { FastifyRequest } from 'fastify'
import { scopeTypes } from '../../domain/access/smart-scopes'
import { AppError } from '../errors'
import { signInOf } from '../plugins/auth'
import type { ClientGrant, Principal } from '../principal'
import { sources } from './registry'

// Who is asking, and about which clinic: every FHIR route (read, search, $export) starts here, so a
// second kind of caller (a SMART backend client) is added in one place.

export const fhirBasePath = '/fhir/R4'

/** The header naming the clinic for a member of several (a member of one may leave it out). */
const clinicHeader = 'x-ketacare-clinic'

export function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${fhirBasePath}`
}

export interface FhirCaller {
  /** A staff member, or a backend client (`principal.client`) whose scopes say what it may read. */
  principal: Principal
  clinicId: string
}

/** The token endpoint's URL: the `aud` a client assertion must name. */
export function tokenUrlOf(request: FastifyRequest): string {
  return `${baseUrlOf(request)}/auth/token`
}

/** What a backend client's granted scopes allow: read and search of the types they name. */
/** The audit entity (and scope gate) of Bulk `$export` jobs. */
export const exportJobEntity = 'fhir_export_job'

export function clientGrantOf(clientId: string, scopes: readonly string[]): ClientGrant {
  const types = scopeTypes(scopes)
  const permitted = new Set(
    sources.filter((s) => types === '*' || types.has(s.type)).map((s) => `${s.permission} ${s.type}`),
  )
  return {
    clientId,
    // A client's own `$export` jobs: any read scope may start one (each type in it is checked
    // against the scopes at kick-off) and poll, fetch or cancel it.
    allows: (permission, resourceType) =>
      resourceType === exportJobEntity ? permitted.size > 0 : permitted.has(`${permission} ${resourceType}`),
  }
}

/** The clinic the request is about: the header's, or the caller's only clinic. */
function clinicOf(request: FastifyRequest, principal: Principal): string {
  const named = request.headers[clinicHeader]
  if (typeof named === 'string' && named !== '') return named
  const [only, ...others] = principal.memberships
  if (only && others.length === 0) return only.clinicId
  throw new AppError(
    'bad-request',
    `You are a member of several clinics: name one in the ${clinicHeader} header.`,
    {
      fieldErrors: [{ field: clinicHeader, message: 'is required for a member of several clinics' }],
    },
  )
}

/**
 * The caller and the clinic the request is fenced to: a backend client's token is bound to its
 * clinic (naming another in the header is a 403), a staff sign-in names one of its clinics.
 */
export function fhirCallerOf(request: FastifyRequest): FhirCaller {
  if (request.fhirClient) {
    const { principal, clinicId } = request.fhirClient
    const named = request.headers[clinicHeader]
    if (typeof named === 'string' && named !== '' && named !== clinicId)
      throw new AppError('forbidden', 'This access token is for another clinic than the one named.', {
        extra: { clinicId: named },
      })
    return { principal, clinicId }
  }
  const principal = signInOf(request).principal
  return { principal, clinicId: clinicOf(request, principal) }
}
