"""One module per ``briefing`` sub-command: ``add_arguments(parser)`` and ``run(args) -> int``."""
