"""Fills a template of deploy/ (``@NAME@`` placeholders) with your values.

    python -m deploy.render deploy/nginx/proxima.conf NAME=value ... > destination

Without values it lists the template's names. Every placeholder must be given, and only
those: a typo or a forgotten value stops it, never a half-filled configuration.
"""

import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"@([A-Z][A-Z0-9_]*)@")


def names(template):
    return sorted(set(PLACEHOLDER.findall(template)))


def render(template, values):
    """``template`` with each ``@NAME@`` replaced by ``values[NAME]`` (all of them, only them)."""
    wanted = set(names(template))
    missing, unknown = wanted - set(values), set(values) - wanted
    if missing or unknown:
        raise ValueError(
            f"missing values: {', '.join(sorted(missing)) or 'none'}; "
            f"unknown names: {', '.join(sorted(unknown)) or 'none'}"
        )
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), template)


def main(arguments):
    if not arguments:
        sys.exit(__doc__)
    template = Path(arguments[0]).read_text()
    if len(arguments) == 1:
        print("\n".join(names(template)))
        return
    values = dict(argument.split("=", 1) for argument in arguments[1:])
    try:
        sys.stdout.write(render(template, values))
    except ValueError as error:
        sys.exit(f"{arguments[0]}: {error}")


if __name__ == "__main__":
    main(sys.argv[1:])
