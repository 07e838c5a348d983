"""One module per `pipeline` subcommand: NAME, HELP, add_arguments(parser), run(args) -> exit code."""

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_SOME_FAILED, EXIT_LOCKED = 0, 1, 2, 3, 4
