import type { Browser, BrowserContextOptions, Page } from '@playwright/test'
import { generateSync } from 'otplib'
import type { E2eServer } from './server'

/**
 * Signs a staff member in from a fresh browser context, as on their own tablet or desk.
 * `expectShell` waits for the clinic shell (for roles with no MFA step).
 */
export async function signInStaff(
  browser: Browser,
  server: E2eServer,
  email: string,
  options: { context?: BrowserContextOptions; expectShell?: boolean } = {},
): Promise<Page> {
  const page = await (await browser.newContext(options.context)).newPage()
  await page.goto(server.url)
  await page.getByLabel('E-mail', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(server.passwords.get(email)!)
  await page.getByRole('button', { name: 'Sign in' }).click()
  if (options.expectShell) await page.waitForURL(/\/c\/[0-9a-f-]+$/)
  return page
}

/**
 * Authenticator codes for one spec. The server refuses a TOTP code from a step it has already
 * accepted (replay guard), so every use waits for a step later than the one before.
 */
export function totpCodes() {
  let lastStep = 0
  return async (page: Page, secret: string): Promise<string> => {
    const step = () => Math.floor(Date.now() / 30_000)
    if (step() <= lastStep) await page.waitForTimeout((lastStep + 1) * 30_000 - Date.now() + 500)
    lastStep = step()
    return generateSync({ secret })
  }
}
