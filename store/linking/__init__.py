"""The parts of linking (store.linker drives them): the entity set, the kept candidate groups, matching mentions,
writing rows by difference, counts by delta, and the user's entity edits."""
