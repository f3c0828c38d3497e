"""The cluster drill reports the step that failed."""

import subprocess
import sys

import pytest

from tools import ToolError, cluster_drill


def background(code):
    """A stand-in for a manage.py command running beside the others, exiting with `code`."""
    return subprocess.Popen(  # noqa: S603 (fixed arguments)
        [sys.executable, "-c", f"import sys; sys.exit({code})"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_failed_migration_is_the_error_reported_even_when_collecting_fails_too(monkeypatch):
    def manage(*args):
        if args[0] == "migrate":
            raise ToolError("migrate failed: no such table")

    monkeypatch.setattr(cluster_drill, "manage", manage)
    with pytest.raises(ToolError, match="migrate failed"):
        cluster_drill.manage_while(background(1), ("migrate",), ("load_demo_content",))


def test_the_command_beside_is_waited_for_and_its_failure_reported(monkeypatch):
    ran = []
    monkeypatch.setattr(cluster_drill, "manage", lambda *args: ran.append(args[0]))
    with pytest.raises(ToolError, match="failed"):
        cluster_drill.manage_while(background(1), ("migrate",), ("load_demo_content",))
    assert ran == ["migrate", "load_demo_content"]
    cluster_drill.manage_while(background(0), ("migrate",))
