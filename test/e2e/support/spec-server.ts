import { test } from '@playwright/test'
import { type E2eServer, type StartServerOptions, startServer } from './server'

/**
 * The server of one spec file: started before its first test and stopped after its last. Call it
 * at the top of the file; the returned object reads the running server's address and sign-ins.
 */
export function serverForSpec(options: StartServerOptions = {}): E2eServer {
  let server: E2eServer | undefined
  test.beforeAll(async () => {
    server = await startServer(options)
  })
  test.afterAll(async () => {
    await server?.stop()
  })
  const running = () => {
    if (!server) throw new Error('the spec server is not running (it starts in beforeAll)')
    return server
  }
  return {
    get url() {
      return running().url
    },
    get passwords() {
      return running().passwords
    },
    stop: () => running().stop(),
  }
}
