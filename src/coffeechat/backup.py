"""The full backup of one user's data, and restoring it into an empty account.

Every model built on OwnedModel is included automatically, so models added later are
backed up without touching this file. Rows are numbered per model ("ref", in primary-key
order) and foreign keys point at refs, so a backup does not depend on database ids:
export -> restore into a fresh database -> export gives the same document.
"""

import base64
import binascii
import datetime
import decimal
import uuid
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, models, transaction
from django.utils import timezone

from coffeechat import __version__
from coffeechat.ownership import OwnedModel

FORMAT = "coffeechat-backup"
SCHEMA_VERSION = 1
# The user's own columns that are not what they typed in Settings (sign-in and permissions) or are files.
USER_NOT_SETTINGS = {"id", "password", "last_login", "is_superuser", "username", "is_staff", "is_active", "date_joined", "data_stamp"}
RESUME_FIELD = "resume"
# Models that moved between apps: backups written before the move still restore.
MOVED_LABELS = {"meetings.conversation": "conversations.conversation", "outreach.mailaccount": "mail.mailaccount"}
# Derived or transient columns that a restore recomputes or does not need.
SKIPPED_FIELDS = {"owner", "search_text", "content"}


def user_settings() -> list[str]:
    """Everything the user typed in Settings (their profile): every column of the user but sign-in, permissions and files.

    Derived from the model, so a profile field added later is backed up without touching this file.
    """
    user_model = get_user_model()
    return [f.name for f in user_model._meta.concrete_fields
            if f.name not in USER_NOT_SETTINGS and not isinstance(f, models.FileField)]


def _profile(user) -> dict:
    profile = {name: _encode(getattr(user, name)) for name in user_settings()}
    resume = getattr(user, RESUME_FIELD, None)
    if resume:
        try:
            with resume.open("rb") as handle:
                profile[RESUME_FIELD] = {"name": Path(resume.name).name, "content": base64.b64encode(handle.read()).decode("ascii")}
        except OSError:
            pass  # the file is gone from disk: back up the rest
    return profile


def _restore_profile(user, profile: dict) -> None:
    fields = set(user_settings())
    for name, value in profile.items():
        if name in fields and value not in (None, ""):
            setattr(user, name, _decode(user._meta.get_field(name), value))
    resume = profile.get(RESUME_FIELD)
    if isinstance(resume, dict) and resume.get("content"):
        name = Path(str(resume.get("name") or "resume")).name or "resume"
        getattr(user, RESUME_FIELD).save(name, ContentFile(base64.b64decode(resume["content"])), save=False)


class BackupError(ValueError):
    """The backup cannot be restored; the message says why in plain words."""


def owned_models() -> list[type[models.Model]]:
    """Every private model, each after the models it cannot exist without.

    Only required links (non-null foreign keys, many-to-many targets) order the models;
    optional ones may point either way (Person <-> Conversation) and are set afterwards.
    """
    found = [m for m in apps.get_models() if issubclass(m, OwnedModel)]
    ordered, placed = [], set()
    while len(ordered) < len(found):
        progress = False
        for model in found:
            if model in placed:
                continue
            required = [f for f in model._meta.concrete_fields if f.is_relation and not f.null]
            relations = [*required, *model._meta.many_to_many]
            targets = {f.related_model for f in relations if f.is_relation and f.related_model is not model}
            if all(t in placed or t not in found for t in targets):
                ordered.append(model)
                placed.add(model)
                progress = True
        if not progress:
            raise RuntimeError("Owned models require each other in a cycle; backup cannot order them.")
    return ordered


def _fields(model):
    return [f for f in model._meta.concrete_fields if not f.primary_key and f.name not in SKIPPED_FIELDS]


def _encode(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def export_backup(user) -> dict:
    ordered = owned_models()
    rows = {m: list(m.objects.filter(owner=user).order_by("pk")) for m in ordered}
    refs = {m: {obj.pk: n for n, obj in enumerate(objs, 1)} for m, objs in rows.items()}
    data = {}
    for model in ordered:
        label = model._meta.label_lower
        m2m = [f for f in model._meta.many_to_many if f.related_model in refs]
        items = []
        for obj in rows[model]:
            fields = {}
            for f in _fields(model):
                value = getattr(obj, f.attname)
                if f.is_relation:
                    value = refs[f.related_model].get(value) if value is not None else None
                fields[f.name] = _encode(value)
            for f in m2m:
                fields[f.name] = sorted(refs[f.related_model][pk] for pk in getattr(obj, f.name).values_list("pk", flat=True))
            items.append({"ref": refs[model][obj.pk], "fields": fields})
        data[label] = items
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
        "exported_at": timezone.now().isoformat(),
        "user": _profile(user),
        "data": data,
    }


def _check_document(document) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError("This is not a Coffeechat backup (made with `coffeechat export json`).")
    version = document.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise BackupError(f"This backup has schema version {version!r}; this Coffeechat reads up to {SCHEMA_VERSION}. Upgrade Coffeechat first.")
    if not isinstance(document.get("data"), dict):
        raise BackupError("The backup has no data section.")


def _decode(field, value):
    if value is None:
        return None
    if isinstance(field, models.BinaryField):
        return base64.b64decode(value)
    return field.to_python(value)


REPORT_LIMIT = 20  # refusals listed in the message; the rest are counted


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [f"{'' if name == '__all__' else name + ': '}{message}"
                for name, errors in error.message_dict.items() for message in errors]
    return list(error.messages)


def _refusals(model, item) -> list[str]:
    """What the forms would refuse in one backed-up row: each editable field through the model's
    own validation (URL schemes, email addresses, choices, lengths, time zones…) and each line
    of a list field through the validator the form uses (Model.LINE_VALIDATORS)."""
    fields = item["fields"]
    obj = model()
    checked, problems = [], []
    for f in _fields(model):
        if f.is_relation or not f.editable or f.name not in fields:
            continue
        try:
            setattr(obj, f.attname, _decode(f, fields[f.name]))
        except ValidationError as exc:
            problems += [f"{f.name}: {message}" for message in exc.messages]
            continue
        checked.append(f.name)
    try:
        obj.clean_fields(exclude=[f.name for f in model._meta.concrete_fields if f.name not in checked])
    except ValidationError as exc:
        problems += _messages(exc)
    for name, rule in getattr(model, "LINE_VALIDATORS", {}).items():
        lines = fields.get(name) or []
        if not isinstance(lines, list):
            problems.append(f"{name}: a list was expected.")
            continue
        for line in lines:
            try:
                if not isinstance(line, str):
                    raise ValidationError("not text")
                rule["validator"](line)
            except ValidationError:
                problems.append(f"{name}: “{line}” is not a valid {rule['what']}.")
    return problems


def _check_rows(ordered, data) -> None:
    """Refuse the whole backup, listing every row a form would refuse, before writing anything."""
    report = []
    for model in ordered:
        for item in data.get(model._meta.label_lower, []):
            try:
                problems = _refusals(model, item)
            except (KeyError, TypeError, ValueError, ValidationError) as exc:
                problems = [f"unreadable ({exc})"]
            report += [f"{model._meta.label_lower} #{item.get('ref', '?') if isinstance(item, dict) else '?'}: {p}"
                       for p in problems]
    if report:
        shown = report[:REPORT_LIMIT]
        more = len(report) - len(shown)
        raise BackupError(
            f"The backup holds {len(report)} value(s) Coffeechat refuses; nothing was restored.\n  "
            + "\n  ".join(shown) + (f"\n  … and {more} more." if more else "")
        )


def restore_backup(user, document: dict) -> dict[str, int]:
    """Load a backup into `user`'s account, which must be empty. All or nothing."""
    _check_document(document)
    document = {**document, "data": {MOVED_LABELS.get(label, label): rows for label, rows in document["data"].items()}}
    ordered = owned_models()
    known = {m._meta.label_lower: m for m in ordered}
    unknown = set(document["data"]) - set(known)
    if unknown:
        raise BackupError(f"The backup holds data this Coffeechat does not know: {', '.join(sorted(unknown))}.")
    if any(m.objects.filter(owner=user).exists() for m in ordered):
        raise BackupError(f"The account {user.get_username()!r} is not empty; restore only into an empty account.")
    _check_rows(ordered, document["data"])
    counts = {}
    try:
        with transaction.atomic():
            new_pk: dict[type, dict[int, int]] = {}
            later: list[tuple] = []  # (obj, field, target ref): optional links to rows not restored yet
            for model in ordered:
                items = document["data"].get(model._meta.label_lower, [])
                objects = []
                for item in items:
                    obj = model(owner=user)
                    for f in _fields(model):
                        if f.name not in item["fields"]:
                            continue
                        value = item["fields"][f.name]
                        if f.is_relation:
                            if value is not None and (f.related_model is model or f.related_model not in new_pk):
                                later.append((obj, f, value))
                                value = None
                            elif value is not None:
                                value = new_pk[f.related_model][value]
                            setattr(obj, f.attname, value)
                        else:
                            setattr(obj, f.attname, _decode(f, value))
                    if hasattr(obj, "refresh_search_text"):
                        obj.refresh_search_text()
                    objects.append(obj)
                model.objects.bulk_create(objects)
                new_pk[model] = {item["ref"]: obj.pk for item, obj in zip(items, objects, strict=True)}
                # bulk_create stamps auto_now fields with "now"; put the backed-up times back.
                stamped = [f.name for f in _fields(model) if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)]
                for obj, item in zip(objects, items, strict=True):
                    for name in stamped:
                        setattr(obj, name, _decode(model._meta.get_field(name), item["fields"].get(name)) or timezone.now())
                if stamped and objects:
                    model.objects.bulk_update(objects, stamped)
                for f in model._meta.many_to_many:
                    if f.related_model not in new_pk:
                        continue
                    through = getattr(model, f.name).through
                    source, target = f.m2m_field_name() + "_id", f.m2m_reverse_field_name() + "_id"
                    through.objects.bulk_create([
                        through(**{source: obj.pk, target: new_pk[f.related_model][ref]})
                        for obj, item in zip(objects, items, strict=True) for ref in item["fields"].get(f.name, [])
                    ])
                counts[model._meta.label_lower] = len(objects)
            for obj, f, ref in later:
                setattr(obj, f.attname, new_pk[f.related_model][ref])
                type(obj).objects.filter(pk=obj.pk).update(**{f.attname: getattr(obj, f.attname)})
            _restore_profile(user, document.get("user") or {})
            user.full_clean(exclude=["password", "username"])
            user.save()
    except (KeyError, TypeError, ValueError, ValidationError, DatabaseError, binascii.Error) as exc:
        raise BackupError(f"The backup is damaged or inconsistent ({exc.__class__.__name__}: {exc}); nothing was restored.") from None
    return counts
