import { sqlMigration } from '../sql-script'

// Clinical-reference §8 (21 CFR 1304.22): each administration record names the patient and their
// address. Registration asks for it in parts (street, city, state, ZIP code) so the DEA-style
// administration log always has a complete postal address; `address` keeps the one-line form the
// reports print (patients registered before this change keep their free-text line until edited).
export const up = sqlMigration(`
    ALTER TABLE patient ADD COLUMN address_street text CHECK (length(address_street) BETWEEN 1 AND 200);
    ALTER TABLE patient ADD COLUMN address_city text CHECK (length(address_city) BETWEEN 1 AND 100);
    ALTER TABLE patient ADD COLUMN address_state text CHECK (address_state ~ '^[A-Z]{2}$');
    ALTER TABLE patient ADD COLUMN address_postal_code text
      CHECK (address_postal_code ~ '^[0-9]{5}(-[0-9]{4})?$');
    ALTER TABLE patient ADD CONSTRAINT patient_address_parts_check CHECK (
      (address_street IS NULL AND address_city IS NULL AND address_state IS NULL
        AND address_postal_code IS NULL)
      OR (address_street IS NOT NULL AND address_city IS NOT NULL AND address_state IS NOT NULL
        AND address_postal_code IS NOT NULL)
    );
  `)
