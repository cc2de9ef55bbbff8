import { describe, expect, it } from 'vitest'
import { sessionActions } from '../../../../domain/session'
import { chairSideActions } from '.'

describe('the table of chair-side actions', () => {
  it('has one action for each name of the domain table, each on its own path', () => {
    expect(chairSideActions.map((a) => a.name)).toEqual([...sessionActions])
    expect(new Set(chairSideActions.map((a) => a.path)).size).toBe(chairSideActions.length)
  })
})
