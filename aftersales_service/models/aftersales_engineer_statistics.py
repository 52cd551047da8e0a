from odoo import api, fields, models, tools
from odoo.tools import SQL

from .aftersales_statistics import NDA_STATES, company_zones_sql, on_time_sql, rate_sql
from .hr_job_role import ROLES


class AftersalesEngineerStatistics(models.Model):
    """Staff assessment (R44): one row per engineer and trip, a two-engineer trip counting for
    both; satisfaction (rating), quality (repeat requests on the same serial within the
    company's window; complaints), efficiency (on-time arrival, trips, hours) and the
    confidentiality agreement the assessment includes (R43). Trips still planned (draft) or
    cancelled are not counted."""

    _name = "aftersales.engineer.statistics"
    _description = "After-sales Staff Assessment"
    _auto = False
    _rec_name = "dispatch_id"
    _order = "month desc, employee_id, dispatch_id"
    _depends = {
        "aftersales.dispatch": [
            "ticket_id",
            "employee_ids",
            "state",
            "work_hours",
            "onsite_at",
            "returned_at",
            "planned_departure",
            "planned_return",
            "company_id",
        ],
        "aftersales.service.report": ["dispatch_id", "rating_value"],
        "helpdesk.ticket": ["lot_id", "received_at", "onsite_deadline", "onsite_at"],
        "hr.employee": ["aftersales_nda_date", "aftersales_nda_expiry", "aftersales_role"],
        "res.company": ["aftersales_repeat_days", "resource_calendar_id"],
        "aftersales.complaint": ["ticket_id", "employee_id"],
    }

    month = fields.Date(readonly=True, help="Month of the trip, in the company's time zone.")
    company_id = fields.Many2one("res.company", readonly=True)
    employee_id = fields.Many2one("hr.employee", string="Engineer", readonly=True)
    role = fields.Selection(
        ROLES, string="After-sales Role", readonly=True, help="The engineer's role (R46)."
    )
    dispatch_id = fields.Many2one("aftersales.dispatch", string="Trip", readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    lot_id = fields.Many2one("stock.lot", string="Equipment Serial", readonly=True)
    trip_count = fields.Integer(string="Trips", readonly=True)
    hours = fields.Float(
        string="Person-hours",
        readonly=True,
        help="The engineer's share of the trip's person-hours (split evenly).",
    )
    onsite_on_time = fields.Boolean(string="On Site On Time", readonly=True)
    onsite_rate = fields.Float(string="On-site On-time %", readonly=True, aggregator="avg")
    rating = fields.Float(string="Average Rating", readonly=True, aggregator="avg")
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    repeat_request = fields.Boolean(
        readonly=True,
        help="A new request on the same serial came within the company's repeat window after "
        "the trip.",
    )
    repeat_count = fields.Integer(string="Repeat Requests", readonly=True)
    nda_state = fields.Selection(NDA_STATES, string="Confidentiality Agreement", readonly=True)
    nda_issue = fields.Boolean(
        string="Agreement Expired or Missing", readonly=True, help="R43: part of the assessment."
    )

    def _query(self):
        return SQL(
            """
            WITH %(zones)s,
            crew AS (
                SELECT dispatch_id, COUNT(*) AS size
                  FROM aftersales_dispatch_employee_rel
              GROUP BY dispatch_id
            ),
            trip_rows AS (
                SELECT d.id AS dispatch_id, rel.employee_id, d.company_id, d.ticket_id,
                       t.lot_id, z.tz, z.repeat_days,
                       COALESCE(d.onsite_at, d.planned_departure, t.received_at) AS trip_at,
                       COALESCE(d.returned_at, d.planned_return, d.onsite_at,
                                d.planned_departure, t.received_at) AS back_at,
                       COALESCE(d.work_hours, 0) / crew.size AS hours,
                       %(onsite)s AS onsite_on_time,
                       (SELECT AVG(sr.rating_value) FROM aftersales_service_report sr
                         WHERE sr.dispatch_id = d.id AND sr.rating_value > 0) AS rating,
                       e.aftersales_nda_date AS nda_date,
                       e.aftersales_nda_expiry AS nda_expiry,
                       e.aftersales_role AS role
                  FROM aftersales_dispatch d
                  JOIN aftersales_dispatch_employee_rel rel ON rel.dispatch_id = d.id
                  JOIN crew ON crew.dispatch_id = d.id
                  JOIN hr_employee e ON e.id = rel.employee_id
                  JOIN helpdesk_ticket t ON t.id = d.ticket_id
                  JOIN zones z ON z.company_id = d.company_id
                 WHERE d.state NOT IN ('draft', 'cancel')
            )
            SELECT ROW_NUMBER() OVER (ORDER BY r.dispatch_id, r.employee_id) AS id,
                   date_trunc('month', (r.trip_at AT TIME ZONE 'UTC') AT TIME ZONE r.tz)::date
                       AS month,
                   r.company_id, r.employee_id, r.role, r.dispatch_id, r.ticket_id, r.lot_id,
                   1 AS trip_count, r.hours, r.onsite_on_time,
                   %(onsite_rate)s AS onsite_rate, r.rating,
                   %(complaints)s AS complaint_count,
                   r.repeat_id IS NOT NULL AS repeat_request,
                   CASE WHEN r.repeat_id IS NOT NULL THEN 1 ELSE 0 END AS repeat_count,
                   CASE WHEN r.nda_date IS NULL THEN 'missing'
                        WHEN r.nda_expiry < (r.trip_at AT TIME ZONE 'UTC') AT TIME ZONE r.tz
                            THEN 'expired'
                        ELSE 'valid' END AS nda_state,
                   r.nda_date IS NULL
                       OR r.nda_expiry < (r.trip_at AT TIME ZONE 'UTC') AT TIME ZONE r.tz
                       AS nda_issue
              FROM (
                SELECT trip_rows.*,
                       (SELECT t2.id FROM helpdesk_ticket t2
                         WHERE trip_rows.lot_id IS NOT NULL AND t2.lot_id = trip_rows.lot_id
                           AND t2.id != trip_rows.ticket_id
                           AND t2.received_at > trip_rows.back_at
                           AND t2.received_at <= trip_rows.back_at
                               + make_interval(days => trip_rows.repeat_days)
                         LIMIT 1) AS repeat_id
                  FROM trip_rows
              ) r
            """,
            zones=company_zones_sql(),
            onsite=on_time_sql("onsite", "t"),
            onsite_rate=rate_sql(SQL("r.onsite_on_time")),
            complaints=self._complaint_count_sql(),
        )

    @api.model
    def _complaint_count_sql(self):
        """Complaints about the engineer on the trip's request (R44)."""
        return SQL(
            "(SELECT COUNT(*) FROM aftersales_complaint c "
            "WHERE c.ticket_id = r.ticket_id AND c.employee_id = r.employee_id)"
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
