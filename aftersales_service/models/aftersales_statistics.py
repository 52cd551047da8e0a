from odoo import api, fields, models, tools
from odoo.tools import SQL

from .aftersales_role import ROLES
from .helpdesk_ticket import CLOCK_FIELDS, COVERAGE

NDA_STATES = [("valid", "Valid"), ("expired", "Expired Agreement"), ("missing", "No Agreement")]


def company_zones_sql():
    """Each company's time zone (that of its working calendar, else of its partner, else UTC,
    as ``res.company._aftersales_tz``) and its repeat-request window, as a CTE."""
    return SQL(
        """
        zones AS (
            SELECT c.id AS company_id,
                   COALESCE(NULLIF(cal.tz, ''), NULLIF(cp.tz, ''), 'UTC') AS tz,
                   COALESCE(c.aftersales_repeat_days, 0) AS repeat_days,
                   COALESCE(c.aftersales_hour_cost, 0) AS hour_cost
              FROM res_company c
              JOIN res_partner cp ON cp.id = c.partner_id
         LEFT JOIN resource_calendar cal ON cal.id = c.resource_calendar_id
        )"""
    )


def local_month_sql(column):
    """The first day of the month of a UTC ``timestamp`` column in the company's zone."""
    return SQL(
        "date_trunc('month', (%s AT TIME ZONE 'UTC') AT TIME ZONE z.tz)::date",
        SQL(column),
    )


def on_time_sql(clock, alias="t"):
    """True when the clock's fact came by its deadline, false once the deadline passed
    without it, NULL while it runs or where the clock does not apply (no deadline)."""
    deadline, fact = (SQL.identifier(alias, name) for name in CLOCK_FIELDS[clock])
    return SQL(
        """CASE WHEN %(d)s IS NULL THEN NULL
                WHEN %(f)s IS NOT NULL THEN %(f)s <= %(d)s
                WHEN %(d)s < (now() AT TIME ZONE 'UTC') THEN FALSE
           END""",
        d=deadline,
        f=fact,
    )


def rate_sql(flag):
    """100 when on time, 0 when late, NULL when undecided: its average is the on-time rate."""
    return SQL("CASE WHEN %s THEN 100.0 WHEN NOT %s THEN 0.0 END", flag, flag)


class AftersalesStatistics(models.Model):
    """Monthly statistics of the service requests (R44): one row per request, counted in the
    month it was received in the company's time zone (a request received at 00:30 Beijing
    time on the 1st belongs to that month, not to the previous one as in UTC)."""

    _name = "aftersales.statistics"
    _description = "After-sales Statistics"
    _auto = False
    _rec_name = "ticket_id"
    _order = "month desc, ticket_id desc"
    _depends = {
        "helpdesk.ticket": [
            "received_at",
            "company_id",
            "commercial_partner_id",
            "aftersales_project_id",
            "user_id",
            "category_id",
            "coverage",
            "severity",
            "channel_id",
            "aftersales_rating",
            "remote_resolution",
            *(name for pair in CLOCK_FIELDS.values() for name in pair),
        ],
        "aftersales.project": ["site_state_id"],
        "aftersales.dispatch": ["ticket_id", "state", "work_hours"],
        "hr.expense.sheet": ["aftersales_dispatch_id", "approval_state", "total_amount"],
        "repair.order": ["ticket_id", "state"],
        "res.company": ["resource_calendar_id", "aftersales_hour_cost", "partner_id"],
        "resource.calendar": ["tz"],
        "aftersales.complaint": ["ticket_id"],
    }

    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    month = fields.Date(readonly=True, help="Month of receipt, in the company's time zone.")
    received_at = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    project_id = fields.Many2one("aftersales.project", string="Project", readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned To", readonly=True)
    category_id = fields.Many2one("helpdesk.ticket.category", string="Request Type", readonly=True)
    state_id = fields.Many2one("res.country.state", string="Site Province", readonly=True)
    channel_id = fields.Many2one("helpdesk.ticket.channel", string="Channel", readonly=True)
    coverage = fields.Selection(COVERAGE, readonly=True)
    severity = fields.Selection([("general", "General"), ("major", "Major")], readonly=True)
    remote_resolution = fields.Boolean(
        string="Resolved Remotely",
        readonly=True,
        help="Resolved by technical support by phone or over the network, without a trip (R46).",
    )
    remote_count = fields.Integer(string="Remote Resolutions", readonly=True)
    answer_on_time = fields.Boolean(string="Answered On Time", readonly=True)
    onsite_on_time = fields.Boolean(string="On Site On Time", readonly=True)
    quote_on_time = fields.Boolean(string="Quoted On Time", readonly=True)
    parts_on_time = fields.Boolean(readonly=True)
    answer_rate = fields.Float(string="Answer On-time %", readonly=True, aggregator="avg")
    onsite_rate = fields.Float(string="On-site On-time %", readonly=True, aggregator="avg")
    quote_rate = fields.Float(string="Quotation On-time %", readonly=True, aggregator="avg")
    parts_rate = fields.Float(string="Parts On-time %", readonly=True, aggregator="avg")
    rating = fields.Float(string="Average Rating", readonly=True, aggregator="avg")
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    repair_count = fields.Integer(string="Repairs", readonly=True)
    trip_count = fields.Integer(string="Trips", readonly=True)
    hours = fields.Float(string="Person-hours", readonly=True)
    expense_cost = fields.Monetary(string="Approved Travel Expenses", readonly=True)
    labour_cost = fields.Monetary(readonly=True)

    def _query(self):
        ticket = "t"
        return SQL(
            """
            WITH %(zones)s,
            trips AS (
                SELECT d.ticket_id, COUNT(*) AS trip_count,
                       SUM(COALESCE(d.work_hours, 0)) AS hours
                  FROM aftersales_dispatch d
                 WHERE d.state NOT IN ('draft', 'cancel')
              GROUP BY d.ticket_id
            ),
            expenses AS (
                SELECT d.ticket_id, SUM(s.total_amount) AS amount
                  FROM hr_expense_sheet s
                  JOIN aftersales_dispatch d ON d.id = s.aftersales_dispatch_id
                 WHERE d.state NOT IN ('draft', 'cancel') AND s.approval_state = 'approve'
                   AND s.advance IS NOT TRUE
              GROUP BY d.ticket_id
            ),
            repairs AS (
                SELECT r.ticket_id, COUNT(*) AS repair_count
                  FROM repair_order r
                 WHERE r.ticket_id IS NOT NULL AND r.state != 'cancel'
              GROUP BY r.ticket_id
            ),
            complaints AS (
                SELECT c.ticket_id, COUNT(*) AS complaint_count
                  FROM aftersales_complaint c
                 WHERE c.ticket_id IS NOT NULL
              GROUP BY c.ticket_id
            )
            SELECT t.id AS id, t.id AS ticket_id,
                   %(month)s AS month,
                   t.received_at, t.company_id, c.currency_id,
                   t.commercial_partner_id AS partner_id,
                   t.aftersales_project_id AS project_id,
                   t.user_id, t.category_id, p.site_state_id AS state_id, t.channel_id,
                   t.coverage, t.severity,
                   COALESCE(t.remote_resolution, FALSE) AS remote_resolution,
                   CASE WHEN t.remote_resolution THEN 1 ELSE 0 END AS remote_count,
                   %(answer)s AS answer_on_time, %(onsite)s AS onsite_on_time,
                   %(quote)s AS quote_on_time, %(parts)s AS parts_on_time,
                   %(answer_rate)s AS answer_rate, %(onsite_rate)s AS onsite_rate,
                   %(quote_rate)s AS quote_rate, %(parts_rate)s AS parts_rate,
                   NULLIF(t.aftersales_rating, 0) AS rating,
                   COALESCE(cp.complaint_count, 0) AS complaint_count,
                   COALESCE(rp.repair_count, 0) AS repair_count,
                   COALESCE(tr.trip_count, 0) AS trip_count,
                   COALESCE(tr.hours, 0) AS hours,
                   COALESCE(ex.amount, 0) AS expense_cost,
                   COALESCE(tr.hours, 0) * z.hour_cost AS labour_cost
              FROM helpdesk_ticket t
              JOIN zones z ON z.company_id = t.company_id
              JOIN res_company c ON c.id = t.company_id
         LEFT JOIN aftersales_project p ON p.id = t.aftersales_project_id
         LEFT JOIN trips tr ON tr.ticket_id = t.id
         LEFT JOIN expenses ex ON ex.ticket_id = t.id
         LEFT JOIN repairs rp ON rp.ticket_id = t.id
         LEFT JOIN complaints cp ON cp.ticket_id = t.id
            """,
            zones=company_zones_sql(),
            month=local_month_sql("t.received_at"),
            answer=on_time_sql("answer", ticket),
            onsite=on_time_sql("onsite", ticket),
            quote=on_time_sql("quote", ticket),
            parts=on_time_sql("parts", ticket),
            answer_rate=rate_sql(on_time_sql("answer", ticket)),
            onsite_rate=rate_sql(on_time_sql("onsite", ticket)),
            quote_rate=rate_sql(on_time_sql("quote", ticket)),
            parts_rate=rate_sql(on_time_sql("parts", ticket)),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )


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
