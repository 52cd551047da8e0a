from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.access import internal_only


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    remote_resolution = fields.Boolean(
        string="Resolved Remotely",
        tracking=True,
        copy=False,
        help="Resolved by technical support by phone or over the network, without a trip (R46).",
    )

    @api.constrains("remote_resolution")
    def _check_remote_resolution(self):
        for ticket in self.filtered("remote_resolution"):
            if ticket.dispatch_ids.filtered(lambda d: d.state not in ("draft", "cancel")):
                raise ValidationError(
                    self.env._(
                        "Request %(request)s went on site: it was not resolved remotely.",
                        request=ticket.display_name,
                    )
                )

    def _aftersales_support_user(self):
        """The technical support colleague of the request's company with the fewest open
        requests (R46)."""
        self.ensure_one()
        company = self.company_id or self.env.company
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("aftersales_role", "=", "support"),
                    ("user_id", "!=", False),
                    ("company_id", "in", (company.id, False)),
                ]
            )
        )
        users = employees.user_id.filtered(lambda u: company in u.company_ids)
        if not users:
            return users
        load = dict(
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [("user_id", "in", users.ids), ("stage_id.closed", "=", False)],
                ["user_id"],
                ["__count"],
            )
        )
        return min(users, key=lambda u: (load.get(u, 0), u.id))

    @internal_only("aftersales_service.group_aftersales_user")
    def action_assign_technical_support(self):
        """Hand the request to technical support for remote resolution (R46)."""
        for ticket in self:
            user = ticket._aftersales_support_user()
            if not user:
                raise UserError(
                    self.env._(
                        "No employee of %(company)s has the role Technical Support with a user: "
                        "set the role on the employee or on the job position.",
                        company=(ticket.company_id or self.env.company).name,
                    )
                )
            ticket.user_id = user
            ticket.message_post(
                body=Markup("%s")
                % self.env._(
                    "Assigned to technical support (%(user)s) for remote resolution.",
                    user=user.name,
                )
            )
        return True
