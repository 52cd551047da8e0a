from odoo import fields, models
from odoo.exceptions import AccessError, UserError


class HrExpenseSheet(models.Model):
    """Expense reports of a trip. R21: back from the trip, the after-sales manager reviews the
    engineers' expense claims before the expense approver and accounting handle them."""

    _name = "hr.expense.sheet"
    _inherit = ["hr.expense.sheet", "aftersales.gate.mixin"]
    # Set only by the after-sales manager's review (R21).
    _aftersales_gated_fields = ("aftersales_reviewed_by", "aftersales_reviewed_at")

    aftersales_dispatch_id = fields.Many2one(
        "aftersales.dispatch",
        string="Trip",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        copy=False,
    )
    aftersales_reviewed_by = fields.Many2one(
        "res.users", string="Reviewed by After-sales", copy=False, readonly=True, tracking=True
    )
    aftersales_reviewed_at = fields.Datetime(string="After-sales Review", copy=False, readonly=True)
    aftersales_review_needed = fields.Boolean(compute="_compute_aftersales_review_needed")

    def _compute_aftersales_review_needed(self):
        for sheet in self:
            sheet.aftersales_review_needed = (
                bool(sheet.aftersales_dispatch_id)
                and not sheet.advance
                and not sheet.aftersales_reviewed_by
                and sheet.state == "submit"
            )

    def action_aftersales_review(self):
        for sheet in self:
            if not sheet.company_id._aftersales_is_decider("manager"):
                raise AccessError(self.env._("Only the after-sales manager reviews trip expenses."))
            if not sheet.aftersales_dispatch_id or sheet.state != "submit":
                raise UserError(
                    self.env._(
                        "Expense report %(name)s: only a submitted report of a trip can be "
                        "reviewed.",
                        name=sheet.name,
                    )
                )
        # The manager may not be an expense approver: the review is a mark, not an approval.
        self._aftersales_gate_write(
            {
                "aftersales_reviewed_by": self.env.uid,
                "aftersales_reviewed_at": fields.Datetime.now(),
            },
            access="read",
        )
        return True

    def _check_can_approve(self):
        unreviewed = self.filtered(
            lambda s: s.aftersales_dispatch_id and not s.advance and not s.aftersales_reviewed_by
        )
        if unreviewed:
            raise UserError(
                self.env._(
                    "The after-sales manager must review these trip expense reports first: "
                    "%(sheets)s",
                    sheets=", ".join(unreviewed.mapped("name")),
                )
            )
        return super()._check_can_approve()

    def _do_reset_approval(self):
        # A claim changed after review is reviewed again.
        self.sudo().write({"aftersales_reviewed_by": False, "aftersales_reviewed_at": False})
        return super()._do_reset_approval()
