import { expect, test } from '@playwright/test'
import { serverForSpec } from './support/spec-server'
import { enrolAuthenticator, signInStaff, totpCodes } from './support/staff'

// An esketamine plan on the Plan tab (issue 14, point A): the demo's approved esketamine plan opens
// without a crash and shows its own preview (devices of 28 mg, 5 minutes apart, the sessions
// schedule), and a prescriber drafts and signs a new esketamine plan, which supersedes it.

const server = serverForSpec()
test.use({ actionTimeout: 20_000 })

const freshCode = totpCodes()

test('a prescriber opens an approved esketamine plan, drafts a new one and signs it', async ({ browser }) => {
  // Two fresh TOTP steps (up to 30 s each).
  test.setTimeout(180_000)
  const prescriber = await signInStaff(browser, server, 'prescriber@demo.ketacare.org')
  const errors: string[] = []
  prescriber.on('pageerror', (error) => errors.push(error.message))
  const secret = await enrolAuthenticator(prescriber, freshCode)
  await prescriber.waitForURL(/\/c\/[0-9a-f-]+$/)
  // Riverside treats with esketamine; the prescriber works at both demo clinics.
  const clinic = prescriber.getByRole('combobox', { name: 'Clinic' })
  if ((await clinic.inputValue()) !== 'Riverside Ketamine Clinic') {
    const before = new URL(prescriber.url()).pathname
    await clinic.click()
    await prescriber.getByRole('option', { name: 'Riverside Ketamine Clinic' }).click()
    await prescriber.waitForURL((url) => url.pathname !== before)
  }
  await expect(clinic).toHaveValue('Riverside Ketamine Clinic')
  const clinicPath = new URL(prescriber.url()).pathname

  // Elena Marsh: the demo's approved esketamine plan (no REMS enrolment yet).
  await prescriber.goto(`${server.url}${clinicPath}/patients`)
  await prescriber.getByLabel('Search patients', { exact: true }).fill('RK-2024-0139')
  await prescriber.getByRole('link', { name: 'Marsh, Elena' }).click()
  await prescriber.getByRole('tab', { name: 'Plan' }).click()
  const plans = prescriber.getByRole('region', { name: /^Plan: / })
  const approved = plans.first()
  await expect(approved).toHaveAccessibleName(
    'Plan: Esketamine nasal spray, TRD label schedule (adults < 65)',
  )
  await expect(approved.getByText('approved', { exact: true })).toBeVisible()
  await expect(approved).toContainText('56 mg (2 devices)')
  const devices = approved.getByLabel('Device preview', { exact: true })
  await expect(devices).toContainText('56 mg = 2 devices of 28 mg (4 sprays), 5 minutes apart')
  await expect(devices).toContainText('device 2 at 5 min')
  await expect(devices.getByRole('list', { name: 'Sessions schedule' })).toHaveText([
    'Weeks 1–4 (induction): twice weekly, 8 sessions',
  ])
  await expect(devices).toContainText('Review the benefit at the end of week 4')
  await expect(approved).not.toContainText('mg/kg')
  await expect(approved).toContainText('Signed by Dr. Priya Raman')
  await expect(prescriber.getByText('Something went wrong')).toHaveCount(0)

  // A new plan at 84 mg, weekly, 6 sessions; the form previews the devices before it is created.
  await prescriber.getByRole('button', { name: 'Draft a new plan' }).click()
  const form = prescriber.getByRole('form', { name: 'New treatment plan' })
  await form.getByLabel('Protocol', { exact: true }).click()
  await prescriber
    .getByRole('option', { name: 'Esketamine nasal spray, TRD label schedule (adults < 65)', exact: true })
    .click()
  await form.getByLabel('Dose (mg)', { exact: true }).click()
  await prescriber.getByRole('option', { name: /^84 mg/ }).click()
  const formPreview = form.getByLabel('Device preview', { exact: true })
  await expect(formPreview).toContainText('84 mg = 3 devices of 28 mg (6 sprays), 5 minutes apart')
  await form.getByLabel('Planned sessions', { exact: true }).fill('6')
  await form.getByLabel('Cadence', { exact: true }).click()
  await prescriber.getByRole('option', { name: 'Weekly', exact: true }).click()
  await expect(formPreview.getByRole('list', { name: 'Sessions schedule' })).toHaveText([
    'Weeks 1–6 (whole course): weekly, 6 sessions',
  ])
  for (const size of [
    { width: 390, height: 844 },
    { width: 1024, height: 768 },
  ]) {
    await prescriber.setViewportSize(size)
    await formPreview.scrollIntoViewIfNeeded()
    await prescriber.screenshot({
      path: `test-results/screens/esketamine-plan-form-${size.width}x${size.height}.png`,
      fullPage: true,
    })
  }
  await form.getByRole('button', { name: 'Create draft plan' }).click()

  const draft = plans.first()
  await expect(draft.getByText('draft', { exact: true })).toBeVisible()
  await expect(plans).toHaveCount(2)
  await expect(draft.getByLabel('Device preview', { exact: true })).toContainText('84 mg = 3 devices')
  await expect(draft).toContainText('Weekly')
  await expect(prescriber.getByText('Something went wrong')).toHaveCount(0)

  // The prescriber signs it with a fresh code: it is approved and the earlier plan superseded.
  await draft.getByLabel('Authenticator code', { exact: true }).fill(await freshCode(prescriber, secret))
  await draft.getByRole('button', { name: 'Approve plan' }).click()
  await expect(plans).toHaveCount(2)
  await expect(plans.nth(0).getByText('approved', { exact: true })).toBeVisible()
  await expect(plans.nth(0).getByLabel('Device preview', { exact: true })).toContainText('84 mg')
  await expect(plans.nth(0)).toContainText('Signed by Dr. Priya Raman')
  await expect(plans.nth(1).getByText('superseded', { exact: true })).toBeVisible()

  // The chart reloads cleanly and the Sessions tab books from the new plan.
  await prescriber.reload()
  await expect(prescriber.getByRole('region', { name: /^Plan: / }).first()).toContainText('84 mg')
  await expect(prescriber.getByText('Something went wrong')).toHaveCount(0)
  expect(errors).toEqual([])
})
