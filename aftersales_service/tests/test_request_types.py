from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import tagged

from .common_requests import AftersalesRequestCase

MON_10 = datetime(2026, 3, 2, 2, 0)  # Monday 2 March 2026, 10:00 in Shanghai


@tagged("post_install", "-at_install")
class TestRequestTypes(AftersalesRequestCase):
    """R3: the request type (helpdesk_mgmt's category) says which clocks apply; R11 is an answer
    policy, the on-site policy a separate one; R13: a confirmed service order asks the managers
    to agree the staffing the same day."""

    def test_types_choose_the_clocks(self):
        paid = {"coverage": "paid", "coverage_reason": "Warranty ended", "needs_onsite": True}
        repair = self._ticket(
            MON_10,
            category_id=self.env.ref("aftersales_service.helpdesk_category_repair").id,
            **paid,
        )
        self.assertTrue(repair.onsite_deadline)
        self.assertTrue(repair.quote_deadline)
        consultation = self._ticket(
            MON_10,
            category_id=self.env.ref("aftersales_service.helpdesk_category_consultation").id,
            **paid,
        )
        self.assertFalse(consultation.onsite_deadline)
        self.assertFalse(consultation.quote_deadline, "R12: this type needs no quotation")
        self.assertEqual(consultation.answer_deadline, MON_10 + timedelta(hours=4), "R7 always")
        # The flags are data: a type edited applies to its requests.
        visit = self.env.ref("aftersales_service.helpdesk_category_visit")
        ticket = self._ticket(MON_10, category_id=visit.id, **paid)
        self.assertFalse(ticket.quote_deadline)
        visit.aftersales_quote_clock = True
        self.assertEqual(ticket.quote_deadline, datetime(2026, 3, 2, 16, 0))
        # The bulk recompute agrees with the ORM.
        expected = (ticket.answer_deadline, ticket.onsite_deadline, ticket.quote_deadline)
        consultation_expected = (consultation.onsite_deadline, consultation.quote_deadline)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET answer_deadline = NULL, onsite_deadline = NULL, "
            "quote_deadline = NULL"
            " WHERE id = ANY(%s)",
            [[ticket.id, consultation.id]],
        )
        self.env.invalidate_all()
        (ticket | consultation)._aftersales_recompute_deadlines()
        self.assertEqual(
            (ticket.answer_deadline, ticket.onsite_deadline, ticket.quote_deadline), expected
        )
        self.assertEqual(
            (consultation.onsite_deadline, consultation.quote_deadline), consultation_expected
        )
        self.assertEqual(consultation.answer_deadline, MON_10 + timedelta(hours=4))

    def test_answer_and_onsite_policies_are_separate(self):
        ticket = self._ticket(MON_10, needs_onsite=True)
        self.company.write({"aftersales_answer_policy": "flat"})
        self.assertEqual(
            ticket.answer_deadline, MON_10 + timedelta(hours=24), "R11: any demand in 24 h"
        )
        self.assertEqual(ticket.onsite_deadline, MON_10 + timedelta(hours=24), "R9 still decides")
        self.company.write({"aftersales_onsite_policy": "none"})
        self.assertFalse(ticket.onsite_deadline)
        self.company.write(
            {"aftersales_answer_policy": "severity", "aftersales_onsite_policy": "distance"}
        )
        self.assertEqual(ticket.answer_deadline, MON_10 + timedelta(hours=4), "R7")

    def test_service_order_confirmed_asks_for_staffing_today(self):
        self.company.aftersales_manager_user_ids = [Command.set(self.manager.ids)]
        ticket = self._ticket(
            MON_10, needs_onsite=True, coverage="paid", coverage_reason="Warranty ended"
        )
        product = self.env["product.product"].create(
            {"name": "On-site service", "type": "service", "list_price": 50}
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "aftersales_ticket_id": ticket.id,
                "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 1})],
            }
        )
        order.action_confirm()
        activity = ticket.activity_ids.filtered(lambda a: "R13" in (a.summary or ""))
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(
            activity.date_deadline, order.company_id._aftersales_today(), "the same day"
        )
        order._aftersales_ask_staffing()
        self.assertEqual(
            len(ticket.activity_ids.filtered(lambda a: "R13" in (a.summary or ""))), 1, "once"
        )


@tagged("post_install", "-at_install")
class TestDeadlinesDifferential(AftersalesRequestCase):
    """ORM create = the engine fed by hand = the bulk recompute, on random paid, paused and
    closed requests of every type in two companies with different settings."""

    def test_orm_engine_and_bulk_agree(self):
        import random

        from ..tools import deadline_engine as engine

        rng = random.Random(15)
        other = self.other_company
        other.write(
            {
                "aftersales_answer_policy": "flat",
                "aftersales_onsite_policy": "province",
                "state_id": self.env.ref("base.state_cn_BJ").id,
                "resource_calendar_id": self.env["resource.calendar"]
                .create({"name": "Beijing", "tz": "Asia/Shanghai", "company_id": other.id})
                .id,
            }
        )
        self._allow_companies(self.env.user, other)
        types = (
            self.env["helpdesk.ticket.category"].search([]) | self.env["helpdesk.ticket.category"]
        )
        stage_done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        tickets = self.Ticket
        for n in range(40):
            company = self.company if n % 2 else other
            paid = rng.random() < 0.5
            vals = {
                "name": "Request %s" % n,
                "description": "Random",
                "partner_id": self.customer.id,
                "company_id": company.id,
                "team_id": self.team.id if company == self.company else False,
                "aftersales_project_id": rng.choice([self.near.id, self.far.id, False])
                if company == self.company
                else False,
                "received_at": MON_10 + timedelta(minutes=rng.randrange(0, 60 * 24 * 20)),
                "severity": rng.choice(["general", "major"]),
                "needs_onsite": rng.random() < 0.6,
                "category_id": rng.choice(types.ids + [False]),
                "coverage": "paid" if paid else "free",
                "coverage_reason": "Random",
            }
            ticket = self.Ticket.with_company(company).create(vals)
            if rng.random() < 0.3:
                self.env["aftersales.ticket.pause"].create(
                    {
                        "ticket_id": ticket.id,
                        "date_start": ticket.received_at + timedelta(hours=1),
                        "date_end": ticket.received_at + timedelta(hours=1 + rng.randrange(1, 30)),
                    }
                )
            if rng.random() < 0.3:
                ticket.stage_id = stage_done
            tickets |= ticket
        self.env.flush_all()
        for ticket in tickets:
            company = ticket.company_id
            category = ticket.category_id
            pauses = tuple((p.date_start, p.date_end) for p in ticket.aftersales_pause_ids)
            project = ticket.aftersales_project_id
            clock = engine.RequestClock(
                received_at=ticket.received_at,
                severity=ticket.severity,
                needs_onsite=ticket.needs_onsite
                and (not category or category.aftersales_onsite_clock),
                paid=ticket.coverage == "paid",
                needs_quote=not category or category.aftersales_quote_clock,
                distance_km=project.site_distance_km if project else None,
                same_province=(project.site_state_id == company.state_id)
                if project.site_state_id
                else None,
                pauses=pauses,
            )
            by_hand = engine.compute_deadlines(
                clock, company._aftersales_deadline_policy(), company._aftersales_work_calendar()
            )
            self.assertEqual(
                (
                    ticket.answer_deadline,
                    ticket.onsite_deadline or None,
                    ticket.quote_deadline or None,
                ),
                (by_hand.answer, by_hand.onsite, by_hand.quote),
                ticket.name,
            )
        orm = {t.id: (t.answer_deadline, t.onsite_deadline, t.quote_deadline) for t in tickets}
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET answer_deadline = NULL, onsite_deadline = NULL,"
            " quote_deadline = NULL WHERE id = ANY(%s)",
            [tickets.ids],
        )
        self.env.invalidate_all()
        self.Ticket.browse(tickets.ids)._aftersales_recompute_deadlines()
        bulk = {
            t.id: (t.answer_deadline, t.onsite_deadline, t.quote_deadline)
            for t in self.Ticket.browse(tickets.ids)
        }
        self.assertEqual(bulk, orm)
