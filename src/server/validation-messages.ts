import { z } from 'zod'

// Field messages a nurse can act on ("is required", "must be at most 200 characters") instead of
// zod's developer wording. Messages written on a schema still win; this covers the rest.

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  object: 'a group of fields',
  array: 'a list',
  date: 'a date',
}

const formatNames: Record<string, string> = {
  email: 'an e-mail address',
  uuid: 'an id',
  date: 'a date (YYYY-MM-DD)',
  datetime: 'a date and time',
  url: 'a web address',
}

function sizeMessage(
  direction: 'least' | 'most',
  origin: string,
  bound: number | bigint,
  inclusive: boolean | undefined,
): string | undefined {
  const n = Number(bound)
  if (origin === 'string')
    return direction === 'least' && n === 1 ? 'is required' : `must be at ${direction} ${n} characters`
  if (origin === 'number' || origin === 'int' || origin === 'bigint') {
    if (inclusive === false)
      return direction === 'least' ? `must be greater than ${n}` : `must be less than ${n}`
    return `must be at ${direction} ${n}`
  }
  if (origin === 'array' || origin === 'set') return `needs at ${direction} ${n} item${n === 1 ? '' : 's'}`
  return undefined
}

export function installValidationMessages(): void {
  z.config({
    customError: (issue) => {
      switch (issue.code) {
        case 'invalid_type':
          if (issue.input === undefined || issue.input === null) return 'is required'
          return `must be ${typeNames[issue.expected] ?? issue.expected}`
        case 'too_small':
          return sizeMessage('least', issue.origin, issue.minimum, issue.inclusive)
        case 'too_big':
          return sizeMessage('most', issue.origin, issue.maximum, issue.inclusive)
        case 'invalid_format':
          return issue.format === 'regex'
            ? 'has the wrong form'
            : `must be ${formatNames[issue.format] ?? `in ${issue.format} form`}`
        case 'invalid_value':
          return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`
        default:
          return undefined
      }
    },
  })
}
