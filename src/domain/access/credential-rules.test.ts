import { describe, expect, it } from 'vitest'
import { pinProblem } from './credential-rules'

describe('unlock PIN rules', () => {
  it('accepts 4 to 8 digits that are not an obvious guess', () => {
    for (const pin of ['2580', '730194', '19370528']) expect(pinProblem(pin)).toBeNull()
  })

  it('names the reason for a PIN it refuses', () => {
    expect(pinProblem('123')).toBe('must be 4 to 8 digits')
    expect(pinProblem('123456789')).toBe('must be 4 to 8 digits')
    expect(pinProblem('12a4')).toBe('must be digits only')
    expect(pinProblem('7777')).toBe('must not be one digit repeated')
    expect(pinProblem('1234')).toBe('must not be a run such as 1234 or 4321')
    expect(pinProblem('98765')).toBe('must not be a run such as 1234 or 4321')
    expect(pinProblem('8901')).toBe('must not be a run such as 1234 or 4321')
  })
})
