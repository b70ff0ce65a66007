from django.db import migrations

# PostgreSQL's GIN "fast update" keeps new entries in a pending list that every text search
# reads sequentially until (auto)vacuum merges it. The catalogue is written one offer at a time
# (or in an occasional import) and read all day: searches matter more than write speed.


def gin_fastupdate_off(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER INDEX offers_offer_search_vector SET (fastupdate = off)")
        schema_editor.execute("SELECT gin_clean_pending_list('offers_offer_search_vector')")


def gin_fastupdate_on(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER INDEX offers_offer_search_vector RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0002_search"),
    ]

    operations = [migrations.RunPython(gin_fastupdate_off, gin_fastupdate_on)]
