"""Command modules for ``credit-desk``. Each has ``register(subparsers)``.

Feature areas keep their commands in ``app/<area>/cli.py``; the order here is
the order in help.
"""

from app.accounts import audit_cli
from app.accounts import cli as accounts_cli
from app.commands import backup_cmds, places_cmds, policy_cmds, register_cmds, screenshot_cmd
from app.county import cli as county_cli
from app.excel import cli as excel_cli
from app.letters import cli as letters_cli
from app.rating import cli as rating_cli
from app.records import cli as records_cli
from app.stats import cli as stats_cli
from app.sync import cli as sync_cli

COMMAND_MODULES = [places_cmds, register_cmds, excel_cli, rating_cli, letters_cli, records_cli,
                   policy_cmds, stats_cli, sync_cli,
                   county_cli, accounts_cli, audit_cli, backup_cmds, screenshot_cmd]
