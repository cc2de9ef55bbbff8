import { describe, expect, it } from 'vitest'
import { splitSqlScript } from './sql-script'

describe('splitSqlScript', () => {
  it('splits on semicolons but not inside quotes, dollar bodies or comments', () => {
    const script = `
      CREATE TABLE a (x text DEFAULT 'a;b'); -- a comment; with a semicolon
      CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
      DO $body$ BEGIN PERFORM 1; END $body$`
    expect(splitSqlScript(script)).toEqual([
      "CREATE TABLE a (x text DEFAULT 'a;b')",
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$',
      'DO $body$ BEGIN PERFORM 1; END $body$',
    ])
  })
})
