import pytest


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Resumes written by a test go to a throwaway folder, never into the project."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "public"
    return settings.PRIVATE_MEDIA_ROOT
