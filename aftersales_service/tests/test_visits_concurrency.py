from contextlib import closing

from freezegun import freeze_time

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestVisitPlanningConcurrency(TransactionCase):
    """Two workers plan visits at the same moment, in two real transactions: the second one,
    which cannot see the first's visits yet, plans nothing twice (the unique (project, type,
    period) decides). Committed data is created in a cursor of its own and removed again at
    the end (the pattern of test_repair_concurrency)."""

    def _env(self, cr):
        return api.Environment(
            cr,
            SUPERUSER_ID,
            {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True},
        )

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            partner = env["res.partner"].create({"name": "Visit concurrency customer"})
            project = env["aftersales.project"].create(
                {
                    "name": "T-VIS-CONCURRENT",
                    "partner_id": partner.id,
                    "acceptance_date": "2026-09-01",
                }
            )
            self.ids = {"partner": partner.id, "project": project.id}
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            visits = env["aftersales.visit"].search([])
            created = visits.filtered(lambda v: v.period)
            env["mail.message"].search(
                [("model", "=", "aftersales.visit"), ("res_id", "in", created.ids)]
            ).unlink()
            created.unlink()
            env["aftersales.project"].browse(self.ids["project"]).unlink()
            env["res.partner"].browse(self.ids["partner"]).unlink()

    def _mine(self, env):
        return env["aftersales.visit"].search([("project_id", "=", self.ids["project"])])

    def test_two_workers_plan_once(self):
        with freeze_time("2027-03-10 02:00:00"):
            with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
                for cr in (cr_a, cr_b):
                    cr.execute("SET LOCAL lock_timeout = '10s'")
                env_a, env_b = self._env(cr_a), self._env(cr_b)
                # B's snapshot is taken before A commits: it cannot see A's visits.
                self.assertFalse(self._mine(env_b))
                planned_a = env_a["aftersales.visit"]._cron_plan_visits()
                mine_a = planned_a.filtered(lambda v: v.project_id.id == self.ids["project"])
                # The June visit, and the letter three months before the warranty ends.
                self.assertEqual(len(mine_a), 2)
                cr_a.commit()
                planned_b = env_b["aftersales.visit"]._cron_plan_visits()
                self.assertFalse(planned_b, "everything was planned by the other worker")
            with closing(self.registry.cursor()) as cr:
                env = self._env(cr)
                self.assertEqual(
                    sorted(self._mine(env).mapped("period")),
                    ["2027-06", "warranty-end:2027-09-01"],
                )
