import { it } from 'vitest'
import { Client, demoEmails, startTestApp } from '../support/test-app'

it('nul', async () => {
  const t = await startTestApp()
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'a\u0000@x.org', password: 'x\u0000y' },
  })
  console.log('LOGIN', r.statusCode, r.body)
  const r2 = await t.app.inject({
    method: 'POST',
    url: '/api/v1/portal/login',
    payload: { email: 'a\u0000b@x.org', password: 'x\u0000y' },
  })
  console.log('PORTAL', r2.statusCode, r2.body)
  const c = new Client(t)
  await c.signIn(demoEmails.nurse)
  const r3 = await c.post(`/api/v1/clinics/${t.clinics.riverside}/patients`, {
    mrn: 'A\u0000',
    givenName: 'x',
    familyName: 'y',
    dateOfBirth: '1990-01-01',
    sex: 'female',
  })
  console.log('PAT', r3.statusCode, r3.body)
  await t.close()
})
