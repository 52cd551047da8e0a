from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.common_view_ids import ViewIdsCase


@tagged("post_install", "-at_install")
class TestViewIds(ViewIdsCase):
    """Issue 20: the inheriting views of aftersales_hazard say they inherit, and an upgrade from
    18.0.1.0.0 renames their xml ids without losing the views."""

    MODULE = "aftersales_hazard"
    SCRIPT = "aftersales_hazard/migrations/18.0.1.1.0/pre-migrate-view-ids.py"
    FROM_VERSION = "18.0.1.0.0"

    def test_view_ids_say_they_inherit(self):
        self.assert_view_ids_renamed()

    def test_migration_renames_old_view_ids(self):
        self.assert_migration_renames_again()
