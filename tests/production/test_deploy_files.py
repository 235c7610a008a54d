"""The files of deploy/ hold together: every scheduled job is a command that exists, every
timer starts a unit that exists, and a template is filled completely or not at all. (The
stack itself is tested in test_production_stack.py, on PostgreSQL.)"""

import re

import pytest
from django.core.management import get_commands

from deploy.render import PLACEHOLDER, names, render
from deploy.stack import DEPLOY, NGINX_TEMPLATE

SYSTEMD = DEPLOY / "systemd"


def timers():
    return sorted(SYSTEMD.glob("*.timer"))


def started_unit(timer):
    """The unit a timer starts: its Unit=, else the service of the same name."""
    found = re.search(r"^Unit=(\S+)$", timer.read_text(), re.MULTILINE)
    return found.group(1) if found else timer.with_suffix(".service").name


@pytest.mark.parametrize("timer", timers(), ids=lambda path: path.name)
def test_each_timer_starts_a_unit_that_exists(timer):
    unit = started_unit(timer)
    template = re.sub(r"@[^.]+\.", "@.", unit)  # proxima-manage@COMMAND.service
    assert (SYSTEMD / template).is_file()


def test_each_scheduled_command_exists():
    commands = [
        unit.removeprefix("proxima-manage@").removesuffix(".service")
        for unit in map(started_unit, timers())
        if unit.startswith("proxima-manage@")
    ]
    assert sorted(commands) == ["publish_scheduled", "purge_problem_reports", "purge_search_stats"]
    assert set(commands) <= set(get_commands())


def test_a_template_is_filled_completely_or_not_at_all():
    template = NGINX_TEMPLATE.read_text()
    values = {name: f"<{name}>" for name in names(template)}
    rendered = render(template, values)
    assert not PLACEHOLDER.search(rendered)
    assert "server <APP_ADDRESS>;" in rendered
    with pytest.raises(ValueError, match="missing values: MEDIA_ROOT"):
        render(template, {k: v for k, v in values.items() if k != "MEDIA_ROOT"})
    with pytest.raises(ValueError, match="unknown names: MEDIA_ROT"):
        render(template, {**values, "MEDIA_ROT": "/srv"})
