from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _action_confirm(self):
        result = super()._action_confirm()
        self._aftersales_ask_staffing()
        return result

    def _aftersales_ask_staffing(self):
        """R13: the day the customer's service order takes effect, the staffing of the visit is
        agreed with the department managers: an activity due by the end of today on the request
        for each after-sales manager, once per request and manager."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        ticket_model = self.env["ir.model"]._get_id("helpdesk.ticket")
        Activity = self.env["mail.activity"].sudo()
        vals_list = []
        for order in self.filtered("aftersales_ticket_id"):
            ticket = order.aftersales_ticket_id
            if not ticket.needs_onsite:
                continue
            company = ticket.company_id or order.company_id
            summary = self.env._(
                "Agree the staffing of %(request)s today (R13)", request=ticket.display_name
            )
            already = set(
                Activity.search(
                    [
                        ("res_model", "=", "helpdesk.ticket"),
                        ("res_id", "=", ticket.id),
                        ("summary", "=", summary),
                    ]
                ).user_id.ids
            )
            for manager in company._aftersales_deciders("manager"):
                if manager.id in already:
                    continue
                vals_list.append(
                    {
                        "res_model_id": ticket_model,
                        "res_id": ticket.id,
                        "activity_type_id": todo.id,
                        "user_id": manager.id,
                        "summary": summary,
                        "note": self.env._(
                            "Service order %(order)s is confirmed: agree who goes and for how "
                            "long with the department managers today (R13, R20).",
                            order=order.name,
                        ),
                        "date_deadline": order.company_id._aftersales_today(),
                    }
                )
        if vals_list:
            Activity.create(vals_list)
