from odoo import Command
from odoo.tests import HttpCase, new_test_user

from .common import AftersalesCase

# A 1x1 PNG (the photo of a fault) and a drawn signature.
PNG_B64 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)


class AftersalesPortalCase(AftersalesCase, HttpCase):
    """Three customers, each with a project, a serial, a request with a photo and a service
    report: customer A (portal user t_portal_a) and customer C (portal user t_portal_c) of our
    company, customer B (portal user t_portal_b) of the Beijing branch. C is what a record rule
    must keep apart: the company rule alone lets it through (issue 12)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.tz = "Asia/Shanghai"
        cls.portal_a.write({"tz": "Asia/Shanghai", "email": "portal.a@example.com"})
        cls.portal_b = new_test_user(
            cls.env,
            "t_portal_b",
            groups="base.group_portal",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )
        cls.portal_b.partner_id.parent_id = cls.customer_b
        cls.pump = cls.env["product.product"].create(
            {"name": "Dosing Pump", "is_storable": True, "tracking": "serial"}
        )
        cls.project_a = cls._project("TOUR-P1", title="Boiler feed water")
        cls.project_b = cls.Project.create(
            {
                "name": "SECRET-B",
                "title": "Beijing secret plant",
                "partner_id": cls.customer_b.id,
                "company_id": cls.other_company.id,
                "delivery_date": "2026-01-15",
            }
        )
        Lot = cls.env["stock.lot"]
        cls.lot_a = Lot.create(
            {
                "name": "TOUR-SN-1",
                "product_id": cls.pump.id,
                "aftersales_project_id": cls.project_a.id,
            }
        )
        cls.lot_b = Lot.create(
            {
                "name": "SECRET-SN-B",
                "product_id": cls.pump.id,
                "company_id": cls.other_company.id,
                "aftersales_project_id": cls.project_b.id,
            }
        )
        Ticket = cls.env["helpdesk.ticket"]
        cls.ticket_a = Ticket.create(
            {
                "name": "Pump A noisy",
                "description": "<p>noisy</p>",
                "partner_id": cls.portal_a.partner_id.id,
                "aftersales_project_id": cls.project_a.id,
                "lot_id": cls.lot_a.id,
            }
        )
        cls.ticket_b = Ticket.with_company(cls.other_company).create(
            {
                "name": "SECRET ticket B",
                "description": "<p>secret</p>",
                "partner_id": cls.portal_b.partner_id.id,
                "company_id": cls.other_company.id,
                "aftersales_project_id": cls.project_b.id,
                "lot_id": cls.lot_b.id,
            }
        )
        # Customer C: same company as A, another customer.
        cls.customer_c = cls.env["res.partner"].create(
            {"name": "Test Customer C", "is_company": True}
        )
        cls.portal_c = new_test_user(cls.env, "t_portal_c", groups="base.group_portal")
        cls.portal_c.partner_id.parent_id = cls.customer_c
        cls.project_c = cls._project(
            "SECRET-C", title="Same-company secret plant", partner_id=cls.customer_c.id
        )
        cls.lot_c = Lot.create(
            {
                "name": "SECRET-SN-C",
                "product_id": cls.pump.id,
                "aftersales_project_id": cls.project_c.id,
            }
        )
        cls.ticket_c = Ticket.create(
            {
                "name": "SECRET ticket C",
                "description": "<p>secret C</p>",
                "partner_id": cls.portal_c.partner_id.id,
                "aftersales_project_id": cls.project_c.id,
                "lot_id": cls.lot_c.id,
            }
        )
        Attachment = cls.env["ir.attachment"]
        cls.photo_a, cls.photo_b, cls.photo_c = Attachment.create(
            [
                {
                    "name": f"photo_{ticket.id}.png",
                    "datas": PNG_B64,
                    "res_model": "helpdesk.ticket",
                    "res_id": ticket.id,
                }
                for ticket in (cls.ticket_a, cls.ticket_b, cls.ticket_c)
            ]
        )
        # Each photo came with the customer's message (what the customer sent is theirs to see).
        for ticket, photo in zip(
            (cls.ticket_a, cls.ticket_b, cls.ticket_c),
            (cls.photo_a, cls.photo_b, cls.photo_c),
            strict=False,
        ):
            ticket.message_post(
                body="Photo of the fault",
                author_id=ticket.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                attachment_ids=photo.ids,
            )
        Report = cls.env["aftersales.service.report"]
        cls.report_a = Report.create(cls._report_vals(cls.ticket_a))
        cls.report_b = Report.with_company(cls.other_company).create(cls._report_vals(cls.ticket_b))
        cls.report_c = Report.create(cls._report_vals(cls.ticket_c))

    @classmethod
    def _report_vals(cls, ticket, **vals):
        return {
            "ticket_id": ticket.id,
            "engineer_id": cls.engineer.id,
            "work_done": "Replaced the mechanical seal of the dosing pump.",
            "parts_used": "1 x pump seal",
            "test_description": "Ran the pump for one hour at nominal flow.",
            "test_result": "pass",
            "maintenance_advice": "Check the seal every month.",
            "hours": 2.5,
            **vals,
        }
