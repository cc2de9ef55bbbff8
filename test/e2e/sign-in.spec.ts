import { expect, test } from '@playwright/test'
import { generateSync } from 'otplib'
import { serverForSpec } from './support/spec-server'
import { enterCredentials } from './support/staff'

const server = serverForSpec()

const prescriber = 'prescriber@demo.ketacare.org'

test('a prescriber signs in, sets up and passes MFA, sees the shell, signs out and back in', async ({
  page,
}) => {
  // Up to 30 s of this test waits for a fresh TOTP time step.
  test.setTimeout(120_000)
  const password = server.passwords.get(prescriber)
  expect(password, 'the server printed the demo sign-ins').toBeTruthy()

  await enterCredentials(page, server, prescriber, 'not-the-password')
  await expect(page.getByRole('alert')).toContainText(/not (right|correct)/i)

  await enterCredentials(page, server, prescriber, password!)
  // First sign-in: enrol an authenticator from the setup key shown on screen.
  // The key is shown in groups of four for typing; authenticator apps ignore the spaces.
  const key = (await page.getByLabel(/setup key/i).textContent())!.replace(/\s/g, '')
  expect(key).toMatch(/^[A-Z2-7]{16,}$/)
  await page.getByLabel('Authentication code').fill(generateSync({ secret: key }))
  await page.getByRole('button', { name: 'Confirm and sign in' }).click()

  await expect(page.getByText('Dr. Priya Raman', { exact: true })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    /Riverside Ketamine Clinic|Hillcrest Mood Center/,
  )

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByLabel('E-mail', { exact: true })).toBeVisible()

  // Second sign-in asks for a code from the same authenticator. A fresh 30-second step avoids the
  // replay guard refusing the code used a moment ago.
  await page.waitForTimeout(((30 - (Math.floor(Date.now() / 1000) % 30)) % 30) * 1000 + 500)
  await enterCredentials(page, server, prescriber, password!)
  await page.getByLabel('Authentication code').fill(generateSync({ secret: key }))
  await page.getByRole('button', { name: 'Verify', exact: true }).click()
  await expect(page.getByText('Dr. Priya Raman', { exact: true })).toBeVisible()
})

test('the sign-in page loads without an error in the browser console', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await page.goto(`${server.url}/signin`)
  await expect(page.getByLabel('E-mail', { exact: true })).toBeVisible()
  // A first visit to the staff app lands on the same page the same way.
  await page.goto(server.url)
  await expect(page.getByLabel('E-mail', { exact: true })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(problems).toEqual([])
})
