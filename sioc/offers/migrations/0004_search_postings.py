from django.db import migrations

# The catalogue's text index becomes an inverted index of our own (sioc/offers/postings.py),
# the same on both databases: the analysed documents in ``offers_offer_document`` and one row
# per (token, block of 1,024 offers) in ``offers_offer_posting``. It replaces SQLite's FTS5 table
# and PostgreSQL's tsvector column with its GIN index: a broad search on PostgreSQL visited a
# table page per matching offer (docs/busqueda.md). The index is rebuilt from the offers.

SQLITE = [
    "CREATE TABLE offers_offer_document (id INTEGER PRIMARY KEY, document TEXT NOT NULL)",
    """CREATE TABLE offers_offer_posting (
        token TEXT NOT NULL,
        block INTEGER NOT NULL,
        bits BLOB NOT NULL,
        PRIMARY KEY (token, block)
    ) WITHOUT ROWID""",
    "DROP TABLE IF EXISTS offers_offer_fts",
]
SQLITE_BACK = [
    "DROP TABLE offers_offer_posting",
    "DROP TABLE offers_offer_document",
    "CREATE VIRTUAL TABLE IF NOT EXISTS offers_offer_fts USING fts5(document, tokenize='ascii')",
]
POSTGRESQL = [
    "CREATE TABLE offers_offer_document (id bigint PRIMARY KEY, document text NOT NULL)",
    # Tokens compare byte by byte ("C"): a prefix is the key range [prefix, prefix + "{").
    """CREATE TABLE offers_offer_posting (
        token text COLLATE "C" NOT NULL,
        block integer NOT NULL,
        bits bytea NOT NULL,
        PRIMARY KEY (token, block)
    )""",
    "DROP INDEX IF EXISTS offers_offer_search_vector",
    "ALTER TABLE offers_offer_search DROP COLUMN IF EXISTS vector",
]
POSTGRESQL_BACK = [
    "DROP TABLE offers_offer_posting",
    "DROP TABLE offers_offer_document",
    "DELETE FROM offers_offer_search",
    "ALTER TABLE offers_offer_search ADD COLUMN vector tsvector NOT NULL",
    "CREATE INDEX offers_offer_search_vector ON offers_offer_search USING gin (vector)"
    " WITH (fastupdate = off)",
]


def _run(statements):
    def forwards(apps, schema_editor):
        for sql in statements[schema_editor.connection.vendor]:
            schema_editor.execute(sql)

    return forwards


def rebuild(apps, schema_editor):
    from sioc.offers.search import rebuild_index

    if apps.get_model("offers", "Offer").objects.using(schema_editor.connection.alias).exists():
        rebuild_index(using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0003_search_gin_fastupdate_off"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_BACK, "postgresql": POSTGRESQL_BACK}),
        ),
        migrations.RunPython(rebuild, migrations.RunPython.noop),
    ]
