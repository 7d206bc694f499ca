"""Region slugs keep the words on both sides of an en dash: "02-saguenay-lac-saint-jean".

0002 slugified "Saguenay–Lac-Saint-Jean" into "saguenaylac-saint-jean" (slugify drops the en dash).
"""

from django.db import migrations
from django.utils.text import slugify


def region_slug(code: str, name: str) -> str:
    return f"{code}-{slugify(name.replace('–', '-').replace('—', '-'))}"


def fix_slugs(apps, schema_editor):
    Region = apps.get_model("network", "Region")
    for region in Region.objects.filter(parent__isnull=True):
        slug = region_slug(region.code, region.name)
        if region.slug != slug:
            region.slug = slug
            region.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("network", "0002_regions")]
    operations = [migrations.RunPython(fix_slugs, migrations.RunPython.noop)]
