"""The CLI imports a subcommand's module only when that command is chosen: `--help` lists every
command with its help from a static table, and each command keeps the options its module gives."""

from __future__ import annotations

import argparse
import json
import os
import pkgutil
import subprocess
import sys

import pytest

from commandcenter import commands
from commandcenter.cli import COMMANDS, main
from commandcenter.i18n import translate

HEAVY = ("reportlab", "faker", "shapely", "pypinyin", "pyqtgraph", "sqlalchemy", "alembic")


def registered_directly(name: str) -> tuple[argparse.ArgumentParser, argparse.Action]:
    """The parser and help line the command's own module registers, without the lazy table."""
    import importlib

    parent = argparse.ArgumentParser(prog="commandcenter")
    sub = parent.add_subparsers(dest="command")
    importlib.import_module(f"commandcenter.commands.{COMMANDS[name][0]}").register(sub)
    (line,) = sub._choices_actions
    return sub.choices[name], line


def modules_after(code: str) -> tuple[str, list[str]]:
    """Run `code` in a fresh interpreter; its stdout and the modules it ended up importing."""
    script = (
        "import json, sys\n"
        f"try:\n    {code}\nexcept SystemExit:\n    pass\n"
        "print('MODULES=' + json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "COMMANDCENTER_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          check=True, timeout=120)
    out, _, modules = done.stdout.rpartition("MODULES=")
    return out, json.loads(modules)


def test_every_command_module_is_in_the_table_with_the_help_it_registers() -> None:
    modules = {info.name for info in pkgutil.iter_modules(commands.__path__)}
    assert modules == {module for module, _help in COMMANDS.values()}
    for name, (_module, help_text) in COMMANDS.items():
        _parser, line = registered_directly(name)
        assert (line.dest, line.help) == (name, translate("cli", help_text))


def test_help_lists_every_command_without_importing_any() -> None:
    out, modules = modules_after("from commandcenter.cli import main; main(['--help'])")
    for name, (_module, help_text) in COMMANDS.items():
        assert any(line.split() == [name, *help_text.split()] for line in out.splitlines()), name
    assert not [m for m in modules if m.startswith("commandcenter.commands.")]
    assert not [m for m in modules if m.split(".")[0] in HEAVY]


def test_a_chosen_command_imports_only_its_own_module() -> None:
    _out, modules = modules_after("from commandcenter.cli import main; main(['info', '--help'])")
    assert [m for m in modules if m.startswith("commandcenter.commands.")] == ["commandcenter.commands.info"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_keeps_its_options(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    parser, _line = registered_directly(name)
    assert capsys.readouterr().out == parser.format_help()
