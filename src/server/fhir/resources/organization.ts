import type { Location, Organization } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { ChairTable, ClinicTable, OrganizationTable } from '../../../db'
import { ref, versionedMeta } from './meta'

export type ClinicRow = Pick<
  Selectable<ClinicTable>,
  'id' | 'organization_id' | 'name' | 'phone' | 'time_zone' | 'version' | 'created_at'
>
export type OrganizationRow = Selectable<OrganizationTable>
export type ChairRow = Selectable<ChairTable>

const providerType = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/organization-type',
      code: 'prov',
      display: 'Healthcare Provider',
    },
  ],
}

/** The network (KetaCare's organization): the clinics are part of it. */
export function toNetworkOrganization(row: OrganizationRow): Organization {
  return {
    resourceType: 'Organization',
    id: row.id,
    meta: versionedMeta(1, row.created_at),
    active: true,
    type: [providerType],
    name: row.name,
  }
}

// The clinic table has a version but no update time: lastUpdated is the creation until it gets one.
/** A clinic as an Organization, part of its network. */
export function toClinicOrganization(row: ClinicRow): Organization {
  return {
    resourceType: 'Organization',
    id: row.id,
    meta: versionedMeta(row.version, row.created_at),
    active: true,
    type: [providerType],
    name: row.name,
    ...(row.phone ? { telecom: [{ system: 'phone', value: row.phone, use: 'work' }] } : {}),
    partOf: ref('Organization', row.organization_id),
  }
}

/** A clinic as the Location its sessions happen at. */
export function toClinicLocation(row: ClinicRow): Location {
  return {
    resourceType: 'Location',
    id: row.id,
    meta: versionedMeta(row.version, row.created_at),
    status: 'active',
    mode: 'instance',
    name: row.name,
    physicalType: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/location-physical-type',
          code: 'bu',
          display: 'Building',
        },
      ],
    },
    ...(row.phone ? { telecom: [{ system: 'phone', value: row.phone, use: 'work' }] } : {}),
    managingOrganization: ref('Organization', row.id),
  }
}

/** A treatment chair, part of its clinic's Location. */
export function toChairLocation(row: ChairRow): Location {
  return {
    resourceType: 'Location',
    id: row.id,
    meta: versionedMeta(1, row.created_at),
    status: row.is_active ? 'active' : 'inactive',
    mode: 'instance',
    name: row.name,
    physicalType: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/location-physical-type',
          code: 'bd',
          display: 'Bed',
        },
      ],
    },
    managingOrganization: ref('Organization', row.clinic_id),
    partOf: ref('Location', row.clinic_id),
  }
}
