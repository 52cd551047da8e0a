from odoo.modules.migration import load_script
from odoo.tests import TransactionCase, tagged

SCRIPT = "aftersales_service/migrations/18.0.1.3.0/post-migrate-portal-stages.py"


@tagged("post_install", "-at_install")
class TestMigrationPortalStages(TransactionCase):
    """An existing database gets the customer-facing status of helpdesk_mgmt's cancelled and
    rejected stages on upgrade (issue 14): the data file is noupdate, the post-migrate sets it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.migration = load_script(SCRIPT, "aftersales_service_post_migrate_portal_stages")
        cls.cancelled = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        cls.rejected = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected")

    def test_cleared_mapping_restored(self):
        # as on a database installed before the mapping existed
        (self.cancelled | self.rejected).aftersales_portal_status = False
        # what customers read before: a rejected request "Completed"
        self.assertEqual(self.rejected._aftersales_portal_status(), "done")
        self.migration.migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()
        self.assertEqual(self.cancelled.aftersales_portal_status, "cancelled")
        self.assertEqual(self.rejected.aftersales_portal_status, "cancelled")
        self.assertEqual(self.rejected._aftersales_portal_status(), "cancelled")

    def test_chosen_status_kept(self):
        self.cancelled.aftersales_portal_status = "waiting"
        self.rejected.aftersales_portal_status = False
        stages = self.migration.set_portal_statuses(self.env)
        self.assertEqual(stages, self.rejected)
        self.assertEqual(self.cancelled.aftersales_portal_status, "waiting")
        self.assertEqual(self.rejected.aftersales_portal_status, "cancelled")
