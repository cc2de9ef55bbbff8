/**
 * The tenancy fence every clinic-scoped table gets (design.md §2): RLS forced, the request role
 * limited to the clinic in `app.clinic_id`, the owner unrestricted, and the grants named.
 * Append-only tables get no UPDATE grant and a trigger that refuses changes.
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
