from odoo import Command
from odoo.tests import HttpCase, new_test_user

from .common import AftersalesCase

# A 1x1 PNG (the photo of a fault) and a drawn signature.
PNG_B64 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


class AftersalesPortalCase(AftersalesCase, HttpCase):
    """Two customers of two companies, each with a project, a serial, a request with a photo
    and a service report: customer A (portal user t_portal_a) of our company, customer B
    (portal user t_portal_b) of the Beijing branch."""

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
            {"name": "TOUR-SN-1", "product_id": cls.pump.id, "aftersales_project_id": cls.project_a.id}
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
        Attachment = cls.env["ir.attachment"]
        cls.photo_a, cls.photo_b = Attachment.create(
            [
                {
                    "name": f"photo_{ticket.id}.png",
                    "datas": PNG_B64,
                    "res_model": "helpdesk.ticket",
                    "res_id": ticket.id,
                }
                for ticket in (cls.ticket_a, cls.ticket_b)
            ]
        )
        Report = cls.env["aftersales.service.report"]
        cls.report_a = Report.create(cls._report_vals(cls.ticket_a))
        cls.report_b = Report.with_company(cls.other_company).create(cls._report_vals(cls.ticket_b))

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
