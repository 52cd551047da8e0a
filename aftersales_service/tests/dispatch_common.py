from odoo import Command

from odoo.addons.aftersales_service.models.aftersales_dispatch import AftersalesDispatch

from .common import AftersalesCase


class DispatchCase(AftersalesCase):
    """A request on a project, two engineers who may travel (NDA signed, certified)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project("T-DSP-001", site_city="Jinshan", site_street="Chemical Park 88")
        cls.equipment_categ = cls.env["product.category"].create(
            {"name": "RO Units", "aftersales_certificate_required": True}
        )
        cls.ro_product = cls.env["product.product"].create(
            {
                "name": "RO Unit T",
                "categ_id": cls.equipment_categ.id,
                "is_storable": True,
                "tracking": "serial",
            }
        )
        cls.lot = cls.env["stock.lot"].create(
            {
                "name": "RO-T-001",
                "product_id": cls.ro_product.id,
                "aftersales_project_id": cls.project.id,
            }
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "RO pressure alarm",
                "description": "<p>High-pressure alarm</p>",
                "aftersales_project_id": cls.project.id,
                "partner_id": cls.customer.id,
                "lot_id": cls.lot.id,
                "coverage": "free",
            }
        )
        Employee = cls.env["hr.employee"]
        cls.emp_engineer = Employee.create(
            {"name": "Eng One", "user_id": cls.engineer.id, "aftersales_nda_date": "2025-01-01"}
        )
        cls.emp_two = Employee.create({"name": "Eng Two", "aftersales_nda_date": "2025-01-01"})
        cls.env["aftersales.employee.certificate"].create(
            [
                {
                    "name": "RO commissioning",
                    "employee_id": emp.id,
                    "categ_id": cls.equipment_categ.id,
                    "issue_date": "2025-01-01",
                    "expiry_date": "2099-12-31",
                }
                for emp in cls.emp_engineer | cls.emp_two
            ]
        )
        cls.Dispatch = cls.env["aftersales.dispatch"]

    @classmethod
    def _dispatch(cls, employees=None, **vals):
        employees = cls.emp_engineer | cls.emp_two if employees is None else employees
        return cls.Dispatch.create(
            {
                "ticket_id": cls.ticket.id,
                "employee_ids": [Command.set(employees.ids)],
                "planned_departure": "2026-03-02 00:00:00",
                "planned_return": "2026-03-04 10:00:00",
                **vals,
            }
        )

    @staticmethod
    def _own_blockers(dispatch):
        """The blockers of this addon only (other addons add theirs, e.g. hazard briefings)."""
        return AftersalesDispatch._get_dispatch_blockers(dispatch)

    @staticmethod
    def _pass_other_gates(dispatch):
        """Clear the gates other installed addons add, so a test sees this addon's rules only."""
        if "briefing_ids" in dispatch._fields:
            dispatch.briefing_ids.sudo().write({"state": "acknowledged"})
