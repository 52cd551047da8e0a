from odoo import fields, models

# The steps of the work, in their order: a request's stage follows them forward only.
WORK_STEPS = [
    ("answered", "Answered"),
    ("progress", "In Progress"),
    ("parts", "Waiting for Parts"),
    ("onsite", "On Site"),
    ("done", "Done"),
]
STEP_RANK = {step: rank for rank, (step, _label) in enumerate(WORK_STEPS, start=1)}


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    aftersales_pause = fields.Boolean(
        string="Waiting for Customer",
        help="While a request is in this stage, its answer and on-site clocks stop; the "
        "time spent here extends those deadlines.",
    )
    aftersales_step = fields.Selection(
        WORK_STEPS,
        string="Work Step",
        help="A request moves to this stage by itself when its work reaches this step "
        "(answered, in progress, waiting for parts, on site, done); automatic moves only go "
        "forward, and a stage set by hand stays until the next fact.",
    )
