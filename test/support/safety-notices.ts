import { expect } from 'vitest'
import { demoEmails, type TestApp } from './test-app'

/**
 * A safety alert raised for the patient was sent to the clinic's nurse and prescriber, each message
 * linking to the patient's chart. Returns the messages for what a test checks further.
 */
export async function expectSafetyNotices(t: TestApp, patientId: string) {
  const notices = await t.database.db
    .selectFrom('outbox_message')
    .select(['recipient', 'body'])
    .where('kind', '=', 'safety-alert')
    .where('patient_id', '=', patientId)
    .execute()
  expect(notices.map((n) => n.recipient)).toEqual(
    expect.arrayContaining([demoEmails.nurse, demoEmails.prescriber]),
  )
  expect(notices[0]!.body).toContain(`/patients/${patientId}`)
  return notices
}
