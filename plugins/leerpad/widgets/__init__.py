"""Widget kinds: the registry that the build, the scripts, the progress page and the checks read."""
