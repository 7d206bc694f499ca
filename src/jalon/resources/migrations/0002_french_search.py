"""PostgreSQL only: unaccented French full-text search for the library.

`jalon_french` is the French configuration (Snowball French stemming) with `unaccent` applied
before stemming, so "securite" finds "sécurité"; the GIN index serves `search_vector`. On
SQLite nothing is done: search falls back to the accent-folded `search_text`.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'jalon_french') THEN
    CREATE TEXT SEARCH CONFIGURATION jalon_french ( COPY = french );
    ALTER TEXT SEARCH CONFIGURATION jalon_french
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END $$;
CREATE INDEX IF NOT EXISTS resource_search_vector ON resources_resource USING gin (search_vector);
"""

BACKWARD = """
DROP INDEX IF EXISTS resource_search_vector;
DROP TEXT SEARCH CONFIGURATION IF EXISTS jalon_french;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_library")]

    operations = [migrations.RunPython(forward, backward)]
