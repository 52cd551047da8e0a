from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Issue 15 (the dispatcher's worklist) on an existing database: the after-sales team (noupdate
    data) is flagged as such, so the After-sales app lists its requests; the engineers land on
    their trips."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    team = env.ref("aftersales_service.helpdesk_team_aftersales", raise_if_not_found=False)
    if team:
        team.aftersales_team = True
    engineers = env.ref("aftersales_service.group_aftersales_engineer").users
    engineers.filtered(lambda user: not user.action_id)._aftersales_set_engineer_home()
