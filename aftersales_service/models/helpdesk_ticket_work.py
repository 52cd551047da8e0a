from odoo import models

from .helpdesk_ticket_stage_aftersales import STEP_RANK

# Facts whose recording may move the request's stage forward.
_STEP_FACTS = {"answered_at", "onsite_at"}


class HelpdeskTicket(models.Model):
    """The request's stage follows the work (answered -> in progress -> waiting for parts ->
    on site -> done) through the step set on each helpdesk stage."""

    _inherit = "helpdesk.ticket"

    def _aftersales_record_onsite(self, arrived_at):
        """An arrival on site (a trip's, or a service report's): the earliest one is the
        request's on-site fact (R9-R10); it stops the on-site clock."""
        if not arrived_at:
            return
        tickets = self.filtered(lambda t: not t.onsite_at or t.onsite_at > arrived_at)
        if tickets:
            # Whoever records the arrival may not write the whole request.
            tickets.sudo().write({"onsite_at": arrived_at})

    def _aftersales_reached_step(self):
        """The furthest step of the work this request has reached, or False."""
        self.ensure_one()
        if self.aftersales_report_ids.filtered(lambda r: r.state in ("signed", "settled")):
            return "done"
        if self.onsite_at:
            return "onsite"
        if self.parts_deadline and not self.parts_done_at:
            return "parts"
        if self.repair_ids.filtered(lambda r: r.state in ("confirmed", "under_repair", "done")) or (
            self.dispatch_ids.filtered(lambda d: d.state not in ("draft", "cancel"))
        ):
            return "progress"
        if self.answered_at:
            return "answered"
        return False

    def _aftersales_follow_work(self):
        """Move each open request forward to the stage of the furthest step its work has
        reached; never backward, never out of a closed or a waiting-for-customer stage."""
        tickets = self.exists().filtered(
            lambda t: not t.stage_id.closed and not t.stage_id.aftersales_pause
        )
        if not tickets:
            return
        stages = (
            self.env["helpdesk.ticket.stage"]
            .sudo()
            .search([("aftersales_step", "!=", False)], order="sequence, id")
        )
        for ticket in tickets:
            reached = STEP_RANK.get(ticket._aftersales_reached_step(), 0)
            current = STEP_RANK.get(ticket.stage_id.aftersales_step, 0)
            if reached <= current:
                continue
            candidates = stages.filtered(
                lambda s, current=current, reached=reached, ticket=ticket: current
                < STEP_RANK[s.aftersales_step]
                <= reached
                and s.company_id in (ticket.company_id, self.env["res.company"])
                and (not s.team_ids or ticket.team_id in s.team_ids)
            )
            if candidates:
                best = max(candidates, key=lambda s: (STEP_RANK[s.aftersales_step], -s.sequence))
                ticket.sudo().write({"stage_id": best.id})

    def write(self, vals):
        res = super().write(vals)
        if _STEP_FACTS & set(vals) and "stage_id" not in vals:
            self._aftersales_follow_work()
        return res
