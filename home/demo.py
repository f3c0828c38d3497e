"""The demo site, built from data files: each app's `demo_data/*.toml` (and the library's
resources.csv), read in the order of DATA_FILES.

It fills an empty site only. If the site has any page of its own (anything but Wagtail's
“Welcome” page), `load()` changes nothing and returns False, so running it at every start never
undoes an editor's work: pages, settings, snippets and groups stay as the editors left them.

A data file holds, in this order of loading:
- `images`: a file in the data file's `images/` folder, with the title and description
  (the text read to people who cannot see it) editors see in the image library; a field that
  takes an image names its file as “images/<file>”;
- `snippets`: a model (“app.Model”) and its rows; rows already there (same slug, or same
  value of the field the table names as its `key`) are kept;
- `pages`: each with its type and its path on the site (“/” is the home page); a path listed
  again in a later file updates that page, so the home page can link to pages built after it;
- `page_tables`: a CSV file of pages of one type under one parent, one page per row;
- `site`, `settings` (by model), `groups` (permissions, and page permissions by path);
- `translations`: pages (by path) and snippets (by model, every row) to translate into a locale
  through wagtail-localize, so editors find them as translations kept in step with their source;
  the words come from a catalogue beside the data file (`catalogue`, a .po file: each English
  text as `msgid`, its translation as `msgstr`); `own` gives a snippet's translation fields of
  its own instead, and stops it being kept in step with its source.
A field is written as the editor would see it: relations by slug (pages by path), several at
once as a list (or, in a CSV cell, names separated by “;”), StreamFields as their blocks' JSON,
dates as dates or “today”, “today + 54 days”, “today - 6 days”, and times as “today + 9 days at
18:00”. Rich text links to a page by its path, as `<a linktype="page" path="/contact/">`, kept
as Wagtail keeps it (by the page's id), so the link follows the page when an editor moves or
renames it.

`demo_value()` and `demo_page()` say what the data files hold, so the site can tell editors, and
only editors, which details are still the demo's fictional ones (home/templatetags/editor_notes.py).
"""

import copy
import csv
import datetime
import functools
import re
import tomllib
from contextlib import contextmanager
from pathlib import Path

import polib
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.text import slugify
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_delete_signal_handler as remove_on_delete
from modelsearch.signal_handlers import post_save_signal_handler as index_on_save
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from core.locales import main_language_only

# Later files link to the pages of earlier ones; links.toml points the home page at them all.
DATA_FILES = [
    ("home", "site.toml"),
    ("core", "synonyms.toml"),
    ("home", "safety.toml"),
    ("resources", "library.toml"),
    ("team", "team.toml"),
    ("careers", "careers.toml"),
    ("practice_events", "events.toml"),
    ("home", "links.toml"),
    ("home", "questions.toml"),
    ("home", "spanish.toml"),
]

CLIENT_INTAKE_GROUP = "Client intake"

PAGE_LINK = re.compile(r'<a linktype="page" path="([^"]+)"')


def load():
    """Build the demo site if the site is empty; True if it did."""
    if Page.objects.filter(depth__gt=1).not_exact_type(Page).exists():
        return False
    pages = {}
    with search_index_once():
        for app_label, file_name in DATA_FILES:
            load_file(Path(apps.get_app_config(app_label).path) / "demo_data" / file_name, pages)
    return True


@contextmanager
def search_index_once():
    """Within it, what is saved or deleted reaches the search index once, at the end, rather
    than at every save: a page is saved three or four times on its way to being published (a
    quarter of the load's time went on indexing each of those). modelsearch's own handlers are
    unhooked meanwhile, so no save looks its object up again to index it."""
    saved, deleted = {}, {}

    def note_saved(sender, instance, raw=False, **kwargs):
        if not raw and search_index.class_is_indexed(sender):
            saved[sender, instance.pk] = True

    def note_deleted(sender, instance, **kwargs):
        if search_index.class_is_indexed(sender):
            # A copy: Django clears the deleted instance's primary key afterwards.
            deleted[sender, instance.pk] = copy.copy(instance)

    unhooked = [
        model
        for model in search_index.get_indexed_models()
        if post_save.disconnect(index_on_save, sender=model)
    ]
    for model in unhooked:
        post_delete.disconnect(remove_on_delete, sender=model)
    post_save.connect(note_saved, weak=False, dispatch_uid="demo-search-index-once")
    post_delete.connect(note_deleted, weak=False, dispatch_uid="demo-search-index-once")
    try:
        yield
    finally:
        post_save.disconnect(dispatch_uid="demo-search-index-once")
        post_delete.disconnect(dispatch_uid="demo-search-index-once")
        for model in unhooked:
            post_save.connect(index_on_save, sender=model)
            post_delete.connect(remove_on_delete, sender=model)
    for instance in deleted.values():
        search_index.remove_object(instance)
    for model, pk in saved:
        if (model, pk) not in deleted:
            instance = model._default_manager.filter(pk=pk).first()
            if instance is not None:
                search_index.insert_or_update_object(instance)


def load_file(path, pages):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for entry in data.get("images", []):
        pages[f"images/{entry['file']}"] = save_image(path.parent / "images", entry)
    for table in data.get("snippets", []):
        model = apps.get_model(table["model"])
        key = table.get("key", "slug")
        for order, row in enumerate(table["rows"]):
            if hasattr(model, "sort_order"):
                row = {**row, "sort_order": order}
            model.objects.filter(**main_language_only(model)).get_or_create(
                **{key: row.pop(key)}, defaults=row
            )
    for entry in data.get("pages", []):
        save_page(entry, pages)
    for table in data.get("page_tables", []):
        for entry in csv_pages(path.parent / table["csv"], table):
            save_page(entry, pages)
    if "site" in data:
        Site.objects.update_or_create(
            is_default_site=True, defaults={**data["site"], "root_page": pages["/"]}
        )
    for label, values in data.get("settings", {}).items():
        model = apps.get_model(label)
        setting = model.load()
        for name, value in values.items():
            setattr(setting, name, field_value(model, name, value, pages))
        setting.save()
    for entry in data.get("groups", []):
        add_group(entry, pages)
    for entry in data.get("translations", []):
        translate(entry, path.parent / entry["catalogue"], pages)


def save_image(folder, entry):
    """The image library's image from `folder / entry["file"]`, added once."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=entry["title"]).first()
    if image is None:
        with (folder / entry["file"]).open("rb") as source:
            image = image_model(
                title=entry["title"],
                description=entry.get("description", ""),
                file=ImageFile(source, name=entry["file"]),
            )
            image.save()
    return image


def save_page(entry, pages):
    """Create the page at `entry["path"]` and publish it, or update the one built earlier."""
    entry = dict(entry)
    path = entry.pop("path")
    model = apps.get_model(entry.pop("type")) if "type" in entry else type(pages[path])
    fields = {name: field_value(model, name, value, pages) for name, value in entry.items()}
    if path in pages:
        page = pages[path]
        for name, value in fields.items():
            setattr(page, name, value)
    else:
        page = model(**{"slug": path.strip("/").rpartition("/")[2], **fields})
        if path == "/":
            root = Page.get_first_root_node()
            # Wagtail's install leaves a “Welcome” page; the practice's home page replaces it.
            root.get_children().exact_type(Page).delete()
            root.add_child(instance=page)
        else:
            pages[path.rstrip("/").rpartition("/")[0] + "/"].add_child(instance=page)
    page.save_revision().publish()
    pages[path] = page


def translate(entry, catalogue, pages):
    """Translate the entry's pages and snippets into its locale, as an editor would with
    wagtail-localize's “Translate”, then fill in each text from the catalogue and publish."""
    locale = Locale.objects.get(language_code=entry["locale"])
    words = {item.msgid: item.msgstr for item in polib.pofile(str(catalogue)) if item.msgstr}
    instances = [pages[path] for path in entry.get("pages", [])]
    for label in entry.get("snippets", []):
        instances += apps.get_model(label).objects.filter(locale=Locale.get_default())
    own = entry.get("own", {})
    for instance in instances:
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        po = translation.export_po()
        for item in po:
            item.msgstr = words.get(item.msgid, "")
        translation.import_po(po)
        if isinstance(instance, Page):
            # wagtail-localize publishes a page when the transaction commits, from the page as
            # it was then: a parent translated before its children would be published with no
            # children. Saved as a draft and published now instead.
            translation.save_target(publish=False)
            instance.get_translation(locale).get_latest_revision().publish()
        else:
            translation.save_target(publish=True)
        fields = own.get(instance._meta.label)
        if fields:
            translation.enabled = False
            translation.save(update_fields=["enabled"])
            target = instance.get_translation(locale)
            for name, value in fields.items():
                setattr(target, name, field_value(type(target), name, value, pages))
            target.save()


def csv_pages(path, table):
    """One page entry per row: `columns` renames columns to fields, `copies` fills a field from
    a column, `fields` gives every row the same value."""
    with path.open(newline="", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            entry = {table["columns"].get(column, column): value for column, value in row.items()}
            entry.update({field: row[column] for field, column in table["copies"].items()})
            slug = slugify(row["title"])[:80].strip("-")
            yield {
                "type": table["type"],
                "path": f"{table['parent']}{slug}/",
                **entry,
                **table["fields"],
            }


def field_value(model, name, value, pages):
    """The value for `model.name` from its form in the data files."""
    field = model._meta.get_field(name)
    if isinstance(field, StreamField):
        return [
            (child.block_type, child.value)
            for child in field.to_python(stream_data(field.stream_block, value, pages))
        ]
    if isinstance(field, RichTextField):
        return page_links(value, pages)
    if field.get_internal_type() == "DateField" and isinstance(value, str):
        return relative_date(value)
    if field.get_internal_type() == "DateTimeField" and isinstance(value, str):
        return relative_time(value)
    if field.one_to_many:
        child_model = field.related_model
        return [
            child_model(
                sort_order=order,
                **{key: field_value(child_model, key, item, pages) for key, item in row.items()},
            )
            for order, row in enumerate(value)
        ]
    if not field.is_relation:
        return value
    target = field.related_model
    if field.many_to_many and isinstance(value, str):
        value = value.split(";")
    if target is get_image_model():
        return pages[value]
    found = [
        pages[item]
        if issubclass(target, Page)
        else target.objects.filter(**main_language_only(target)).get(slug=slugify(item))
        for item in (value if field.many_to_many else [value])
        if item.strip()
    ]
    return found if field.many_to_many else found[0]


def stream_data(block, value, pages):
    """StreamField JSON with each page chooser's path replaced by the page's id."""
    if isinstance(block, blocks.PageChooserBlock):
        return pages[value].pk
    if isinstance(block, blocks.RichTextBlock):
        return page_links(value, pages)
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": item["type"],
                "value": stream_data(block.child_blocks[item["type"]], item["value"], pages),
            }
            for item in value
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            key: stream_data(block.child_blocks[key], item, pages) for key, item in value.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [stream_data(block.child_block, item, pages) for item in value]
    return value


def page_links(html, pages):
    """Rich text with each link to a page's path made a link to the page's id."""
    return PAGE_LINK.sub(lambda match: f'<a linktype="page" id="{pages[match[1]].pk}"', html)


def relative_date(text):
    """“today”, “today - 6 days” or “today + 54 days”, so openings stay open in the demo."""
    days = text.removeprefix("today").replace(" ", "").removesuffix("days")
    return timezone.localdate() + datetime.timedelta(days=int(days or 0))


def relative_time(text):
    """“today + 9 days at 18:00”: that day, at that time on the practice's clock."""
    day, _at, time = text.partition(" at ")
    hours, minutes = (int(part) for part in time.split(":"))
    moment = datetime.datetime.combine(relative_date(day), datetime.time(hours, minutes))
    return timezone.make_aware(moment)


def add_group(entry, pages):
    group, _created = Group.objects.get_or_create(name=entry["name"])
    for label in entry.get("permissions", []):
        app_label, codename = label.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    for path, codenames in entry.get("page_permissions", {}).items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=pages[path],
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )


@functools.cache
def demo_data():
    """Every data file's settings ({"app.model": {field: value}}) and pages ({path: fields},
    a page listed in several files with their fields merged), read once per process."""
    settings, pages = {}, {}
    for app_label, file_name in DATA_FILES:
        path = Path(apps.get_app_config(app_label).path) / "demo_data" / file_name
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for label, values in data.get("settings", {}).items():
            settings.setdefault(label.lower(), {}).update(values)
        for entry in data.get("pages", []):
            pages.setdefault(entry["path"], {}).update(entry)
    return settings, pages


def demo_value(model_label, name):
    """The value the demo gave the setting `model_label` ("app.Model") `name`, or None."""
    return demo_data()[0].get(model_label.lower(), {}).get(name)


def demo_page(model_label, slug):
    """The fields the demo gave its page of type `model_label` called `slug`, or None."""
    for path, entry in demo_data()[1].items():
        if entry.get("type", "").lower() == model_label.lower() and path.endswith(f"/{slug}/"):
            return entry
    return None
