from contextlib import closing

from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.concurrency import CommittedDataCase


@tagged("post_install", "-at_install")
class TestReminderConcurrency(CommittedDataCase):
    """Two people send the reminders of the same list (R30), or the payment notice of the same
    project (R29), at the same moment, in two real transactions: every retention is reminded
    once, its e-mail queued once; the notice goes once.

    The records both transactions see are committed in a cursor of their own and removed again
    at the end (aftersales_service's CommittedDataCase)."""

    def _create_committed(self, env):
        partner = env["res.partner"].create(
            {"name": "Concurrency test customer", "email": "pay@concurrency.example.com"}
        )
        # One project each: the letters filed in a project's archive take its numbering
        # counter in turn (a lock of its own, not what this test is about).
        projects = env["aftersales.project"].create(
            [
                {
                    "name": f"T-CONC-REMIND-{i}",
                    "partner_id": partner.id,
                    "delivery_date": "2020-01-15",
                }
                for i in range(2)
            ]
        )
        retentions = env["aftersales.retention"].create(
            [{"project_id": project.id, "amount": 100.0} for project in projects]
        )
        # R31: an item open after the handover, for the payment notice to list
        env["aftersales.punch.item"].create(
            {
                "project_id": projects[0].id,
                "name": "Concurrency test: repaint the skid",
                "user_id": env.ref("base.user_admin").id,
                "deadline": "2020-03-01",
            }
        )
        return {
            "partner": partner.id,
            "projects": projects.ids,
            "retentions": retentions.ids,
        }

    def _cleanup_committed(self, env):
        cr = env.cr
        ids = tuple(self.ids["retentions"])
        projects = tuple(self.ids["projects"])
        mails = env["mail.mail"].search(
            [
                "|",
                "&",
                ("model", "=", "aftersales.retention"),
                ("res_id", "in", ids),
                "&",
                ("model", "=", "aftersales.project"),
                ("res_id", "in", projects),
            ]
        )
        mails.mail_message_id.attachment_ids.unlink()
        mails.unlink()
        env["ir.attachment"].search(
            [("res_model", "=", "aftersales.retention"), ("res_id", "in", ids)]
        ).unlink()
        env["mail.message"].search(
            [
                ("model", "in", ("aftersales.retention", "aftersales.project")),
                ("res_id", "in", (*ids, *self.ids["projects"])),
            ]
        ).unlink()
        # Reminded retention money and archive entries (the letters were filed, R38) are
        # never deleted by the application: the test's own rows go by SQL.
        cr.execute("SELECT id FROM aftersales_archive_entry WHERE project_id IN %s", [projects])
        entries = tuple(row[0] for row in cr.fetchall()) or (0,)
        cr.execute(
            "SELECT attachment_id FROM aftersales_archive_entry_attachment_rel "
            "WHERE entry_id IN %s",
            [entries],
        )
        filed = tuple(row[0] for row in cr.fetchall()) or (0,)
        cr.execute("DELETE FROM aftersales_archive_entry WHERE id IN %s", [entries])
        cr.execute(
            "DELETE FROM ir_attachment WHERE id IN %s "
            "OR (res_model = 'aftersales.archive.entry' AND res_id IN %s)",
            [filed, entries],
        )
        cr.execute("DELETE FROM aftersales_retention WHERE id IN %s", [ids])
        env["aftersales.project"].browse(self.ids["projects"]).unlink()
        env["res.partner"].browse(self.ids["partner"]).unlink()

    def test_second_sender_skips_what_the_first_holds(self):
        first, second = self.ids["retentions"]
        with self._two_transactions() as (env_a, env_b):
            # A sends the first one and has not committed yet ...
            self.assertEqual(
                env_a["aftersales.retention"].browse(first).action_send_reminder(), True
            )
            env_a.flush_all()
            # ... while B sends the whole list: it skips the row A holds.
            result = env_b["aftersales.retention"].browse([first, second]).action_send_reminder()
            env_b.flush_all()
            self.assertEqual(result["params"]["type"], "warning")
            self.assertEqual(env_b["aftersales.retention"].browse(second).state, "reminded")
        with closing(self.registry.cursor()) as cr:
            env = self._env(cr)
            retentions = env["aftersales.retention"].browse(self.ids["retentions"])
            self.assertEqual(retentions.mapped("state"), ["reminded", "reminded"])
            for retention in retentions:
                mails = env["mail.mail"].search(
                    [("model", "=", retention._name), ("res_id", "=", retention.id)]
                )
                self.assertEqual(len(mails), 1, "one e-mail each, never two")
            # A second click after both committed sends nothing more.
            result = retentions.action_send_reminder()
            self.assertEqual(result["params"]["type"], "warning")
            self.assertEqual(
                env["mail.mail"].search_count(
                    [("model", "=", "aftersales.retention"), ("res_id", "in", retentions.ids)]
                ),
                2,
            )
            cr.rollback()

    def test_second_notice_sender_skips_what_the_first_holds(self):
        project_id = self.ids["projects"][0]
        with self._two_transactions() as (env_a, env_b):
            # A sends the notice and has not committed yet ...
            result = env_a["aftersales.project"].browse(project_id).action_send_payment_notice()
            self.assertEqual(result["params"]["type"], "success")
            env_a.flush_all()
            # ... while B clicks the same button: it sends nothing.
            result = env_b["aftersales.project"].browse(project_id).action_send_payment_notice()
            self.assertEqual(result["params"]["type"], "warning")
        with closing(self.registry.cursor()) as cr:
            env = self._env(cr)
            project = env["aftersales.project"].browse(project_id)
            notices = env["mail.mail"].search(
                [("model", "=", project._name), ("res_id", "=", project_id)]
            )
            self.assertEqual(len(notices), 1, "one notice, never two")
            self.assertEqual(notices.recipient_ids.email, "pay@concurrency.example.com")
            # A second click after the commit: the same notice is not sent again.
            result = project.action_send_payment_notice()
            self.assertEqual(result["params"]["type"], "warning")
            self.assertEqual(
                env["mail.mail"].search_count(
                    [("model", "=", project._name), ("res_id", "=", project_id)]
                ),
                1,
            )
            cr.rollback()
