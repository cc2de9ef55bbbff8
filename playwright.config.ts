import { defineConfig } from '@playwright/test'

// Browser journeys run in Debian's Chromium (never a downloaded browser). Each spec file starts
// its own server on a fresh data folder (test/e2e/support/server.ts).
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json']],
  use: {
    viewport: { width: 1024, height: 768 },
    launchOptions: {
      executablePath: process.env.KETACARE_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
    trace: 'retain-on-failure',
  },
})
