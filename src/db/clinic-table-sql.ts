/**
 * The tenancy fence every clinic-scoped table gets (design.md §2): RLS forced, the request role
 * limited to the clinic in `app.clinic_id`, the owner unrestricted, and the grants named.
 * Append-only tables get no UPDATE grant and a trigger that refuses changes.
 * Applied migrations use these helpers: what they write must never change (add a new one instead).
 */
export function clinicTableSql(table: string, options: { grants: string; appendOnly?: boolean }): string {
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY ${table}_tenant ON ${table} TO ketacare_app
      USING (clinic_id = app_current_clinic()) WITH CHECK (clinic_id = app_current_clinic());
    CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true);
    GRANT ${options.grants} ON ${table} TO ketacare_app;
    ${
      options.appendOnly
        ? `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
             FOR EACH ROW EXECUTE FUNCTION refuse_change();`
        : ''
    }
  `
}

/** The columns only an "entered in error" marking may update (nothing clinical is deleted). */
export const errorMarkingColumns = 'entered_in_error_at, entered_in_error_by, error_reason'

/**
 * Who recorded a correctable clinical row and when, and its "entered in error" marking: a
 * correction marks the row with a reason and adds a new one.
 */
export const correctableColumnsSql = `
      recorded_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL,
      entered_in_error_at timestamptz,
      entered_in_error_by uuid REFERENCES app_user(id),
      error_reason text,
      CHECK ((entered_in_error_at IS NULL) = (error_reason IS NULL))`
