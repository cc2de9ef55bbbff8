import { type Browser, expect, type Page, test } from '@playwright/test'
import { expectAccessible, expectPlainLanguage, snapBothSizes } from './support/patient-text'
import { serverForSpec } from './support/spec-server'
import { signInStaff } from './support/staff'

const server = serverForSpec()
test.use({ actionTimeout: 15_000 })

const visitorName = `Quinn Visitor ${Date.now().toString(36)}`
const phq9Labels = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day']

async function answer(page: Page, question: RegExp, option: string) {
  await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option }).click()
}

/** Collects Content-Security-Policy violations: the public pages must work under the app's CSP. */
function watchCsp(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  return violations
}

test('a visitor reads /learn, explores the model, takes the self-check, prints it and sends it to Riverside; a nurse sees it in the intake queue', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage()
  const csp = watchCsp(page)
  await page.goto(`${server.url}/learn`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ketamine for depression')
  await expect(page.getByTestId('patient-disclaimer')).toContainText('not medical advice')
  // Short sections a person opens from the table of contents (issue 14).
  const contents = page.getByRole('navigation', { name: 'On this page' })
  await expect(contents.getByRole('link')).toHaveCount(9)
  const howSection = page.getByRole('button', { name: 'How they may work' })
  await expect(howSection).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByTestId('pk-summary')).toBeHidden()
  await contents.getByRole('link', { name: 'How they may work' }).click()
  await expect(howSection).toHaveAttribute('aria-expanded', 'true')
  await expect(howSection).toBeInViewport()
  await expect(page.getByRole('heading', { level: 2, name: 'How they may work' })).toBeVisible()
  // The model is labelled as a model, never as dosing advice.
  await expect(page.getByText('A model to learn from, not a dose for you')).toBeVisible()
  await expect(page.getByText('This is not advice about your dose.')).toBeVisible()

  // The PK view runs the real engine: a higher dose gives a higher predicted peak and a new curve.
  const summary = page.getByTestId('pk-summary')
  await expect(summary).toContainText('0.50 mg/kg over 40 minutes')
  const peakBefore = Number(/about (\d+) ng\/mL/.exec((await summary.textContent()) ?? '')?.[1])
  const curve = page.getByTestId('pk-chart').locator('path.recharts-line-curve').first()
  const pathBefore = await curve.getAttribute('d')
  const doseSlider = page.getByRole('slider', { name: 'Dose in the model, in mg per kg' })
  await doseSlider.focus()
  for (let i = 0; i < 4; i++) await doseSlider.press('ArrowRight')
  await expect(summary).toContainText('0.70 mg/kg over 40 minutes')
  const peakAfter = Number(/about (\d+) ng\/mL/.exec((await summary.textContent()) ?? '')?.[1])
  expect(peakAfter).toBeGreaterThan(peakBefore)
  await expect.poll(() => curve.getAttribute('d')).not.toBe(pathBefore)

  // The self-check: PHQ-9 with item 9 above 0 brings crisis resources to the top.
  await page.getByRole('link', { name: 'Start the self-check' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Self-check')
  await expect(page.getByTestId('patient-disclaimer')).toBeVisible()
  const answers = [2, 3, 2, 2, 1, 2, 2, 1, 1]
  for (const [index, value] of answers.entries()) {
    await answer(page, new RegExp(`^${index + 1}\\. `), phq9Labels[value]!)
  }
  await expect(page.getByTestId('live-phq9')).toContainText('16 of 27')
  const crisis = page.getByTestId('crisis-resources')
  await expect(crisis).toContainText('988')
  await expect(crisis).toContainText('911')
  const crisisTop = (await crisis.boundingBox())!.y
  const titleTop = (await page.getByRole('heading', { level: 1 }).boundingBox())!.y
  expect(crisisTop).toBeLessThan(titleTop)

  await answerHistoryAndSafety(page)

  // The summary: crisis resources first, a print button, never a verdict.
  const printed = page.getByTestId('self-check-summary')
  await expect(printed).toContainText('16 of 27')
  await expect(printed).toContainText('Sertraline')
  await expect(printed).toContainText('Things to talk about with your provider')
  await expect(printed).not.toContainText(/you qualify|eligible/i)
  expect((await crisis.boundingBox())!.y).toBeLessThan((await printed.boundingBox())!.y)
  await page.evaluate(() => {
    ;(window as unknown as { printCalls: number }).printCalls = 0
    window.print = () => {
      ;(window as unknown as { printCalls: number }).printCalls++
    }
  })
  await page.getByRole('button', { name: 'Print' }).click()
  expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1)
  await page.emulateMedia({ media: 'print' })
  await expect(printed).toBeVisible()
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden()
  await expect(page.getByRole('heading', { name: /send this summary/ })).toBeHidden()
  await page.emulateMedia({ media: 'screen' })

  // Sending is a choice, with consent; the server checks the fields.
  const send = page.getByRole('region', { name: /send this summary/ })
  await send.getByRole('combobox', { name: 'Clinic' }).click()
  await page.getByRole('option', { name: 'Riverside Ketamine Clinic' }).click()
  await send.getByLabel('Your name').fill(visitorName)
  await send.getByRole('textbox', { name: 'E-mail' }).fill('not-an-address')
  await send.getByLabel(/may get in touch with me/).check()
  await send.getByRole('button', { name: 'Send to the clinic' }).click()
  await expect(send.getByText('must be an e-mail address')).toBeVisible()
  await send.getByRole('textbox', { name: 'E-mail' }).fill('quinn@example.org')
  await send.getByRole('button', { name: 'Send to the clinic' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Sent to Riverside Ketamine Clinic' }),
  ).toBeVisible()
  await expect(page.getByText('may not read this straight away')).toBeVisible()
  // When to call if no one replies, with the clinic's own number.
  await expect(page.getByTestId('referral-reply-time')).toHaveText(
    'If you have not heard from them within 2 working days, call Riverside Ketamine Clinic at (212) 555-0142.',
  )
  expect(csp, 'no Content-Security-Policy violations').toEqual([])

  // A Riverside nurse finds it, flagged, in the intake queue.
  const nurse = await signIn(browser, 'nurse@demo.ketacare.org')
  await nurse.waitForURL(/\/c\/[0-9a-f-]+$/)
  await nurse.getByRole('link', { name: 'Intake queue' }).click()
  const row = nurse.getByRole('row').filter({ hasText: visitorName })
  await expect(row).toContainText('Same-day follow-up')
  await expect(row).toContainText('16')
  await row.getByRole('button', { name: `Open referral from ${visitorName}` }).click()
  const drawer = nurse.getByRole('dialog', { name: `Referral from ${visitorName}` })
  await expect(drawer.getByRole('alert')).toContainText('Same-day follow-up')
  await expect(drawer.getByTestId('self-check-summary')).toContainText('Venlafaxine')
  await expect(drawer.getByRole('button', { name: 'Register patient' })).toBeVisible()
  await drawer.getByRole('button', { name: 'Mark contacted' }).click()
  await expect(drawer.getByText('Contacted', { exact: true })).toBeVisible()
})

async function answerHistoryAndSafety(page: Page) {
  await page.getByLabel('How many different antidepressant medicines have you tried?').fill('2')
  for (const n of [1, 2]) {
    await page.getByLabel(`Antidepressant ${n}: name (optional)`).fill(n === 1 ? 'Sertraline' : 'Venlafaxine')
    await page.getByRole('combobox', { name: `Antidepressant ${n}: how long did you take it?` }).click()
    await page.getByRole('option', { name: 'More than 6 weeks' }).click()
  }
  await page
    .getByRole('radiogroup', { name: /talk therapy/ })
    .getByLabel('Yes')
    .check()
  for (const question of [/pregnant/, /high blood pressure/, /psychosis/, /alcohol or drug/]) {
    await page.getByRole('radiogroup', { name: question }).getByLabel('No', { exact: true }).check()
  }
  await page.getByRole('button', { name: 'See my summary' }).click()
}

const signIn = (browser: Browser, email: string) =>
  signInStaff(browser, server, email, { context: { viewport: { width: 1280, height: 900 } } })

test('the public pages on a phone: axe finds no serious or critical violations, and every page reads at grade 8 or below', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage()
  await page.goto(`${server.url}/learn`)
  await snapBothSizes(page, 'learn-closed')
  await expectAccessible(page, '/learn (sections closed)')
  // Every section open: the whole page's text, the cost, visit length and driving included.
  await page.getByRole('button', { name: 'Open all sections' }).click()
  await expect(page.getByTestId('pk-chart').locator('svg').first()).toBeVisible()
  const main = page.getByRole('main')
  await expect(main).toContainText('The cost is not the same everywhere')
  await expect(main).toContainText('Do not drive until the next day, after a full night of sleep')
  await expect(main).toContainText('at least 2 hours after the first spray')
  await expect(main).toContainText('Studies: feeling far away')
  await expect(page.locator('body')).not.toContainText(/clinical-reference|§|UNVERIFIED DEFAULT/i)
  await expectAccessible(page, '/learn (all sections open)')
  await expectPlainLanguage(page, '/learn')

  await page.goto(`${server.url}/learn/self-check`)
  await expect(page.getByTestId('patient-disclaimer')).toBeVisible()
  await snapBothSizes(page, 'self-check')
  await expectAccessible(page, '/learn/self-check')
  await expectPlainLanguage(page, '/learn/self-check')
  // The summary with crisis resources and the send form.
  for (const index of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
    await answer(page, new RegExp(`^${index}\\. `), phq9Labels[index === 9 ? 1 : 2]!)
  }
  await answerHistoryAndSafety(page)
  await expect(page.getByTestId('self-check-summary')).toBeVisible()
  await snapBothSizes(page, 'self-check-summary')
  await expectAccessible(page, '/learn/self-check (summary)')
  await expectPlainLanguage(page, '/learn/self-check (summary)')
  await expect(page.locator('body')).not.toContainText(/clinical-reference|§|UNVERIFIED DEFAULT/i)
})
