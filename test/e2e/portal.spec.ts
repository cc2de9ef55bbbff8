import { type Browser, expect, type Page, test } from '@playwright/test'
import { generateSync } from 'otplib'
import {
  expectAccessible,
  expectLargeTargets,
  expectPlainLanguage,
  snapBothSizes,
} from './support/patient-text'
import { serverForSpec } from './support/spec-server'
import { signInStaff, totpCodes } from './support/staff'

const server = serverForSpec()
// The sign-in test uses the password the journey sets.
test.describe.configure({ mode: 'serial' })
test.use({ actionTimeout: 15_000 })

const phone = { width: 390, height: 844 }
const tablet = { width: 768, height: 1024 }
const portalPassword = 'maple river lantern 42'

/** Collects Content-Security-Policy violations: the portal must work under the app's CSP. */
function watchCsp(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  return violations
}

/** Every portal page carries the shared disclaimer and the crisis line. */
async function expectPortalFooter(page: Page) {
  await expect(page.getByTestId('patient-disclaimer')).toContainText('not medical advice')
  await expect(page.getByTestId('portal-crisis-line')).toContainText('call or text 988, or call 911')
}

/** A patient screen on a phone: accessible, large targets, plain words (issue 14). */
async function expectPatientScreen(page: Page, where: string) {
  await snapBothSizes(page, where.replace(/\W+/g, '-'))
  await expectPortalFooter(page)
  await expectAccessible(page, where)
  await expectLargeTargets(page, where)
  await expectPlainLanguage(page, where)
}

const signInAsStaff = (browser: Browser, email: string) =>
  signInStaff(browser, server, email, {
    context: { viewport: { width: 1280, height: 900 } },
    expectShell: true,
  })

/** Opens Jordan Avery's chart on the Demographics tab; returns its portal box. */
async function openJordansPortalPanel(staff: Page) {
  await staff.goto(`${staff.url()}/patients`)
  await staff.getByLabel('Search patients', { exact: true }).fill('RK-2024-0107')
  await staff.getByRole('link', { name: 'Avery, Jordan' }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Jordan Avery' })).toBeVisible()
  await staff.getByRole('tab', { name: 'Demographics' }).click()
  return staff.getByRole('region', { name: 'Patient portal' })
}

/**
 * The one-time link is for the patient only (issue 13). Front desk invites Jordan Avery and is not
 * shown the link: without an e-mail server (as here) the invitation waits in the Outbox with no
 * link in it. A nurse, who may read the chart anyway, sends it again and is shown the link once, to
 * hand to the patient. Returns that link.
 */
async function inviteJordan(browser: Browser): Promise<string> {
  const desk = await signInAsStaff(browser, 'frontdesk@demo.ketacare.org')
  const deskPanel = await openJordansPortalPanel(desk)
  await deskPanel.getByRole('button', { name: /Invite to the portal|Send a new portal invite/ }).click()
  await expect(deskPanel.getByTestId('portal-invite-queued')).toContainText('Ask a nurse or prescriber')
  await expect(deskPanel.getByLabel('Invitation link')).toHaveCount(0)
  await expect(deskPanel).not.toContainText('/portal/invite/')
  await desk.context().close()

  const nurse = await signInAsStaff(browser, 'nurse@demo.ketacare.org')
  const panel = await openJordansPortalPanel(nurse)
  await panel.getByRole('button', { name: 'Send a new portal invite' }).click()
  const ready = panel.getByTestId('portal-invite-link')
  await expect(ready).toContainText('shown this once')
  const link = await ready.getByLabel('Invitation link').inputValue()
  expect(link).toMatch(/\/portal\/invite\/[\w-]{20,}$/)
  await nurse.context().close()
  return link
}

async function answer(page: Page, option: string) {
  await page.getByRole('radiogroup').getByRole('radio', { name: option, exact: true }).click()
}

test('a patient invited from the chart sets a password, answers PHQ-9 across a reload, sees crisis resources before sending, then progress and documents', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const link = await inviteJordan(browser)

  // The patient opens the link on a phone, in a browser that has never seen the clinic.
  const page = await (await browser.newContext({ viewport: phone })).newPage()
  const csp = watchCsp(page)
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Jordan')
  await expect(page.getByText('Riverside Ketamine Clinic has invited you')).toBeVisible()
  await expectPatientScreen(page, 'invite')
  const password = page.getByLabel('Choose a password')
  await password.fill('too short')
  await expect(page.getByText('Too short.')).toBeVisible()
  await page.getByRole('button', { name: 'Save my password' }).click()
  await expect(page.getByText('Please use at least 12 characters.')).toBeVisible()
  await password.fill(portalPassword)
  await page.getByRole('button', { name: 'Show or hide the password' }).click()
  await expect(password).toHaveAttribute('type', 'text')
  await page.getByRole('button', { name: 'Save my password' }).click()

  // Home: due surveys first, with why and when.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Jordan')
  const phq9Card = page.getByRole('article', { name: 'PHQ-9' })
  await expect(phq9Card).toContainText('Your weekly check-in')
  await expect(phq9Card).toContainText(/Due|Was due/)
  await expectPatientScreen(page, 'home')
  await phq9Card.getByRole('link', { name: 'Start PHQ-9' }).click()

  // One question per screen; answers are saved as they are given.
  await expect(page.getByRole('heading', { name: 'Question 1 of 9' })).toBeVisible()
  await expect(page.getByTestId('questions-left')).toHaveText('8 questions left after this one')
  await expectPatientScreen(page, 'survey question')
  for (const n of [1, 2, 3, 4]) {
    await expect(page.getByRole('heading', { name: `Question ${n} of 9` })).toBeVisible()
    await answer(page, n % 2 ? 'Several days' : 'More than half the days')
  }
  await expect(page.getByRole('heading', { name: 'Question 5 of 9' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Your answers are saved' })).toBeVisible()

  // Leaving and coming back resumes where the patient stopped, with the answers kept.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Question 5 of 9' })).toBeVisible()
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByRole('radio', { name: 'More than half the days' })).toBeChecked()
  await page.getByRole('button', { name: 'Next' }).click()
  for (const n of [5, 6, 7, 8]) {
    await expect(page.getByRole('heading', { name: `Question ${n} of 9` })).toBeVisible()
    await answer(page, 'Not at all')
  }
  await expect(page.getByTestId('portal-crisis')).toHaveCount(0)

  // Item 9 above 0: crisis resources at once, before anything is sent, and honest about timing.
  await expect(page.getByRole('heading', { name: 'Question 9 of 9' })).toBeVisible()
  await expect(page.getByTestId('questions-left')).toHaveText('Last question')
  await answer(page, 'Several days')
  const crisis = page.getByTestId('portal-crisis')
  await expect(crisis).toContainText('988')
  await expect(crisis).toContainText('may not read them right away')
  await expect(crisis).toContainText('If you are in danger now, call 911 or call/text 988')
  // The clinic's own number (migration 022, the demo clinic's), as a link the phone can call.
  await expect(crisis.getByRole('link', { name: '(212) 555-0142' })).toHaveAttribute('href', 'tel:2125550142')
  await expect(crisis).toContainText('Call Riverside Ketamine Clinic at (212) 555-0142')
  // Crisis resources before anything else on the screen, in view without scrolling.
  const send = page.getByRole('button', { name: 'Send my answers' })
  await expect(send).toBeVisible()
  const crisisTop = (await crisis.boundingBox())!.y
  expect(crisisTop).toBeLessThan((await page.getByRole('heading', { level: 1 }).boundingBox())!.y)
  expect(crisisTop).toBeLessThan((await send.boundingBox())!.y)
  await page.evaluate(() => window.scrollTo(0, 0))
  await expect(crisis.getByRole('link', { name: '988' }).first()).toBeInViewport()
  await expectPatientScreen(page, 'survey review with crisis resources')
  await send.click()

  // A calm thank-you: no score, no verdict; the crisis resources stay.
  const thanks = page.getByRole('status').filter({ hasText: 'Thank you' })
  await expect(thanks).toContainText('Your answers are with Riverside Ketamine Clinic')
  await expect(page.getByTestId('portal-crisis')).toContainText('We have told your clinic')
  await expect(page.getByTestId('portal-crisis')).toContainText('(212) 555-0142')
  await expect(page.getByRole('main')).not.toContainText(/severity|moderate|severe|score/i)
  await expect(page.getByRole('main')).not.toContainText('nothing more you need to do')
  expect((await page.getByTestId('portal-crisis').boundingBox())!.y).toBeLessThan(
    (await thanks.boundingBox())!.y,
  )
  await expectPatientScreen(page, 'survey thank-you')
  await page.getByRole('link', { name: 'Back to my portal' }).click()
  await expect(page.getByRole('article', { name: 'PHQ-9' })).toHaveCount(0)

  // Progress: a chart per questionnaire with the response and remission lines explained.
  await page.getByRole('navigation', { name: 'Portal pages' }).getByRole('link', { name: 'Progress' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your progress')
  const phq9Chart = page.getByRole('region', { name: 'PHQ-9' })
  await expect(phq9Chart.getByTestId('progress-chart').locator('svg').first()).toBeVisible()
  await expect(phq9Chart).toContainText('The latest score is 7 of 27')
  await expect(phq9Chart.getByText(/^Response \(\d+\)$/)).toBeVisible()
  await expect(page.getByRole('region', { name: 'What the lines mean' })).toContainText(
    'will talk your chart through with you',
  )
  await expectPatientScreen(page, 'progress')

  // Documents: the signed consent as a PDF.
  await page
    .getByRole('navigation', { name: 'Portal pages' })
    .getByRole('link', { name: 'Documents' })
    .click()
  const consent = page.getByRole('link', { name: /^Consent to .* \(PDF\)$/ })
  await expect(consent).toBeVisible()
  const pdf = await page.request.get(new URL((await consent.getAttribute('href'))!, server.url).toString())
  expect(pdf.headers()['content-type']).toContain('application/pdf')
  await expectPatientScreen(page, 'documents')
  expect(csp, 'no Content-Security-Policy violations').toEqual([])

  // Signing out leaves nothing to see; the invite link cannot be used twice.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'You are signed out' })).toBeVisible()
  await page.goto(`${server.url}/portal/progress`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to your patient portal')
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This invitation can no longer be used')
  await expect(page.getByText('ask your clinic for a new invitation')).toBeVisible()
})

test('patient sign-in: a wrong password is explained plainly, the right one opens the portal', async ({
  browser,
}) => {
  const page = await (await browser.newContext({ viewport: phone })).newPage()
  await page.goto(`${server.url}/portal/sign-in`)
  await expectPatientScreen(page, 'sign-in')
  await page.getByLabel('E-mail address').fill('jordan.avery@example.org')
  await page.getByLabel('Password', { exact: true }).fill('not the password at all')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible()
  await expectPatientScreen(page, 'sign-in error')
  await page.getByLabel('Password', { exact: true }).fill(portalPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Jordan')

  // An unknown invitation link explains what to do.
  await page.goto(`${server.url}/portal/invite/${'x'.repeat(43)}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find this invitation')
  await expectPatientScreen(page, 'unknown invite')
})

test('a patient turns on two-step sign-in on a tablet, signs out, and signs back in with a code', async ({
  browser,
}) => {
  test.setTimeout(150_000)
  const codeFor = totpCodes()
  const page = await (await browser.newContext({ viewport: tablet })).newPage()
  const signInWithPassword = async () => {
    await page.goto(`${server.url}/portal/sign-in`)
    await page.getByLabel('E-mail address').fill('jordan.avery@example.org')
    await page.getByLabel('Password', { exact: true }).fill(portalPassword)
    await page.getByRole('button', { name: 'Sign in' }).click()
  }
  await signInWithPassword()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Jordan')
  await page.getByRole('navigation', { name: 'Portal pages' }).getByRole('link', { name: 'Security' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Security')
  await expectPatientScreen(page, 'security')

  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click()
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible()
  const secret = (await page.getByLabel(/setup key/i).textContent())!.replace(/\s/g, '')
  await expectPatientScreen(page, 'two-step set-up')
  await page.getByLabel('Code from your app').fill(await codeFor(page, secret))
  await page.getByRole('button', { name: 'Check the code and turn on' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Two-step sign-in is on' })).toBeVisible()

  // Signing in now takes the password, then a code; a wrong code is explained plainly.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'You are signed out' })).toBeVisible()
  await signInWithPassword()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your sign-in code')
  await expectPatientScreen(page, 'sign-in code')
  const current = generateSync({ secret })
  await page.getByLabel('Sign-in code').fill(current === '000000' ? '111111' : '000000')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'That code did not work' })).toBeVisible()
  await page.getByLabel('Sign-in code').fill(await codeFor(page, secret))
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Jordan')

  // Turning it off asks for the password again.
  await page.getByRole('navigation', { name: 'Portal pages' }).getByRole('link', { name: 'Security' }).click()
  await page.getByLabel('Your password').fill(portalPassword)
  await page.getByRole('button', { name: 'Turn off two-step sign-in' }).click()
  await expect(page.getByRole('button', { name: 'Turn on two-step sign-in' })).toBeVisible()
})
