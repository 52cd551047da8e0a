from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # R30: remind the customer one month before the warranty (and so the retention) ends.
    aftersales_retention_reminder_months = fields.Integer(
        string="Retention Reminder (months before due)",
        default=1,
        help="The retention-money reminder goes out this many months before the warranty ends.",
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
    # R29, R30: the customer letters name whom to call: the after-sales department's desk.
    aftersales_contact_id = fields.Many2one(
        "res.partner",
        string="After-sales Contact",
        help="The after-sales department's contact (name, phone, e-mail) printed on every letter to "
        "customers: payment notices and retention reminders. Empty: the company's own.",
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
