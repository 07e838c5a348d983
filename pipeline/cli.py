"""`pipeline` command line. Each subcommand lives in its own module under pipeline/commands/.

Exit codes (for schedulers): 0 all done; 1 the run could not proceed; 2 bad command line;
3 finished but some documents failed (see the errors table); 4 another run holds the output directory.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# The subcommands, in the order `pipeline --help` lists them.
COMMANDS = ["run", "status", "bench", "show", "export", "eval"]


def build_parser() -> tuple[argparse.ArgumentParser, dict]:
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    modules = {}
    for name in COMMANDS:
        module = importlib.import_module(f"pipeline.commands.{name}")
        module.add_arguments(sub.add_parser(module.NAME, help=module.HELP, description=module.HELP))
        modules[module.NAME] = module
    return parser, modules


def main(argv: list[str] | None = None) -> int:
    parser, modules = build_parser()
    args = parser.parse_args(argv)
    return modules[args.command].run(args)


if __name__ == "__main__":
    sys.exit(main())
