"""Loads Quebec's 17 administrative regions."""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify


def load_regions(apps, schema_editor):
    Region = apps.get_model("network", "Region")
    data = json.loads(
        (Path(__file__).resolve().parent.parent / "data" / "regions.json").read_text("utf-8")
    )
    for code, name in data:
        Region.objects.update_or_create(
            code=code, defaults={"name": name, "slug": f"{code}-{slugify(name)}"}
        )


def unload_regions(apps, schema_editor):
    apps.get_model("network", "Region").objects.filter(
        parent__isnull=True, code__regex=r"^\d\d$"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]
    operations = [migrations.RunPython(load_regions, unload_regions)]
