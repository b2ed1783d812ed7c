"""`scholargraph serve`: the graph as a local, read-only web app (see ``app``)."""
