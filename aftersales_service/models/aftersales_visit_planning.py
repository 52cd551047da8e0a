import logging
from datetime import timedelta

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.tools import mute_logger

_logger = logging.getLogger(__name__)

# The daily planning looks a year ahead: both half-year visit plans of R42 are always known.
HORIZON_MONTHS = 12


class _FirstWorkingDay:
    """The first working day on or after a date, in one company's calendar (cached)."""

    def __init__(self, calendar):
        self.calendar = calendar
        self.cache = {}

    def __call__(self, day):
        if day not in self.cache:
            self.cache[day] = self.calendar.next_working_day(day - timedelta(days=1))
        return self.cache[day]


class AftersalesVisit(models.Model):
    _inherit = "aftersales.visit"

    @api.model
    def _cron_plan_visits(self):
        """Scheduled action (daily): plan the visits due in the next 12 months, never the same
        one twice (the unique (project, type, period) counts cancelled visits too, so a second
        run, a second worker at the same moment, or a cancellation plans nothing again).

        - group visits (R42) in each visit month, on its first working day (from the company's
          visit day), for every delivered project in warranty on that date, under a
          maintenance contract, or of a key customer (R2) after both have ended;
        - milestone visits: after acceptance, and N months before the warranty ends;
        - summer and winter inspections (R47) before each season while the maintenance
          contract runs.
        Returns the visits planned."""
        today = self.env.company._aftersales_today()
        horizon = today + relativedelta(months=HORIZON_MONTHS)
        Project = self.env["aftersales.project"].sudo()
        projects = Project.search(
            [
                ("warranty_start", "!=", False),
                ("warranty_start", "<=", horizon),
                "|",
                "|",
                ("warranty_end", ">=", today),
                ("maintenance_contract_end", ">=", today),
                ("commercial_partner_id.aftersales_key_customer", "=", True),
            ]
        )
        if not projects:
            return self.browse()
        existing = {
            (visit.project_id.id, visit.visit_type, visit.period)
            for visit in self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("project_id", "in", projects.ids), ("period", "!=", False)],
                ["project_id", "visit_type", "period"],
            )
        }
        vals_list = []
        for company, company_projects in projects.grouped("company_id").items():
            early = _FirstWorkingDay(company._aftersales_work_calendar())
            for project in company_projects:
                for vals in project._aftersales_due_visits(company, today, horizon, early):
                    key = (project.id, vals["visit_type"], vals["period"])
                    if key not in existing:
                        existing.add(key)
                        vals_list.append(vals)
        return self._aftersales_create_planned(vals_list)

    @api.model
    def _aftersales_create_planned(self, vals_list):
        """Create the planned visits in one batch; if another worker planned some of them at
        the same moment (unique violation), each visit alone, skipping those."""
        Visit = self.sudo().with_context(mail_create_nolog=True, tracking_disable=True)
        if not vals_list:
            return self.browse()
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                visits = Visit.create(vals_list)
                self.env.flush_all()
        except (psycopg2.IntegrityError, psycopg2.errors.SerializationFailure):
            visits = Visit.browse()
            for vals in vals_list:
                try:
                    with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                        visit = Visit.create(vals)
                        self.env.flush_all()
                except (psycopg2.IntegrityError, psycopg2.errors.SerializationFailure):
                    # Invalidate what the failed savepoint left in the cache.
                    self.env.invalidate_all()
                    continue
                visits |= visit
        visits._aftersales_fill_checklists()
        _logger.info("Visit planning: %s visits planned", len(visits))
        return visits.with_env(self.env)

    def _aftersales_fill_checklists(self):
        """An inspection gets one checklist line per piece of equipment of the project."""
        lines = [
            {
                "visit_id": visit.id,
                "lot_id": lot.id,
                "name": lot.product_id.display_name or lot.name,
                "sequence": index,
            }
            for visit in self.filtered(lambda v: v.visit_type == "inspection")
            for index, lot in enumerate(visit.project_id.lot_ids, start=1)
        ]
        self.env["aftersales.visit.check"].sudo().create(lines)
