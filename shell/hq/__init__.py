"""HQ Warehouse: the thin Python shell around a PostgreSQL-native warehouse."""

__version__ = "0.1.0"
