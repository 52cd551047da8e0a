from odoo import api, fields, models

from odoo.addons.aftersales_service.models.aftersales_dispatch import NOT_LEFT_STATES


class AftersalesDispatch(models.Model):
    _inherit = "aftersales.dispatch"

    briefing_ids = fields.One2many(
        "aftersales.hazard.briefing", "dispatch_id", string="Hazard Briefings"
    )
    briefing_count = fields.Integer(compute="_compute_briefing_counts")
    briefing_pending_count = fields.Integer(compute="_compute_briefing_counts")

    @api.depends("briefing_ids.state")
    def _compute_briefing_counts(self):
        for dispatch in self:
            dispatch.briefing_count = len(dispatch.briefing_ids)
            dispatch.briefing_pending_count = len(
                dispatch.briefing_ids.filtered(lambda b: b.state == "pending")
            )

    @api.model_create_multi
    def create(self, vals_list):
        dispatches = super().create(vals_list)
        dispatches._sync_hazard_briefings()
        return dispatches

    def write(self, vals):
        res = super().write(vals)
        if "employee_ids" in vals:
            self._sync_hazard_briefings()
        if "ticket_id" in vals:
            self.briefing_ids.filtered(lambda b: b.dispatch_id.state in NOT_LEFT_STATES)._reopen()
        return res

    def _sync_hazard_briefings(self):
        """R41: one briefing per engineer of a trip that has not left; none for engineers
        taken off the trip (unless already acknowledged, which stays on record)."""
        Briefing = self.env["aftersales.hazard.briefing"].sudo()
        # An engineer joining a trip already on site is briefed too.
        planned = self.filtered(lambda d: d.state in (*NOT_LEFT_STATES, "onsite"))
        to_create = []
        to_remove = Briefing
        for dispatch in planned.sudo():
            briefed = dispatch.briefing_ids.employee_id
            to_create += [
                {"dispatch_id": dispatch.id, "employee_id": employee.id}
                for employee in dispatch.employee_ids - briefed
            ]
            to_remove |= dispatch.briefing_ids.filtered(
                lambda b, d=dispatch: b.employee_id not in d.employee_ids and b.state == "pending"
            )
        to_remove.unlink()
        Briefing.create(to_create)

    def _get_dispatch_blockers(self):
        # R41: each engineer acknowledged the site's hazards. Checked again as the trip moves
        # on: a briefing reopened after the confirmation (the hazards changed), or made for an
        # engineer who joined the confirmed trip, is acknowledged before it returns.
        blockers = super()._get_dispatch_blockers()
        acknowledged = (
            self.sudo().briefing_ids.filtered(lambda b: b.state == "acknowledged").employee_id
        )
        for employee in self.sudo().employee_ids - acknowledged:
            blockers.append(
                self.env._(
                    "Hazard briefing not acknowledged by %(engineer)s.", engineer=employee.name
                )
            )
        return blockers

    def _get_pending_acknowledgements(self):
        # R41: the briefings still to acknowledge, each by its engineer (action_acknowledge).
        return super()._get_pending_acknowledgements() + [
            self.briefing_ids.filtered(lambda b: b.state == "pending")
        ]

    def action_view_briefings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_hazard.aftersales_hazard_briefing_action"
        )
        action.update(domain=[("dispatch_id", "=", self.id)], context={"create": False})
        return action
