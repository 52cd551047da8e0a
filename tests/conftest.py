"""Cross-addon scenarios run by pytest-odoo against the database setup/test.sh built."""
