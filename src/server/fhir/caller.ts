import type { FastifyRequest } from 'fastify'
import { AppError } from '../errors'
import { signInOf } from '../plugins/auth'
import type { Principal } from '../principal'

// Who is asking, and about which clinic: every FHIR route (read, search, $export) starts here, so a
// second kind of caller (a SMART backend client) is added in one place.

export const fhirBasePath = '/fhir/R4'

/** The header naming the clinic for a member of several (a member of one may leave it out). */
const clinicHeader = 'x-ketacare-clinic'

export function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${fhirBasePath}`
}

export interface FhirCaller {
  principal: Principal
  clinicId: string
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

/** The signed-in caller and the clinic the request is fenced to. */
export function fhirCallerOf(request: FastifyRequest): FhirCaller {
  const principal = signInOf(request).principal
  return { principal, clinicId: clinicOf(request, principal) }
}
