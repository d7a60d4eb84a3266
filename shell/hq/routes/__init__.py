"""HTTP routes, one module per area; each exposes ``router`` and ``hq.app``
includes it. Add an area by adding a module here and one line to
``hq.app.ROUTERS``."""
