import io

import xlsxwriter

from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.aftersales_service.tools.access import internal_only

BUCKETS = [
    ("0_30", "0–30 days"),
    ("31_90", "31–90 days"),
    ("91_180", "91–180 days"),
    ("over_180", "> 180 days"),
]
# Excel allows 31 characters in a sheet name: a company's name is cut to SHEET_NAME_MAX, and to
# fewer where a "~2" suffix must tell two names apart that are the same once cut.
SHEET_NAME_MAX = 28
SHEET_NAME_STEM = 25


class AftersalesAgeingReport(models.Model):
    """R34: ageing of the final contract payments and of the retention money, per project and
    customer. Final payments age from their due date; retention money from its due date (the
    warranty end) once it is due. Older than the company's limit (six months) is flagged red;
    the buckets' limits are company settings."""

    _name = "aftersales.ageing.report"
    _description = "Receivables Ageing"
    _auto = False
    _order = "age_days desc, id"
    _depends = {
        "account.move": [
            "aftersales_project_id",
            "move_type",
            "state",
            "invoice_date",
            "invoice_date_due",
            "date",
            "name",
            "aftersales_ageing_alerted_on",
        ],
        "account.move.line": [
            "amount_residual",
            "account_id",
            "company_id",
            "move_id",
            "date_maturity",
        ],
        "account.account": ["account_type"],
        "aftersales.project": ["commercial_partner_id"],
        "aftersales.retention": [
            "state",
            "amount",
            "due_date",
            "company_id",
            "project_id",
            "move_line_id",
            "name",
            "ageing_alerted_on",
        ],
        "res.company": [
            "aftersales_ageing_limit_months",
            "currency_id",
            "aftersales_ageing_bucket_1",
            "aftersales_ageing_bucket_2",
            "aftersales_ageing_bucket_3",
        ],
    }

    @api.model
    def _selection_bucket(self):
        """The buckets' labels follow the company's bucket limits (settings, R34); their keys
        stay those of the default limits (30, 90 and 180 days)."""
        company = self.env.company
        first, second, third = company._aftersales_ageing_limits()
        return [
            ("0_30", self.env._("0–%(days)s days", days=first)),
            ("31_90", self.env._("%(low)s–%(high)s days", low=first + 1, high=second)),
            ("91_180", self.env._("%(low)s–%(high)s days", low=second + 1, high=third)),
            ("over_180", self.env._("> %(days)s days", days=third)),
        ]

    kind = fields.Selection(
        [("final", "Final Payment"), ("retention", "Retention Money")], readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    project_id = fields.Many2one("aftersales.project", string="Project", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    reference = fields.Char(readonly=True)
    date_from = fields.Date(string="Ageing From", readonly=True)
    age_days = fields.Integer(string="Age (days)", readonly=True, aggregator="max")
    bucket = fields.Selection("_selection_bucket", string="Age Bucket", readonly=True)
    amount = fields.Monetary(string="Amount Due", readonly=True)
    is_red = fields.Boolean(string="Over the Limit", readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    retention_id = fields.Many2one("aftersales.retention", string="Retention", readonly=True)
    alerted = fields.Boolean(
        string="Limit Alert Sent", readonly=True, help="Crossing the ageing limit alerted once."
    )

    def init(self):
        # Rows are a query of the day (``_table_query``), no longer a view: drop the view that
        # databases before 18.0.1.2.0 have.
        tools.drop_view_if_exists(self.env.cr, self._table)

    @property
    def _table_query(self):
        """Ages count from the day Odoo says it is (the user's day, in the company's time
        zone), not PostgreSQL's ``CURRENT_DATE`` (the server's UTC day, which tests cannot
        freeze): the query is built for each read with that day as a parameter."""
        today = self.env.company._aftersales_today()
        return SQL(
            """
            WITH items AS (
                SELECT aml.id * 2 AS id, 'final' AS kind, aml.company_id,
                       m.aftersales_project_id AS project_id,
                       p.commercial_partner_id AS partner_id, m.name AS reference,
                       COALESCE(aml.date_maturity, m.invoice_date_due, m.invoice_date, m.date)
                           AS date_from,
                       aml.amount_residual AS amount,
                       m.id AS move_id, NULL::integer AS retention_id,
                       m.aftersales_ageing_alerted_on IS NOT NULL AS alerted
                  FROM account_move_line aml
                  JOIN account_move m ON m.id = aml.move_id
                  JOIN account_account acc ON acc.id = aml.account_id
                  JOIN aftersales_project p ON p.id = m.aftersales_project_id
                 WHERE m.move_type = 'out_invoice' AND m.state = 'posted'
                   AND acc.account_type = 'asset_receivable' AND aml.amount_residual > 0
                   AND NOT EXISTS (
                       SELECT 1 FROM aftersales_retention r WHERE r.move_line_id = aml.id)
                UNION ALL
                SELECT r.id * 2 + 1, 'retention', r.company_id, r.project_id,
                       p.commercial_partner_id, r.name, r.due_date, r.amount,
                       NULL::integer, r.id, r.ageing_alerted_on IS NOT NULL
                  FROM aftersales_retention r
                  JOIN aftersales_project p ON p.id = r.project_id
                 WHERE r.state != 'collected' AND r.amount > 0 AND r.due_date <= %(today)s
            )
            SELECT i.*, c.currency_id,
                   %(today)s - i.date_from AS age_days,
                   CASE WHEN %(today)s - i.date_from
                             <= COALESCE(c.aftersales_ageing_bucket_1, 30) THEN '0_30'
                        WHEN %(today)s - i.date_from
                             <= COALESCE(c.aftersales_ageing_bucket_2, 90) THEN '31_90'
                        WHEN %(today)s - i.date_from
                             <= COALESCE(c.aftersales_ageing_bucket_3, 180) THEN '91_180'
                        ELSE 'over_180' END AS bucket,
                   i.date_from < %(today)s
                       - make_interval(months => COALESCE(c.aftersales_ageing_limit_months, 6))
                       AS is_red
              FROM items i
              JOIN res_company c ON c.id = i.company_id
            """,
            today=today,
        )

    # ------------------------------------------------------------------ rows
    def action_open_item(self):
        """A row opens its invoice or its retention money."""
        self.ensure_one()
        item = self.move_id or self.retention_id
        return {
            "type": "ir.actions.act_window",
            "res_model": item._name,
            "res_id": item.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @internal_only("aftersales_service.group_aftersales_user")
    def action_send_reminder(self):
        """From the list: retention rows send their retention reminder, invoice rows the payment
        notice of their project; each once (a second sender skips what is sent or locked)."""
        retentions = self.retention_id
        moves = self.move_id
        action = retentions.action_send_reminder() if retentions else True
        if moves:
            moves._aftersales_send_payment_notices()
        return action

    @api.model
    def _cron_alert_over_limit(self):
        """R34: an item whose age crosses the company's limit alerts the after-sales manager
        once, with an activity on the invoice or the retention money."""
        rows = self.sudo().search([("is_red", "=", True), ("alerted", "=", False)])
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        today = self.env.company._aftersales_today()
        values = []
        for row in rows:
            item = row.move_id or row.retention_id
            manager = row.company_id._aftersales_decider("manager")
            values.append(
                {
                    "res_model_id": self.env["ir.model"]._get_id(item._name),
                    "res_id": item.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "user_id": (manager or self.env.ref("base.user_admin")).id,
                    "date_deadline": today,
                    "summary": self.env._(
                        "%(item)s is older than %(months)s months (R34)",
                        item=row.reference,
                        months=row.company_id.aftersales_ageing_limit_months,
                    ),
                }
            )
        self.env["mail.activity"].sudo().create(values)
        rows.move_id.sudo().write({"aftersales_ageing_alerted_on": today})
        rows.retention_id.sudo().write({"ageing_alerted_on": today})
        self.env["ir.cron"]._notify_progress(done=len(rows), remaining=0)
        return rows

    # ------------------------------------------------------------------ XLSX export
    @api.model
    def _xlsx_rows(self, domain):
        """{company: [(customer, project, kind, {bucket: amount}, red)]} summed per project."""
        rows = {}
        for company, partner, project, kind, bucket, red, amount in self._read_group(
            domain,
            ["company_id", "partner_id", "project_id", "kind", "bucket", "is_red"],
            ["amount:sum"],
            order="company_id, partner_id, project_id, kind",
        ):
            key = (partner, project, kind)
            per_company = rows.setdefault(company, {})
            amounts, was_red = per_company.get(key, ({}, False))
            amounts[bucket] = amounts.get(bucket, 0.0) + amount
            per_company[key] = (amounts, was_red or red)
        return rows

    @api.model
    def _xlsx_content(self, domain=None):
        """The ageing as an XLSX workbook: one sheet per company, a totals row on each."""
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        output = io.BytesIO()
        # Text is written as text, never as a formula ("=cmd|..." in a name; issue 12).
        workbook = xlsxwriter.Workbook(output, {"in_memory": True, "strings_to_formulas": False})
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        money = workbook.add_format({"num_format": "#,##0.00"})
        red_money = workbook.add_format(
            {"num_format": "#,##0.00", "font_color": "#C00000", "bold": True}
        )
        total_money = workbook.add_format({"num_format": "#,##0.00", "bold": True, "top": 1})
        headers = (
            [self.env._("Customer"), self.env._("Project"), self.env._("Type")]
            + [label for _key, label in self._bucket_labels()]
            + [self.env._("Total")]
        )
        rows = self._xlsx_rows(domain or [])
        used_names = set()
        for company, lines in rows.items() or [(self.env.company, {})]:
            name = self._sheet_name(company.name, used_names)
            sheet = workbook.add_worksheet(name)
            sheet.set_column(0, 1, 28)
            sheet.set_column(2, len(headers), 16)
            sheet.write_row(0, 0, headers, bold)
            totals = [0.0] * (len(BUCKETS) + 1)
            row = 0
            for row, ((partner, project, kind), (amounts, red)) in enumerate(
                lines.items(), start=1
            ):
                sheet.write(row, 0, partner.display_name or "")
                sheet.write(row, 1, project.display_name)
                sheet.write(row, 2, kinds[kind])
                line_total = 0.0
                for col, (bucket, _label) in enumerate(BUCKETS):
                    value = amounts.get(bucket, 0.0)
                    late = bucket == "over_180" or red
                    sheet.write_number(row, 3 + col, value, red_money if late and value else money)
                    totals[col] += value
                    line_total += value
                sheet.write_number(row, 3 + len(BUCKETS), line_total, red_money if red else money)
                totals[-1] += line_total
            sheet.write(row + 1, 0, self.env._("Total"), bold)
            for col, value in enumerate(totals):
                sheet.write_number(row + 1, 3 + col, value, total_money)
        workbook.close()
        return output.getvalue()

    def _bucket_labels(self):
        return self._fields["bucket"]._description_selection(self.env)

    @staticmethod
    def _sheet_name(name, used):
        clean = (
            "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:SHEET_NAME_MAX] or "Company"
        )
        candidate, counter = clean, 2
        while candidate.lower() in used:
            candidate, counter = f"{clean[:SHEET_NAME_STEM]}~{counter}", counter + 1
        used.add(candidate.lower())
        return candidate

    def action_export_xlsx(self):
        """Download the ageing (the selected lines, else all lines the user may see)."""
        domain = [("id", "in", self.ids)] if self else []
        content = self._xlsx_content(domain)
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._(
                    "Receivables ageing %(date)s.xlsx", date=self.env.company._aftersales_today()
                ),
                "raw": content,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "res_model": self._name,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }
