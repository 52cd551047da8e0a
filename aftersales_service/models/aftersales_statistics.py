from odoo import fields, models, tools
from odoo.tools import SQL

from .helpdesk_ticket_aftersales import CLOCK_FIELDS, COVERAGE

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
