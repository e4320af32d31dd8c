"""Articles to facts: entities (rules, discovery, matching), numbers, Hangul keys and name resolution.

Nothing here touches a database."""
