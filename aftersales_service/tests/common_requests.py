from odoo import Command
from odoo.tools import file_open

from .common import AftersalesCase

HOLIDAY_FILE = "aftersales_service/data/cn_public_holidays_2026.csv"


class AftersalesRequestCase(AftersalesCase):
    """Requests on a Shanghai company whose calendar has the 2026 holiday schedule."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "Shanghai 2026", "tz": "Asia/Shanghai", "company_id": cls.company.id}
        )
        with file_open(HOLIDAY_FILE, "rb") as handle:
            cls.calendar._aftersales_import_holidays(handle.read())
        cls.company.resource_calendar_id = cls.calendar
        cls.Ticket = cls.env["helpdesk.ticket"]
        cls.team = cls.env.ref("aftersales_service.helpdesk_team_aftersales")
        cls.team.user_ids = [Command.link(cls.as_user.id), Command.link(cls.manager.id)]
        cls.company.aftersales_escalation_user_id = cls.manager
        cls.near = cls._project(
            "T-NEAR",
            delivery_date="2026-01-15",
            site_distance_km=60,
            site_state_id=cls.env.ref("base.state_cn_SH").id,
        )
        cls.far = cls._project(
            "T-FAR",
            delivery_date="2026-01-15",
            site_distance_km=100.1,
            site_state_id=cls.env.ref("base.state_cn_JS").id,
        )
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_waiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        cls.stage_progress = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")

    @classmethod
    def _ticket(cls, received_at, project=None, **vals):
        return cls.Ticket.create(
            {
                "name": "Pump trips",
                "description": "The high-pressure pump trips.",
                "partner_id": cls.customer.id,
                "team_id": cls.team.id,
                "aftersales_project_id": (project if project is not None else cls.near).id,
                "received_at": received_at,
                **vals,
            }
        )
