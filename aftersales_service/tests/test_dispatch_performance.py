from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .dispatch_common import DispatchCase


@tagged("post_install", "-at_install")
class TestDispatchGatePerformance(DispatchCase):
    """The dispatch gate (R43, R45, R28 and the blockers other addons add) reads what it needs
    for all trips at once: checking 30 trips costs no more queries than checking 10, apart from
    a small constant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.uncertified = cls.env["hr.employee"].create({"name": "Eng Three"})
        engineers = [
            cls.emp_engineer | cls.emp_two,
            cls.emp_engineer | cls.uncertified,
            cls.emp_two,
        ]
        cls.dispatches = cls.Dispatch.create(
            [
                {
                    "ticket_id": cls.ticket.id,
                    "employee_ids": [Command.set(engineers[i % 3].ids)],
                    "planned_departure": "2026-03-02 00:00:00",
                    "planned_return": "2026-03-04 10:00:00",
                }
                for i in range(40)
            ]
        )

    def _gate_queries(self, dispatches):
        """Queries of the gate of `dispatches` on a cold cache: their blockers on the form,
        then a confirmation refused with every blocker listed."""
        self.env.invalidate_all()
        dispatches = self.Dispatch.browse(dispatches.ids)
        before = self.cr.sql_log_count
        texts = dispatches.mapped("blocker_text")
        with self.assertRaises(UserError) as refused:
            dispatches.action_confirm()
        queries = self.cr.sql_log_count - before
        # The gate really ran: the uncertified engineer without NDA blocks every third trip.
        self.assertEqual(
            sum("Eng Three has no valid certificate" in (text or "") for text in texts),
            len(dispatches.filtered(lambda d: self.uncertified in d.employee_ids)),
        )
        self.assertIn(
            "Eng Three has not signed the confidentiality agreement", str(refused.exception)
        )
        return queries

    def test_gate_queries_do_not_grow_per_dispatch(self):
        self._gate_queries(self.dispatches[:5])  # warm the registry-level caches
        small = self._gate_queries(self.dispatches[:10])
        large = self._gate_queries(self.dispatches[10:40])
        self.assertLessEqual(
            large - small,
            3,
            f"the gate of 30 trips ran {large} queries, of 10 trips {small}",
        )
