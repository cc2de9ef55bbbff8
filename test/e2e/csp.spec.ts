import { expect, type Page, test } from '@playwright/test'
import { serverForSpec } from './support/spec-server'
import { signInStaff } from './support/staff'

// Issue 13: the Content-Security-Policy allows styles only from our origin or with the page's
// nonce (no 'unsafe-inline'). The app must still look right: Mantine's <style> tags carry the
// nonce, and the browser reports no violation on the screens with the most styling.

const server = serverForSpec()

/** Collects CSP violations as the browser reports them: the DOM event and the console message. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (apply|load|execute)/i.test(message.text()))
      violations.push(message.text())
  })
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ;(window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
      )
    })
  })
  return violations
}

async function expectStyledWithNonce(page: Page) {
  const styles = await page.evaluate(() =>
    [...document.querySelectorAll('style')].map((s) => ({
      nonce: s.nonce,
      mantine: s.dataset.mantineStyles,
    })),
  )
  expect(styles.filter((s) => s.mantine !== undefined).length).toBeGreaterThan(0)
  for (const style of styles) expect(style.nonce, JSON.stringify(style)).not.toBe('')
  // Mantine's CSS variables apply (they come from its nonce-carrying <style> tag).
  const primary = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--mantine-color-blue-filled').trim(),
  )
  expect(primary).not.toBe('')
}

test('no CSP violations on the public pages, the board, the chart and the outcome charts', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000)
  const publicViolations = await watchViolations(page)
  const response = await page.goto(`${server.url}/learn/self-check`)
  const csp = response!.headers()['content-security-policy']!
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).toMatch(/style-src 'self' 'nonce-[0-9a-f]+'/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectStyledWithNonce(page)
  await page.goto(`${server.url}/portal/sign-in`)
  await expect(page.getByRole('button', { name: /sign in/i })).toBeVisible()
  expect(publicViolations).toEqual([])

  const nurse = await signInStaff(browser, server, 'nurse@demo.ketacare.org', { expectShell: true })
  const nurseViolations = await watchViolations(nurse)
  const clinicPath = new URL(nurse.url()).pathname
  for (const path of ['today', 'patients']) {
    await nurse.goto(`${server.url}${clinicPath}/${path}`)
    await expect(nurse.getByRole('heading', { level: 1 })).toBeVisible()
    await expectStyledWithNonce(nurse)
  }
  await nurse.getByRole('link', { name: 'Holloway, Marcus' }).click()
  await expect(nurse.getByRole('heading', { level: 1 })).toContainText('Holloway')
  expect(nurseViolations).toEqual([])

  const auditor = await signInStaff(browser, server, 'auditor@demo.ketacare.org', { expectShell: true })
  const auditorViolations = await watchViolations(auditor)
  await auditor.goto(`${server.url}${new URL(auditor.url()).pathname}/outcomes`)
  await expect(auditor.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(auditor.locator('.recharts-surface').first()).toBeVisible()
  await expectStyledWithNonce(auditor)
  await auditor.screenshot({ path: test.info().outputPath('outcomes-under-csp.png') })
  expect(auditorViolations).toEqual([])
})
