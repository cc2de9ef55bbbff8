/**
 * An AFTER INSERT and an AFTER UPDATE trigger on `table`, once per statement, each handing the
 * statement's rows (the transition table `changed`) to `fn(argument)`: a bulk write costs one call.
 * Applied migrations use it: what it writes must never change (add a new helper instead).
 */
export function statementTriggersSql(table: string, name: string, fn: string, argument: string): string {
  return ['INSERT', 'UPDATE']
    .map(
      (event) => `
    CREATE TRIGGER ${table}_${name}_${event.toLowerCase()} AFTER ${event} ON ${table}
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
      EXECUTE FUNCTION ${fn}('${argument}');`,
    )
    .join('\n')
}
