from odoo import fields, models

from ..tools.access import internal_only

FILE_GROUP = "aftersales_service.group_aftersales_user"


class ResPartner(models.Model):
    """R4: the customer file (archive card), one per customer (commercial partner): projects
    with their warranty and maintenance status, installed serials, open and past requests,
    complaints, service reports with their ratings, receivables (and, with the collection
    addon, retention money). On the partner form (smart buttons, print) and printable."""

    _inherit = "res.partner"

    aftersales_project_count = fields.Integer(
        string="After-sales Projects", compute="_compute_aftersales_file_counts", groups=FILE_GROUP
    )
    aftersales_complaint_count = fields.Integer(
        string="Complaints", compute="_compute_aftersales_file_counts", groups=FILE_GROUP
    )

    def _compute_aftersales_file_counts(self):
        commercial = self.commercial_partner_id
        counts = {}
        for model, key in (
            ("aftersales.project", "aftersales_project_count"),
            ("aftersales.complaint", "aftersales_complaint_count"),
        ):
            counts[key] = {
                partner.id: count
                for partner, count in self.env[model]._read_group(
                    [("commercial_partner_id", "in", commercial.ids)],
                    ["commercial_partner_id"],
                    ["__count"],
                )
            }
        for partner in self:
            for key, by_partner in counts.items():
                partner[key] = by_partner.get(partner.commercial_partner_id.id, 0)

    def _aftersales_file_action(self, model, name):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(name)
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    @internal_only(FILE_GROUP)
    def action_aftersales_projects(self):
        return self._aftersales_file_action(
            "aftersales.project", "aftersales_service.aftersales_project_action"
        )

    @internal_only(FILE_GROUP)
    def action_aftersales_complaints(self):
        return self._aftersales_file_action(
            "aftersales.complaint", "aftersales_service.aftersales_complaint_action"
        )

    @internal_only(FILE_GROUP)
    def action_print_aftersales_file(self):
        return self.env.ref("aftersales_service.action_report_customer_file").report_action(
            self.commercial_partner_id
        )

    def _aftersales_customer_file(self):
        """What the printed file shows, read with the printing user's rights (record rules
        apply); receivables are read for the back office, who sends payment notices."""
        self.ensure_one()
        partner = self.commercial_partner_id
        domain = [("commercial_partner_id", "=", partner.id)]
        tickets = self.env["helpdesk.ticket"].search(domain, order="received_at desc")
        values = {
            "projects": self.env["aftersales.project"].search(domain, order="name"),
            "open_tickets": tickets.filtered(lambda t: not t.stage_id.closed),
            "past_tickets": tickets.filtered(lambda t: t.stage_id.closed),
            "complaints": self.env["aftersales.complaint"].search(domain),
            "reports": self.env["aftersales.service.report"].search(
                domain, order="service_date desc"
            ),
            "invoices": self.env["account.move"],
            "today": self.env.company._aftersales_today(),
        }
        if self.env.user.has_group(FILE_GROUP):
            values["invoices"] = (
                self.env["account.move"]
                .sudo()
                .search(
                    [
                        ("commercial_partner_id", "=", partner.id),
                        ("move_type", "in", ("out_invoice", "out_refund")),
                        ("state", "=", "posted"),
                        ("payment_state", "in", ("not_paid", "partial")),
                        ("company_id", "in", self.env.companies.ids),
                    ],
                    order="invoice_date_due, id",
                )
            )
        return values
