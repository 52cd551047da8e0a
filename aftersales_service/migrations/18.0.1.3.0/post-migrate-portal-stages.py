from odoo import SUPERUSER_ID, api

# What customers read of a request in these stages (issue 14, R1): set by
# data/helpdesk_team_data.xml, which is noupdate, so a database installed before the mapping
# existed gets it here. A status someone has chosen since is kept.
PORTAL_STATUSES = {
    "helpdesk_mgmt.helpdesk_ticket_stage_cancelled": "cancelled",
    "helpdesk_mgmt.helpdesk_ticket_stage_rejected": "cancelled",
}


def set_portal_statuses(env):
    """Give each stage above its customer-facing status where it has none; the stages set."""
    stages = env["helpdesk.ticket.stage"]
    for xmlid, status in PORTAL_STATUSES.items():
        stage = env.ref(xmlid, raise_if_not_found=False)
        if stage and not stage.aftersales_portal_status:
            stage.aftersales_portal_status = status
            stages |= stage
    return stages


def migrate(cr, version):
    set_portal_statuses(api.Environment(cr, SUPERUSER_ID, {}))
