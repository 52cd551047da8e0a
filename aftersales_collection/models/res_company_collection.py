from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # R30: remind the customer one month before the warranty (and so the retention) ends.
    aftersales_retention_reminder_months = fields.Integer(
        string="Retention Reminder (months before due)",
        default=1,
        help="The retention-money reminder goes out this many months before the warranty ends.",
    )
    # R29/R30: the retention money proposed at handover, as a percentage of the contract.
    aftersales_retention_percent = fields.Float(
        string="Retention Money (% of contract)",
        digits=(5, 2),
        default=5.0,
        help="Proposed at handover for projects with a contract: the retention money withheld "
        "until the warranty ends.",
    )
    # R33: overdue without a dispute for this long: report to management.
    aftersales_escalation_days = fields.Integer(
        string="Escalate Overdue Retention After (days)",
        default=30,
        help="Retention money overdue this many days without a dispute is escalated to management.",
    )
    # R28: paid services that were served first are paid within 15 calendar days.
    aftersales_paid_service_due_days = fields.Integer(
        string="Paid Service Payment Term (days)",
        default=15,
        help="A paid service invoice is due this many calendar days after the service ends.",
    )
    # R34: the ageing of final payments stays within six months.
    aftersales_ageing_limit_months = fields.Integer(
        string="Receivable Ageing Limit (months)",
        default=6,
        help="Receivables older than this are flagged red in the ageing analysis.",
    )
    # R34: the limits of the ageing buckets (days).
    aftersales_ageing_bucket_1 = fields.Integer(string="First Ageing Bucket (days)", default=30)
    aftersales_ageing_bucket_2 = fields.Integer(string="Second Ageing Bucket (days)", default=90)
    aftersales_ageing_bucket_3 = fields.Integer(string="Third Ageing Bucket (days)", default=180)
    # R29, R30: the customer letters name whom to call: the after-sales department's desk.
    aftersales_contact_id = fields.Many2one(
        "res.partner",
        string="After-sales Contact",
        help="The after-sales department's contact (name, phone, e-mail) printed on every "
        "letter to customers: payment notices and retention reminders. Empty: the company's own.",
    )

    _sql_constraints = [
        (
            "aftersales_ageing_buckets_ascending",
            "CHECK(aftersales_ageing_bucket_1 > 0 AND aftersales_ageing_bucket_2 > "
            "aftersales_ageing_bucket_1 AND aftersales_ageing_bucket_3 > "
            "aftersales_ageing_bucket_2)",
            "The ageing buckets' limits must be positive and ascending.",
        ),
    ]

    def _aftersales_ageing_limits(self):
        """The three bucket limits of the ageing (days), defaults where unset."""
        company = self[:1] or self.env.company
        return (
            company.aftersales_ageing_bucket_1 or 30,
            company.aftersales_ageing_bucket_2 or 90,
            company.aftersales_ageing_bucket_3 or 180,
        )

    def _aftersales_letter_contact(self):
        """Who the customer letters name as the after-sales department's contact."""
        self.ensure_one()
        return self.aftersales_contact_id or self.partner_id

    def _aftersales_demo_ensure_chart(self):
        """Demo data: load the company's chart of accounts now (the Chinese one for the demo
        company in China), before the demo invoices are made. Odoo loads a localized chart only
        once every module of the run is installed; its own demo does the same for US companies."""
        ChartTemplate = self.env["account.chart.template"]
        for company in self.filtered(lambda company: not company.chart_template):
            code = ChartTemplate._guess_chart_template(company.country_id)
            module = ChartTemplate._get_chart_template_mapping().get(code, {}).get("module")
            if module and self.env["ir.module.module"]._get(module).state == "installed":
                ChartTemplate.try_loading(code, company)
