import { Divider, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import type { Patient, PatientFields, Sex } from '../api/patients'
import { sexOptions } from '../lib/intake-labels'
import { FieldGroup } from './field-group'
import { fieldError } from './mutation-error'

/** The demographics form's state: every field as typed text. */
export type PatientDraft = { [K in keyof PatientFields]: string }

export const emptyPatientDraft: PatientDraft = {
  mrn: '',
  givenName: '',
  familyName: '',
  dateOfBirth: '',
  sex: '',
  phone: '',
  email: '',
  addressStreet: '',
  addressCity: '',
  addressState: '',
  addressPostalCode: '',
  escortName: '',
  escortPhone: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
  emergencyContactRelation: '',
}

export function draftOf(patient: Patient): PatientDraft {
  const draft = { ...emptyPatientDraft }
  for (const key of Object.keys(emptyPatientDraft) as (keyof PatientFields)[]) draft[key] = patient[key] ?? ''
  return draft
}

/** Empty optional fields are sent as null; the server trims and checks the rest. */
export function fieldsOf(draft: PatientDraft): PatientFields {
  const text = (value: string) => value.trim() || null
  return {
    mrn: draft.mrn.trim(),
    givenName: draft.givenName.trim(),
    familyName: draft.familyName.trim(),
    dateOfBirth: draft.dateOfBirth,
    sex: (draft.sex || 'unknown') as Sex,
    phone: text(draft.phone),
    email: text(draft.email),
    addressStreet: text(draft.addressStreet),
    addressCity: text(draft.addressCity),
    addressState: text(draft.addressState)?.toUpperCase() ?? null,
    addressPostalCode: text(draft.addressPostalCode),
    escortName: text(draft.escortName),
    escortPhone: text(draft.escortPhone),
    emergencyContactName: text(draft.emergencyContactName),
    emergencyContactPhone: text(draft.emergencyContactPhone),
    emergencyContactRelation: text(draft.emergencyContactRelation),
  }
}

export const patientFieldNames = Object.keys(emptyPatientDraft)

interface PatientFieldsFormProps {
  draft: PatientDraft
  onChange: (draft: PatientDraft) => void
  error: unknown
  isReadOnly?: boolean
  /** A one-line address recorded before the address was asked in parts. */
  legacyAddress?: string | null | undefined
}

/** Demographics inputs shared by "Register patient" and the chart's Demographics tab. */
export function PatientFieldsForm({
  draft,
  onChange,
  error,
  isReadOnly = false,
  legacyAddress,
}: PatientFieldsFormProps) {
  const input = (key: keyof PatientFields, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={draft[key]}
      onChange={(event) => onChange({ ...draft, [key]: event.currentTarget.value })}
      error={fieldError(error, key)}
      readOnly={isReadOnly}
      withAsterisk={false}
      {...extra}
      {...(isReadOnly ? { withAsterisk: false } : {})}
    />
  )
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {input('mrn', 'MRN', { required: true, placeholder: 'Unique in this clinic' })}
        {input('givenName', 'Given name', { required: true })}
        {input('familyName', 'Family name', { required: true })}
        {input('dateOfBirth', 'Date of birth', {
          required: true,
          type: 'date',
          max: new Date().toISOString().slice(0, 10),
        })}
        <FieldGroup label="Sex" error={fieldError(error, 'sex')}>
          <SegmentedControl
            data={sexOptions}
            value={draft.sex || 'unknown'}
            onChange={(sex) => onChange({ ...draft, sex })}
            readOnly={isReadOnly}
            fullWidth
          />
        </FieldGroup>
      </SimpleGrid>
      <Divider label="Contact" labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {input('phone', 'Phone', { type: 'tel' })}
        {input('email', 'E-mail', { type: 'email' })}
      </SimpleGrid>
      <Divider label="Home address" labelPosition="left" />
      {legacyAddress && !draft.addressStreet && (
        <Text size="sm">
          On file as one line: {legacyAddress}. Enter it in the fields below when you next save.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {input('addressStreet', 'Street address', {
          withAsterisk: true,
          autoComplete: 'street-address',
          placeholder: 'Number, street, apartment',
        })}
        {input('addressCity', 'City', { withAsterisk: true, autoComplete: 'address-level2' })}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        {input('addressState', 'State', {
          withAsterisk: true,
          autoComplete: 'address-level1',
          maxLength: 2,
          placeholder: 'OH',
          styles: { input: { textTransform: 'uppercase' } },
        })}
        {input('addressPostalCode', 'ZIP code', {
          withAsterisk: true,
          autoComplete: 'postal-code',
          inputMode: 'numeric',
          maxLength: 10,
          placeholder: '43215',
        })}
      </SimpleGrid>
      <Divider label="Escort home and emergency contact" labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {input('escortName', 'Escort name', { placeholder: 'Takes the patient home' })}
        {input('escortPhone', 'Escort phone', { type: 'tel' })}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {input('emergencyContactName', 'Emergency contact name')}
        {input('emergencyContactPhone', 'Emergency contact phone', { type: 'tel' })}
        {input('emergencyContactRelation', 'Relation to patient')}
      </SimpleGrid>
    </Stack>
  )
}
