from odoo import api, models

ENGINEER_HOME = "aftersales_service.aftersales_dispatch_my_action"


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._aftersales_set_engineer_home()
        return users

    def write(self, vals):
        res = super().write(vals)
        # Groups are granted through groups_id or the form's reified group fields.
        if any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals):
            self._aftersales_set_engineer_home()
        return res

    def _aftersales_set_engineer_home(self):
        """Field engineers land on their trips (with the briefings to acknowledge), not on
        Discuss: an engineer without a home action gets it; a user promoted to the back office
        (dispatcher, manager) is given Odoo's default home back (issue 15)."""
        home = self.env.ref(ENGINEER_HOME, raise_if_not_found=False)
        if not home:
            return
        engineer = self.env.ref("aftersales_service.group_aftersales_engineer")
        back_office = self.env.ref("aftersales_service.group_aftersales_user")
        for user in self.sudo():
            is_engineer = not user.share and engineer in user.groups_id
            if is_engineer and back_office not in user.groups_id:
                if not user.action_id:
                    user.action_id = home.id
            elif user.action_id.id == home.id:
                user.action_id = False
