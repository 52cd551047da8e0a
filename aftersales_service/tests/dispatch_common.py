from odoo import Command
from odoo.tests import new_test_user

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
        # Engineers log in: what they acknowledge in person, they acknowledge as themselves.
        cls.engineer_two = new_test_user(
            cls.env,
            "t_dispatch_engineer_two",
            groups="base.group_user,aftersales_service.group_aftersales_engineer",
        )
        cls.emp_two = Employee.create(
            {"name": "Eng Two", "user_id": cls.engineer_two.id, "aftersales_nda_date": "2025-01-01"}
        )
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
        """Clear what other installed addons ask of the engineers before the trip moves on,
        the way it is done: each engineer takes, as himself, the ``action_acknowledge()`` of
        what the dispatch lists as pending (``_get_pending_acknowledgements``). The gate itself
        stays whole; nothing is written around it."""
        for records in dispatch._get_pending_acknowledgements():
            for record in records:
                user = record.employee_id.user_id
                if not user:
                    raise AssertionError(
                        f"{record.employee_id.name} has no user to acknowledge "
                        f"{record.display_name}"
                    )
                record.with_user(user).action_acknowledge()
        if any(dispatch._get_pending_acknowledgements()):
            raise AssertionError(f"{dispatch.name}: acknowledged, yet still pending")
