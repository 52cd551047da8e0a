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
