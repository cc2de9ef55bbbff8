import { expect, test } from '@playwright/test'
import { exportJWK, generateKeyPair } from 'jose'
import { serverForSpec } from './support/spec-server'
import { chooseClinic, signInOnPage } from './support/staff'

const server = serverForSpec()

// Issue 17: an administrator registers a SMART backend client by pasting its public key set, gives
// the system its client_id, and revokes it; a private key pasted by mistake is refused at the field.

test('an administrator registers a FHIR backend client, is refused a private key, and revokes the client', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  await signInOnPage(page, server, 'admin@demo.ketacare.org')
  await chooseClinic(page, 'Riverside Ketamine Clinic')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'FHIR clients' })
    .click()
  await page.setViewportSize({ width: 1024, height: 768 })
  await expect(page.getByRole('heading', { level: 1, name: 'FHIR backend clients' })).toBeVisible()
  // The demo's referring EHR is there, active.
  const table = page.getByRole('table', { name: 'FHIR backend clients' })
  await expect(table.getByRole('row', { name: /Referring psychiatrist EHR \(demo\)/ })).toContainText(
    'Active',
  )
  await page.screenshot({ path: test.info().outputPath('fhir-clients-1024.png'), fullPage: true })

  const { publicKey, privateKey } = await generateKeyPair('ES384', { extractable: true })
  const name = page.getByRole('textbox', { name: 'Name' })
  const scopes = page.getByRole('textbox', { name: 'Scopes' })
  const jwks = page.getByRole('textbox', { name: 'Public key set (JWKS)' })

  // A private key is refused beside the key-set field, and nothing is registered.
  await name.fill('Outcomes registry')
  await scopes.fill('system/Patient.rs system/Observation.rs')
  const withPrivatePart = { ...(await exportJWK(privateKey)), kid: 'registry-1', alg: 'ES384' }
  await jwks.fill(JSON.stringify({ keys: [withPrivatePart] }))
  await page.getByRole('button', { name: 'Register client' }).click()
  await expect(page.getByText(/private/i).first()).toBeVisible()
  await expect(table.getByRole('row', { name: /Outcomes registry/ })).toHaveCount(0)

  // The public half registers; the client_id to hand over is shown and the list has it.
  await jwks.fill(
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'registry-1', alg: 'ES384' }] }),
  )
  await page.getByRole('button', { name: 'Register client' }).click()
  const clientId = page.getByTestId('client-id')
  await expect(clientId).toHaveText(/^[0-9a-f-]{36}$/)
  const row = table.getByRole('row', { name: /Outcomes registry/ })
  await expect(row).toContainText((await clientId.textContent()) ?? 'missing')
  await expect(row).toContainText('system/Patient.rs system/Observation.rs')

  // Revoking asks first, then marks it revoked; the record stays.
  await row.getByRole('button', { name: 'Revoke' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click()
  await expect(row).toContainText('Revoked')
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0)

  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.screenshot({ path: test.info().outputPath('fhir-clients-1440.png'), fullPage: true })
})
