from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_requests import AftersalesRequestCase

MAIL = """Return-Path: <{sender}>
From: Contact A <{sender}>
To: {to}
Subject: {subject}
Date: Mon, 02 Mar 2026 10:00:00 +0800
Message-ID: <{msgid}@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

{body}
"""


@tagged("post_install", "-at_install")
class TestRequestChannels(AftersalesRequestCase):
    def test_every_channel_once(self):
        """R1-R2: phone, fax, letter, e-mail, SMS, portal, proactive visit, internal relay;
        helpdesk_mgmt's phone, e-mail and web (portal) channels are reused."""
        xmlids = [
            "helpdesk_mgmt.helpdesk_ticket_channel_phone",
            "aftersales_service.helpdesk_ticket_channel_fax",
            "aftersales_service.helpdesk_ticket_channel_letter",
            "helpdesk_mgmt.helpdesk_ticket_channel_email",
            "aftersales_service.helpdesk_ticket_channel_sms",
            "helpdesk_mgmt.helpdesk_ticket_channel_web",
            "aftersales_service.helpdesk_ticket_channel_visit",
            "aftersales_service.helpdesk_ticket_channel_relay",
        ]
        channels = self.env["helpdesk.ticket.channel"].browse([self.env.ref(x).id for x in xmlids])
        self.assertEqual(len(channels), 8)
        self.assertFalse(
            self.env["helpdesk.ticket.channel"].search_count(
                [("name", "=", "Phone"), ("id", "!=", channels[0].id)]
            )
        )
        ticket = self._ticket(datetime(2026, 3, 2, 2, 0), channel_id=channels[2].id)
        self.assertEqual(ticket.channel_id.name, "Letter")


@tagged("post_install", "-at_install")
class TestPhoneIntake(AftersalesRequestCase):
    """R1, R3: the dispatcher finds the caller, sees warranty and open requests, records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        product = cls.env["product.product"].create(
            {"name": "RO unit", "is_storable": True, "tracking": "serial"}
        )
        cls.lot = cls.env["stock.lot"].create(
            {"name": "RO20-9001", "product_id": product.id, "aftersales_project_id": cls.far.id}
        )
        cls.customer.phone = "+86 21 5555 0101"
        cls.open_request = cls._ticket(datetime(2026, 3, 1, 2, 0), project=cls.far)

    def test_find_by_serial_and_record(self):
        Intake = self.env["aftersales.phone.intake"].with_user(self.as_user)
        with Form(Intake) as form:
            form.lookup = "ro20-9001"
            self.assertEqual(form.aftersales_project_id, self.far)
            self.assertEqual(form.lot_id, self.lot)
            self.assertEqual(form.partner_id, self.customer)
            self.assertEqual(form.warranty_status, self.far.warranty_status)
            self.assertIn(self.open_request, form.open_ticket_ids[:])
            form.received_at = datetime(2026, 3, 2, 1, 15)  # called 09:15, typed in later
            form.name = "Membrane pressure high"
            form.customer_request = "Send an engineer"
            form.severity = "major"
            form.needs_onsite = True
        action = form.record.action_create_request()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        )
        self.assertEqual(ticket.received_at, datetime(2026, 3, 2, 1, 15))
        self.assertEqual((ticket.aftersales_project_id, ticket.lot_id), (self.far, self.lot))
        self.assertEqual(ticket.customer_request, "Send an engineer")
        self.assertEqual(
            ticket.onsite_deadline, datetime(2026, 3, 5, 1, 15), "R9: beyond 100 km, 72 h"
        )

    def test_find_by_phone_and_order_number(self):
        Intake = self.env["aftersales.phone.intake"].with_user(self.as_user)
        with Form(Intake) as form:
            form.lookup = "5555 0101"
            self.assertEqual(set(form.match_project_ids[:].ids), {self.near.id, self.far.id})
            self.assertEqual(form.partner_id, self.customer, "one customer matches")
            form.lookup = "T-NEAR"
            self.assertEqual(form.aftersales_project_id, self.near)

    def test_needs_customer_and_fault(self):
        intake = self.env["aftersales.phone.intake"].with_user(self.as_user).create({"name": "x"})
        with self.assertRaises(UserError):
            intake.action_create_request()
        intake.write({"partner_id": self.customer.id, "name": False})
        with self.assertRaises(UserError):
            intake.action_create_request()


@tagged("post_install", "-at_install")
class TestMailIntake(AftersalesRequestCase):
    """R1: e-mails to the after-sales team's alias become requests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].create({"name": "qingyuan.example.com"})
        cls.company.alias_domain_id = cls.alias_domain
        cls.team.alias_id.alias_domain_id = cls.alias_domain
        cls.to = "aftersales@qingyuan.example.com"
        product = cls.env["product.product"].create(
            {"name": "UF unit", "is_storable": True, "tracking": "serial"}
        )
        cls.lot = cls.env["stock.lot"].create(
            {"name": "UF50-7777", "product_id": product.id, "aftersales_project_id": cls.far.id}
        )

    def _deliver(self, subject, body, msgid, sender="a@example.com"):
        self.env["mail.thread"].message_process(
            None, MAIL.format(sender=sender, to=self.to, subject=subject, body=body, msgid=msgid)
        )
        return self.env["helpdesk.ticket"].search([("name", "=", subject)])

    def test_project_number_in_subject(self):
        ticket = self._deliver("Alarm on T-NEAR", "The pump trips again.", "m1")
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        )
        self.assertEqual(ticket.partner_id, self.customer_contact)
        self.assertEqual(ticket.aftersales_project_id, self.near)
        self.assertEqual(ticket.coverage, "free")
        self.assertTrue(ticket.answer_deadline)

    def test_serial_in_body_links_project(self):
        ticket = self._deliver("Leak", "Serial uf50-7777 leaks at the flange.", "m2")
        self.assertEqual((ticket.aftersales_project_id, ticket.lot_id), (self.far, self.lot))

    def test_unknown_sender_and_no_reference(self):
        ticket = self._deliver(
            "Question", "Do you sell chemicals?", "m3", sender="nobody@elsewhere.example"
        )
        self.assertEqual(len(ticket), 1)
        self.assertFalse(ticket.aftersales_project_id)
        self.assertFalse(ticket.coverage)

    def test_only_the_projects_customer_files_on_it(self):
        """Issue 12: naming another customer's project order number or serial files nothing on
        it (no free coverage, nothing in that customer's portal): the request waits for triage."""
        self.env["res.partner"].create(
            {"name": "Contact B", "parent_id": self.customer_b.id, "email": "b@example.com"}
        )
        for subject, body, msgid, sender in (
            ("Alarm on T-NEAR, stranger", "Please come.", "m10", "stranger@elsewhere.example"),
            ("Alarm on T-NEAR, other customer", "Please come.", "m11", "b@example.com"),
            ("Leak, other customer", "Serial UF50-7777 leaks.", "m12", "b@example.com"),
        ):
            with self.subTest(subject=subject):
                ticket = self._deliver(subject, body, msgid, sender=sender)
                self.assertEqual(len(ticket), 1)
                self.assertFalse(ticket.aftersales_project_id)
                self.assertFalse(ticket.lot_id)
                self.assertFalse(ticket.coverage)
                self.assertNotEqual(ticket.commercial_partner_id, self.customer)
