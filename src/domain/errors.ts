/**
 * The one error the pure domain throws for invalid input. `field` is a dotted path the server
 * turns into a 400 problem+json field detail (e.g. `items.phq9_9`), `reason` is the human-readable
 * cause without the field name, so callers can compose their own message.
 */
export class DomainValidationError extends Error {
  readonly field: string
  readonly reason: string

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`)
    this.name = 'DomainValidationError'
    this.field = field
    this.reason = reason
  }
}
