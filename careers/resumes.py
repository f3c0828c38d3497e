"""Checks an uploaded resume by what is inside it, not by what it is called.

A file is accepted only when its content is one of the types below and, if its name has an
extension, that extension agrees with the content: an HTML page or a program renamed
“resume.pdf” is refused. The stored file gets a random name and the extension of the type found."""

import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MAX_RESUME_BYTES = 5 * 1024 * 1024
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
ACCEPTED_TYPES_TEXT = _("PDF, Word (.docx), OpenDocument (.odt), RTF or plain text (.txt)")
CHOOSE_AGAIN = _(
    "Please choose your file again: browsers forget a chosen file when a form is sent back."
)
# Markup renamed to .txt would still be text; refuse it so no one downloads a web page.
MARKUP_STARTS = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<head", b"<body")


@dataclass(frozen=True)
class ResumeType:
    extension: str
    content_type: str
    label: str


RESUME_TYPES = {
    "pdf": ResumeType("pdf", "application/pdf", "PDF"),
    "docx": ResumeType(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word document",
    ),
    "odt": ResumeType("odt", ODT_MIMETYPE, "OpenDocument text"),
    "rtf": ResumeType("rtf", "application/rtf", "RTF document"),
    "txt": ResumeType("txt", "text/plain; charset=utf-8", "plain text file"),
}


def _read_all(uploaded):
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def _zip_document_type(data):
    """DOCX and ODT are zip files; tell them apart by what the archive holds."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    # The declared type is a few dozen bytes; never read more (zip bombs).
                    declared = entry.read(100).strip()
                if declared == ODT_MIMETYPE.encode():
                    return "odt"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError):
        return None
    return None


def _is_plain_text(data):
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    start = text.lstrip("\ufeff \t\r\n").encode()[:20].lower()
    if start.startswith(MARKUP_STARTS):
        return False
    # Printable text, with at most a few stray control characters.
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\r\n\f")
    return controls <= max(2, len(text) // 1000)


def detect_resume_type(data):
    """The ResumeType of these bytes, or None when they are not an accepted document."""
    if data.startswith(b"%PDF-"):
        return RESUME_TYPES["pdf"]
    if data.startswith(b"PK\x03\x04"):
        found = _zip_document_type(data)
        return RESUME_TYPES[found] if found else None
    if data.startswith(b"{\\rtf"):
        return RESUME_TYPES["rtf"]
    guess = filetype.guess(data[:8192])
    if guess is not None:
        # A known binary type that is none of ours: a program, an image, an archive...
        return None
    if _is_plain_text(data):
        return RESUME_TYPES["txt"]
    return None


def validate_resume(uploaded):
    """Return the ResumeType of an uploaded file, or raise a ValidationError that says plainly
    what is wrong and what to do."""
    size = uploaded.size or 0
    if size == 0:
        raise ValidationError(
            gettext("The file you chose is empty.") + f" {CHOOSE_AGAIN}", code="empty"
        )
    if size > MAX_RESUME_BYTES:
        raise ValidationError(
            gettext(
                "This file is larger than the %(size)s MB limit. Please save a smaller version "
                "(a PDF is usually smallest) and choose it again."
            )
            % {"size": MAX_RESUME_BYTES // (1024 * 1024)},
            code="too_large",
        )
    found = detect_resume_type(_read_all(uploaded))
    if found is None:
        raise ValidationError(
            gettext("This file is not a resume format we accept. Please upload a %(types)s file.")
            % {"types": ACCEPTED_TYPES_TEXT}
            + f" {CHOOSE_AGAIN}",
            code="bad_type",
        )
    extension = PurePath(uploaded.name or "").suffix.lower().lstrip(".")
    if extension and extension != found.extension:
        named = RESUME_TYPES.get(extension)
        claimed = named.label if named else f".{extension} file"
        raise ValidationError(
            gettext(
                "This file is named as a %(claimed)s but its content is not one. Please upload a "
                "%(types)s file."
            )
            % {"claimed": claimed, "types": ACCEPTED_TYPES_TEXT}
            + f" {CHOOSE_AGAIN}",
            code="mismatch",
        )
    return found


def resume_upload_to(instance, filename):
    """A random, unguessable name; the extension comes from the checked type, not the upload."""
    extension = getattr(instance, "resume_extension", "") or "bin"
    return f"resumes/{uuid.uuid4().hex}.{extension}"
