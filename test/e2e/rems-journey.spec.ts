import { expect, test } from '@playwright/test'
import { serverForSpec } from './support/spec-server'
import { signInStaff } from './support/staff'

// The esketamine REMS hard stop (clinical-reference §3): a booking is refused while the patient's
// REMS enrolment is missing, with a message naming it; once a nurse records it, the booking goes in.

const server = serverForSpec()
test.use({ actionTimeout: 20_000 })

test('an esketamine booking is refused for a missing REMS enrolment, then accepted once it is recorded', async ({
  browser,
}) => {
  const nurse = await signInStaff(browser, server, 'nurse@demo.ketacare.org', { expectShell: true })
  const clinicPath = new URL(nurse.url()).pathname
  await nurse.goto(`${server.url}${clinicPath}/patients`)
  await nurse.getByLabel('Search patients', { exact: true }).fill('RK-2024-0139')
  await nurse.getByRole('link', { name: 'Marsh, Elena' }).click()

  // The chart's checklist names what is missing before the first esketamine session.
  await expect(nurse.getByRole('list', { name: 'Checklist' })).toContainText(
    "Missing: the patient's REMS enrolment",
  )
  await nurse.getByRole('tab', { name: 'Sessions' }).click()
  const card = nurse.getByRole('region', { name: 'REMS patient enrolment' })
  await expect(card.getByText('Missing', { exact: true })).toBeVisible()

  const booking = nurse.getByRole('form', { name: 'Book a session' })
  await expect(booking.getByLabel('Benefit review')).toContainText(/Benefit review due \d{4}-\d{2}-\d{2}/)
  await booking.getByLabel('Chair', { exact: true }).click()
  // Chair 3 holds the demo's esketamine patient in monitoring this morning.
  await nurse.getByRole('option', { name: 'Chair 4', exact: true }).click()
  await booking.getByRole('button', { name: 'Book session' }).click()
  const refusal = booking.getByRole('alert')
  await expect(refusal).toContainText('Not booked: esketamine REMS requirement')
  await expect(refusal).toContainText("cannot be booked without the patient's REMS enrolment")
  await expect(nurse.getByRole('table', { name: 'Treatment sessions' })).toContainText(
    'No sessions booked yet.',
  )

  // The nurse records the enrolment on the card (the date defaults to today).
  const form = card.getByRole('form', { name: 'Record REMS patient enrolment' })
  await form.getByRole('textbox', { name: 'Enrolment identifier' }).fill('SPR-PT-7730215')
  await form.getByRole('button', { name: 'Record enrolment' }).click()
  await expect(card.getByText('Recorded', { exact: true })).toBeVisible()
  await expect(card).toContainText('SPR-PT-7730215')
  await expect(card).toContainText('recorded by Nina Okafor, RN')

  await booking.getByRole('button', { name: 'Book session' }).click()
  await expect(booking.getByText(/Session 1 booked/)).toBeVisible()
  await expect(booking.getByRole('alert')).toHaveCount(0)
  await expect(nurse.getByRole('table', { name: 'Treatment sessions' })).toContainText('Esketamine')
})
