import type { Browser, BrowserContextOptions, Page } from '@playwright/test'
import { generateSync } from 'otplib'
import type { E2eServer } from './server'

/** Opens the staff sign-in page and signs in with this e-mail and password. */
export async function enterCredentials(page: Page, server: E2eServer, email: string, password: string) {
  await page.goto(server.url)
  await page.getByLabel('E-mail', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

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
  await enterCredentials(page, server, email, server.passwords.get(email)!)
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

/** A code for the authenticator set up from `secret` (see `totpCodes`). */
type CodeFor = (page: Page, secret: string) => Promise<string>

/**
 * The first sign-in of a role that must use an authenticator: reads the setup key shown on the
 * screen, confirms with a code from it and returns the key (the secret) for later codes.
 */
export async function enrolAuthenticator(page: Page, codeFor: CodeFor = totpCodes()): Promise<string> {
  const secret = (await page.getByLabel(/setup key/i).textContent())!.replace(/\s/g, '')
  await page.getByLabel('Authentication code', { exact: true }).fill(await codeFor(page, secret))
  await page.getByRole('button', { name: 'Confirm and sign in' }).click()
  return secret
}

/**
 * Signs a member in on their own device (a fresh browser context), enrolling their authenticator,
 * and waits for the clinic shell.
 */
export async function signInEnrolling(browser: Browser, server: E2eServer, email: string, codeFor: CodeFor) {
  const page = await signInStaff(browser, server, email)
  const secret = await enrolAuthenticator(page, codeFor)
  await page.waitForURL(/\/c\/[0-9a-f-]+$/)
  return { page, secret }
}

/** Signs a member in on this page, enrolling their authenticator, as on a desk computer. */
export async function signInOnPage(page: Page, server: E2eServer, email: string) {
  await enterCredentials(page, server, email, server.passwords.get(email)!)
  await enrolAuthenticator(page)
}

/** Switches the header's clinic picker to `clinic` when another clinic is open. */
export async function chooseClinic(page: Page, clinic: string) {
  const picker = page.getByRole('combobox', { name: 'Clinic' })
  if ((await picker.inputValue()) !== clinic) {
    await picker.click()
    await page.getByRole('option', { name: clinic }).click()
  }
}
