from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_requests import AftersalesRequestCase

MON_10 = datetime(2026, 3, 2, 2, 0)  # Monday 2 March 2026, 10:00 in Shanghai


@tagged("post_install", "-at_install")
class TestClockCorrections(AftersalesRequestCase):
    """The receipt time and the facts change only through their actions or the manager's
    correction wizard, with a reason, tracked (R7-R12)."""

    def _correct(self, user, ticket, field_name, value, reason="The phone call was logged late"):
        wizard = Form(
            self.env["aftersales.clock.correction"]
            .with_user(user)
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.field_name = field_name
        wizard.new_value = value
        wizard.reason = reason
        return wizard.save()

    def test_nobody_edits_the_times_directly(self):
        ticket = self._ticket(MON_10)
        for user in (self.as_user, self.manager):
            for name in ("received_at", "answered_at", "onsite_at", "quoted_at"):
                with self.assertRaises(UserError):
                    ticket.with_user(user).write({name: MON_10 + timedelta(minutes=30)})
        self.assertEqual(ticket.received_at, MON_10)
        self.assertFalse(ticket.answered_at)
        # The actions still record the facts: the answer (R7) ...
        ticket.with_user(self.as_user).action_aftersales_answer()
        self.assertTrue(ticket.answered_at)
        # ... and intake still writes when a phone request really reached us.
        typed_later = self.Ticket.with_user(self.as_user).create(
            {
                "name": "Phoned in",
                "description": "Typed in later",
                "team_id": self.team.id,
                "partner_id": self.customer.id,
                "received_at": MON_10,
            }
        )
        self.assertEqual(typed_later.received_at, MON_10)

    def test_manager_corrects_with_a_reason(self):
        ticket = self._ticket(MON_10, needs_onsite=True)
        wizard = self._correct(self.manager, ticket, "received_at", MON_10 - timedelta(hours=2))
        self.assertEqual(wizard.current_value, MON_10)
        wizard.action_correct()
        self.assertEqual(ticket.received_at, MON_10 - timedelta(hours=2))
        self.assertEqual(
            ticket.answer_deadline, MON_10 + timedelta(hours=2), "every deadline moves"
        )
        self.assertEqual(ticket.onsite_deadline, MON_10 + timedelta(hours=22))
        note = ticket.message_ids.filtered(
            lambda m: "The phone call was logged late" in (m.body or "")
        )
        self.assertTrue(note, "the reason is on the request")
        # A fact recorded by mistake is cleared; a fact before the receipt is refused.
        self._correct(
            self.manager, ticket, "onsite_at", MON_10 + timedelta(hours=3)
        ).action_correct()
        self.assertEqual(ticket.onsite_at, MON_10 + timedelta(hours=3))
        self._correct(self.manager, ticket, "onsite_at", False).action_correct()
        self.assertFalse(ticket.onsite_at)
        with self.assertRaises(ValidationError):
            self._correct(
                self.manager, ticket, "answered_at", MON_10 - timedelta(days=1)
            ).action_correct()
        self.assertFalse(ticket.answered_at, "nothing written")
        with self.assertRaises(UserError):
            self._correct(
                self.manager, ticket, "answered_at", MON_10, reason="   "
            ).action_correct()
        with self.assertRaises(UserError):
            self._correct(self.manager, ticket, "received_at", False).action_correct()

    def test_only_the_manager_corrects(self):
        ticket = self._ticket(MON_10)
        with self.assertRaises(AccessError):
            self._correct(
                self.as_user, ticket, "received_at", MON_10 - timedelta(hours=1)
            ).action_correct()
        with self.assertRaises(AccessError):
            ticket.with_user(self.as_user).action_aftersales_correct_clock()
        self.assertEqual(ticket.received_at, MON_10)

    def test_any_linked_quotation_sent_stops_the_quote_clock(self):
        # R12: a quotation linked to the request without any repair.
        ticket = self._ticket(MON_10, coverage="paid", coverage_reason="Chemicals are never free")
        product = self.env["product.product"].create(
            {"name": "Scale inhibitor", "list_price": 80.0}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "aftersales_ticket_id": ticket.id,
                "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 2})],
            }
        )
        self.assertEqual(order.aftersales_ticket_id, ticket, "the link stays without a repair")
        self.assertFalse(ticket.quoted_at)
        with freeze_time(MON_10 + timedelta(hours=3)):
            order.action_quotation_sent()
            self.assertEqual(order.state, "sent")
            self.assertEqual(ticket.quoted_at, MON_10 + timedelta(hours=3))
        ticket.invalidate_recordset()
        self.assertFalse(ticket.quote_late, "quoted the same day (R12)")
