from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common_requests import AftersalesRequestCase


@tagged("post_install", "-at_install")
class TestRequestCoverage(AftersalesRequestCase):
    """R5-R6: free inside the warranty on the (local) day of receipt, paid after it.
    Requests received in 2027 are looked at from mid-2027: a request cannot be received in the
    future (issue 12)."""

    @freeze_time("2027-07-01 02:00:00")
    def test_warranty_last_day_free_next_day_paid(self):
        # Delivered 2026-01-15, 12 months: the warranty ends 2027-01-15 (Shanghai time).
        self.assertEqual(str(self.near.warranty_end), "2027-01-15")
        last_day = self._ticket(datetime(2027, 1, 15, 15, 59))  # 23:59 local
        next_day = self._ticket(datetime(2027, 1, 15, 16, 0))  # 00:00 local, 16 January
        self.assertEqual(last_day.coverage, "free")
        self.assertEqual(next_day.coverage, "paid")
        self.assertFalse(last_day.quote_deadline, "no quotation for a free request")
        self.assertTrue(next_day.quote_deadline, "R12: a paid request is quoted")

    @freeze_time("2027-07-01 02:00:00")
    def test_serial_warranty_wins(self):
        product = self.env["product.product"].create(
            {"name": "RO unit", "is_storable": True, "tracking": "serial"}
        )
        lot = self.env["stock.lot"].create(
            {
                "name": "RO-LOT-1",
                "product_id": product.id,
                "aftersales_project_id": self.near.id,
                "aftersales_warranty_end": "2027-06-30",
            }
        )
        ticket = self._ticket(datetime(2027, 3, 1, 2, 0), lot_id=lot.id)
        self.assertEqual(ticket.coverage, "free")
        lot.aftersales_warranty_end = "2027-02-28"
        self.assertEqual(ticket.coverage, "paid")

    def test_project_from_serial_and_no_project_undecided(self):
        product = self.env["product.product"].create(
            {"name": "UF unit", "is_storable": True, "tracking": "serial"}
        )
        lot = self.env["stock.lot"].create(
            {"name": "UF-LOT-1", "product_id": product.id, "aftersales_project_id": self.far.id}
        )
        ticket = self._ticket(datetime(2026, 3, 2, 2, 0), project=self.Project, lot_id=lot.id)
        self.assertEqual(ticket.aftersales_project_id, self.far)
        self.assertEqual(ticket.coverage, "free")
        orphan = self._ticket(datetime(2026, 3, 2, 2, 0), project=self.Project)
        self.assertFalse(orphan.coverage)

    @freeze_time("2027-07-01 02:00:00")
    def test_recomputed_until_answered(self):
        ticket = self._ticket(datetime(2027, 2, 1, 2, 0))
        self.assertEqual(ticket.coverage, "paid")
        self.near.acceptance_date = "2026-03-01"  # warranty now ends 2027-03-01
        self.assertEqual(ticket.coverage, "free")
        ticket.action_aftersales_answer()
        self.near.acceptance_date = False
        self.assertEqual(ticket.coverage, "free", "the coverage told to the customer stays")
        ticket.received_at = datetime(2026, 6, 1)
        self.assertEqual(ticket.coverage, "free")

    @freeze_time("2027-07-01 02:00:00")
    def test_override_needs_reason_and_is_tracked(self):
        ticket = self._ticket(datetime(2027, 2, 1, 2, 0)).with_context(tracking_disable=False)
        self.assertEqual(ticket.coverage, "paid")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            ticket.write({"coverage": "free"})
        self.assertEqual(ticket.coverage, "paid", "nothing half-written")
        self.assertFalse(ticket.coverage_manual)
        ticket.write({"coverage": "free", "coverage_reason": "Contract clause 7: 18 months"})
        self.assertTrue(ticket.coverage_manual)
        self.near.warranty_months = 13
        self.assertEqual(ticket.coverage, "free", "an override is not recomputed")
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit
        tracked = ticket.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "coverage"
        )
        self.assertEqual(tracked.mapped("new_value_char"), ["Free (in warranty)"])
        reasons = ticket.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "coverage_reason"
        )
        self.assertEqual(reasons.new_value_char, "Contract clause 7: 18 months")
        # Setting it back to what the warranty says ends the override.
        self.near.warranty_months = 12
        ticket.write({"coverage": "paid"})
        self.assertFalse(ticket.coverage_manual)

    def test_form_keeps_computed_coverage_without_override(self):
        with Form(self.Ticket.with_user(self.as_user)) as form:
            form.name = "Leak"
            form.description = "<p>Leak at the UF skid</p>"
            form.aftersales_project_id = self.near
            form.received_at = datetime(2026, 5, 6, 2, 0)
            self.assertEqual(form.coverage, "free")
        ticket = form.save()
        self.assertEqual(ticket.coverage, "free")
        self.assertFalse(ticket.coverage_manual)
