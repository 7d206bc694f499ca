"""Organizations, regions, member status, themes: the network and its directory."""
