"""hanscope terminal UI and command line."""
