import { expect, type Page, test } from '@playwright/test'
import { serverForSpec } from './support/spec-server'
import { chooseClinic, enrolAuthenticator, signInStaff } from './support/staff'

// Issue 14 "Also seen": Home is each role's worklist, a portal safety answer shows on Home and on
// the Today board (not only on the chart), and the staff menu stays in view on a 1024 px tablet.
// The demo: Grace Kim (RK-2024-0112) answered QIDS-SR16 item 12 at 2 in the portal; Luis Ortega
// waits for an eligibility decision; an esketamine session's REMS form is owed.

const server = serverForSpec()
test.use({ actionTimeout: 20_000 })

const tablet = { viewport: { width: 1024, height: 768 } }
const sizes = [
  [1024, 768],
  [390, 844],
] as const

async function shoot(page: Page, name: string) {
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height })
    // The menu folds or unfolds with a short transition: let it settle before the picture.
    await page.waitForTimeout(500)
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize(tablet.viewport)
}

async function expectMenuInView(page: Page) {
  const menu = page.getByRole('navigation', { name: 'Main navigation' })
  await expect(menu.getByRole('link', { name: 'Home' })).toBeInViewport()
  await expect(menu.getByRole('link', { name: 'Today' })).toBeInViewport()
  await expect(page.getByRole('button', { name: 'Toggle navigation' })).toHaveCount(0)
}

test('a nurse at 1024×768: the menu in view, the portal safety answer on Home and the board, the REMS form owed', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const nurse = await signInStaff(browser, server, 'nurse@demo.ketacare.org', {
    context: tablet,
    expectShell: true,
  })
  await expectMenuInView(nurse)

  const safety = nurse.getByRole('region', { name: 'Open safety alerts' })
  const portalAnswer = safety.getByRole('link', { name: /^Portal answer: same-day follow-up, Grace Kim/ })
  await expect(portalAnswer).toBeVisible()
  await expect(portalAnswer).toContainText('QIDS-SR16')
  await expect(
    nurse.getByRole('region', { name: 'Today’s sessions' }).getByRole('link').first(),
  ).toBeVisible()
  const rems = nurse.getByRole('region', { name: 'REMS monitoring forms owed' })
  await expect(rems.getByRole('link')).toHaveCount(1)
  // Home shows no bare counts any more.
  await expect(nurse.getByText('Audit events')).toHaveCount(0)
  await shoot(nurse, 'home-nurse')

  // The Today board shows the same alert with the patient and a link to the chart.
  await nurse
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Today' })
    .click()
  const boardAlerts = nurse.getByLabel('Open safety alerts')
  await expect(boardAlerts.getByRole('link', { name: /Portal answer.*Grace Kim/ })).toBeVisible()
  await expectMenuInView(nurse)
  await shoot(nurse, 'board-nurse')
  await boardAlerts.getByRole('link', { name: /Portal answer.*Grace Kim/ }).click()
  await expect(nurse.getByRole('heading', { level: 1, name: 'Grace Kim' })).toBeVisible()

  // The REMS form owed: recorded as submitted, the panel says so at once, and Home drops it.
  await nurse.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).click()
  await rems.getByRole('link').click()
  await nurse.getByRole('tab', { name: 'Discharge' }).click()
  const form = nurse.getByLabel('REMS monitoring form')
  await expect(form.getByText(/^Due by /)).toBeVisible()
  await shoot(nurse, 'rems-form-due')
  await form.getByRole('button', { name: 'Record as submitted' }).click()
  await expect(form.getByText(/^Submitted /)).toBeVisible({ timeout: 15_000 })
  await expect(form.getByText(/^Due by /)).toHaveCount(0)
  await shoot(nurse, 'rems-form-submitted')
  // The chair-side page folds the menu behind the burger to give the session the whole width.
  await nurse.getByRole('button', { name: 'Toggle navigation' }).click()
  await nurse.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Home' }).click()
  await expect(rems.getByText('Every esketamine monitoring form is submitted.')).toBeVisible()
})

test('a prescriber sees the decisions to sign, each opening the chart tab where it is signed', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const email = 'prescriber@demo.ketacare.org'
  const page = await signInStaff(browser, server, email, { context: tablet })
  await enrolAuthenticator(page)
  await expect(page.getByText('Dr. Priya Raman', { exact: true })).toBeVisible()
  // The prescriber works at both clinics; Luis Ortega is at Riverside.
  await chooseClinic(page, 'Riverside Ketamine Clinic')
  await expectMenuInView(page)

  const toSign = page.getByRole('region', { name: 'Waiting for your signature' })
  const decision = toSign.getByRole('link', { name: /^Eligibility decision to sign, Luis Ortega/ })
  await expect(decision).toBeVisible()
  await expect(toSign.getByRole('link', { name: /^Treatment plan to approve/ }).first()).toBeVisible()
  await shoot(page, 'home-prescriber')
  await decision.click()
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]+\?tab=eligibility$/)
  await expect(page.getByRole('tab', { name: 'Eligibility', selected: true })).toBeVisible()
})

test('front desk gets registrations and bookings, and no clinical item on Home or the board', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const desk = await signInStaff(browser, server, 'frontdesk@demo.ketacare.org', {
    context: tablet,
    expectShell: true,
  })
  await expectMenuInView(desk)
  await expect(desk.getByRole('region', { name: 'Referrals to call back' })).toBeVisible()
  await expect(desk.getByRole('region', { name: 'Arrivals to check in today' })).toBeVisible()
  await expect(desk.getByRole('region', { name: 'Open safety alerts' })).toHaveCount(0)
  await expect(desk.getByText(/QIDS|suicid|Portal answer/)).toHaveCount(0)
  await shoot(desk, 'home-front-desk')
  await desk.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Today' }).click()
  await expect(desk.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible()
  await expect(desk.getByLabel('Open safety alerts')).toHaveCount(0)
})
