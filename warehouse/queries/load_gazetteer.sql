-- $organizations_path, $models_path: JSON lines; $now: load time (UTC).
INSERT INTO organizations (organization, aliases, country)
SELECT organization, aliases, country
FROM read_json($organizations_path, format = 'newline_delimited', columns = {
    organization: 'VARCHAR', aliases: 'VARCHAR[]', country: 'VARCHAR'})
ON CONFLICT (organization) DO UPDATE SET aliases = excluded.aliases, country = excluded.country
WHERE organizations.aliases IS DISTINCT FROM excluded.aliases
   OR organizations.country IS DISTINCT FROM excluded.country;

INSERT INTO models (model, organization, aliases, family, status, first_seen_at)
SELECT model, organization, aliases, family, status, $now
FROM read_json($models_path, format = 'newline_delimited', columns = {
    model: 'VARCHAR', organization: 'VARCHAR', aliases: 'VARCHAR[]', family: 'VARCHAR',
    status: 'VARCHAR'})
ON CONFLICT (model) DO UPDATE SET
    organization = excluded.organization, aliases = excluded.aliases,
    family = excluded.family, status = excluded.status
WHERE models.organization IS DISTINCT FROM excluded.organization
   OR models.aliases IS DISTINCT FROM excluded.aliases
   OR models.family IS DISTINCT FROM excluded.family
   OR models.status IS DISTINCT FROM excluded.status;
