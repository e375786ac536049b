"""The reading commands: `ita-extract export`, `report` and `review`, each its own module, all
reading an output folder through pipeline.commands.outputs. They import the store, never the
run (which imports none of them)."""
